package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.marts.QualityMarts.ActionStatus;
import com.propertyquality.review.marts.QualityMarts.ActionsFailedVerification;
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
                        ReviewTerms.area(row.text(ActionStatus.AREA), lang), row.count(ActionStatus.ACTIONS),
                                row.count(ActionStatus.CORRECTIVE),
                        row.count(ActionStatus.OPEN), row.count(ActionStatus.OVERDUE),
                                row.count(ActionStatus.CLOSED_ON_TIME),
                        row.count(ActionStatus.CLOSED_LATE)), row.isPositive(ActionStatus.OVERDUE)))
                .toList();
        return Table.of(columns(withOffice, lang,
                        Column.text(text(lang, "column.area"), 10),
                        Column.count(text(lang, "column.actions"), 6),
                        Column.count(text(lang, "column.corrective"), 7),
                        Column.count(text(lang, "column.open"), 6),
                        Column.count(text(lang, "column.overdue"), 6),
                        Column.count(text(lang, "column.closed_time"), 7),
                        Column.count(text(lang, "column.closed_late"), 7)), rows)
                .withCaption(text(lang, "column.progress"))
                .withEmptyText(text(lang, "actionTables.no_corrective_or_preventive_action_this"))
                .withNote(text(lang, "actionTables.shaded_action_overdue"));
    }

    static Table actionVerification(List<MartRow> status, OfficeRegister register, boolean withOffice, Lang lang) {
        List<Row> rows = status.stream()
                .map(row -> new Row(cells(withOffice, register.ownerOf(row, lang),
                        ReviewTerms.area(row.text(ActionStatus.AREA), lang), row.count(ActionStatus.ACTIONS),
                        row.count(ActionStatus.VERIFIED_EFFECTIVE), row.count(ActionStatus.VERIFIED_NOT_EFFECTIVE),
                        row.count(ActionStatus.VERIFICATION_PENDING)),
                                row.isPositive(ActionStatus.VERIFIED_NOT_EFFECTIVE)))
                .toList();
        return Table.of(columns(withOffice, lang,
                        Column.text(text(lang, "column.area"), 10),
                        Column.count(text(lang, "column.actions"), 6),
                        Column.count(text(lang, "column.effective"), 7),
                        Column.count(text(lang, "column.not_effective"), 7),
                        Column.count(text(lang, "column.pending"), 7)), rows)
                .withCaption(text(lang, "actionTables.verification_effect"))
                .withEmptyText(text(lang, "actionTables.no_corrective_or_preventive_action_this"))
                .withNote(text(lang, "actionTables.shaded_action_was_found_not_effective"));
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
            columns.add(Column.text(text(lang, "column.office"), 17));
        }
        columns.addAll(Arrays.asList(rest));
        return columns;
    }

    /**
     * The actions found not effective that concern the year: opened in it, or verified in it (an action of last
     * year that failed this year is this review's business too).
     */
    static List<MartRow> failedInYear(PacketSource source, int year) {
        return source.rows(QualityMarts.ACTIONS_FAILED_VERIFICATION).stream()
                .filter(row -> Integer.valueOf(year).equals(row.integer(ActionsFailedVerification.YEAR))
                        || row.date(ActionsFailedVerification.VERIFIED_ON) != null
                                && row.date(ActionsFailedVerification.VERIFIED_ON).getYear() == year)
                .toList();
    }

    static Table failedTable(List<MartRow> failed, OfficeRegister register, boolean withOffice, Lang lang) {
        List<Row> rows = failed.stream()
                .map(row -> new Row(cells(withOffice, register.ownerOf(row, lang),
                        row.text(ActionsFailedVerification.ACTION_ID),
                        ReviewTerms.area(row.text(ActionStatus.AREA), lang),
                        Names.of(ImportTemplates.ACTION_TYPES, row.text(ActionsFailedVerification.TYPE), lang),
                                row.text(ActionsFailedVerification.OWNER_DEPARTMENT),
                        row.date(ActionsFailedVerification.DUE_ON), row.date(ActionsFailedVerification.VERIFIED_ON),
                                row.text(ActionsFailedVerification.DESCRIPTION)), true))
                .toList();
        List<Column> columns = new ArrayList<>();
        if (withOffice) {
            columns.add(Column.text(text(lang, "column.office"), 13));
        }
        columns.addAll(List.of(
                Column.text(text(lang, "column.action"), 10),
                Column.text(text(lang, "column.area"), 8),
                Column.text(text(lang, "column.type"), 6),
                Column.text(text(lang, "column.owner"), 8),
                Column.date(text(lang, "column.due"), 9),
                Column.date(text(lang, "column.verified"), 9),
                Column.text(text(lang, "column.description"), withOffice ? 28 : 36)));
        return Table.of(columns, rows)
                .withCaption(text(lang, "actionTables.actions_found_not_effective"))
                .withEmptyText(text(lang, "actionTables.no_action_was_found_not_effective"))
                .withNote(text(lang, "actionTables.action_found_not_effective_redone_its"));
    }
}
