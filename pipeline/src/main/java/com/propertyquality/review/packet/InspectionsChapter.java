package com.propertyquality.review.packet;

import java.util.List;

import com.propertyquality.review.marts.QualityMarts;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * 服务检查（微笑100%）: the service inspections of the year by office and level, the mystery-shopper checks
 * (神秘顾客, the {@code mystery_shopper} rows of {@code inspection_summary}) and the serious nonconformities the
 * review must hear of ({@code review_triggers}). The mart is monthly; the office-and-level table totals its
 * additive counts and shows the range of the monthly average scores, since a yearly mean is no mart figure.
 */
public final class InspectionsChapter {

    static final String MYSTERY_SHOPPER = "mystery_shopper";

    private InspectionsChapter() {}

    public static Chapter build(PacketSource source, int year, Lang lang) {
        OfficeRegister register = OfficeRegister.of(source, year);
        List<MartRow> inspections = MartRow.of(source.martOfYear(QualityMarts.INSPECTION_SUMMARY, year));
        List<MartRow> serious = MartRow.of(source.martOfYear(ReviewMarts.REVIEW_ATTENTION_ITEMS, year)).stream()
                .filter(row -> ReviewMarts.INSPECTION_NONCONFORMITIES.equals(row.text("item")))
                .toList();
        return new Chapter(lang.pick("服务检查（微笑100%）", "Service inspections (Smile 100%)"),
                lang.pick("服务检查", "Inspections"), List.of(
                        Section.numbered(lang.pick("各管理处、各级别检查情况", "Inspections by office and level"),
                                intro(lang),
                                InspectionTables.byOfficeAndLevel(inspections, register, true, lang)),
                        Section.numbered(lang.pick("神秘顾客检查结果", "Mystery-shopper checks"),
                                mysteryShoppers(inspections, register, lang)),
                        Section.numbered(lang.pick("不合格项较多的检查", "Inspections with many nonconformities"),
                                InspectionTables.seriousNonconformities(serious, register, lang))));
    }

    private static Paragraphs intro(Lang lang) {
        return Paragraphs.of(lang.pick(
                "依据《微笑100%服务产品实施方案》的检验手段：质量管理部月检、客服中心组织的检查（模拟场景或神秘顾客）、"
                        + "管理处主任月检、客服主任日检，以及外部检查。",
                "The checks of the Smile 100% programme: the quality department's monthly check, the customer-service"
                        + " centre's checks (staged scenes or mystery shoppers), the office director's monthly check,"
                        + " the customer-service supervisor's daily check, and external checks."));
    }

    private static Table mysteryShoppers(List<MartRow> inspections, OfficeRegister register, Lang lang) {
        List<Row> rows = inspections.stream().filter(row -> MYSTERY_SHOPPER.equals(row.text("level")))
                .map(row -> Row.of(ReviewTerms.month(row.integer("month"), lang), register.nameOf(row),
                        row.count("inspections"), row.number("average_score"), row.number("min_score"),
                        InspectionTables.recordedNonconformities(row),
                        row.count("complaints")))
                .toList();
        return Table.of(List.of(
                        Column.text(lang.pick("月份", "Month"), 6),
                        Column.text(lang.pick("管理处", "Office"), 20),
                        Column.count(lang.pick("检查次数", "Checks"), 7),
                        Column.decimal(lang.pick("平均得分", "Average score"), 8),
                        Column.decimal(lang.pick("最低得分", "Lowest score"), 8),
                        Column.count(lang.pick("不合格项数", "Nonconformities"), 8),
                        Column.count(lang.pick("该处当月投诉", "Office's complaints that month"), 9)), rows)
                .withEmptyText(lang.pick("本年度未进行神秘顾客检查。", "No mystery-shopper checks this year."))
                .withNote(lang.pick("神秘顾客检查由公司客服中心组织；当月投诉为该管理处当月的投诉件数（月度投诉反映）。",
                        "Mystery shoppers are sent by the customer-service centre; the complaints are the office's"
                                + " complaints of that month."));
    }
}
