package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.DocumentText.captioned;
import static com.propertyquality.review.packet.DocumentText.cells;
import static com.propertyquality.review.packet.FixedPacketSource.row;
import static com.propertyquality.review.packet.MartFixtures.actionStatus;
import static com.propertyquality.review.packet.MartFixtures.failedAction;
import static com.propertyquality.review.packet.MartFixtures.feedbackSummary;
import static com.propertyquality.review.packet.MartFixtures.office;
import static com.propertyquality.review.packet.MartFixtures.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.marts.FeedbackMarts;
import com.propertyquality.review.marts.QualityMarts;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Table;

class IncidentsAndActionsChapterTest {

    private static final int YEAR = 2025;

    private static FixedPacketSource company() {
        return new FixedPacketSource()
                .lake("offices", office("N1", "North Office"), office("S2", "South Office"))
                .lake("review_plan", row("year", 2025, "meeting_date", LocalDate.of(2026, 1, 15),
                        "meeting_time", null, "place", "Room 1", "chair", "Chen", "management_representative", "Lin",
                        "previous_review_on", LocalDate.of(2025, 1, 10)))
                .lake("review_events",
                        row("year", 2025, "seq", 2, "date", LocalDate.of(2025, 7, 1), "kind", "organisation_change",
                                "description", "Reorganised"),
                        row("year", 2025, "seq", 3, "date", LocalDate.of(2025, 9, 9), "kind", "major_accident",
                                "description", "Fire in the car park"),
                        row("year", 2025, "seq", 1, "date", LocalDate.of(2025, 5, 20), "kind", "serious_complaint",
                                "description", "Lifts stopped for three days"),
                        row("year", 2024, "seq", 1, "date", LocalDate.of(2024, 5, 20), "kind", "serious_complaint",
                                "description", "Last year's"))
                .mart(ReviewMarts.REVIEW_TRIGGERS,
                        trigger(YEAR, ReviewMarts.MAJOR_COMPLAINT, null, "serious_complaint: lifts", "events#1",
                                LocalDate.of(2025, 5, 20), "review_events"),
                        trigger(YEAR, ReviewMarts.MAJOR_COMPLAINT, "N1", "major complaint, lift, closed", "FB-22",
                                LocalDate.of(2025, 3, 16), "feedback"),
                        trigger(YEAR, ReviewMarts.SERIOUS_NONCONFORMITY, "S2", "5 found", "JC-1",
                                LocalDate.of(2025, 4, 1), "inspections"))
                .mart(FeedbackMarts.FEEDBACK_SUMMARY,
                        feedbackSummary(YEAR, 3, "N1", "North Office", "phone", "complaint", "lift", "major", 1, 1, 0),
                        feedbackSummary(YEAR, 12, "S2", "South Office", "visit", "complaint", "maintenance", "major",
                                2, 1, 1),
                        feedbackSummary(YEAR, 12, "S2", "South Office", "visit", "opinion", "other", "normal",
                                5, 5, 0))
                .mart(QualityMarts.ACTION_STATUS,
                        actionStatus(YEAR, null, null, "complaint_handling", 3, 1, 0, 2, 0, 1),
                        actionStatus(YEAR, "N1", "North Office", "maintenance", 2, 0, 0, 1, 1, 0),
                        actionStatus(YEAR, "S2", "South Office", "parking", 1, 1, 1, 0, 0, 1))
                .mart(QualityMarts.ACTIONS_FAILED_VERIFICATION,
                        failedAction(2024, "S2", "South Office", "CA-2024-9", "lift", LocalDate.of(2025, 2, 1),
                                "Opened last year, failed this year"),
                        failedAction(YEAR, "N1", "North Office", "CA-2025-3", "maintenance",
                                LocalDate.of(2025, 4, 13), "Leak survey before the rains"),
                        failedAction(2023, "N1", "North Office", "CA-2023-1", "parking", LocalDate.of(2024, 1, 5),
                                "Long ago"));
    }

    @Test
    void majorIncidentsComeFromThePlanAndTheRegister() {
        Chapter chapter = IncidentsAndActionsChapter.build(company(), YEAR, Lang.ZH);

        assertThat(cells(captioned(chapter, "评审计划所列事项"))).containsExactly(
                List.of(LocalDate.of(2025, 5, 20), "严重投诉", "Lifts stopped for three days"),
                List.of(LocalDate.of(2025, 9, 9), "重大事故", "Fire in the car park"));
        assertThat(cells(captioned(chapter, "《顾客意见登记表》中严重程度为“重大”的投诉（顾客严重投诉，4.1.2 d）"))).containsExactly(
                List.of(LocalDate.of(2025, 3, 16), "North Office", "FB-22",
                        "顾客严重投诉 · 维修保养 · 已关闭：major complaint, lift, closed"));
        Table handling = captioned(chapter, "重大登记的处理情况");
        assertThat(cells(handling)).containsExactly(
                List.of("3月", "North Office", "投诉", "电梯", 1L, 1L, 0L),
                List.of("12月", "South Office", "投诉", "维修保养", 2L, 1L, 1L));
        assertThat(handling.rows()).extracting(Row::highlighted).containsExactly(false, true);
    }

