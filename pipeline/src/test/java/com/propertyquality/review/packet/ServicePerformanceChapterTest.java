package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.FixedPacketSource.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.metrics.ClosureRate;
import com.propertyquality.review.reports.document.BarChart;
import com.propertyquality.review.reports.document.CellKind;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.ParetoChart;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

class ServicePerformanceChapterTest {

    private static final int SATISFACTION = 0;
    private static final int COMPANY = 1;
    private static final int ITEMS = 2;
    private static final int TREND = 3;
    private static final int RETURNS = 4;
    private static final int FEEDBACK = 5;
    private static final int PARETO = 6;

    @Test
    void satisfactionByOfficeIsTheMartsRowsWithTheOfficesBelowTheCompanyShaded() {
        Chapter chapter = ServicePerformanceChapter.build(sample(), 2025, Lang.ZH);

        assertThat(chapter.title()).isEqualTo("服务业绩");
        assertThat(ChapterText.numberedSections(chapter, Lang.ZH)).extracting(Section::title).containsExactly("（一）各管理处满意率",
                "（二）全公司满意率", "（三）各调查项目及层面满意率", "（四）与上年比较", "（五）调查表回收率", "（六）顾客意见登记情况",
                "（七）投诉主要因素");
        Table table = ChapterText.tables(chapter.sections().get(SATISFACTION)).get(0);
        assertThat(ChapterText.headers(table)).containsExactly("管理处", "调查表份数", "合格项", "不满意项", "未评价项", "满意率",
                "排名", "与全公司差距（百分点）");
        assertThat(table.columns()).extracting(Column::kind).containsExactly(CellKind.TEXT, CellKind.COUNT,
                CellKind.COUNT, CellKind.COUNT, CellKind.COUNT, CellKind.PERCENT, CellKind.COUNT, CellKind.POINTS);
        assertThat(table.rows()).extracting(row -> row.cells()).containsExactly(
                Arrays.asList("北区管理处", 2L, 4L, 1L, 13L, 0.8, 2L, -2.5),
                Arrays.asList("南区管理处", 1L, 9L, 0L, 0L, 1.0, 1L, 17.5),
                Arrays.asList("X9", 1L, 0L, 0L, 9L, null, null, null));
        assertThat(ChapterText.highlighted(table)).containsExactly(0);
        assertThat(table.note()).contains("合格项数目 /（合格项数目 + 不满意项数目）× 100%").contains("全公司满意率 82.50%");

        BarChart chart = ChapterText.blocks(List.of(chapter.sections().get(SATISFACTION)), BarChart.class).get(0);
        assertThat(chart.bars()).extracting(BarChart.Bar::label).containsExactly("北区管理处", "南区管理处", "X9");
        assertThat(chart.bars()).extracting(BarChart.Bar::value).containsExactly(0.8, 1.0, null);
        assertThat(chart.reference()).isEqualTo(0.825);
        assertThat(chart.referenceLabel()).isEqualTo("全公司满意率");
    }

    @Test
    void theOfficeChartIsSplitIntoChartsOfAtMostTwentyOffices() {
        FixedPacketSource source = new FixedPacketSource();
        for (int i = 1; i <= 45; i++) {
            source.mart("satisfaction_by_office", office(2025, "O" + i, "第" + i + "管理处", 1, 1, 0, 8, 1.0, null,
                    null, 1, 1.0, 0.0));
        }

        List<BarChart> charts = ChapterText.blocks(ServicePerformanceChapter.build(source, 2025, Lang.ZH),
                BarChart.class);

        assertThat(charts).extracting(chart -> chart.bars().size()).containsExactly(20, 20, 5);
        assertThat(charts).extracting(BarChart::caption).containsExactly("各管理处满意率（1/3）", "各管理处满意率（2/3）",
                "各管理处满意率（3/3）");
        assertThat(charts.get(2).bars().get(0).label()).isEqualTo("第41管理处");
    }

