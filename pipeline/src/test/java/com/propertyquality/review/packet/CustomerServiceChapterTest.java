package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.FixedPacketSource.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.reports.document.Block;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

class CustomerServiceChapterTest {

    @Test
    void surveyChecksPerOfficeAndTheOfficesThatCheckedNothingShaded() {
        Chapter chapter = CustomerServiceChapter.build(sample(), 2025, Lang.ZH);

        assertThat(chapter.title()).isEqualTo("客户服务中心");
        assertThat(ChapterText.numberedSections(chapter, Lang.ZH)).extracting(Section::title).containsExactly("（一）调查表真实性检验",
                "（二）有偿服务及投诉回访", "（三）需再次回访的住户");
        Section checks = chapter.sections().get(0);
        Table table = ChapterText.tables(checks).get(0);
        assertThat(ChapterText.headers(table)).containsExactly("管理处", "回收份数", "核实回访次数", "联系上次数", "已核实份数",
                "核实比例", "属实", "不属实", "未联系上", "真实率");
        // the company line: 46 + 20 + 0 forms, 16 + 0 + 2 checks of which 13 + 0 + 2 reached, 13 forms verified,
        // 12 + 2 confirmed: 14 / 15 reached
        assertThat(table.rows()).extracting(row -> row.cells()).containsExactly(
                Arrays.asList("北区管理处", 46L, 16L, 13L, 13L, 13.0 / 46, 12L, 1L, 3L, 12.0 / 13),
                Arrays.asList("南区管理处", 20L, 0L, 0L, 0L, 0.0, 0L, 0L, 0L, null),
                Arrays.asList("西区管理处", 0L, 2L, 2L, 0L, null, 2L, 0L, 0L, 1.0),
                Arrays.asList("全公司", 66L, 18L, 15L, 13L, 13.0 / 66, 14L, 1L, 3L, 14.0 / 15));
        assertThat(ChapterText.highlighted(table)).containsExactly(1);
        assertThat(table.note()).contains("真实率 = 属实 / 联系上次数", "不核实任何调查表", "同一份调查表多次核实只计一份");
        assertThat(ChapterText.paragraphs(checks)).contains("程序 5.2.1")
                .contains("以下管理处有核实回访未对应到本管理处的调查表（编号空白或有误）：西区管理处 2（次）。");
    }

    @Test
    void anOfficeWhoseOnlyCheckWasUnreachableHasVerifiedNothingAndNoRate() {
        // U1: 3 forms, one check that reached nobody; Z1: 2 forms, no check at all
        FixedPacketSource source = new FixedPacketSource().mart("return_visit_verification",
                unreachableOnly("U1", "东区管理处", 3, 1), unreachableOnly("Z1", "中区管理处", 2, 0));

        Table table = ChapterText.tables(CustomerServiceChapter.build(source, 2025, Lang.ZH).sections().get(0)).get(0);

        // the rate is undefined (null, printed "—"): neither 0% nor 100%; both offices shaded, nothing verified
        assertThat(table.rows()).extracting(row -> row.cells()).containsExactly(
                Arrays.asList("东区管理处", 3L, 1L, 0L, 0L, 0.0, 0L, 0L, 1L, null),
                Arrays.asList("中区管理处", 2L, 0L, 0L, 0L, 0.0, 0L, 0L, 0L, null),
                Arrays.asList("全公司", 5L, 1L, 0L, 0L, 0.0, 0L, 0L, 1L, null));
        assertThat(ChapterText.highlighted(table)).containsExactly(0, 1);
        // an office's own report shows its row alone, attempted and reached beside each other
        List<Block> own = ReturnVisitTables.surveyCheckBlocks(
                MartRow.of(List.of(unreachableOnly("U1", "东区管理处", 3, 1))), 2025, Lang.ZH);
        assertThat(own).filteredOn(Table.class::isInstance).singleElement()
                .satisfies(t -> assertThat(((Table) t).rows()).extracting(row -> row.cells().get(0))
                        .containsExactly("东区管理处"));
    }

    /** A return_visit_verification row whose survey checks all found nobody home. */
    private static Map<String, Object> unreachableOnly(String office, String name, long formsReturned,
                                                       long unreachable) {
        return row("year", 2025, "office_id", office, "office_name", name, "forms_returned", formsReturned,
                "survey_checks", unreachable, "survey_checks_reached", 0L, "forms_verified", 0L,
                "verified_share", 0.0, "survey_checks_unmatched", 0L, "confirmed", 0L, "not_confirmed", 0L,
                "unreachable", unreachable, "authenticity_rate", null,
                "paid_service_visits", 0L, "paid_service_satisfied", 0L, "paid_service_dissatisfied", 0L,
                "paid_service_satisfaction", null, "complaint_followup_visits", 0L,
                "complaint_followup_satisfied", 0L, "complaint_followup_dissatisfied", 0L,
                "complaint_followup_satisfaction", null);
    }

