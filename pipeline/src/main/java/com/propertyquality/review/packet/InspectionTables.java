package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.marts.MartColumn;
import com.propertyquality.review.marts.QualityMarts.InspectionSummary;
import com.propertyquality.review.marts.ReviewMarts.ReviewAttentionItems;
import com.propertyquality.review.metrics.ReviewTriggers;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Table;

/**
 * The inspection tables the packet's chapter and an office's pages both print (from {@code inspection_summary} and
 * the {@code inspection_nonconformities} attention items), built once here: the rows given decide the scope.
 */
final class InspectionTables {

    private InspectionTables() {}

    /**
     * One row per office and level, offices by id and levels in the order of the code list; without the office
     * column when the rows are one office's.
     */
    static Table byOfficeAndLevel(List<MartRow> inspections, OfficeRegister register, boolean withOffice,
            Lang lang) {
        List<String> levels = ImportTemplates.INSPECTION_LEVELS.codes();
        List<MartRow> sorted = new ArrayList<>(inspections);
        sorted.sort(Comparator.comparing((MartRow row) -> Objects.toString(row.text(InspectionSummary.OFFICE_ID), ""))
                .thenComparing(row -> levelOrder(levels, row.text(InspectionSummary.LEVEL))));
        Map<List<String>, List<MartRow>> groups = new LinkedHashMap<>();
        for (MartRow row : sorted) {
            groups.computeIfAbsent(Arrays.asList(row.text(InspectionSummary.OFFICE_ID),
                    row.text(InspectionSummary.LEVEL)),
                    k -> new ArrayList<>()).add(row);
        }
        List<Row> rows = new ArrayList<>();
        groups.values().forEach(group -> {
            MartRow first = group.get(0);
            Long count = Tally.sum(group, InspectionSummary.INSPECTIONS);
            Long withoutCount = Tally.sum(group, InspectionSummary.INSPECTIONS_WITHOUT_COUNT);
            // a group that recorded no count at all has 0 nonconformities meaning "unknown", not "none found"
            Long nonconformities = Objects.equals(count, withoutCount) ? null : Tally.sum(group,
                    InspectionSummary.NONCONFORMITIES);
            List<Object> cells = new ArrayList<>();
            if (withOffice) {
                cells.add(register.nameOf(first));
            }
            cells.addAll(Arrays.asList(Names.of(ImportTemplates.INSPECTION_LEVELS, first.text(InspectionSummary.LEVEL),
                    lang),
                    count, lowest(group, InspectionSummary.AVERAGE_SCORE), highest(group,
                            InspectionSummary.AVERAGE_SCORE),
                    lowest(group, InspectionSummary.MIN_SCORE), nonconformities, withoutCount));
            rows.add(new Row(cells, false));
        });
        List<Column> columns = new ArrayList<>();
        if (withOffice) {
            columns.add(Column.text(text(lang, "column.office"), 17));
        }
        columns.addAll(List.of(
                Column.text(text(lang, "column.inspection_level"), 12),
                Column.count(text(lang, "column.inspections"), 7),
                Column.decimal(text(lang, "column.lowest_monthly_average"), 9),
                Column.decimal(text(lang, "column.highest_monthly_average"), 9),
                Column.decimal(text(lang, "column.lowest_single_score"), 8),
                Column.count(text(lang, "column.nonconformities"), 8),
                Column.count(text(lang, "column.inspections_without_count"), 9)));
        return Table.of(columns, rows)
                .withEmptyText(text(lang, "inspectionTables.no_service_inspections_this_year"))
                .withNote(text(lang, "inspectionTables.scores_out_100_monthly_averages_each"));
    }

    /**
     * The nonconformities of an {@code inspection_summary} row, or null when none of its inspections recorded a
     * count: "—" then, not a misleading 0.
     */
    static Long recordedNonconformities(MartRow row) {
        return Objects.equals(row.count(InspectionSummary.INSPECTIONS),
                row.count(InspectionSummary.INSPECTIONS_WITHOUT_COUNT))
                ? null : row.count(InspectionSummary.NONCONFORMITIES);
    }

    static Table seriousNonconformities(List<MartRow> serious, OfficeRegister register, Lang lang) {
        List<Row> rows = serious.stream()
                .map(row -> Row.of(row.date(ReviewAttentionItems.DATE), register.scopeOf(row, lang),
                        row.text(ReviewAttentionItems.REFERENCE_ID), TriggerEvidence.of(row, lang)))
                .toList();
        return Table.of(List.of(
                        Column.date(text(lang, "column.date"), 9),
                        Column.text(text(lang, "column.office"), 16),
                        Column.text(text(lang, "column.inspection"), 11),
                        Column.text(text(lang, "column.evidence"), 40)), rows)
                .withEmptyText(text(lang, "inspectionTables.no_inspection_with_many_nonconformities_this"))
                .withNote(text(lang, "inspectionTables.inspections_with_least_nonconformities_or_external",
                        ReviewTriggers.NONCONFORMITY_LIMIT));
    }

    private static int levelOrder(List<String> levels, String level) {
        int index = levels.indexOf(level);
        return index < 0 ? levels.size() : index;
    }

    private static Double lowest(List<MartRow> rows, MartColumn column) {
        return rows.stream().map(row -> row.number(column)).filter(Objects::nonNull).min(Double::compare)
                .orElse(null);
    }

    private static Double highest(List<MartRow> rows, MartColumn column) {
        return rows.stream().map(row -> row.number(column)).filter(Objects::nonNull).max(Double::compare)
                .orElse(null);
    }
}