    @Test
    void companySatisfactionIsTheCompanyMart() {
        Table table = ChapterText.tables(ServicePerformanceChapter.build(sample(), 2025, Lang.ZH).sections()
                .get(COMPANY)).get(0);

        assertThat(ChapterText.headers(table)).containsExactly("调查表份数", "合格项", "不满意项", "未评价项", "满意率");
        assertThat(table.rows()).extracting(row -> row.cells())
                .containsExactly(Arrays.asList(4L, 13L, 1L, 22L, 0.825));
    }

    @Test
    void itemsAreTheCompanyWideRowsInFormOrderAndTheWeakOnesShaded() {
        Section section = ServicePerformanceChapter.build(sample(), 2025, Lang.ZH).sections().get(ITEMS);

        Table items = ChapterText.tables(section).get(0);
        assertThat(ChapterText.headers(items)).containsExactly("调查项目", "层面", "合格项", "不满意项", "未评价项", "满意率");
        assertThat(items.rows()).extracting(row -> row.cells()).containsExactly(
                Arrays.asList("环境卫生", "管理", 3L, 1L, 0L, 0.75),
                Arrays.asList("电梯运行", "管理", 0L, 0L, 4L, null),
                Arrays.asList("投诉处理", "服务", 4L, 0L, 0L, 1.0));
        assertThat(ChapterText.highlighted(items)).containsExactly(0);
        Table levels = ChapterText.tables(section).get(1);
        assertThat(levels.rows()).extracting(row -> row.cells()).containsExactly(
                Arrays.asList("管理", 9L, 1L, 14L, 0.9),
                Arrays.asList("服务", 4L, 0L, 8L, 1.0));
    }

    @Test
    void withoutAPreviousYearTheTrendSaysSo() {
        Section trend = ServicePerformanceChapter.build(sample(), 2025, Lang.ZH).sections().get(TREND);

        assertThat(ChapterText.tables(trend)).isEmpty();
        assertThat(ChapterText.paragraphs(trend)).isEqualTo("没有 2024 年度的调查数据，本年度不作与上年的比较。");
        assertThat(ChapterText.paragraphs(ServicePerformanceChapter.build(sample(), 2025, Lang.EN).sections()
                .get(TREND))).isEqualTo("There is no survey data for 2024, so the year is not compared with it.");
    }

    @Test
    void theTrendPrintsThePreviousYearColumnsAndShadesADropTrigger() {
        FixedPacketSource source = new FixedPacketSource()
                .mart("satisfaction_company", company(2024, 3, 20, 0, 7, 1.0), company(2025, 4, 13, 1, 22, 0.825))
                .mart("satisfaction_by_office",
                        office(2025, "N1", "北区管理处", 2, 4, 1, 13, 0.8, 1.0, -20.0, true, 2, 0.825, -2.5),
                        office(2025, "S1", "南区管理处", 1, 9, 0, 0, 1.0, null, null, 1, 0.825, 17.5),
                        office(2025, "W1", "西区管理处", 2, 8, 2, 8, 0.8, 0.85, -5.0, false, 3, 0.825, -2.5))
                .mart("survey_returns", returns(2025, "N1", "北区管理处", 10L, 7, 0.7, true, null, 0.6, 0.5, 20.0, 1,
                        0.7, 0.0))
                .mart("review_attention_items",
                        row("year", 2025, "item", "satisfaction_drop", "basis", "4.2.3", "office_id", "N1",
                                "evidence_text", "满意率下降", "reference_id", null, "date", null, "source",
                                "survey_responses", "as_of", LocalDate.of(2026, 1, 10)),
                        row("year", 2025, "item", "satisfaction_drop", "basis", "4.2.3", "office_id", null,
                                "evidence_text", "公司下降", "reference_id", null, "date", null, "source",
                                "survey_responses", "as_of", LocalDate.of(2026, 1, 10)));

        Section trend = ServicePerformanceChapter.build(source, 2025, Lang.ZH).sections().get(TREND);

        assertThat(ChapterText.paragraphs(trend)).contains("全公司满意率：2025 年 82.50%，2024 年 100.00%。")
                .contains("全公司满意率较上年下降超过 5 个百分点");
        Table satisfaction = ChapterText.tables(trend).get(0);
        // the marker column: "*" significant, blank not significant or nothing to test (the change shows "—");
        // one footnote explains it
        assertThat(ChapterText.headers(satisfaction)).containsExactly("管理处", "2025 年满意率", "2024 年满意率",
                "变化（百分点）", "显著");
        assertThat(satisfaction.rows()).extracting(row -> row.cells()).containsExactly(
                Arrays.asList("北区管理处", 0.8, 1.0, -20.0, "*"),
                Arrays.asList("南区管理处", 1.0, null, null, ""),
                Arrays.asList("西区管理处", 0.8, 0.85, -5.0, ""));
        assertThat(ChapterText.highlighted(satisfaction)).containsExactly(0);
        assertThat(satisfaction.note()).contains("阴影行").contains("*：与上年相比的变化在 95% 置信水平下显著");
        // the company: 82.5% on 4 rating forms against 100% on 3: pooled = (3.3 + 3)/7 = 0.9;
        // z = (0.825 − 1)/√(0.9 · 0.1 · (1/4 + 1/3)) = −0.175/0.2291288 = −0.7637626: not significant
        assertThat(ChapterText.paragraphs(trend)).contains("这一变化在 95% 置信水平下不显著，可能只是抽样波动（双比例检验）。");
        Section english = ServicePerformanceChapter.build(source, 2025, Lang.EN).sections().get(TREND);
        assertThat(ChapterText.tables(english).get(0).note())
                .contains("*: the change on last year is significant at 95%");
        Table returnRates = ChapterText.tables(trend).get(1);
        assertThat(returnRates.rows()).extracting(row -> row.cells())
                .containsExactly(Arrays.asList("北区管理处", 0.7, 0.5, 20.0));
    }

