package com.propertyquality.review.packet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.marts.QualityMarts;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Table;

/**
 * The tables of corrective and preventive actions ({@code action_status}, {@code actions_failed_verification}) the
 * packet's chapter and an office's pages both print, built once here: with the office column when the rows are
 * several offices', without it when they are one office's.
 */
final class ActionTables {

    private ActionTables() {}

    static Table actionProgress(List<MartRow> status, OfficeRegister register, boolean withOffice, Lang lang) {
        List<Row> rows = status.stream()
                .map(row -> new Row(cells(withOffice, register.ownerOf(row, lang),
                        ReviewTerms.area(row.text("area"), lang), row.count("actions"), row.count("corrective"),
                        row.count("open"), row.count("overdue"), row.count("closed_on_time"),
                        row.count("closed_late")), row.isPositive("overdue")))
                .toList();
        return Table.of(columns(withOffice, lang,
                        Column.text(lang.pick("涉及方面", "Area"), 10),
                        Column.count(lang.pick("措施数", "Actions"), 6),
                        Column.count(lang.pick("其中纠正", "Corrective"), 7),
                        Column.count(lang.pick("未完成", "Open"), 6),
                        Column.count(lang.pick("其中逾期", "Overdue"), 6),
                        Column.count(lang.pick("按期完成", "Closed on time"), 7),
                        Column.count(lang.pick("逾期完成", "Closed late"), 7)), rows)
                .withCaption(lang.pick("实施情况", "Progress"))
                .withEmptyText(lang.pick("本年度未开立纠正和预防措施。", "No corrective or preventive action this year."))
                .withNote(lang.pick("底纹：有逾期未完成的措施。", "Shaded: an action is overdue."));
    }

    static Table actionVerification(List<MartRow> status, OfficeRegister register, boolean withOffice, Lang lang) {
        List<Row> rows = status.stream()
                .map(row -> new Row(cells(withOffice, register.ownerOf(row, lang),
                        ReviewTerms.area(row.text("area"), lang), row.count("actions"),
                        row.count("verified_effective"), row.count("verified_not_effective"),
                        row.count("verification_pending")), row.isPositive("verified_not_effective")))
                .toList();
        return Table.of(columns(withOffice, lang,
                        Column.text(lang.pick("涉及方面", "Area"), 10),
                        Column.count(lang.pick("措施数", "Actions"), 6),
                        Column.count(lang.pick("验证有效", "Effective"), 7),
                        Column.count(lang.pick("验证无效", "Not effective"), 7),
                        Column.count(lang.pick("待验证", "Pending"), 7)), rows)
                .withCaption(lang.pick("效果验证", "Verification of effect"))
                .withEmptyText(lang.pick("本年度未开立纠正和预防措施。", "No corrective or preventive action this year."))
                .withNote(lang.pick("底纹：有验证无效的措施。", "Shaded: an action was found not effective."));
    }

    /** The cells of a row, with the office first when the table lists several offices. */
    private static List<Object> cells(boolean withOffice, String office, Object... rest) {
        List<Object> cells = new ArrayList<>();
        if (withOffice) {
            cells.add(office);
        }
        cells.addAll(Arrays.asList(rest));
        return cells;
    }

    private static List<Column> columns(boolean withOffice, Lang lang, Column... rest) {
        List<Column> columns = new ArrayList<>();
        if (withOffice) {
            columns.add(Column.text(lang.pick("管理处", "Office"), 17));
        }
        columns.addAll(Arrays.asList(rest));
        return columns;
    }

    /**
     * The actions found not effective that concern the year: opened in it, or verified in it (an action of last
     * year that failed this year is this review's business too).
     */
    static List<MartRow> failedInYear(PacketSource source, int year) {
        return MartRow.of(source.mart(QualityMarts.ACTIONS_FAILED_VERIFICATION)).stream()
                .filter(row -> Integer.valueOf(year).equals(row.integer("year"))
                        || row.date("verified_on") != null && row.date("verified_on").getYear() == year)
                .toList();
    }

    static Table failedTable(List<MartRow> failed, OfficeRegister register, boolean withOffice, Lang lang) {
        List<Row> rows = failed.stream()
                .map(row -> new Row(cells(withOffice, register.ownerOf(row, lang), row.text("action_id"),
                        ReviewTerms.area(row.text("area"), lang),
                        Names.of(ImportTemplates.ACTION_TYPES, row.text("type"), lang), row.text("owner_department"),
                        row.date("due_on"), row.date("verified_on"), row.text("description")), true))
                .toList();
        List<Column> columns = new ArrayList<>();
        if (withOffice) {
            columns.add(Column.text(lang.pick("管理处", "Office"), 13));
        }
        columns.addAll(List.of(
                Column.text(lang.pick("措施编号", "Action"), 10),
                Column.text(lang.pick("涉及方面", "Area"), 8),
                Column.text(lang.pick("类型", "Type"), 6),
                Column.text(lang.pick("责任部门", "Owner"), 8),
                Column.date(lang.pick("计划完成日期", "Due"), 9),
                Column.date(lang.pick("验证日期", "Verified"), 9),
                Column.text(lang.pick("措施描述", "Description"), withOffice ? 28 : 36)));
        return Table.of(columns, rows)
                .withCaption(lang.pick("验证无效的措施", "Actions found not effective"))
                .withEmptyText(lang.pick("没有验证无效的措施。", "No action was found not effective."))
                .withNote(lang.pick("经验证未达到预期目标的措施，由责任部门重新制定并实施，直至达到预期目标（4.5.4）；"
                                + "数据中没有记录措施是否已重新制定。",
                        "An action found not effective is redone by its owner until it works (4.5.4); the data"
                                + " does not record whether it has been redone."));
    }
}
