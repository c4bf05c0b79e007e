package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.List;

import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.marts.ReviewMarts.ReviewObjectivesStatus;
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
        List<MartRow> objectives = source.rowsOfYear(ReviewMarts.REVIEW_OBJECTIVES_STATUS, year);
        List<Row> rows = objectives.stream()
                .map(row -> Row.shadedIf(Boolean.FALSE.equals(row.flag(ReviewObjectivesStatus.MET)),
                        row.count(ReviewObjectivesStatus.SEQ), row.text(ReviewObjectivesStatus.NAME),
                                Names.of(ReviewPlanTables.METRICS, row.text(ReviewObjectivesStatus.METRIC), lang),
                        comparison(row.text(ReviewObjectivesStatus.COMPARISON), lang),
                                row.number(ReviewObjectivesStatus.TARGET), row.number(ReviewObjectivesStatus.ACTUAL),
                        verdict(row.flag(ReviewObjectivesStatus.MET), lang), judgedBy(row, lang)))
                .toList();
        Table table = Table.of(List.of(
                        Column.count(text(lang, "column.no"), 4),
                        Column.text(text(lang, "column.objective"), 16),
                        Column.text(text(lang, "column.metric"), 11),
                        Column.text(text(lang, "column.comparison"), 5),
                        Column.percent(text(lang, "column.target"), 7),
                        Column.percent(text(lang, "column.actual"), 7),
                        Column.text(text(lang, "column.result"), 7),
                        Column.text(text(lang, "column.how_judged"), 20)),
                        rows)
                .withEmptyText(text(lang, "objectives.no_quality_objectives_review_plan_missing", year))
                .withNote(text(lang, "objectives.shaded_rows_missed_objectives_satisfaction_judged"));
        return Chapter.of(text(lang, "objectives.quality_objectives"),
                text(lang, "objectives.sheet"),
                Section.of(null, Paragraphs.of(summary(objectives, year, lang)), table));
    }

    /** How many objectives were met, missed or not measured: a count of the mart's verdicts. */
    private static String summary(List<MartRow> objectives, int year, Lang lang) {
        long met = objectives.stream().filter(row -> Boolean.TRUE.equals(row.flag(ReviewObjectivesStatus.MET))).count();
        long missed = objectives.stream()
                .filter(row -> Boolean.FALSE.equals(row.flag(ReviewObjectivesStatus.MET))).count();
        long unmeasured = objectives.size() - met - missed;
        String intro = text(lang, "objectives.how_quality_policy_objectives_were_carried");
        if (objectives.isEmpty()) {
            return intro;
        }
        return intro + text(lang, "objectives.objectives_met_missed_not_measured", year, objectives.size(), met, missed,
                unmeasured);
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
        String judgedBy = row.text(ReviewObjectivesStatus.JUDGED_BY);
        if ("every_office".equals(judgedBy)) {
            Long judged = row.count(ReviewObjectivesStatus.OFFICES_JUDGED);
            Long notMet = row.count(ReviewObjectivesStatus.OFFICES_NOT_MET);
            Long leftOut = row.count(ReviewObjectivesStatus.OFFICES_LEFT_OUT);
            String text = judged == null || judged == 0
                    ? text(lang, "objectives.each_office_no_distribution_record")
                    : text(lang, "objectives.each_office_below", judged, notMet);
            if (leftOut != null && leftOut > 0) {
                text += text(lang, "objectives.company_rate_leaves_out_with_data", leftOut);
            }
            return text;
        }
        if ("company_figure".equals(judgedBy)) {
            return text(lang, "objectives.company_figure");
        }
        return null;
    }

    private static String verdict(Boolean met, Lang lang) {
        if (met == null) {
            return text(lang, "objectives.not_measured");
        }
        return met ? text(lang, "objectives.met") : text(lang, "objectives.missed");
    }
}