    @Test
    void returnRatesKeepARateOverOneHundredPercentAndShadeEveryOfficeUnderTheThreshold() {
        Section section = ServicePerformanceChapter.build(sample(), 2025, Lang.ZH).sections().get(RETURNS);

        Table table = ChapterText.tables(section).get(0);
        assertThat(ChapterText.headers(table)).containsExactly("管理处", "发放份数", "回收份数", "回收率", "排名", "是否达标", "说明");
        assertThat(table.rows()).extracting(row -> row.cells()).containsExactly(
                Arrays.asList("北区管理处", 50L, 30L, 0.6, 2L, "达标", null),
                Arrays.asList("南区管理处", 30L, 33L, 1.1, 1L, "未达标", "回收数超过发放数（数据错误）"),
                Arrays.asList("西区管理处", null, 25L, null, null, "未达标", "无发放记录"),
                Arrays.asList("东区管理处", 120L, 54L, 0.45, 3L, "未达标", null));
        assertThat(ChapterText.highlighted(table)).containsExactly(1, 2, 3);
        assertThat(table.note()).contains("回收率至少不低于 60.00%（程序 5.1.2）").contains("超过 100% 为数据错误")
                .contains("全公司回收率 70.71%（不含 2 个数据异常的管理处）");
    }

    @Test
    void theThresholdInTheNoteIsTheOneTheMartJudgedWith() {
        FixedPacketSource source = new FixedPacketSource().threshold(new BigDecimal("0.60"))
                .mart("survey_returns", returns(2025, "N1", "北区", 10L, 7, 0.7, true, null, 0.7, null, null, 1, 0.7,
                        0.0));

        Table table = ChapterText.tables(ServicePerformanceChapter.build(source, 2025, Lang.ZH).sections()
                .get(RETURNS)).get(0);
        assertThat(table.note()).contains("不低于 70.00%");

        Table empty = ChapterText.tables(ServicePerformanceChapter.build(new FixedPacketSource()
                .threshold(new BigDecimal("0.65")), 2025, Lang.ZH).sections().get(RETURNS)).get(0);
        assertThat(empty.note()).contains("不低于 65.00%");
    }

