package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.DocumentText.captioned;
import static com.propertyquality.review.packet.DocumentText.cells;
import static com.propertyquality.review.packet.MartFixtures.attention;
import static com.propertyquality.review.packet.MartFixtures.actionStatus;
import static com.propertyquality.review.packet.MartFixtures.customerNeed;
import static com.propertyquality.review.packet.MartFixtures.customerSegment;
import static com.propertyquality.review.packet.MartFixtures.factorWithoutAction;
import static com.propertyquality.review.packet.MartFixtures.failedAction;
import static com.propertyquality.review.packet.MartFixtures.feedbackSummary;
import static com.propertyquality.review.packet.MartFixtures.followUp;
import static com.propertyquality.review.packet.MartFixtures.inspection;
import static com.propertyquality.review.packet.MartFixtures.office;
import static com.propertyquality.review.packet.MartFixtures.pareto;
import static com.propertyquality.review.packet.MartFixtures.returnVisits;
import static com.propertyquality.review.packet.MartFixtures.satisfactionByItem;
import static com.propertyquality.review.packet.MartFixtures.satisfactionByLevel;
import static com.propertyquality.review.packet.MartFixtures.satisfactionByOffice;
import static com.propertyquality.review.packet.MartFixtures.satisfactionBySegment;
import static com.propertyquality.review.packet.MartFixtures.surveyReturn;
import static com.propertyquality.review.packet.MartFixtures.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.marts.CustomerMarts;
import com.propertyquality.review.marts.CustomerValueMarts;
import com.propertyquality.review.marts.FeedbackMarts;
import com.propertyquality.review.marts.QualityMarts;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.marts.SurveyMarts;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * The office pages: the summary of head office's appendix ({@link OfficeSummaryAppendix}) and an office's own
 * report ({@link OfficeReportChapters}).
 */
class OfficePagesTest {

    private static final int YEAR = 2025;

    /** The South office's own figures: distinct from everything of the North office and the company. */
    private static final List<Object> SOUTH_FIGURES = List.of(900L, 450L, 0.501, 0.959, -9.9, 0.919, 0.929, 0.939,
            919L, 0.949, 912L, 0.989, 913L, 0.0913, 99.1, 98.2, 914L, 916L, 0.0916, 0.616);