    @Test
    void paidServiceAndComplaintFollowUpsAreTheMartsCounts() {
        Section visits = CustomerServiceChapter.build(sample(), 2025, Lang.ZH).sections().get(1);

        Table paid = ChapterText.tables(visits).get(0);
        assertThat(paid.caption()).isEqualTo("有偿服务回访");
        assertThat(ChapterText.headers(paid)).containsExactly("管理处", "回访次数", "满意", "不满意", "满意率");
        assertThat(paid.rows().get(0).cells()).containsExactly("北区管理处", 18L, 16L, 0L, 1.0);
        assertThat(paid.note()).contains("程序 5.2.2");
        Table complaints = ChapterText.tables(visits).get(1);
        assertThat(complaints.caption()).isEqualTo("投诉回访");
        assertThat(complaints.rows().get(0).cells()).containsExactly("北区管理处", 12L, 7L, 3L, 0.7);
        assertThat(ChapterText.column(complaints, 4)).containsExactly(0.7, null, null);
    }

    @Test
    void theFollowUpListNamesHouseholdsByIdOneTablePerOffice() {
        // the full list, as an office's report prints it (here for every office of the fixture)
        Section followUps = new Section(null, false, FollowUpTables.followUpBlocks(sample(), 2025, id -> true,
                Lang.ZH));

        assertThat(ChapterText.paragraphs(followUps)).contains("住户按编号列出，联系方式见管理处的客户档案");
        List<Table> tables = ChapterText.tables(followUps);
        assertThat(tables).extracting(Table::caption).containsExactly("北区管理处", "南区管理处");
        assertThat(ChapterText.headers(tables.get(0))).containsExactly("住户编号", "日期", "原因", "关联编号", "明细", "备注");
        assertThat(tables.get(0).rows()).extracting(row -> row.cells()).containsExactly(
                Arrays.asList("N-0001", LocalDate.of(2025, 6, 4), "调查表有不满意项",
                        "R2025-N-0001", "投诉处理、环境卫生", "希望多组织活动"),
                Arrays.asList(null, LocalDate.of(2025, 7, 1), "投诉回访不满意", "FB2025-N-0045",
                        "HF2025-0171", "住户认为收费偏高"));
        assertThat(tables.get(1).rows()).extracting(row -> row.cells()).containsExactly(
                Arrays.asList("S-0002", LocalDate.of(2025, 8, 1), "有偿服务回访不满意", "WO-9",
                        "HF2025-0200", null));
        assertThat(ChapterText.highlighted(tables.get(0))).isEmpty();
    }

    @Test
    void anEmptyYearPrintsTheEmptyTexts() {
        Chapter chapter = CustomerServiceChapter.build(sample(), 2026, Lang.ZH);

        assertThat(ChapterText.tables(chapter)).allSatisfy(table -> {
            assertThat(table.rows()).isEmpty();
            assertThat(table.emptyText()).isNotBlank();
        });
        assertThat(ChapterText.tables(chapter.sections().get(2))).singleElement()
                .satisfies(table -> assertThat(table.emptyText()).isEqualTo("2026 年度没有需再次回访的住户。"));
        assertThat(ChapterText.paragraphs(chapter.sections().get(0))).doesNotContain("未对应");
    }

    @Test
    void englishLabelsHoldNoChinese() {
        FixedPacketSource source = new FixedPacketSource()
                .mart("return_visit_verification", visits("N1", "North", 4, 0, 0, 0, 1, null))
                .mart("follow_up_list",
                        followUp("N1", "North", "N-1", "survey", "survey_dissatisfied",
                                LocalDate.of(2025, 6, 4), "R-1", "follow_up,lift", "more events"),
                        followUp("N1", "North", null, "return_visit", "paid_service_dissatisfied",
                                LocalDate.of(2025, 6, 5), "WO-1", "HF-1", null));

        Chapter chapter = CustomerServiceChapter.build(source, 2025, Lang.EN);

        assertThat(ChapterText.chinese(ChapterText.words(chapter))).as(ChapterText.dump(chapter)).isEmpty();
        Table followUps = ChapterText.tables(chapter.sections().get(2)).get(1); // the oldest entries
        assertThat(ChapterText.column(followUps, 3)).containsExactly("Dissatisfied item on the survey form",
                "Dissatisfied at the paid-service visit");
        assertThat(ChapterText.column(followUps, 4)).containsExactly("R-1", "WO-1");
        // the full list words the survey's items in English too
        assertThat(ChapterText.column(ChapterText.tables(chapter.sections().get(2)).get(2), 5))
                .containsExactly("Follow up, Lift", "HF-1");
        assertThat(ChapterText.paragraphs(chapter.sections().get(0))).contains("North 1");
        assertThat(chapter.sheet()).isEqualTo("Customer service centre");
    }