    @Test
    void theRegisterIsSummedByChannelKindAndAreaInTheCodeListsOrder() {
        Section section = ServicePerformanceChapter.build(sample(), 2025, Lang.ZH).sections().get(FEEDBACK);

        assertThat(ChapterText.paragraphs(section)).contains("2025 年度共登记 10 件，已关闭 7 件，关闭率 70.00%，处理中 3 件；"
                + "截至基准日超过 30 天未关闭 2 件。");
        List<Table> tables = ChapterText.tables(section);
        Table byChannel = tables.get(0);
        assertThat(ChapterText.headers(byChannel)).containsExactly("反馈渠道", "登记件数", "已关闭", "处理中", "关闭率",
                "超过30天未关闭", "原件保管");
        // visit comes before phone in the channel list, whatever the mart's order
        assertThat(byChannel.rows()).extracting(row -> row.cells()).containsExactly(
                Arrays.asList("来访", 3L, 1L, 2L, ClosureRate.of(1, 3), 2L, 1L),
                Arrays.asList("来电", 7L, 6L, 1L, ClosureRate.of(6, 7), 0L, 3L));
        Table byKind = tables.get(1);
        assertThat(byKind.rows()).extracting(row -> row.cells()).containsExactly(
                Arrays.asList("投诉", 6L, 3L, 3L, 0.5, 2L),
                Arrays.asList("服务需求", 4L, 4L, 0L, 1.0, 0L));
        Table byArea = tables.get(2);
        assertThat(ChapterText.column(byArea, 0)).containsExactly("维修保养", "电梯");
        assertThat(ChapterText.column(byArea, 1)).containsExactly(8L, 2L);
        assertThat(byArea.note()).contains("基准日 2026-01-10 判断");
    }

    @Test
    void theParetoIsTheCompanyWideRowsAndTheMainFactorsShowTheirCorrectiveAction() {
        Section section = ServicePerformanceChapter.build(sample(), 2025, Lang.ZH).sections().get(PARETO);

        ParetoChart chart = ChapterText.blocks(List.of(section), ParetoChart.class).get(0);
        assertThat(chart.cutOff()).isEqualTo(0.8);
        assertThat(chart.countAxis()).isEqualTo("投诉件数");
        assertThat(chart.bars()).containsExactly(new ParetoChart.Bar("维修保养", 5, 0.5, true),
                new ParetoChart.Bar("停车", 3, 0.8, true), new ParetoChart.Bar("电梯", 2, 1.0, false));
        Table factors = ChapterText.tables(section).get(0);
        assertThat(ChapterText.headers(factors)).containsExactly("排名", "涉及方面", "层面", "投诉件数", "占比", "累计占比",
                "纠正和预防措施");
        // the kind of action the mart found is printed: 纠正, 预防, or both
        assertThat(factors.rows()).extracting(row -> row.cells()).containsExactly(
                Arrays.asList(1L, "维修保养", "管理", 5L, 0.5, 0.5, "纠正"),
                Arrays.asList(2L, "停车", "管理", 3L, 0.3, 0.8, "未制定"));
        assertThat(ChapterText.highlighted(factors)).containsExactly(1);
    }

    @Test
    void anEmptyYearPrintsEveryTablesEmptyTextAndNoChart() {
        Chapter chapter = ServicePerformanceChapter.build(sample(), 2030, Lang.ZH);

        assertThat(ChapterText.tables(chapter)).isNotEmpty().allSatisfy(table -> {
            assertThat(table.rows()).isEmpty();
            assertThat(table.emptyText()).isNotBlank();
        });
        assertThat(ChapterText.blocks(chapter, BarChart.class)).isEmpty();
        assertThat(ChapterText.blocks(chapter, ParetoChart.class)).isEmpty();
        assertThat(ChapterText.tables(chapter.sections().get(PARETO)).get(0).emptyText())
                .isEqualTo("2030 年度没有顾客投诉。");
    }

