package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.FixedPacketSource.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.reports.document.CellKind;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Table;

class ObjectivesChapterTest {

    @Test
    void eachObjectiveWithTheMartsFiguresAndTheMissedOnesShaded() {
        Chapter chapter = ObjectivesChapter.build(sample(), 2025, Lang.ZH);

        assertThat(chapter.title()).isEqualTo("质量目标完成情况");
        Table table = ChapterText.tables(chapter).get(0);
        assertThat(ChapterText.headers(table)).containsExactly("序号", "质量目标", "指标", "比较", "目标值", "实际值", "结论",
                "判定方法");
        assertThat(table.columns()).extracting(Column::kind).containsExactly(CellKind.COUNT, CellKind.TEXT,
                CellKind.TEXT, CellKind.TEXT, CellKind.PERCENT, CellKind.PERCENT, CellKind.TEXT, CellKind.TEXT);
        assertThat(table.rows()).extracting(row -> row.cells()).containsExactly(
                Arrays.asList(1L, "顾客满意率", "满意率", "≥", 0.9, 0.8933658933658933, "未达成", "全公司数据"),
                // the pooled rate reaches 60%, but five offices do not: missed, and the counts say why
                Arrays.asList(2L, "顾客意见调查表回收率", "调查表回收率", "≥", 0.6, 0.7070967741935484, "未达成",
                        "逐个管理处：22 个中 4 个未达到；全公司回收率不含 2 个数据异常的管理处"),
                Arrays.asList(3L, "投诉件数占比", null, "≤", 0.05, null, "未测量", null),
                Arrays.asList(4L, "顾客投诉处理率", "投诉处理率", "≥", 0.95, 0.8443983402489627, "未达成", "全公司数据"),
                Arrays.asList(5L, "回收率（各管理处）", "调查表回收率", "≥", 0.6, 0.65, "达成", "逐个管理处：3 个中 0 个未达到"));
        assertThat(ChapterText.highlighted(table)).containsExactly(0, 1, 3);
        assertThat(ChapterText.paragraphs(chapter.sections().get(0)))
                .contains("2025 年度共 5 项目标：达成 1 项，未达成 3 项，未测量 1 项。");
    }

    @Test
    void aYearWithoutObjectivesPrintsTheEmptyText() {
        Chapter chapter = ObjectivesChapter.build(sample(), 2026, Lang.ZH);

        Table table = ChapterText.tables(chapter).get(0);
        assertThat(table.rows()).isEmpty();
        assertThat(table.emptyText()).isEqualTo("2026 年度没有质量目标记录：《年度管理评审计划》缺失或未列出质量目标。");
        assertThat(ChapterText.paragraphs(chapter.sections().get(0))).doesNotContain("项目标");
    }

    @Test
    void englishLabelsHoldNoChinese() {
        FixedPacketSource source = new FixedPacketSource().mart("review_objectives_status",
                objective(1, "Customer satisfaction", "satisfaction_rate", "at_least", 0.9, 0.95, true),
                objective(2, "Complaints", "complaint_closure_rate", "at_most", 0.1, 0.2, false));

        Chapter chapter = ObjectivesChapter.build(source, 2025, Lang.EN);

        assertThat(ChapterText.chinese(ChapterText.words(chapter))).as(ChapterText.dump(chapter)).isEmpty();
        Table table = ChapterText.tables(chapter).get(0);
        assertThat(ChapterText.column(table, 2)).containsExactly("Satisfaction rate", "Complaint closure rate");
        assertThat(ChapterText.column(table, 3)).containsExactly("≥", "≤");
        assertThat(ChapterText.column(table, 6)).containsExactly("Met", "Missed");
        assertThat(ChapterText.column(table, 7)).containsExactly("Company figure", "Company figure");
        assertThat(chapter.sheet()).isEqualTo("Quality objectives");
    }

    private static FixedPacketSource sample() {
        return new FixedPacketSource().mart("review_objectives_status",
                objective(1, "顾客满意率", "satisfaction_rate", "at_least", 0.9, 0.8933658933658933, false),
                returns(2, "顾客意见调查表回收率", 0.7070967741935484, false, 22L, 4L, 2L),
                objective(3, "投诉件数占比", null, "at_most", 0.05, null, null),
                objective(4, "顾客投诉处理率", "complaint_closure_rate", "at_least", 0.95, 0.8443983402489627, false),
                returns(5, "回收率（各管理处）", 0.65, true, 3L, 0L, 0L),
                row("year", 2024, "seq", 1, "name", "去年的目标", "metric", "satisfaction_rate",
                        "comparison", "at_least", "target", 0.9, "actual", 0.95, "met", true, "judged_by",
                        "company_figure", "offices_judged", null, "offices_not_met", null, "offices_left_out", null));
    }

    private static Map<String, Object> returns(int seq, String name, Double actual, boolean met, long judged,
                                               long notMet, long leftOut) {
        return row("year", 2025, "seq", seq, "name", name, "metric", "survey_return_rate", "comparison", "at_least",
                "target", 0.6, "actual", actual, "met", met, "judged_by", "every_office", "offices_judged", judged,
                "offices_not_met", notMet, "offices_left_out", leftOut);
    }

    private static Map<String, Object> objective(int seq, String name, String metric, String comparison,
                                                 double target, Double actual, Boolean met) {
        return row("year", 2025, "seq", seq, "name", name, "metric", metric, "comparison", comparison,
                "target", target, "actual", actual, "met", met, "judged_by", MartFixtures.judgedBy(metric),
                "offices_judged", null, "offices_not_met", null, "offices_left_out", null);
    }
}