    @Test
    void anOfficesFollowUpsHoldOnlyItsHouseholds() {
        Section section = new Section("需再次回访的住户", false,
                FollowUpTables.followUpBlocks(sample(), 2025, "S1"::equals, Lang.ZH));

        assertThat(ChapterText.tables(section)).singleElement().satisfies(table -> {
            assertThat(table.caption()).isEqualTo("南区管理处");
            assertThat(ChapterText.column(table, 0)).containsExactly("S-0002");
        });
        Section none = new Section(null, false,
                FollowUpTables.followUpBlocks(sample(), 2025, "W1"::equals, Lang.ZH));
        assertThat(ChapterText.tables(none)).singleElement()
                .satisfies(table -> assertThat(table.rows()).isEmpty());
    }

    // ------------------------------------------------------------------ fixtures

    private static FixedPacketSource sample() {
        return new FixedPacketSource()
                .mart("return_visit_verification",
                        row("year", 2025, "office_id", "N1", "office_name", "北区管理处", "forms_returned", 46L,
                                "survey_checks", 16L, "survey_checks_reached", 13L, "forms_verified", 13L,
                                "verified_share", 13.0 / 46,
                                "survey_checks_unmatched", 0L, "confirmed", 12L, "not_confirmed", 1L,
                                "unreachable", 3L, "authenticity_rate", 0.9230769230769231,
                                "paid_service_visits", 18L, "paid_service_satisfied", 16L,
                                "paid_service_dissatisfied", 0L, "paid_service_satisfaction", 1.0,
                                "complaint_followup_visits", 12L, "complaint_followup_satisfied", 7L,
                                "complaint_followup_dissatisfied", 3L, "complaint_followup_satisfaction", 0.7),
                        visits("S1", "南区管理处", 20, 0, 0, 0, 0, null),
                        visits("W1", "西区管理处", 0, 0, 2, 0, 2, 1.0),
                        row("year", 2024, "office_id", "N1", "office_name", "北区管理处", "forms_returned", 1L,
                                "survey_checks", 0L, "survey_checks_reached", 0L, "forms_verified", 0L,
                                "verified_share", 0.0,
                                "survey_checks_unmatched", 5L, "confirmed", 0L, "not_confirmed", 0L,
                                "unreachable", 0L, "authenticity_rate", null,
                                "paid_service_visits", 0L, "paid_service_satisfied", 0L,
                                "paid_service_dissatisfied", 0L, "paid_service_satisfaction", null,
                                "complaint_followup_visits", 0L, "complaint_followup_satisfied", 0L,
                                "complaint_followup_dissatisfied", 0L, "complaint_followup_satisfaction", null))
                .mart("follow_up_list",
                        followUp("N1", "北区管理处", "N-0001", "survey", "survey_dissatisfied",
                                LocalDate.of(2025, 6, 4), "R2025-N-0001", "complaint_handling,environment", "希望多组织活动"),
                        followUp("N1", "北区管理处", null, "return_visit", "complaint_followup_dissatisfied",
                                LocalDate.of(2025, 7, 1), "FB2025-N-0045", "HF2025-0171", "住户认为收费偏高"),
                        followUp("S1", "南区管理处", "S-0002", "return_visit", "paid_service_dissatisfied",
                                LocalDate.of(2025, 8, 1), "WO-9", "HF2025-0200", null),
                        row("year", 2024, "office_id", "N1", "office_name", "北区管理处", "household_id", "N-9",
                                "source", "survey", "reason",
                                "survey_dissatisfied", "date", LocalDate.of(2024, 6, 1), "ref_id", "R2024",
                                "detail", "lift", "note", null));
    }

    /** A return_visit_verification row with survey-check figures and no other visit. */
    static Map<String, Object> visits(String office, String name, long formsReturned, long formsVerified,
                                      long confirmed, long notConfirmed, long unmatched, Double authenticity) {
        return row("year", 2025, "office_id", office, "office_name", name, "forms_returned", formsReturned,
                "survey_checks", confirmed + notConfirmed, "survey_checks_reached", confirmed + notConfirmed,
                "forms_verified", formsVerified,
                "verified_share", formsReturned == 0 ? null : (double) formsVerified / formsReturned,
                "survey_checks_unmatched", unmatched, "confirmed", confirmed, "not_confirmed", notConfirmed,
                "unreachable", 0L, "authenticity_rate", authenticity,
                "paid_service_visits", 0L, "paid_service_satisfied", 0L, "paid_service_dissatisfied", 0L,
                "paid_service_satisfaction", null, "complaint_followup_visits", 0L,
                "complaint_followup_satisfied", 0L, "complaint_followup_dissatisfied", 0L,
                "complaint_followup_satisfaction", null);
    }