    @Test
    void englishLabelsHoldNoChinese() {
        Chapter chapter = ServicePerformanceChapter.build(english(), 2025, Lang.EN);

        assertThat(ChapterText.chinese(ChapterText.words(chapter))).as(ChapterText.dump(chapter)).isEmpty();
        assertThat(chapter.sheet()).isEqualTo("Service performance");
        Table returns = ChapterText.tables(chapter.sections().get(RETURNS)).get(0);
        assertThat(ChapterText.column(returns, 6)).contains("More returned than distributed (data error)");
        assertThat(ChapterText.column(returns, 3)).contains(1.1);
        Table byKind = ChapterText.tables(chapter.sections().get(FEEDBACK)).get(1);
        assertThat(ChapterText.column(byKind, 0)).containsExactly("Complaint", "Service request");
    }

    @Test
    void englishEmptyYearHoldsNoChinese() {
        Chapter chapter = ServicePerformanceChapter.build(new FixedPacketSource(), 2025, Lang.EN);

        assertThat(ChapterText.chinese(ChapterText.words(chapter))).as(ChapterText.dump(chapter)).isEmpty();
    }

    // ------------------------------------------------------------------ fixtures

    /** Two offices with forms (N1, S1), one whose name the register lacks (X9), and a year before to leave out. */
    static FixedPacketSource sample() {
        return new FixedPacketSource()
                .mart("satisfaction_company", company(2025, 4, 13, 1, 22, 0.825))
                .mart("satisfaction_by_office",
                        office(2024, "N1", "北区管理处", 9, 9, 9, 9, 0.5, null, null, 1, 0.5, 0.0),
                        office(2025, "N1", "北区管理处", 2, 4, 1, 13, 0.8, null, null, 2, 0.825, -2.5),
                        office(2025, "S1", "南区管理处", 1, 9, 0, 0, 1.0, null, null, 1, 0.825, 17.5),
                        row("year", 2025, "office_id", "X9", "office_name", null, "forms", 1L, "qualified", 0L,
                                "unsatisfied", 0L, "unrated", 9L, "satisfaction_rate", null,
                                "previous_satisfaction_rate", null, "change_points", null, "rank", null,
                                "company_satisfaction_rate", 0.825, "gap_points", null))
                .mart("satisfaction_by_item",
                        item(null, "environment", "环境卫生", "management", 3, 1, 0, 0.75),
                        item(null, "lift", "电梯运行", "management", 0, 0, 4, null),
                        item(null, "complaint_handling", "投诉处理", "service", 4, 0, 0, 1.0),
                        item("N1", "environment", "环境卫生", "management", 2, 0, 0, 1.0),
                        item("N1", "complaint_handling", "投诉处理", "service", 1, 1, 0, 0.5),
                        item("S1", "environment", "环境卫生", "management", 1, 1, 0, 0.5))
                .mart("satisfaction_by_level",
                        level(null, "management", 9, 1, 14, 0.9),
                        level(null, "service", 4, 0, 8, 1.0),
                        level("N1", "management", 3, 0, 5, 1.0),
                        level("S1", "management", 6, 1, 9, 0.857))
                .mart("survey_returns",
                        returns(2025, "N1", "北区管理处", 50L, 30, 0.6, true, null, 0.6, null, null, 2,
                                0.7070967741935484, -10.7),
                        returns(2025, "S1", "南区管理处", 30L, 33, 1.1, false, "returned_exceeds_distributed", 0.6, null,
                                null, 1, 0.7070967741935484, 39.3),
                        returns(2025, "W1", "西区管理处", null, 25, null, false, "no_distribution_record", 0.6, null,
                                null, null, 0.7070967741935484, null),
                        returns(2025, "E1", "东区管理处", 120L, 54, 0.45, false, null, 0.6, null, null, 3,
                                0.7070967741935484, -25.7),
                        returns(2024, "N1", "北区管理处", 10L, 1, 0.1, false, null, 0.6, null, null, 1, 0.1, 0.0))
                .mart("feedback_summary",
                        feedback(2025, 1, "S1", "phone", "complaint", "maintenance", "management", 3, 2, 0, 2),
                        feedback(2025, 1, "N1", "visit", "complaint", "maintenance", "management", 3, 1, 2, 1),
                        feedback(2025, 2, "N1", "phone", "service_request", "lift", "management", 2, 2, 0, 1),
                        feedback(2025, 3, "N1", "phone", "service_request", "maintenance", "management", 2, 2, 0, 0),
                        feedback(2024, 12, "N1", "letter", "complaint", "lift", "management", 5, 5, 0, 5))
                .mart("complaint_pareto",
                        pareto(2025, null, null, "maintenance", "维修保养", 5, 10, 0.5, 0.5, 1, true, true),
                        pareto(2025, null, null, "parking", "停车", 3, 10, 0.3, 0.8, 2, true, false),
                        pareto(2025, null, null, "lift", "电梯", 2, 10, 0.2, 1.0, 3, false, false),
                        pareto(2025, "N1", "北区管理处", "maintenance", "维修保养", 3, 3, 1.0, 1.0, 1, true, true),
                        pareto(2025, "S1", "南区管理处", "maintenance", "维修保养", 2, 2, 1.0, 1.0, 1, true, false),
                        pareto(2024, null, null, "lift", "电梯", 5, 5, 1.0, 1.0, 1, true, false))
                .mart("return_visit_verification",
                        CustomerServiceChapterTest.visits("N1", "北区管理处", 2, 1, 1, 0, 0, 1.0),
                        CustomerServiceChapterTest.visits("S1", "南区管理处", 1, 0, 0, 0, 0, null))
                .mart("review_readiness", ReviewPlanChapterTest.readiness(true, null, null, null, null, null, null,
                        0, false));
    }

