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
                        verdict(row.flag("met"), lang), judgedBy(row, lang)))
                .toList();
        Table table = Table.of(List.of(
                        Column.count(lang.pick("序号", "No."), 4),
                        Column.text(lang.pick("质量目标", "Objective"), 16),
                        Column.text(lang.pick("指标", "Metric"), 11),
                        Column.text(lang.pick("比较", "Comparison"), 5),
                        Column.percent(lang.pick("目标值", "Target"), 7),
                        Column.percent(lang.pick("实际值", "Actual"), 7),
                        Column.text(lang.pick("结论", "Result"), 7),
                        Column.text(lang.pick("判定方法", "How judged"), 20)),
                        rows)
                .withEmptyText(lang.pick(year + " 年度没有质量目标记录：《年度管理评审计划》缺失或未列出质量目标。",
                        "No quality objectives for " + year + ": the review plan is missing or lists none."))
                .withNote(lang.pick("阴影行为未达成的目标。满意率按全公司满意率（全部评价项汇总）判定；投诉处理率按本年度已关闭"
                                + "投诉件数占投诉件数的比例判定；调查表回收率按程序 5.1.2 逐个管理处判定：有发放记录的每个管理处均达到"
                                + "目标值才为达成，回收数超过发放数的管理处属数据错误、不算达到；实际值一栏为全公司回收率，仅供参考，"
                                + "不含有数据异常的管理处。未指定指标或本年度无数据的目标为“未测量”。",
                        "Shaded rows are missed objectives. Satisfaction is judged on the company rate (all rated"
                                + " items pooled), complaint closure on closed complaints over complaints received."
                                + " The survey return rate is judged office by office (procedure 5.1.2): met only when"
                                + " every office with a distribution record reaches the target; an office returning"
                                + " more forms than it handed out is a data error and does not reach it. Its actual"
                                + " figure is the pooled company rate, for reference, without offices with a data"
                                + " anomaly. An objective without a metric, or without data for the year, is not"
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

    /** How the mart judged the objective, with its counts: "有发放记录的 24 个管理处中 3 个未达到；全公司回收率不含 1 个数据异常的管理处". */
    private static String judgedBy(MartRow row, Lang lang) {
        String judgedBy = row.text("judged_by");
        if ("every_office".equals(judgedBy)) {
            Long judged = row.count("offices_judged");
            Long notMet = row.count("offices_not_met");
            Long leftOut = row.count("offices_left_out");
            String text = judged == null || judged == 0
                    ? lang.pick("逐个管理处：无发放记录", "Each office: no distribution record")
                    : lang.pick("逐个管理处：" + judged + " 个中 " + notMet + " 个未达到",
                            "Each office: " + notMet + " of " + judged + " below");
            if (leftOut != null && leftOut > 0) {
                text += lang.pick("；全公司回收率不含 " + leftOut + " 个数据异常的管理处",
                        "; the company rate leaves out " + leftOut + " with a data anomaly");
            }
            return text;
        }
        if ("company_figure".equals(judgedBy)) {
            return lang.pick("全公司数据", "Company figure");
        }
        return null;
    }

    private static String verdict(Boolean met, Lang lang) {
        if (met == null) {
            return lang.pick("未测量", "Not measured");
        }
        return met ? lang.pick("达成", "Met") : lang.pick("未达成", "Missed");
    }
}
