package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.DocumentText.cells;
import static com.propertyquality.review.packet.DocumentText.tables;
import static com.propertyquality.review.packet.FixedPacketSource.row;
import static com.propertyquality.review.packet.MartFixtures.actionStatus;
import static com.propertyquality.review.packet.MartFixtures.factorWithoutAction;
import static com.propertyquality.review.packet.MartFixtures.failedAction;
import static com.propertyquality.review.packet.MartFixtures.objective;
import static com.propertyquality.review.packet.MartFixtures.office;
import static com.propertyquality.review.packet.MartFixtures.pareto;
import static com.propertyquality.review.packet.MartFixtures.readiness;
import static com.propertyquality.review.packet.MartFixtures.satisfactionCompany;
import static com.propertyquality.review.packet.MartFixtures.surveyReturn;
import static com.propertyquality.review.packet.MartFixtures.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.marts.FeedbackMarts;
import com.propertyquality.review.marts.QualityMarts;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.marts.SurveyMarts;
import com.propertyquality.review.reports.document.CellKind;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Table;

class OutputFormsChapterTest {

    private static final int YEAR = 2025;

    private static FixedPacketSource company() {
        return new FixedPacketSource()
                .lake("offices", office("N1", "North Office"), office("S2", "South Office"), office("E3", "East"))
                .lake("review_plan", row("year", 2025, "meeting_date", LocalDate.of(2026, 1, 15),
                        "meeting_time", "09:30", "place", "Room 1", "chair", "Chen", "management_representative", "Lin",
                        "previous_review_on", LocalDate.of(2025, 1, 10)))
                .lake("review_attendees",
                        row("year", 2025, "seq", 2, "name", "Lin", "department", "Quality", "role", "Representative"),
                        row("year", 2025, "seq", 1, "name", "Chen", "department", "Management", "role", "GM"),
                        row("year", 2024, "seq", 1, "name", "Gone", "department", "Old", "role", "Old"))
                .mart(SurveyMarts.SATISFACTION_COMPANY, satisfactionCompany(YEAR, 573, 4390, 524, 0.8934))
                .mart(ReviewMarts.REVIEW_OBJECTIVES_STATUS,
                        objective(YEAR, 1, "Satisfaction", "satisfaction_rate", 0.9, 0.8934, false),
                        row("year", YEAR, "seq", 2, "name", "Returns", "metric", "survey_return_rate", "comparison",
                                "at_least", "target", 0.6, "actual", 0.7071, "met", false, "judged_by",
                                "every_office", "offices_judged", 4L, "offices_not_met", 2L, "offices_left_out", 1L),
                        objective(YEAR, 3, "Courtesy", null, 0.95, null, null))
                .mart(SurveyMarts.SURVEY_RETURNS,
                        surveyReturn(YEAR, "E3", "East", 30L, 33, 1.1, false, "returned_exceeds_distributed", 0.7),
                        surveyReturn(YEAR, "N1", "North Office", 120L, 54, 0.45, false, null, 0.7),
                        surveyReturn(YEAR, "S2", "South Office", 50L, 30, 0.6, true, null, 0.7))
                .mart(FeedbackMarts.COMPLAINT_PARETO,
                        pareto(YEAR, null, null, "maintenance", 175, 482, 0.3631, 0.3631, 1, true, true),
                        pareto(YEAR, null, null, "water_power", 19, 482, 0.0394, 0.83, 2, true, false),
                        pareto(YEAR, null, null, "greening", 13, 482, 0.027, 0.857, 3, false, false))
                .mart(FeedbackMarts.MAIN_FACTORS_WITHOUT_ACTION,
                        factorWithoutAction(YEAR, null, null, "water_power", 19, 482, 0.0394, 0.83, 2),
                        factorWithoutAction(YEAR, "S2", "South Office", "fees", 5, 43, 0.1163, 0.7442, 4))
                .mart(QualityMarts.ACTION_STATUS,
                        actionStatus(YEAR, "N1", "North Office", "maintenance", 2, 1, 1, 0, 1, 1))
                .mart(QualityMarts.ACTIONS_FAILED_VERIFICATION,
                        failedAction(YEAR, "N1", "North Office", "CA-2025-3", "maintenance",
                                LocalDate.of(2025, 4, 13), "Leak survey"))
                .mart(ReviewMarts.REVIEW_TRIGGERS,
                        trigger(YEAR, ReviewMarts.MAJOR_COMPLAINT, "N1", "a", "FB-1", null, "feedback"),
                        trigger(YEAR, ReviewMarts.MAJOR_COMPLAINT, "S2", "b", "FB-2", null, "feedback"),
                        trigger(YEAR, "audit", null, "audit", "events#3", null, "review_events"))
                .mart(ReviewMarts.REVIEW_READINESS, readiness(YEAR, LocalDate.of(2026, 1, 15),
                        LocalDate.of(2025, 1, 10), LocalDate.of(2026, 1, 10), 12, false, 4));
    }

