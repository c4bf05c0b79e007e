package com.propertyquality.review.packet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.propertyquality.review.contract.ImportTemplates;
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
        sorted.sort(Comparator.comparing((MartRow row) -> Objects.toString(row.text("office_id"), ""))
                .thenComparing(row -> levelOrder(levels, row.text("level"))));
        Map<List<String>, List<MartRow>> groups = new LinkedHashMap<>();
        for (MartRow row : sorted) {
            groups.computeIfAbsent(Arrays.asList(row.text("office_id"), row.text("level")),
                    k -> new ArrayList<>()).add(row);
        }
        List<Row> rows = new ArrayList<>();
        groups.values().forEach(group -> {
            MartRow first = group.get(0);
            Long count = Tally.sum(group, "inspections");
            Long withoutCount = Tally.sum(group, "inspections_without_count");
            // a group that recorded no count at all has 0 nonconformities meaning "unknown", not "none found"
            Long nonconformities = Objects.equals(count, withoutCount) ? null : Tally.sum(group, "nonconformities");
            List<Object> cells = new ArrayList<>();
            if (withOffice) {
                cells.add(register.nameOf(first));
            }
            cells.addAll(Arrays.asList(Names.of(ImportTemplates.INSPECTION_LEVELS, first.text("level"), lang),
                    count, lowest(group, "average_score"), highest(group, "average_score"),
                    lowest(group, "min_score"), nonconformities, withoutCount));
            rows.add(new Row(cells, false));
        });
        List<Column> columns = new ArrayList<>();
        if (withOffice) {
            columns.add(Column.text(lang.pick("管理处", "Office"), 17));
        }
        columns.addAll(List.of(
                Column.text(lang.pick("检查级别", "Level"), 12),
                Column.count(lang.pick("检查次数", "Inspections"), 7),
                Column.decimal(lang.pick("月平均得分最低", "Lowest monthly average"), 9),
                Column.decimal(lang.pick("月平均得分最高", "Highest monthly average"), 9),
                Column.decimal(lang.pick("单次最低得分", "Lowest single score"), 8),
                Column.count(lang.pick("不合格项数", "Nonconformities"), 8),
                Column.count(lang.pick("未记录不合格项数的检查", "Inspections without a count"), 9)));
        return Table.of(columns, rows)
                .withEmptyText(lang.pick("本年度无服务检查记录。", "No service inspections this year."))
                .withNote(lang.pick("得分为百分制；“月平均得分”为各月的平均得分，取其最低和最高。"
                                + "不合格项数只计已记录的；全部未记录时为“—”。",
                        "Scores out of 100; the monthly averages are each month's mean score, lowest and highest"
                                + " shown. Nonconformities count only what was recorded; — when none was."));
    }

    /**
     * The nonconformities of an {@code inspection_summary} row, or null when none of its inspections recorded a
     * count: "—" then, not a misleading 0.
     */
    static Long recordedNonconformities(MartRow row) {
        return Objects.equals(row.count("inspections"), row.count("inspections_without_count"))
                ? null : row.count("nonconformities");
    }

    static Table seriousNonconformities(List<MartRow> serious, OfficeRegister register, Lang lang) {
        List<Row> rows = serious.stream()
                .map(row -> Row.of(row.date("date"), register.scopeOf(row, lang),
                        row.text("reference_id"), TriggerEvidence.of(row, lang)))
                .toList();
        return Table.of(List.of(
                        Column.date(lang.pick("日期", "Date"), 9),
                        Column.text(lang.pick("管理处", "Office"), 16),
                        Column.text(lang.pick("检查编号", "Inspection"), 11),
                        Column.text(lang.pick("情况", "Evidence"), 40)), rows)
                .withEmptyText(lang.pick("本年度没有不合格项较多的检查。",
                        "No inspection with many nonconformities this year."))
                .withNote(lang.pick("列出单次检查不合格项不少于 " + ReviewTriggers.NONCONFORMITY_LIMIT
                                + " 项、或外部检查有任一不合格项的检查，作为评审关注事项。服务检查不是质量管理体系审核，"
                                + "不属于程序 4.1.2 g 的情形。",
                        "Inspections with at least " + ReviewTriggers.NONCONFORMITY_LIMIT + " nonconformities, or"
                                + " an external one with any: attention items for the review. A service inspection is"
                                + " not a quality-system audit, so not procedure 4.1.2 g."));
    }

    private static int levelOrder(List<String> levels, String level) {
        int index = levels.indexOf(level);
        return index < 0 ? levels.size() : index;
    }

    private static Double lowest(List<MartRow> rows, String column) {
        return rows.stream().map(row -> row.number(column)).filter(Objects::nonNull).min(Double::compare)
                .orElse(null);
    }

    private static Double highest(List<MartRow> rows, String column) {
        return rows.stream().map(row -> row.number(column)).filter(Objects::nonNull).max(Double::compare)
                .orElse(null);
    }
}