    @Test
    void thePacketCountsTheFollowUpsPerOfficeAndPrintsTheOldestTheFullListOnlyAsData() {
        FixedPacketSource big = new FixedPacketSource();
        int entries = 40;
        for (int i = 0; i < entries; i++) {
            String office = i % 3 == 0 ? "S1" : "N1";
            String reason = i % 2 == 0 ? "survey_dissatisfied" : "complaint_followup_dissatisfied";
            // dates run backwards, so the mart's order (office, then row) is not the oldest-first order
            big.mart("follow_up_list", followUp(office, office.equals("S1") ? "南区管理处" : "北区管理处", "H" + i,
                    "survey", reason, LocalDate.of(2025, 12, 31).minusDays(i), "R" + i, null,
                    null));
        }
        List<Block> blocks = FollowUpTables.headOfficeSummary(big, 2025, Lang.ZH);

        assertThat(((Paragraphs) blocks.get(0)).lines().get(1)).contains("共 " + entries + " 条",
                "最早的 " + FollowUpTables.LONGEST_OPEN_SHOWN + " 条", "report --office", "XLSX");
        List<Table> tables = blocks.stream().filter(Table.class::isInstance).map(Table.class::cast).toList();
        Table counts = tables.get(0);
        assertThat(counts.columns()).extracting(Column::header).containsExactly("管理处", "投诉回访不满意",
                "调查表有不满意项", "合计");
        // S1 holds i = 0, 3, ..., 39: 14 entries, 7 of each reason; N1 the other 26, 13 of each
        assertThat(counts.rows()).extracting(Row::cells).containsExactly(
                List.of("南区管理处", 7L, 7L, 14L), List.of("北区管理处", 13L, 13L, 26L), List.of("全公司", 20L, 20L, 40L));
        // the oldest 8: i = 39 down to 32, oldest date first, whichever office
        Table oldest = tables.get(1);
        assertThat(ChapterText.column(oldest, 1)).containsExactly("H39", "H38", "H37", "H36", "H35", "H34", "H33",
                "H32");
        assertThat(ChapterText.column(oldest, 2).get(0)).isEqualTo(LocalDate.of(2025, 12, 31).minusDays(39));
        assertThat(oldest.dataOnly()).isFalse();
        assertThat(counts.dataOnly()).isFalse();
        // the full list: every entry, with its office, for the XLSX's data sheet only
        Table full = tables.get(2);
        assertThat(full.dataOnly()).isTrue();
        assertThat(full.rows()).hasSize(entries);
        assertThat(ChapterText.headers(full)).startsWith("管理处", "住户编号").endsWith("备注");
        assertThat(tables).hasSize(3);

        // a PDF or HTML packet: the same counts and oldest entries, kept as the rows go by, and no full list
        List<Table> printed = FollowUpTables.headOfficeSummary(big, 2025, false, Lang.ZH).stream()
                .filter(Table.class::isInstance).map(Table.class::cast).toList();
        assertThat(printed).hasSize(2).noneMatch(Table::dataOnly);
        assertThat(printed.get(0).rows()).isEqualTo(counts.rows());
        assertThat(printed.get(1).rows()).isEqualTo(oldest.rows());
    }

    @Test
    void aShortFollowUpListShowsAllItsEntriesAsTheOldest() {
        List<Table> tables = FollowUpTables.headOfficeSummary(sample(), 2025, Lang.ZH).stream()
                .filter(Table.class::isInstance).map(Table.class::cast).toList();

        // three entries of 2025 (the 2024 row is another year): all three, oldest first
        assertThat(ChapterText.column(tables.get(1), 1)).containsExactly("N-0001", null, "S-0002");
        assertThat(tables.get(1).caption()).isEqualTo("全公司最早的 3 条");
        assertThat(tables.get(2).rows()).hasSize(3);
    }

    private static Map<String, Object> followUp(String office, String name, String household, String source,
                                                String reason, LocalDate date, String ref, String detail,
                                                String note) {
        return row("year", 2025, "office_id", office, "office_name", name, "household_id", household,
                "source", source, "reason", reason,
                "date", date, "ref_id", ref, "detail", detail, "note", note);
    }
}