    /** The same shape with data in ASCII, so that any Chinese found in an English document is a label. */
    private static FixedPacketSource english() {
        return new FixedPacketSource()
                .mart("satisfaction_company", company(2025, 3, 20, 5, 2, 0.8), company(2024, 3, 20, 0, 7, 1.0))
                .mart("satisfaction_by_office",
                        office(2025, "N1", "North", 2, 10, 5, 3, 0.667, 1.0, -33.3, 2, 0.8, -13.3),
                        office(2025, "S1", "South", 1, 10, 0, 0, 1.0, 1.0, 0.0, 1, 0.8, 20.0))
                .mart("satisfaction_by_item",
                        item(null, "environment", "环境卫生", "management", 3, 1, 0, 0.75),
                        item(null, "reception", "接待服务", "service", 4, 0, 0, 1.0),
                        item("N1", "environment", "环境卫生", "management", 2, 1, 0, 0.667))
                .mart("satisfaction_by_level", level(null, "service", 4, 0, 8, 1.0), level("N1", "service", 1, 0, 0,
                        1.0))
                .mart("survey_returns",
                        returns(2025, "N1", "North", 30L, 33, 1.1, false, "returned_exceeds_distributed", 0.6, 0.5,
                                60.0, 1, 0.8, 30.0),
                        returns(2025, "S1", "South", null, 5, null, false, "no_distribution_record", 0.6, null, null,
                                null, 0.8, null))
                .mart("feedback_summary",
                        feedback(2025, 1, "N1", "hotline", "complaint", "parking", "management", 3, 1, 1, 0),
                        feedback(2025, 1, "N1", "home_visit", "service_request", "business", "business", 1, 1, 0, 1))
                .mart("complaint_pareto",
                        pareto(2025, null, null, "parking", "停车", 3, 3, 1.0, 1.0, 1, true, false),
                        pareto(2025, "N1", "North", "parking", "停车", 3, 3, 1.0, 1.0, 1, true, false))
                .mart("return_visit_verification",
                        CustomerServiceChapterTest.visits("N1", "North", 4, 0, 0, 0, 1, 0.5))
                .mart("review_attention_items", row("year", 2025, "item", "satisfaction_drop", "basis", "4.2.3",
                        "office_id", "N1", "evidence_text", "drop", "reference_id", null, "date", null, "source",
                        "survey_responses", "as_of", LocalDate.of(2026, 1, 10)))
                .mart("review_readiness", ReviewPlanChapterTest.readiness(true, null, null, null, null, null, null,
                        1, true));
    }