    private static FixedPacketSource twoOffices() {
        return new FixedPacketSource()
                .lake("offices", office("S2", "South Office"), office("N1", "North Office"))
                .mart(SurveyMarts.SURVEY_RETURNS,
                        surveyReturn(YEAR, "N1", "North Office", 100L, 61, 0.61, true, null, 0.7),
                        surveyReturn(YEAR, "S2", "South Office", 900L, 450, 0.501, false, null, 0.7))
                .mart(SurveyMarts.SATISFACTION_BY_OFFICE,
                        satisfactionByOffice(YEAR, "N1", "North Office", 61, 0.91, 0.85, 6.0, 1),
                        satisfactionByOffice(YEAR, "S2", "South Office", 450, 0.959, 0.85, -9.9, 2))
                .mart(SurveyMarts.SATISFACTION_BY_ITEM,
                        satisfactionByItem(YEAR, null, "maintenance", "management", 170, 30, 0, 0.85),
                        satisfactionByItem(YEAR, null, "lift", "management", 180, 20, 0, 0.9),
                        satisfactionByItem(YEAR, "N1", "maintenance", "management", 40, 10, 11, 0.8),
                        satisfactionByItem(YEAR, "N1", "lift", "management", 57, 3, 1, 0.95),
                        satisfactionByItem(YEAR, "S2", "maintenance", "management", 919, 81, 0, 0.919),
                        satisfactionByItem(YEAR, "S2", "lift", "management", 929, 71, 0, 0.929))
                .mart(SurveyMarts.SATISFACTION_BY_LEVEL,
                        satisfactionByLevel(YEAR, null, "management", 350, 50, 0, 0.86),
                        satisfactionByLevel(YEAR, "N1", "management", 97, 13, 12, 0.88),
                        satisfactionByLevel(YEAR, "S2", "management", 939, 61, 0, 0.939))
                .mart(CustomerMarts.SATISFACTION_BY_SEGMENT,
                        satisfactionBySegment(YEAR, null, "category", "A", 30, 200, 20, 0, 0.91),
                        satisfactionBySegment(YEAR, "N1", "category", "A", 11, 90, 9, 0, 0.901),
                        satisfactionBySegment(YEAR, "S2", "category", "B", 919, 900, 50, 0, 0.949))
                .mart(QualityMarts.RETURN_VISIT_VERIFICATION,
                        returnVisits(YEAR, "N1", "North Office", 12, 0.92),
                        returnVisits(YEAR, "S2", "South Office", 912, 0.989))
                .mart(FeedbackMarts.FEEDBACK_SUMMARY,
                        feedbackSummary(YEAR, 4, "N1", "North Office", "phone", "complaint", "lift", "major", 3, 2, 1),
                        feedbackSummary(YEAR, 4, "N1", "North Office", "visit", "praise", "reception", "normal",
                                4, 4, 0),
                        feedbackSummary(YEAR, 4, "S2", "South Office", "phone", "complaint", "parking", "normal",
                                913, 900, 13))
                .mart(FeedbackMarts.COMPLAINT_PARETO,
                        pareto(YEAR, null, null, "parking", 913, 916, 0.9967, 0.9967, 1, true, true),
                        pareto(YEAR, null, null, "lift", 3, 916, 0.0033, 1.0, 2, false, false),
                        pareto(YEAR, "N1", "North Office", "lift", 3, 3, 1.0, 1.0, 1, true, false),
                        pareto(YEAR, "S2", "South Office", "parking", 913, 913, 0.0913, 0.0913, 1, true, true))
                .mart(FeedbackMarts.MAIN_FACTORS_WITHOUT_ACTION,
                        factorWithoutAction(YEAR, "N1", "North Office", "lift", 3, 3, 1.0, 1.0, 1),
                        factorWithoutAction(YEAR, "S2", "South Office", "parking", 913, 913, 0.0913, 0.0913, 1))
                .mart(QualityMarts.INSPECTION_SUMMARY,
                        inspection(YEAR, 4, "N1", "North Office", "quality_monthly", 1, 81.5, 81.5, 5, 0, 3),
                        inspection(YEAR, 4, "S2", "South Office", "quality_monthly", 1, 99.1, 98.2, 914, 0, 913))
                .mart(ReviewMarts.REVIEW_TRIGGERS,
                        trigger(YEAR, ReviewMarts.MAJOR_COMPLAINT, null, "South Office lifts stopped", "events#1",
                                LocalDate.of(2025, 5, 20), "review_events"),
                        trigger(YEAR, ReviewMarts.SERIOUS_NONCONFORMITY, "N1", "internal audit: records missing",
                                "audit_findings#1", LocalDate.of(2025, 8, 2), "review_audit_findings"))
                .mart(ReviewMarts.REVIEW_ATTENTION_ITEMS,
                        attention(YEAR, ReviewMarts.INSPECTION_NONCONFORMITIES, "N1", "North found 5", "JC-N1",
                                LocalDate.of(2025, 4, 2), "inspections"),
                        attention(YEAR, ReviewMarts.INSPECTION_NONCONFORMITIES, "S2", "South found 914", "JC-S2",
                                LocalDate.of(2025, 4, 3), "inspections"))
                .mart(QualityMarts.ACTION_STATUS,
                        actionStatus(YEAR, null, null, "complaint_handling", 917, 0, 0, 917, 0, 0),
                        actionStatus(YEAR, "N1", "North Office", "maintenance", 2, 1, 1, 0, 1, 1),
                        actionStatus(YEAR, "S2", "South Office", "parking", 914, 0, 0, 914, 0, 0))
                .mart(QualityMarts.ACTIONS_FAILED_VERIFICATION,
                        failedAction(YEAR, "N1", "North Office", "CA-N1", "maintenance", LocalDate.of(2025, 5, 1),
                                "North leak survey"),
                        failedAction(YEAR, "S2", "South Office", "CA-S2", "parking", LocalDate.of(2025, 6, 1),
                                "South parking"))
                .mart(CustomerMarts.FOLLOW_UP_LIST,
                        followUp(YEAR, "N1", "North Office", "H-N1-1", "survey", "survey_dissatisfied",
                                LocalDate.of(2025, 6, 4), "R-N1-1", "lift,maintenance", "more events please"),
                        followUp(YEAR, "S2", "South Office", "H-S2-1", "return_visit",
                                "complaint_followup_dissatisfied", LocalDate.of(2025, 6, 5), "FB-S2", "HF-S2",
                                "South note"))
                .mart(CustomerValueMarts.CUSTOMER_SEGMENTS,
                        customerSegment(YEAR, null, "A", "most_valuable", 918, 0.6, 1000.0, 1.0, 20, 0.92),
                        customerSegment(YEAR, "N1", "A", "most_valuable", 5, 0.5, 1500.0, 1.0, 4, 0.93),
                        customerSegment(YEAR, "N1", "H", "most_valuable", 2, 0.2, 500.0, 0.95, 1, 0.8),
                        customerSegment(YEAR, "N1", "H", "at_risk", 3, 0.3, 100.0, 0.6, 2, 0.7),
                        customerSegment(YEAR, "S2", "B", "steady", 916, 0.0916, 0.616, 0.616, 916, 0.616))
                .mart(CustomerValueMarts.CUSTOMER_NEEDS,
                        customerNeed(YEAR, null, "management", "parking", 913, null, 1),
                        customerNeed(YEAR, "N1", "management", "lift", 3, 5, 2, 1L, 1),
                        customerNeed(YEAR, "S2", "management", "parking", 913, null, 1));
    }

