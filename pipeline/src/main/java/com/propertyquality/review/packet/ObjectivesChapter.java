package com.propertyquality.review.packet;

import java.util.List;

import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * 质量目标完成情况 (review input 4.2.1): each quality objective of the year's plan against the figure the data gives,
 * from the mart {@code review_objectives_status}. The mart compares; the chapter prints its verdict, and shades the
 * objectives that were missed.
 */
public final class ObjectivesChapter {

    private ObjectivesChapter() {}

    public static Chapter build(PacketSource source, int year, Lang lang) {
        List<MartRow> objectives = MartRow.of(source.martOfYear(ReviewMarts.REVIEW_OBJECTIVES_STATUS, year));
        List<Row> rows = objectives.stream()
                .map(row -> Row.shadedIf(Boolean.FALSE.equals(row.flag("met")),
                        row.count("seq"), row.text("name"), Names.of(ReviewPlanTables.METRICS, row.text("metric"), lang),
                        comparison(row.text("comparison"), lang), row.number("target"), row.number("actual"),
                        verdict(row.flag("met"), lang)))
                .toList();
        Table table = Table.of(List.of(
                        Column.count(lang.pick("序号", "No."), 4),
                        Column.text(lang.pick("质量目标", "Objective"), 16),
                        Column.text(lang.pick("指标", "Metric"), 11),
                        Column.text(lang.pick("比较", "Comparison"), 5),
                        Column.percent(lang.pick("目标值", "Target"), 7),
                        Column.percent(lang.pick("实际值", "Actual"), 7),
                        Column.text(lang.pick("结论", "Result"), 7)),
                        rows)
                .withEmptyText(lang.pick(year + " 年度没有质量目标记录：《年度管理评审计划》缺失或未列出质量目标。",
                        "No quality objectives for " + year + ": the review plan is missing or lists none."))
                .withNote(lang.pick("阴影行为未达成的目标。实际值按本年度数据：满意率为全公司满意率，调查表回收率为全公司回收率，"
                                + "投诉处理率为本年度已关闭投诉件数占投诉件数的比例；未指定指标或本年度无数据的目标为“未测量”。",
                        "Shaded rows are missed objectives. Actual figures are the year's: the company satisfaction"
                                + " rate, the company survey return rate, and closed complaints over complaints"
                                + " received; an objective without a metric, or without data for the year, is not"
                                + " measured."));
        return Chapter.of(lang.pick("质量目标完成情况", "Quality objectives"),
                lang.pick("质量目标", "Quality objectives"),
                Section.of(null, Paragraphs.of(summary(objectives, year, lang)), table));
    }

    /** How many objectives were met, missed or not measured: a count of the mart's verdicts. */
    private static String summary(List<MartRow> objectives, int year, Lang lang) {
        long met = objectives.stream().filter(row -> Boolean.TRUE.equals(row.flag("met"))).count();
        long missed = objectives.stream().filter(row -> Boolean.FALSE.equals(row.flag("met"))).count();
        long unmeasured = objectives.size() - met - missed;
        String intro = lang.pick("质量方针和质量目标的贯彻和实施情况（程序 4.2.1）：按《年度管理评审计划》所列质量目标，以本年度数据核对。",
                "How the quality policy and objectives were carried out (procedure 4.2.1): each objective of the"
                        + " review plan against the year's data.");
        if (objectives.isEmpty()) {
            return intro;
        }
        return intro + lang.pick(
                year + " 年度共 " + objectives.size() + " 项目标：达成 " + met + " 项，未达成 " + missed + " 项，未测量 "
                        + unmeasured + " 项。",
                " " + year + ": " + objectives.size() + " objectives, " + met + " met, " + missed + " missed, "
                        + unmeasured + " not measured.");
    }

    /** ≥ for at_least (不低于), ≤ for at_most (不高于); an unknown code is printed as stored. */
    private static String comparison(String code, Lang lang) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "at_least" -> "≥";
            case "at_most" -> "≤";
            default -> Names.of(ReviewPlanTables.COMPARISONS, code, lang);
        };
    }

    private static String verdict(Boolean met, Lang lang) {
        if (met == null) {
            return lang.pick("未测量", "Not measured");
        }
        return met ? lang.pick("达成", "Met") : lang.pick("未达成", "Missed");
    }
}