    static Map<String, Object> company(int year, long forms, long qualified, long unsatisfied, long unrated,
                                       Double rate) {
        // every form of these fixtures rated at least one item
        return row("year", year, "forms", forms, "rated_forms", forms, "qualified", qualified, "unsatisfied",
                unsatisfied, "unrated", unrated, "satisfaction_rate", rate);
    }

    static Map<String, Object> office(int year, String id, String name, long forms, long qualified,
                                      long unsatisfied, long unrated, Double rate, Double previous, Double change,
                                      Integer rank, Double company, Double gap) {
        return office(year, id, name, forms, qualified, unsatisfied, unrated, rate, previous, change, null, rank,
                company, gap);
    }

    static Map<String, Object> office(int year, String id, String name, long forms, long qualified,
                                      long unsatisfied, long unrated, Double rate, Double previous, Double change,
                                      Boolean significant, Integer rank, Double company, Double gap) {
        return row("year", year, "office_id", id, "office_name", name, "forms", forms, "qualified", qualified,
                "unsatisfied", unsatisfied, "unrated", unrated, "satisfaction_rate", rate,
                "previous_satisfaction_rate", previous, "change_points", change, "change_significant", significant,
                "rank", rank, "company_satisfaction_rate", company, "gap_points", gap);
    }

    static Map<String, Object> item(String office, String item, String name, String level, long qualified,
                                    long unsatisfied, long unrated, Double rate) {
        return row("year", 2025, "office_id", office, "item", item, "item_name", name, "level", level,
                "forms", qualified + unsatisfied + unrated, "qualified", qualified, "unsatisfied", unsatisfied,
                "unrated", unrated, "satisfaction_rate", rate);
    }

    static Map<String, Object> level(String office, String level, long qualified, long unsatisfied, long unrated,
                                     Double rate) {
        return row("year", 2025, "office_id", office, "level", level, "qualified", qualified,
                "unsatisfied", unsatisfied, "unrated", unrated, "satisfaction_rate", rate);
    }

    static Map<String, Object> returns(int year, String id, String name, Long distributed, long returned,
                                       Double rate, boolean meets, String anomaly, double threshold, Double previous,
                                       Double change, Integer rank, Double company, Double gap) {
        return row("year", year, "office_id", id, "office_name", name, "forms_distributed", distributed,
                "forms_returned", returned, "return_rate", rate, "meets_threshold", meets, "anomaly", anomaly,
                "threshold", threshold, "previous_return_rate", previous, "change_points", change, "rank", rank,
                // the sample's company rate leaves out its two offices with an anomaly (南区 110%, 西区 no record)
                "company_return_rate", company, "company_offices_left_out", 2L, "gap_points", gap);
    }

    static Map<String, Object> feedback(int year, int month, String office, String channel, String kind,
                                        String area, String level, long entries, long closed, long openOver30,
                                        long originalsKept) {
        List<Object> values = new ArrayList<>(List.of("year", year, "month", month, "office_id", office,
                "office_name", office, "channel", channel, "kind", kind, "area", area, "level", level,
                "severity", "normal", "entries", entries, "closed", closed));
        values.addAll(Arrays.asList("closure_rate", (double) closed / entries, "median_days_to_close", 3.0,
                "p90_days_to_close", 9.0, "open_over_30_days", openOver30, "originals_kept", originalsKept,
                "originals_known", entries, "original_kept_share", (double) originalsKept / entries));
        return row(values.toArray());
    }

    static Map<String, Object> pareto(int year, String office, String name, String area, String areaName,
                                      long complaints, long scope, double share, double cumulative, int rank,
                                      boolean main, boolean hasAction) {
        return row("year", year, "office_id", office, "office_name", name, "area", area, "area_name", areaName,
                "level", "management", "complaints", complaints, "scope_complaints", scope, "share", share,
                "cumulative_share", cumulative, "rank", rank, "main_factor", main, "has_action", hasAction,
                "corrective_action", hasAction, "preventive_action", false);
    }
}