    @Test
    void theAppendixHasOnePageForEachOfficeOfTheRegisterById() {
        Chapter appendix = OfficeSummaryAppendix.build(twoOffices(), YEAR, Lang.ZH);

        assertThat(appendix.title()).isEqualTo("附录：各管理处");
        assertThat(appendix.sections()).extracting(Section::title)
                .containsExactly("North Office（N1）", "South Office（S2）");
        assertThat(appendix.sections()).allMatch(Section::newPage);
        DocumentText.assertValidSheet(appendix);
    }

    @Test
    void withoutARegisterTheOfficesOfTheSurveyReturnsAreUsed() {
        FixedPacketSource source = new FixedPacketSource().mart(SurveyMarts.SURVEY_RETURNS,
                surveyReturn(YEAR, "Z9", "Zeta", 10L, 7, 0.7, true, null, 0.7),
                surveyReturn(2024, "Y8", "Old", 10L, 7, 0.7, true, null, 0.7));

        assertThat(OfficeSummaryAppendix.build(source, YEAR, Lang.ZH).sections()).extracting(Section::title)
                .containsExactly("Zeta（Z9）");
        assertThat(OfficeSummaryAppendix.build(new FixedPacketSource(), YEAR, Lang.ZH).sections()).singleElement()
                .satisfies(section -> assertThat(DocumentText.paragraphs(section)).isNotEmpty());
    }

    @Test
    void theSummaryShowsTheOfficesOwnFiguresBesideTheCompanys() {
        List<Section> sections = OfficeSummaryAppendix.officeSections(twoOffices(), YEAR, "N1", Lang.ZH);

        assertThat(sections).singleElement().satisfies(section -> assertThat(section.newPage()).isTrue());
        Table survey = captioned(sections, "顾客意见调查");
        assertThat(cells(survey)).containsExactly(List.of(61L, 0.61, 0.7, 0.91, 0.85, 6.0, 1L));
        assertThat(survey.rows()).noneMatch(Row::highlighted);
        assertThat(survey.note()).contains("发放 100 份").contains("60.00%").contains("达到要求");
        assertThat(cells(captioned(sections, "低于全公司的调查项目")))
                .containsExactly(List.of("维修保养", "管理", 10L, 0.8, 0.85));
        assertThat(cells(captioned(sections, "《顾客意见登记表》")))
                .containsExactly(List.of("投诉", 3L, 2L, 1L, 3L), List.of("表扬", 4L, 4L, 0L, 0L));
        assertThat(cells(captioned(sections, "投诉的主要因素（5.1.3）")))
                .containsExactly(List.of("电梯", 3L, 1.0, 1.0, "未制定"));
        assertThat(cells(captioned(sections, "服务检查")))
                .containsExactly(List.of("质量管理部月检", 1L, 81.5, 81.5, 81.5, 5L, 0L));
        assertThat(cells(captioned(sections, "纠正和预防措施")))
                .containsExactly(List.of("维修保养", 2L, 1L, 1L, 0L, 1L, 1L));
        assertThat(captioned(sections, "验证无效的措施").rows()).singleElement()
                .satisfies(row -> assertThat(row.cells()).startsWith("CA-N1"))
                .matches(Row::highlighted);
        // households add up over the categories, in segment order
        assertThat(cells(captioned(sections, "客户价值细分")))
                .containsExactly(List.of("最有价值客户", 7L, 5L), List.of("风险客户", 3L, 2L));
    }