    @Test
    void actionStatusIsShownAsTheMartHasItWithHeadOfficeRowsNamed() {
        Chapter chapter = IncidentsAndActionsChapter.build(company(), YEAR, Lang.ZH);

        Table progress = captioned(chapter, "实施情况");
        assertThat(cells(progress)).containsExactly(
                List.of("公司总部", "投诉处理", 3L, 3L, 1L, 0L, 2L, 0L),
                List.of("North Office", "维修保养", 2L, 2L, 0L, 0L, 2L, 0L),
                List.of("South Office", "停车", 1L, 1L, 1L, 1L, 0L, 0L));
        assertThat(progress.rows()).extracting(Row::highlighted).containsExactly(false, false, true);

        Table verification = captioned(chapter, "效果验证");
        assertThat(cells(verification)).containsExactly(
                List.of("公司总部", "投诉处理", 3L, 2L, 0L, 1L),
                List.of("North Office", "维修保养", 2L, 1L, 1L, 0L),
                List.of("South Office", "停车", 1L, 0L, 0L, 1L));
        assertThat(verification.rows()).extracting(Row::highlighted).containsExactly(false, true, false);
    }

    @Test
    void failedVerificationsOfTheYearAreAllHighlighted() {
        Chapter chapter = IncidentsAndActionsChapter.build(company(), YEAR, Lang.ZH);

        Table failed = captioned(chapter, "验证无效的措施");
        // opened in 2024 but found not effective in 2025 belongs to this review; 2023's does not
        assertThat(cells(failed)).containsExactly(
                List.of("South Office", "CA-2024-9", "电梯", "纠正", "Works", LocalDate.of(2024, 3, 1),
                        LocalDate.of(2025, 2, 1), "Opened last year, failed this year"),
                List.of("North Office", "CA-2025-3", "维修保养", "纠正", "Works", LocalDate.of(2025, 3, 1),
                        LocalDate.of(2025, 4, 13), "Leak survey before the rains"));
        assertThat(failed.rows()).allMatch(Row::highlighted);
    }

    @Test
    void thePreviousReviewsActionsAreTheFollowUpMartsRowsOfTheYear() {
        FixedPacketSource source = company().mart(ReviewMarts.REVIEW_ACTIONS_FOLLOW_UP,
                reviewAction(2025, "CA-2024-036", "Revise the complaint procedure", "closed_late", false, "effective"),
                reviewAction(2025, "CA-2025-040", "One hotline", "open", true, "pending"),
                reviewAction(2024, "CA-2024-001", "Last year's", "open", false, "pending"));
        Chapter chapter = IncidentsAndActionsChapter.build(source, YEAR, Lang.ZH);

        assertThat(DocumentText.paragraphs(chapter.sections().get(2)))
                .anySatisfy(line -> assertThat(line).contains("2025-01-10"))
                .anySatisfy(line -> assertThat(line).contains("直至验证有效"));
        Table followUp = captioned(chapter, "以前管理评审决定的措施");
        assertThat(cells(followUp)).containsExactly(
                Arrays.asList("CA-2024-036", "Revise the complaint procedure", "品质督察部", LocalDate.of(2024, 12, 18),
                        LocalDate.of(2025, 3, 18), LocalDate.of(2025, 3, 20), "逾期完成", "有效"),
                Arrays.asList("CA-2025-040", "One hotline", "品质督察部", LocalDate.of(2024, 12, 18),
                        LocalDate.of(2025, 3, 18), null, "未完成", "待验证"));
        // shaded: overdue or not effective
        assertThat(followUp.rows()).extracting(Row::highlighted).containsExactly(false, true);
    }

    @Test
    void noReviewActionToFollowUpIsSaidSo() {
        Chapter chapter = IncidentsAndActionsChapter.build(company(), YEAR, Lang.ZH);
        Table followUp = captioned(chapter, "以前管理评审决定的措施");
        assertThat(followUp.rows()).isEmpty();
        assertThat(followUp.emptyText()).isEqualTo("没有需要跟踪的以前管理评审措施。");
    }

    private static Map<String, Object> reviewAction(int year, String id, String description, String state,
            boolean overdue, String verification) {
        return row("year", year, "meeting_date", LocalDate.of(2026, 1, 15), "previous_review_on",
                LocalDate.of(2025, 1, 10), "action_id", id, "office_id", null, "office_name", null, "area",
                "complaint_handling", "type", "preventive", "owner_department", "品质督察部", "opened_on",
                LocalDate.of(2024, 12, 18), "due_on", LocalDate.of(2025, 3, 18), "closed_on",
                "open".equals(state) ? null : LocalDate.of(2025, 3, 20), "state", state, "overdue", overdue,
                "verification", verification, "verified_on", null, "description", description, "as_of",
                LocalDate.of(2026, 1, 10));
    }

    @Test
    void anEmptyYearPrintsClearSentences() {
        Chapter chapter = IncidentsAndActionsChapter.build(new FixedPacketSource(), YEAR, Lang.ZH);

        DocumentText.assertEmptyTablesExplain(chapter.sections());
        DocumentText.assertValidSheet(chapter);
        assertThat(DocumentText.paragraphs(chapter.sections().get(2)))
                .anySatisfy(line -> assertThat(line).contains("未填写上次管理评审日期"));
    }

    @Test
    void englishLabelsHaveNoChinese() {
        Chapter chapter = IncidentsAndActionsChapter.build(company(), YEAR, Lang.EN);

        DocumentText.assertNoChinese(List.of(chapter));
        DocumentText.assertValidSheet(chapter);
        assertThat(cells(captioned(chapter, "Progress")).get(0)).startsWith("Head office", "Complaint handling");
    }
}
