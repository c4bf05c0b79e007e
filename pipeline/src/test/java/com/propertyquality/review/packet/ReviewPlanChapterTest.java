package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.FixedPacketSource.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

class ReviewPlanChapterTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 10);

    @Test
    void thePlanOfTheYearWithItsAttendeesInTheirOrder() {
        Chapter chapter = ReviewPlanChapter.build(sample(), 2025, Lang.ZH);

        assertThat(chapter.title()).isEqualTo("管理评审计划");
        assertThat(chapter.sheet()).isEqualTo("管理评审计划");
        Section meeting = chapter.sections().get(0);
        // numbered by its position when the packet is assembled, not in the chapter's code
        assertThat(meeting.title()).isEqualTo("会议安排");
        assertThat(ChapterText.numberedSections(chapter, Lang.ZH).get(0).title()).isEqualTo("（一）会议安排");
        Table arrangement = ChapterText.tables(meeting).get(0);
        assertThat(ChapterText.headers(arrangement)).containsExactly("会议日期", "会议时间", "会议地点", "主持人", "管理者代表");
        assertThat(arrangement.rows()).singleElement().satisfies(row -> assertThat(row.cells())
                .containsExactly(LocalDate.of(2026, 1, 15), "09:30", "总部三楼会议室", "陈志远（总经理）", "林晓燕"));
        Table attendees = ChapterText.tables(meeting).get(1);
        assertThat(ChapterText.headers(attendees)).containsExactly("序号", "姓名", "部门", "职务");
        assertThat(ChapterText.column(attendees, 0)).containsExactly(1L, 2L, 3L);
        assertThat(ChapterText.column(attendees, 1)).containsExactly("陈志远", "林晓燕", "黄嘉喆");
        assertThat(ChapterText.column(attendees, 2)).containsExactly("总经理室", "品质督察部", null);
        assertThat(ChapterText.column(attendees, 3)).containsExactly("总经理", "管理者代表", "主任");
    }

    @Test
    void theScheduleIsTheMartsAndALateMeetingIsShaded() {
        Chapter chapter = ReviewPlanChapter.build(sample(), 2025, Lang.ZH);

        Section schedule = chapter.sections().get(1);
        Table table = ChapterText.tables(schedule).get(0);
        assertThat(ChapterText.headers(table)).containsExactly("上次评审日期", "最迟评审日期", "会议日期", "间隔整月数",
                "符合12个月间隔", "基准日", "基准日已超期");
        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.cells()).containsExactly(LocalDate.of(2025, 1, 10), LocalDate.of(2026, 1, 10),
                    LocalDate.of(2026, 1, 15), 12L, "否", AS_OF, "否");
            assertThat(row.highlighted()).isTrue();
        });
        assertThat(ChapterText.paragraphs(schedule)).contains("不超过 12 个月（程序 4.1.1）")
                .contains("会议日期 2026-01-15 晚于最迟评审日期 2026-01-10");
    }

    @Test
    void aMeetingWithinTwelveMonthsIsNotShaded() {
        FixedPacketSource source = plan(new FixedPacketSource())
                .mart("review_readiness", readiness(true, LocalDate.of(2025, 1, 10), LocalDate.of(2026, 1, 10),
                        LocalDate.of(2025, 12, 20), 11, true, false, 0, false));

        Section schedule = ReviewPlanChapter.build(source, 2025, Lang.ZH).sections().get(1);

        assertThat(ChapterText.tables(schedule).get(0).rows().get(0).highlighted()).isFalse();
        assertThat(ChapterText.paragraphs(schedule)).contains("距上次评审 11 个整月，符合要求");
    }

    @Test
    void withoutAPreviousDateTheIntervalCannotBeJudged() {
        FixedPacketSource source = plan(new FixedPacketSource())
                .mart("review_readiness", readiness(true, null, null, LocalDate.of(2026, 1, 15), null, null, null,
                        0, false));

        Section schedule = ReviewPlanChapter.build(source, 2025, Lang.ZH).sections().get(1);

        Table table = ChapterText.tables(schedule).get(0);
        assertThat(table.rows().get(0).cells()).containsExactly(null, null, LocalDate.of(2026, 1, 15), null, null,
                AS_OF, null);
        assertThat(table.rows().get(0).highlighted()).isFalse();
        assertThat(ChapterText.paragraphs(schedule)).contains("无法判断时间间隔");
    }

    @Test
    void everyTriggerWithItsClauseEvidenceAndTheOfficeByName() {
        Chapter chapter = ReviewPlanChapter.build(sample(), 2025, Lang.ZH);

        Section triggers = ChapterText.numberedSections(chapter, Lang.ZH).get(2);
        assertThat(triggers.title()).isEqualTo("（三）增加管理评审频次的情形（4.1.2）");
        assertThat(ChapterText.paragraphs(triggers)).contains("共 2 条记录").contains("应增加管理评审频次");
        Table table = ChapterText.tables(triggers).get(0);
        assertThat(ChapterText.headers(table)).containsExactly("情形（条款）", "管理处", "日期", "依据", "编号", "来源");
        assertThat(table.rows()).extracting(row -> row.cells()).containsExactly(
                java.util.Arrays.asList("4.1.2 d 重大质量事故、顾客严重投诉", "番禺锦绣山庄管理处",
                        LocalDate.of(2025, 3, 16), "顾客严重投诉 · 维修保养 · 已关闭：电梯困人", "FB2025-GZ03-0022",
                        "顾客意见登记表"),
                // a plan reference shows the event's date and the start of its description, not events#1
                java.util.Arrays.asList("4.1.2 f 第二方、第三方审核前或领导有要求", "全公司",
                        LocalDate.of(2025, 10, 14), "审核：第三方监督审核", "计划事项 2025-10-14 第三方认证机构年度监督审…",
                        "重要事项"));
        assertThat(ChapterText.highlighted(table)).isEmpty();
    }

    @Test
    void attentionItemsStandBesideTheTriggersWithTheirClause() {
        Section attention = ChapterText.numberedSections(ReviewPlanChapter.build(sample(), 2025, Lang.ZH), Lang.ZH)
                .get(3);

        assertThat(attention.title()).isEqualTo("（四）关注事项");
        assertThat(ChapterText.paragraphs(attention)).contains("不属于程序 4.1.2 所列情形");
        Table table = ChapterText.tables(attention).get(0);
        assertThat(ChapterText.headers(table)).containsExactly("事项", "条款", "管理处", "日期", "依据", "编号", "来源");
        assertThat(table.rows()).extracting(row -> row.cells()).containsExactly(
                java.util.Arrays.asList("评审间隔超过12个月", "4.1.1", "全公司", LocalDate.of(2026, 1, 10),
                        "上次评审 2025-01-10，会议日期 2026-01-15，晚于最迟日期 2026-01-10（间隔超过 12 个月）", null, "年度管理评审计划"),
                java.util.Arrays.asList("调查表回收率未达要求", "5.1.2", "XX99", null, "回收率 54/120 = 0.450，低于 0.6",
                        null, "调查表回收率"));
    }

    @Test
    void attentionItemsAloneCallForNoExtraReview() {
        FixedPacketSource source = plan(new FixedPacketSource())
                .mart("review_readiness", readiness(true, LocalDate.of(2024, 11, 1), LocalDate.of(2025, 11, 1),
                        LocalDate.of(2026, 1, 15), 14, false, false, 0, false))
                .mart("review_attention_items", attention("review_overdue", null, LocalDate.of(2025, 11, 1),
                        "晚于最迟日期", null, "review_plan"));

        Chapter chapter = ReviewPlanChapter.build(source, 2025, Lang.ZH);

        assertThat(ChapterText.paragraphs(chapter.sections().get(2))).contains("未出现程序 4.1.2 所列需增加管理评审频次的情形");
        assertThat(ChapterText.tables(chapter.sections().get(2)).get(0).rows()).isEmpty();
        assertThat(ChapterText.tables(chapter.sections().get(3)).get(0).rows()).hasSize(1);
    }

    @Test
    void aYearWithoutAPlanSaysThePlanIsMissing() {
        FixedPacketSource source = sample()
                .mart("review_readiness", readiness(false, null, null, null, null, null, null, 1, true, 2024));

        Chapter chapter = ReviewPlanChapter.build(source, 2024, Lang.ZH);

        Section meeting = chapter.sections().get(0);
        assertThat(ChapterText.tables(meeting)).isEmpty();
        assertThat(ChapterText.paragraphs(meeting)).contains("2024 年度的《年度管理评审计划》缺失");
        Table schedule = ChapterText.tables(chapter.sections().get(1)).get(0);
        assertThat(schedule.rows()).isEmpty();
        assertThat(schedule.emptyText()).isEqualTo("没有年度管理评审计划，无法判断评审时间间隔。");
        // the year's own triggers only, and still listed without a plan
        Table triggers = ChapterText.tables(chapter.sections().get(2)).get(0);
        assertThat(ChapterText.column(triggers, 3)).containsExactly("审核：去年的审核");
        assertThat(ChapterText.column(triggers, 0)).containsExactly("4.1.2 f 第二方、第三方审核前或领导有要求");
    }

    @Test
    void aYearWithoutTriggersSaysSo() {
        Chapter chapter = ReviewPlanChapter.build(new FixedPacketSource()
                .mart("review_readiness", readiness(false, null, null, null, null, null, null, 0, false)), 2025, Lang.ZH);

        Table triggers = ChapterText.tables(chapter.sections().get(2)).get(0);
        assertThat(triggers.rows()).isEmpty();
        assertThat(triggers.emptyText()).isEqualTo("2025 年度数据中没有程序 4.1.2 所列的情形。");
        assertThat(ChapterText.paragraphs(chapter.sections().get(2))).contains("2025 年度未出现");
    }

    @Test
    void emptyMartsStillGiveAChapter() {
        Chapter chapter = ReviewPlanChapter.build(new FixedPacketSource(), 2025, Lang.ZH);

        assertThat(chapter.sections()).hasSize(4);
        assertThat(ChapterText.paragraphs(chapter.sections().get(0))).contains("缺失");
        assertThat(ChapterText.paragraphs(chapter.sections().get(2))).contains("无法判断是否需要增加管理评审");
    }

    @Test
    void englishLabelsHoldNoChinese() {
        FixedPacketSource source = new FixedPacketSource()
                .lake("review_plan", row("year", 2025, "meeting_date", LocalDate.of(2026, 1, 15),
                        "meeting_time", "09:30", "place", "Head office", "chair", "Chen", "management_representative",
                        "Lin", "previous_review_on", LocalDate.of(2025, 1, 10)))
                .lake("review_attendees", row("year", 2025, "seq", 1, "name", "Chen", "department", "GM office",
                        "role", "GM"))
                .lake("offices", row("office_id", "A01", "office_name", "North"))
                .mart("review_readiness", readiness(true, LocalDate.of(2025, 1, 10), LocalDate.of(2026, 1, 10),
                        LocalDate.of(2026, 1, 15), 12, false, true, 2, true))
                .mart("review_triggers",
                        trigger("market_change", "a", "A01", LocalDate.of(2025, 3, 1), "market", "events#1",
                                "review_events"))
                .mart("review_attention_items",
                        attention("review_overdue", null, LocalDate.of(2026, 1, 10), "late", null, "review_plan"));

        Chapter chapter = ReviewPlanChapter.build(source, 2025, Lang.EN);

        assertThat(ChapterText.chinese(ChapterText.words(chapter))).as(ChapterText.dump(chapter)).isEmpty();
        assertThat(chapter.title()).isEqualTo("Management review plan");
        assertThat(chapter.sheet().length()).isLessThanOrEqualTo(31);
        Table triggers = ChapterText.tables(chapter.sections().get(2)).get(0);
        assertThat(ChapterText.column(triggers, 0)).containsExactly(
                "4.1.2 a: Market diverges from the quality policy and objectives");
        assertThat(ChapterText.column(triggers, 1)).containsExactly("North");
        assertThat(ChapterText.column(triggers, 5)).containsExactly("Review events");
        Table attention = ChapterText.tables(chapter.sections().get(3)).get(0);
        assertThat(ChapterText.column(attention, 0)).containsExactly("More than 12 months since the last review");
        assertThat(ChapterText.column(attention, 2)).containsExactly("Company");
        assertThat(ChapterText.paragraphs(chapter.sections().get(1))).contains("overdue and not yet held");
        assertThat(ChapterText.tables(chapter.sections().get(1)).get(0).rows().get(0).cells())
                .contains("No", "Yes");
    }

    @Test
    void everyTriggerClauseAndAttentionItemHasAChineseName() {
        for (String code : com.propertyquality.review.marts.ReviewMarts.TRIGGER_ORDER) {
            assertThat(ReviewTerms.trigger(code, Lang.ZH)).as(code).containsPattern("\\p{IsHan}");
        }
        for (String clause : com.propertyquality.review.marts.ReviewMarts.EVENT_CLAUSES.values()) {
            assertThat(ReviewTerms.clause(clause, Lang.ZH)).as(clause).containsPattern("\\p{IsHan}");
        }
        for (String item : com.propertyquality.review.marts.ReviewMarts.ATTENTION_ORDER) {
            assertThat(ReviewTerms.attentionItem(item, Lang.ZH)).as(item).containsPattern("\\p{IsHan}");
        }
    }

    // ------------------------------------------------------------------ fixtures

    private static FixedPacketSource sample() {
        return plan(new FixedPacketSource())
                .lake("offices", row("office_id", "GZ03", "office_name", "番禺锦绣山庄管理处", "city", "广州"))
                .mart("review_readiness", readiness(true, LocalDate.of(2025, 1, 10), LocalDate.of(2026, 1, 10),
                        LocalDate.of(2026, 1, 15), 12, false, false, 2, true))
                .lake("review_events", row("year", 2025, "seq", 1, "date", LocalDate.of(2025, 10, 14), "kind",
                        "audit", "description", "第三方认证机构年度监督审核，开具一般不合格项两项"))
                .mart("review_triggers",
                        trigger("major_complaint", "d", "GZ03", LocalDate.of(2025, 3, 16),
                                "电梯困人", "FB2025-GZ03-0022", "feedback"),
                        trigger("audit", "f", null, LocalDate.of(2025, 10, 14), "第三方监督审核", "events#1",
                                "review_events"),
                        MartFixtures.withYear(trigger("audit", "f", null, LocalDate.of(2024, 5, 1), "去年的审核",
                                "events#1", "review_events"), 2024))
                .mart("review_attention_items",
                        attention("review_overdue", null, LocalDate.of(2026, 1, 10), "晚于最迟日期", null,
                                "review_plan"),
                        attention("return_rate_below_threshold", "XX99", null, "回收率 54/120 = 0.450，低于 0.6", null,
                                "survey_returns"));
    }

    private static FixedPacketSource plan(FixedPacketSource source) {
        return source
                .lake("review_plan", row("year", 2025, "meeting_date", LocalDate.of(2026, 1, 15),
                        "meeting_time", "09:30", "place", "总部三楼会议室", "chair", "陈志远（总经理）",
                        "management_representative", "林晓燕", "previous_review_on", LocalDate.of(2025, 1, 10),
                        "source_file", "review-plan-2025.yaml", "source_row", 2))
                .lake("review_attendees",
                        row("year", 2025, "seq", 2, "name", "林晓燕", "department", "品质督察部", "role", "管理者代表"),
                        row("year", 2025, "seq", 3, "name", "黄嘉喆", "department", null, "role", "主任"),
                        row("year", 2025, "seq", 1, "name", "陈志远", "department", "总经理室", "role", "总经理"),
                        row("year", 2024, "seq", 1, "name", "去年的人", "department", "总经理室", "role", "总经理"));
    }

    static Map<String, Object> readiness(boolean hasPlan, LocalDate previous, LocalDate dueBy, LocalDate meeting,
                                         Integer months, Boolean within, Boolean overdue, long triggers,
                                         boolean extraDue) {
        return readiness(hasPlan, previous, dueBy, meeting, months, within, overdue, triggers, extraDue, 2025);
    }

    static Map<String, Object> readiness(boolean hasPlan, LocalDate previous, LocalDate dueBy, LocalDate meeting,
                                         Integer months, Boolean within, Boolean overdue, long triggers,
                                         boolean extraDue, int year) {
        return row("year", year, "has_plan", hasPlan, "meeting_date", meeting, "meeting_time", null,
                "previous_review_on", previous, "review_due_by", dueBy, "months_since_previous", months,
                "within_12_months", within, "overdue_at_as_of", overdue, "triggers", triggers,
                "extra_review_due", extraDue, "as_of", AS_OF);
    }

    private static Map<String, Object> trigger(String trigger, String clause, String office, LocalDate date,
                                               String evidence, String reference, String source) {
        Map<String, Object> row = MartFixtures.triggerEvidence(trigger, source, evidence);
        row.putAll(row("year", 2025, "clause", clause, "trigger", trigger, "office_id", office,
                "reference_id", reference, "date", date, "source", source, "as_of", AS_OF));
        return row;
    }

    private static Map<String, Object> attention(String item, String office, LocalDate date, String evidence,
                                                 String reference, String source) {
        Map<String, Object> row = MartFixtures.attentionEvidence(item, evidence);
        row.putAll(row("year", 2025, "item", item,
                "basis", com.propertyquality.review.marts.ReviewMarts.ATTENTION_BASIS.get(item), "office_id", office,
                "reference_id", reference, "date", date, "source", source, "as_of", AS_OF));
        return row;
    }
}