    /**
     * The appendix sums every office's register rows in one pass, an office's own report in a pass of its own: both
     * add the office's rows of the year by kind, code-list order first, an unknown kind after, as stored.
     */
    @Test
    void theRegisterByKindAddsTheOfficesRowsOfTheYearAlikeInTheAppendixAndInItsReport() {
        FixedPacketSource source = twoOffices().mart(FeedbackMarts.FEEDBACK_SUMMARY,
                feedbackSummary(YEAR, 6, "N1", "North Office", "phone", "suggestion", "lift", "major", 2, 0, 2),
                feedbackSummary(YEAR, 5, "N1", "North Office", "letter", "complaint", "parking", "normal", 5, 1, 4),
                feedbackSummary(YEAR - 1, 12, "N1", "North Office", "phone", "complaint", "lift", "major", 50, 50, 0));
        List<List<Object>> expected = List.of(
                List.of("投诉", 8L, 3L, 5L, 3L),
                List.of("表扬", 4L, 4L, 0L, 0L),
                List.of("suggestion", 2L, 0L, 2L, 2L));

        Chapter appendix = OfficeSummaryAppendix.build(source, YEAR, Lang.ZH);
        List<Section> northPage = appendix.sections().stream()
                .filter(section -> section.title().equals("North Office（N1）")).toList();

        assertThat(cells(captioned(northPage, "《顾客意见登记表》"))).isEqualTo(expected);
        assertThat(cells(captioned(OfficeSummaryAppendix.officeSections(source, YEAR, "N1", Lang.ZH), "《顾客意见登记表》")))
                .isEqualTo(expected);
        List<Section> southPage = appendix.sections().stream()
                .filter(section -> section.title().equals("South Office（S2）")).toList();
        assertThat(cells(captioned(southPage, "《顾客意见登记表》"))).containsExactly(List.of("投诉", 913L, 900L, 13L, 0L));
    }

    @Test
    void anOfficeUnderTheReturnThresholdIsShaded() {
        List<Section> sections = OfficeSummaryAppendix.officeSections(twoOffices(), YEAR, "S2", Lang.ZH);

        Table survey = captioned(sections, "顾客意见调查");
        assertThat(survey.rows()).singleElement().matches(Row::highlighted);
        assertThat(survey.note()).contains("未达到要求");
    }

    @Test
    void anOfficesPagesHoldNoOtherOfficesNamesOrFigures() {
        FixedPacketSource source = twoOffices();
        List<Section> summary = OfficeSummaryAppendix.officeSections(source, YEAR, "N1", Lang.ZH);
        List<Chapter> report = OfficeReportChapters.of(source, YEAR, "N1", Lang.ZH);
        List<Section> all = new ArrayList<>(summary);
        all.addAll(DocumentText.sections(report));

        List<String> texts = new ArrayList<>(DocumentText.texts(report));
        texts.addAll(DocumentText.texts(summary, true));
        assertThat(texts).noneMatch(text -> text.contains("South") || text.contains("S2"));
        assertThat(DocumentText.values(all)).doesNotContainAnyElementsOf(SOUTH_FIGURES)
                // the head office's actions are not the office's own
                .doesNotContain(917L)
                // the company-wide figures it is compared against are allowed
                .contains(0.85, 0.86, 0.7);
        // and the North office's own figures are all there
        assertThat(DocumentText.values(all)).contains(61L, 0.91, 0.8, 0.95, 0.88, 0.901, 0.92, 81.5, "CA-N1",
                "H-N1-1", "JC-N1", 1500.0);
    }