    private static List<String> findings(Chapter chapter) {
        return DocumentText.paragraphs(chapter.sections().get(0));
    }

    @Test
    void theDraftReportStatesWhatTheDataSupports() {
        Chapter chapter = OutputFormsChapter.build(company(), YEAR, Lang.ZH);

        assertThat(findings(chapter)).contains(
                "1. 全公司顾客满意率 89.34%（调查表 573 份，合格项 4390 项，不满意项 524 项）。",
                "2. 质量目标“Satisfaction”：实际 89.34%，目标不低于 90.00%，未达到。",
                "3. 质量目标“Returns”（各管理处不低于 60.00%）：有发放记录的 4 个管理处中 2 个未达到，未达到；全公司回收率 70.71%（不含 1 个数据异常的管理处）。",
                "4. 质量目标“Courtesy”（不低于 95.00%）未对应数据指标，由会议评价。",
                "5. 调查表回收率未达到 60.00% 要求的管理处 2 个（5.1.2）：East 110.00%（回收份数多于发放份数），"
                        + "North Office 45.00%。",
                "6. 全公司投诉的主要因素（累计约占80%的涉及方面，5.1.3）：维修保养 175 件、供水供电 19 件；"
                        + "其中尚未制定纠正或预防措施的：供水供电。",
                "7. 各管理处尚有 1 项主要因素未制定纠正或预防措施，已列入《管理评审改进措施及验证记录表》。",
                "8. 本年度开立纠正和预防措施 2 项；截至基准日 2026-01-10，未完成 1 项，其中逾期 1 项；验证有效 0 项，待验证 1 项。",
                "9. 验证无效的措施 1 项：CA-2025-3（North Office，维修保养），须由责任部门重新制定并实施（4.5.4）。",
                // review_overdue is the schedule, stated on its own below
                "10. 数据显示应增加管理评审频次的情况（4.1.2）：重大质量事故或顾客严重投诉 2 项，审核 1 项。",
                "11. 上次管理评审 2025-01-10，本次会议 2026-01-15，晚于最迟日期 2026-01-10，间隔超过12个月，不符合4.1.1的要求。");
        Table meeting = tables(chapter.sections().get(0)).get(0);
        assertThat(cells(meeting)).containsExactly(List.of(LocalDate.of(2026, 1, 15), "09:30", "Room 1", "Chen",
                "Lin", LocalDate.of(2025, 1, 10)));
        assertThat(tables(chapter.sections().get(0)))
                .anySatisfy(table -> assertThat(table.columns()).extracting(Column::kind)
                        .containsExactly(CellKind.TEXT, CellKind.SIGNATURE));
    }