    @Test
    void theOfficeReportGoesIntoTheOfficesDetail() {
        List<Chapter> report = OfficeReportChapters.of(twoOffices(), YEAR, "N1", Lang.ZH);

        assertThat(report).extracting(Chapter::title).containsExactly("概况", "顾客满意度", "顾客反馈", "服务检查",
                "纠正和预防措施", "回访跟进名单", "客户价值与需求");
        report.forEach(DocumentText::assertValidSheet);
        // the overview repeats the summary without forcing a page break inside its chapter
        assertThat(report.get(0).sections()).noneMatch(Section::newPage);

        Table items = DocumentText.tables(report.get(1)).get(0);
        assertThat(cells(items)).containsExactly(
                List.of("维修保养", "管理", 40L, 10L, 11L, 0.8, 0.85),
                List.of("电梯运行", "管理", 57L, 3L, 1L, 0.95, 0.9));
        assertThat(items.rows()).extracting(Row::highlighted).containsExactly(true, false);

        Table followUps = DocumentText.tables(report.get(5)).get(0);
        // the customer-service chapter's table, for this office only
        assertThat(followUps.caption()).isEqualTo("North Office");
        assertThat(cells(followUps)).containsExactly(Arrays.asList("H-N1-1", LocalDate.of(2025, 6, 4),
                "调查表有不满意项", "R-N1-1", "电梯运行、维修保养", "more events please"));

        Table pareto = DocumentText.tables(report.get(2)).get(0);
        assertThat(cells(pareto)).containsExactly(List.of(1L, "电梯", 3L, 1.0, 1.0, "是", "未制定"));
        assertThat(pareto.rows()).allMatch(Row::highlighted);

        // the office's needs: complaints, service requests, opinions and dissatisfied answers with their total
        Table needs = DocumentText.tables(report.get(6)).get(DocumentText.tables(report.get(6)).size() - 1);
        assertThat(cells(needs)).containsExactly(List.of(1L, "管理", "电梯", 3L, 5L, 2L, 1L, 11L));
        assertThat(needs.columns()).extracting(c -> c.header()).contains("服务需求", "意见建议", "合计");
    }

    @Test
    void anUnknownOfficeIsRefusedWithoutListingTheOthers() {
        for (Runnable call : List.<Runnable>of(
                () -> OfficeSummaryAppendix.officeSections(twoOffices(), YEAR, "X9", Lang.ZH),
                () -> OfficeReportChapters.of(twoOffices(), YEAR, "X9", Lang.ZH))) {
            assertThatThrownBy(call::run).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("X9")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("N1", "S2", "North", "South"));
        }
    }

    @Test
    void anOfficeWithoutDataExplainsEveryEmptyTable() {
        FixedPacketSource source = new FixedPacketSource().lake("offices", office("E5", "Empty Office"));

        List<Chapter> report = OfficeReportChapters.of(source, YEAR, "E5", Lang.ZH);

        DocumentText.assertEmptyTablesExplain(DocumentText.sections(report));
        assertThat(DocumentText.tables(DocumentText.sections(report))).allMatch(table -> table.rows().isEmpty());
    }

    @Test
    void englishLabelsHaveNoChinese() {
        FixedPacketSource source = twoOffices();
        List<Chapter> chapters = new ArrayList<>(OfficeReportChapters.of(source, YEAR, "N1", Lang.EN));
        chapters.add(OfficeSummaryAppendix.build(source, YEAR, Lang.EN));

        DocumentText.assertNoChinese(chapters);
        chapters.forEach(DocumentText::assertValidSheet);
        assertThat(chapters.get(chapters.size() - 1).sections()).extracting(Section::title)
                .containsExactly("North Office (N1)", "South Office (S2)");
    }
}