    @Test
    void theImprovementFormListsEveryMainFactorWithoutActionAndEveryFailedAction() {
        Chapter chapter = OutputFormsChapter.build(company(), YEAR, Lang.ZH);

        Table form = tables(chapter.sections().get(1)).get(0);
        assertThat(form.columns()).extracting(Column::kind).containsExactly(CellKind.COUNT, CellKind.TEXT,
                CellKind.TEXT, CellKind.COUNT, CellKind.SIGNATURE, CellKind.SIGNATURE, CellKind.SIGNATURE,
                CellKind.SIGNATURE);
        assertThat(cells(form)).startsWith(
                Arrays.asList(1L, "主要因素未制定纠正或预防措施：供水供电", "全公司", 19L, null, null, null, null),
                Arrays.asList(2L, "主要因素未制定纠正或预防措施：收费", "South Office", 5L, null, null, null, null),
                Arrays.asList(3L, "措施验证无效：CA-2025-3 Leak survey", "North Office", null, null, null, null, null));
        assertThat(form.rows()).hasSize(3 + OutputFormsChapter.EXTRA_ACTION_LINES);
        assertThat(form.rows()).extracting(Row::highlighted).startsWith(false, false, true, false);
    }

    @Test
    void theSignInRecordListsThePlansAttendeesThenBlankLines() {
        Chapter chapter = OutputFormsChapter.build(company(), YEAR, Lang.ZH);

        Table signIn = tables(chapter.sections().get(2)).get(0);
        assertThat(signIn.columns().get(4).kind()).isEqualTo(CellKind.SIGNATURE);
        assertThat(cells(signIn)).startsWith(
                Arrays.asList(1L, "Chen", "Management", "GM", null),
                Arrays.asList(2L, "Lin", "Quality", "Representative", null),
                Arrays.asList(3L, "", "", "", null));
        assertThat(signIn.rows()).hasSize(2 + OutputFormsChapter.EXTRA_SIGN_IN_LINES);
        assertThat(DocumentText.paragraphs(chapter.sections().get(2)))
                .singleElement().asString().contains("2026-01-15 09:30").contains("Room 1");
    }

    @Test
    void anEmptyYearStillGivesPrintableBlankForms() {
        Chapter chapter = OutputFormsChapter.build(new FixedPacketSource(), YEAR, Lang.ZH);

        assertThat(findings(chapter)).contains("1. 本年度无顾客意见调查表，没有满意率。",
                "2. 本年度评审计划未列质量目标。", "3. 本年度无调查表发放和回收记录。",
                "4. 本年度《顾客意见登记表》无投诉，没有主要因素。", "5. 没有验证无效的纠正和预防措施。",
                "6. 数据未显示应增加管理评审频次的情况（4.1.2）。", "7. 本年度尚无《年度管理评审计划》，无法判断评审间隔（4.1.1）。");
        assertThat(tables(chapter.sections().get(1)).get(0).rows()).hasSize(OutputFormsChapter.EXTRA_ACTION_LINES);
        assertThat(tables(chapter.sections().get(2)).get(0).rows()).hasSize(OutputFormsChapter.EXTRA_SIGN_IN_LINES);
        DocumentText.assertEmptyTablesExplain(chapter.sections());
        DocumentText.assertValidSheet(chapter);
    }

    @Test
    void withinTwelveMonthsIsSaidSo() {
        FixedPacketSource source = new FixedPacketSource().mart(ReviewMarts.REVIEW_READINESS,
                readiness(YEAR, LocalDate.of(2025, 11, 28), LocalDate.of(2024, 12, 20), LocalDate.of(2025, 12, 20),
                        11, true, 0));

        assertThat(findings(OutputFormsChapter.build(source, YEAR, Lang.ZH)))
                .contains("7. 上次管理评审 2024-12-20，本次会议 2025-11-28，间隔 11 个月，未超过12个月（4.1.1）。");
    }

    @Test
    void englishLabelsHaveNoChinese() {
        Chapter chapter = OutputFormsChapter.build(company(), YEAR, Lang.EN);
        Chapter empty = OutputFormsChapter.build(new FixedPacketSource(), YEAR, Lang.EN);

        DocumentText.assertNoChinese(List.of(chapter, empty));
        DocumentText.assertValidSheet(chapter);
        assertThat(findings(chapter)).contains(
                "2. Quality objective \"Satisfaction\": actual 89.34%, target at least 90.00%: not met.");
    }
}
