package com.propertyquality.review.marts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.lake.StagedFile;

/**
 * The quality marts on a company small enough to work out by hand; the comments hold the hand computation.
 * Offices A and B have return visits, inspections and actions; C has no data at all. Head-office actions have a
 * blank office_id.
 */
class QualityMartsTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @TempDir
    static Path lake;
    static QualityMarts marts;

    @BeforeAll
    static void company() {
        Rows rows = new Rows(lake);
        rows.add(ImportTemplates.OFFICES, "A", "甲管理处", null, null, null);
        rows.add(ImportTemplates.OFFICES, "B", "乙管理处", null, null, null);
        rows.add(ImportTemplates.OFFICES, "C", "丙管理处", null, null, null);

        // survey forms: A returned 4 in 2025 and 1 in 2024, B 2 in 2025
        for (String id : List.of("RA1", "RA2", "RA3", "RA4")) {
            rows.form(id, "A", 2025);
        }
        rows.form("R24A1", "A", 2024);
        rows.form("RB1", "B", 2025);
        rows.form("RB2", "B", 2025);

        // return visits of A in 2025
        rows.visit("V1", "A", "2025-07-01", "survey_check", "RA1", "confirmed");
        rows.visit("V2", "A", "2025-07-02", "survey_check", "RA1", "not_confirmed"); // RA1 again: one form
        rows.visit("V3", "A", "2025-07-03", "survey_check", "RA2", "unreachable"); // RA2's only check: verifies nothing
        rows.visit("V4", "A", "2025-07-04", "survey_check", "RX9", "confirmed"); // no such form
        rows.visit("V5", "A", "2025-07-05", "survey_check", "RB1", "confirmed"); // B's form, visited by A
        rows.visit("V6", "A", "2025-07-06", "survey_check", null, "not_confirmed"); // no ref_id
        // RA4 checked twice: first nobody home, then confirmed: two checks, one reached, one form verified
        rows.visit("V13", "A", "2025-07-07", "survey_check", "RA4", "unreachable");
        rows.visit("V14", "A", "2025-07-20", "survey_check", "RA4", "confirmed");
        rows.visit("V7", "A", "2025-08-01", "paid_service", "P1", "satisfied");
        rows.visit("V8", "A", "2025-08-02", "paid_service", "P2", "satisfied");
        rows.visit("V9", "A", "2025-08-03", "paid_service", "P3", "dissatisfied");
        rows.visit("V10", "A", "2025-08-04", "paid_service", "P4", "unreachable");
        rows.visit("V11", "A", "2025-09-01", "complaint", "F1", "unreachable");
        // a 2025 form checked in January 2026: it verifies the 2025 survey, the visit counts in 2026
        rows.visit("V12", "A", "2026-01-05", "survey_check", "RA3", "confirmed");
        // B
        rows.visit("VB1", "B", "2025-09-10", "complaint", "FB1", "satisfied");
        rows.visit("VB2", "B", "2025-09-11", "complaint", "FB2", "dissatisfied");
        rows.visit("VB3", "B", "2025-07-10", "survey_check", "RB2", "unreachable");

        // inspections
        rows.inspection("I1", "A", "2025-03-05", "quality_monthly", 90.0, 2);
        rows.inspection("I2", "A", "2025-03-20", "quality_monthly", 85.5, null);
        rows.inspection("I3", "A", "2025-03-10", "mystery_shopper", 70.0, 4);
        rows.inspection("I4", "A", "2025-04-02", "director_monthly", 100.0, 0);
        rows.inspection("I6", "A", "2025-04-15", "supervisor_daily", 95.0, null);
        rows.inspection("I5", "B", "2025-03-15", "quality_monthly", 80.0, 1);
        // feedback: A has 3 complaints in March 2025 (one on the 31st), an opinion, 2 complaints in May (no
        // inspection that month); B has a complaint in March 2024, not March 2025
        rows.feedback("F1", "A", "2025-03-01", "complaint");
        rows.feedback("F2", "A", "2025-03-15", "complaint");
        rows.feedback("F3", "A", "2025-03-31", "complaint");
        rows.feedback("F4", "A", "2025-03-16", "opinion");
        rows.feedback("F5", "A", "2025-05-02", "complaint");
        rows.feedback("F6", "A", "2025-05-20", "complaint");
        rows.feedback("F7", "B", "2024-03-15", "complaint");

        // actions; the comments give the state at 2025-06-30
        rows.action("CA1", "A", "2025-01-10", "maintenance", "corrective", "2025-03-01", "2025-02-20",
                "effective", "2025-04-01"); // closed on time, effective
        rows.action("CA2", "A", "2025-02-01", "maintenance", "corrective", "2025-04-01", "2025-04-15",
                "not_effective", "2025-05-10"); // closed late, not effective
        rows.action("CA3", "A", "2025-03-01", "maintenance", "preventive", "2025-06-30", null,
                "pending", null); // open, due on the as-of date: not overdue
        rows.action("CA4", "A", "2025-03-05", "maintenance", "corrective", "2025-06-29", null,
                "pending", null); // open, overdue
        rows.action("CA5", "A", "2025-04-01", "maintenance", "corrective", "2025-06-01", "2025-07-05",
                "effective", "2025-07-20"); // closed after as-of: open and overdue; verified after: pending
        rows.action("CA10", "A", "2025-06-30", "maintenance", "corrective", "2025-08-01", null,
                "pending", null); // opened on the as-of date: open
        rows.action("CA6", "A", "2025-04-10", "parking", "corrective", "2025-05-01", "2025-05-01",
                "not_effective", "2025-07-01"); // closed on the due date: on time; verified after as-of: pending
        rows.action("CA7", null, "2025-02-10", "complaint_handling", "preventive", "2025-05-01", "2025-04-30",
                "not_effective", "2025-06-30"); // head office: on time, not effective (verified on as-of)
        rows.action("CA8", null, "2025-07-10", "maintenance", "corrective", "2025-09-01", null,
                "pending", null); // opened after as-of: left out
        rows.action("CA9", "B", "2024-11-01", "lift", "corrective", "2025-01-31", "2025-02-10",
                "effective", "2025-03-01"); // 2024: closed late, effective
        rows.write();

        SparkSession spark = com.propertyquality.review.support.TestSpark.session();
        marts = new QualityMarts(spark, new LakeTables(spark, lake));
    }

    // ---- return_visit_verification

    @Test
    void returnVisitVerificationHasEveryOfficeForEveryYear() {
        List<Row> rows = marts.returnVisitVerification().collectAsList();

        // years 2024 (a form), 2025, 2026 (a visit) × offices A, B, C, in year then office order
        assertThat(rows).extracting(r -> r.getAs("year") + "/" + r.getAs("office_id")).containsExactly(
                "2024/A", "2024/B", "2024/C", "2025/A", "2025/B", "2025/C", "2026/A", "2026/B", "2026/C");
        assertThat(rows.get(3).<String>getAs("office_name")).isEqualTo("甲管理处");
    }

    @Test
    void surveyChecksVerifyFormsOfTheirOfficeAndCountResultsPerVisit() {
        Row a = returnVisits().get("2025/A");
        assertThat(a.<Long>getAs("forms_returned")).isEqualTo(4L);
        assertThat(a.<Long>getAs("survey_checks")).isEqualTo(8L); // V1–V6, V13, V14; V12 is a 2026 visit
        // V3 and V13 reached nobody
        assertThat(a.<Long>getAs("survey_checks_reached")).isEqualTo(6L); // V1, V2, V4, V5, V6, V14
        // RA1 (reached twice: one form), RA3 (reached in 2026) and RA4 (V14; its unreachable V13 adds nothing);
        // RA2's only check was unreachable: not verified. RX9, RB1 and a blank ref verify nothing
        assertThat(a.<Long>getAs("forms_verified")).isEqualTo(3L);
        assertThat(a.<Double>getAs("verified_share")).isEqualTo(0.75);
        assertThat(a.<Long>getAs("survey_checks_unmatched")).isEqualTo(3L); // V4, V5, V6
        assertThat(a.<Long>getAs("confirmed")).isEqualTo(4L); // V1, V4, V5, V14
        assertThat(a.<Long>getAs("not_confirmed")).isEqualTo(2L); // V2, V6
        assertThat(a.<Long>getAs("unreachable")).isEqualTo(2L); // V3, V13
        assertThat(a.<Double>getAs("authenticity_rate")).isEqualTo(4.0 / 6); // confirmed / reached

        Row a2026 = returnVisits().get("2026/A");
        assertThat(a2026.<Long>getAs("forms_returned")).isEqualTo(0L);
        assertThat(a2026.<Long>getAs("survey_checks")).isEqualTo(1L);
        assertThat(a2026.<Long>getAs("survey_checks_reached")).isEqualTo(1L);
        assertThat(a2026.<Long>getAs("forms_verified")).isEqualTo(0L);
        assertThat(a2026.<Double>getAs("verified_share")).as("no forms").isNull();
        assertThat(a2026.<Long>getAs("survey_checks_unmatched")).isEqualTo(0L);
        assertThat(a2026.<Double>getAs("authenticity_rate")).isEqualTo(1.0);

        Row a2024 = returnVisits().get("2024/A");
        assertThat(a2024.<Long>getAs("forms_returned")).isEqualTo(1L);
        assertThat(a2024.<Long>getAs("forms_verified")).isEqualTo(0L);
        assertThat(a2024.<Double>getAs("verified_share")).isEqualTo(0.0);
        // forms and no check at all: nothing attempted, nothing reached, no rate
        assertThat(a2024.<Long>getAs("survey_checks")).isEqualTo(0L);
        assertThat(a2024.<Long>getAs("survey_checks_reached")).isEqualTo(0L);
        assertThat(a2024.<Double>getAs("authenticity_rate")).isNull();
    }

    @Test
    void anOfficeWhoseOnlyCheckWasUnreachableVerifiedNothing() {
        Row b = returnVisits().get("2025/B");
        // VB3 reached nobody: attempted, but RB2 is not verified and the rate has nothing to judge (not 0, not 1)
        assertThat(b.<Long>getAs("survey_checks")).isEqualTo(1L);
        assertThat(b.<Long>getAs("survey_checks_reached")).isEqualTo(0L);
        assertThat(b.<Long>getAs("forms_verified")).isEqualTo(0L);
        assertThat(b.<Double>getAs("verified_share")).isEqualTo(0.0); // 0 of 2 forms
        assertThat(b.<Long>getAs("unreachable")).isEqualTo(1L);
        assertThat(b.<Double>getAs("authenticity_rate")).isNull();
        assertThat(b.<Long>getAs("complaint_followup_visits")).isEqualTo(2L);
        assertThat(b.<Double>getAs("complaint_followup_satisfaction")).isEqualTo(0.5);

        Row a = returnVisits().get("2025/A");
        assertThat(a.<Long>getAs("paid_service_visits")).isEqualTo(4L);
        assertThat(a.<Long>getAs("paid_service_satisfied")).isEqualTo(2L);
        assertThat(a.<Long>getAs("paid_service_dissatisfied")).isEqualTo(1L);
        assertThat(a.<Double>getAs("paid_service_satisfaction")).isEqualTo(2.0 / 3); // V10 unreachable: neither
        assertThat(a.<Long>getAs("complaint_followup_visits")).isEqualTo(1L);
        assertThat(a.<Long>getAs("complaint_followup_satisfied")).isEqualTo(0L);
        assertThat(a.<Long>getAs("complaint_followup_dissatisfied")).isEqualTo(0L);
        assertThat(a.<Double>getAs("complaint_followup_satisfaction")).as("only unreachable").isNull();
    }

    @Test
    void anOfficeWithoutDataHasZerosAndNoRates() {
        Row c = returnVisits().get("2025/C");
        assertThat(c.<String>getAs("office_name")).isEqualTo("丙管理处");
        for (String count : List.of("forms_returned", "survey_checks", "survey_checks_reached", "forms_verified",
                "survey_checks_unmatched",
                "confirmed", "not_confirmed", "unreachable", "paid_service_visits", "paid_service_satisfied",
                "paid_service_dissatisfied", "complaint_followup_visits", "complaint_followup_satisfied",
                "complaint_followup_dissatisfied")) {
            assertThat(c.<Long>getAs(count)).as(count).isEqualTo(0L);
        }
        for (String rate : List.of("verified_share", "authenticity_rate", "paid_service_satisfaction",
                "complaint_followup_satisfaction")) {
            assertThat(c.<Double>getAs(rate)).as(rate).isNull();
        }
    }

    @Test
    void sampledRatesCarryA95PercentIntervalOnTheirOwnUnits() {
        Row a = returnVisits().get("2025/A");
        // authenticity 4 confirmed of 6 reached checks: 1 + z²/6 = 1.6402431368; centre = (2/3 + z²/12)/1.6402431368
        // = 0.6016109520; half = z/1.6402431368 · √(2/54 + z²/144) = 1.1949228383 · 0.2524159947 = 0.3016176369
        // → [0.2999933151, 0.9032285889]
        assertThat(a.<Double>getAs("authenticity_rate_ci_low")).isCloseTo(0.2999933151, within(1e-9));
        assertThat(a.<Double>getAs("authenticity_rate_ci_high")).isCloseTo(0.9032285889, within(1e-9));
        // paid services: 2 satisfied of 3 answers (V10 unreachable gave none): [0.2076596008, 0.9385080553]
        assertThat(a.<Double>getAs("paid_service_satisfaction_ci_low")).isCloseTo(0.2076596008, within(1e-9));
        assertThat(a.<Double>getAs("paid_service_satisfaction_ci_high")).isCloseTo(0.9385080553, within(1e-9));
        // 2026: 1 confirmed of 1 reached: [1/(1 + z²), 1] = [0.2065493144, 1]
        Row a2026 = returnVisits().get("2026/A");
        assertThat(a2026.<Double>getAs("authenticity_rate_ci_low")).isCloseTo(0.2065493144, within(1e-9));
        assertThat(a2026.<Double>getAs("authenticity_rate_ci_high")).isEqualTo(1.0);
        // B's complaint follow-ups: 1 of 2: [0.0945312057, 0.9054687943]; its only check reached nobody: none
        Row b = returnVisits().get("2025/B");
        assertThat(b.<Double>getAs("complaint_followup_satisfaction_ci_low")).isCloseTo(0.0945312057, within(1e-9));
        assertThat(b.<Double>getAs("complaint_followup_satisfaction_ci_high")).isCloseTo(0.9054687943, within(1e-9));
        assertThat(b.<Double>getAs("authenticity_rate_ci_low")).isNull();
        // C has no data: no bounds anywhere; the verified share is a census of the checking done: no interval
        Row c = returnVisits().get("2025/C");
        for (String rate : List.of("authenticity_rate", "paid_service_satisfaction", "complaint_followup_satisfaction")) {
            assertThat(c.<Double>getAs(rate + "_ci_low")).as(rate).isNull();
            assertThat(c.<Double>getAs(rate + "_ci_high")).as(rate).isNull();
        }
        assertThat(a.schema().fieldNames()).doesNotContain("verified_share_ci_low", "verified_share_ci_high");
    }

    @Test
    void surveyCheckResultsAddUpToTheChecks() {
        for (Row row : returnVisits().values()) {
            assertThat(row.<Long>getAs("confirmed") + row.<Long>getAs("not_confirmed"))
                    .isEqualTo(row.<Long>getAs("survey_checks_reached"));
            assertThat(row.<Long>getAs("survey_checks_reached") + row.<Long>getAs("unreachable"))
                    .isEqualTo(row.<Long>getAs("survey_checks"));
            assertThat(row.<Long>getAs("forms_verified")).isLessThanOrEqualTo(row.<Long>getAs("forms_returned"));
        }
    }

    // ---- inspection_summary

    @Test
    void inspectionSummaryPerMonthOfficeAndLevelWithTheMonthsComplaints() {
        List<Row> rows = marts.inspectionSummary().collectAsList();

        // year, month, office, then level in the order of the code list (quality_monthly before mystery_shopper);
        // May 2025 has 2 complaints of A but no inspection: no row; C has no inspection: no row
        assertThat(rows).extracting(r -> r.getAs("month") + "/" + r.getAs("office_id") + "/" + r.getAs("level"))
                .containsExactly("3/A/quality_monthly", "3/A/mystery_shopper", "3/B/quality_monthly",
                        "4/A/director_monthly", "4/A/supervisor_daily");
        // I1 90 (2 nonconformities) and I2 85.5 (none recorded): mean 87.75, min 85.5
        assertInspection(rows.get(0), 2, 87.75, 85.5, 2, 1, 3);
        assertThat(rows.get(0).<String>getAs("level_name")).isEqualTo("质量管理部月检");
        assertThat(rows.get(0).<String>getAs("office_name")).isEqualTo("甲管理处");
        assertThat(rows.get(0).<Integer>getAs("year")).isEqualTo(2025);
        // the mystery shopper's row carries the same 3 complaints of A in March (F1, F2, F3; F4 is an opinion)
        assertInspection(rows.get(1), 1, 70.0, 70.0, 4, 0, 3);
        assertThat(rows.get(1).<String>getAs("level_name")).isEqualTo("神秘顾客");
        // B: its complaint of March 2024 is not March 2025
        assertInspection(rows.get(2), 1, 80.0, 80.0, 1, 0, 0);
        assertInspection(rows.get(3), 1, 100.0, 100.0, 0, 0, 0);
        // no count recorded at all: 0 nonconformities, 1 inspection without a count
        assertInspection(rows.get(4), 1, 95.0, 95.0, 0, 1, 0);
    }

    // ---- action_status and actions_failed_verification

    @Test
    void actionStatusAtTheAsOfDate() {
        List<Row> rows = marts.actionStatus(AS_OF).collectAsList();

        // 2024 first; in 2025 the head office (null) first; areas in catalogue order; CA8 (opened after) left out
        assertThat(rows).extracting(r -> r.getAs("year") + "/" + r.getAs("office_id") + "/" + r.getAs("area"))
                .containsExactly("2024/B/lift", "2025/null/complaint_handling", "2025/A/maintenance",
                        "2025/A/parking");
        //                         actions corr prev open overdue onTime late eff notEff pending
        assertActions(rows.get(0), 1, 1, 0, 0, 0, 0, 1, 1, 0, 0); // CA9
        assertActions(rows.get(1), 1, 0, 1, 0, 0, 1, 0, 0, 1, 0); // CA7
        // CA1, CA2, CA3, CA4, CA5, CA10: open CA3 CA4 CA5 CA10, overdue CA4 CA5, pending CA3 CA4 CA5 CA10
        assertActions(rows.get(2), 6, 5, 1, 4, 2, 1, 1, 1, 1, 4);
        assertActions(rows.get(3), 1, 1, 0, 0, 0, 1, 0, 0, 0, 1); // CA6

        Row head = rows.get(1);
        assertThat(head.<String>getAs("office_id")).isNull();
        assertThat(head.<String>getAs("office_name")).isNull();
        assertThat(head.<String>getAs("area_name")).isEqualTo("投诉处理");
        assertThat(head.<String>getAs("level")).isEqualTo("service");
        assertThat(rows.get(2).<String>getAs("level")).isEqualTo("management");
        assertThat(rows.get(2).<String>getAs("office_name")).isEqualTo("甲管理处");
        assertThat(rows.get(2).<java.sql.Date>getAs("as_of").toLocalDate()).isEqualTo(AS_OF);
    }

    @Test
    void laterAsOfDateMovesActionsOn() {
        Map<String, Row> rows = byKey(marts.actionStatus(LocalDate.of(2025, 7, 31)).collectAsList(),
                r -> r.getAs("year") + "/" + r.getAs("office_id") + "/" + r.getAs("area"));

        // CA8 (opened 2025-07-10) is in, open; CA5 is closed late and effective; CA6 not effective now
        assertThat(rows.keySet()).contains("2025/null/maintenance");
        assertActions(rows.get("2025/null/maintenance"), 1, 1, 0, 1, 0, 0, 0, 0, 0, 1);
        // CA3 (due 06-30) and CA4 open and overdue, CA10 open; CA1 on time; CA2, CA5 late
        assertActions(rows.get("2025/A/maintenance"), 6, 5, 1, 3, 2, 1, 2, 2, 1, 3);
        assertActions(rows.get("2025/A/parking"), 1, 1, 0, 0, 0, 1, 0, 0, 1, 0);
    }

    @Test
    void actionsThatFailedVerificationByTheAsOfDate() {
        List<Row> rows = marts.actionsFailedVerification(AS_OF).collectAsList();

        // CA7 (head office, first) and CA2; CA6 is verified only on 2025-07-01
        assertThat(rows).extracting(r -> r.<String>getAs("action_id")).containsExactly("CA7", "CA2");
        Row ca2 = rows.get(1);
        assertThat(ca2.<Integer>getAs("year")).isEqualTo(2025);
        assertThat(ca2.<String>getAs("office_id")).isEqualTo("A");
        assertThat(ca2.<String>getAs("area")).isEqualTo("maintenance");
        assertThat(ca2.<String>getAs("owner_department")).isEqualTo("工程部");
        assertThat(ca2.<java.sql.Date>getAs("due_on").toLocalDate()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(ca2.<java.sql.Date>getAs("verified_on").toLocalDate()).isEqualTo(LocalDate.of(2025, 5, 10));
        assertThat(ca2.<String>getAs("description")).isEqualTo("措施 CA2");
        assertThat(rows.get(0).<String>getAs("office_id")).isNull();

        assertThat(marts.actionsFailedVerification(LocalDate.of(2025, 7, 1)).collectAsList())
                .extracting(r -> r.<String>getAs("action_id")).containsExactly("CA7", "CA2", "CA6");
    }

    @Test
    void actionCountsAddUp() {
        for (Row row : marts.actionStatus(AS_OF).collectAsList()) {
            long actions = row.<Long>getAs("actions");
            assertThat(row.<Long>getAs("corrective") + row.<Long>getAs("preventive")).isEqualTo(actions);
            assertThat(row.<Long>getAs("open") + row.<Long>getAs("closed_on_time") + row.<Long>getAs("closed_late"))
                    .isEqualTo(actions);
            assertThat(row.<Long>getAs("verified_effective") + row.<Long>getAs("verified_not_effective")
                    + row.<Long>getAs("verification_pending")).isEqualTo(actions);
            assertThat(row.<Long>getAs("overdue")).isLessThanOrEqualTo(row.<Long>getAs("open"));
        }
    }

    @Test
    void theMartsAreRegistered() {
        assertThat(Marts.all()).extracting(Mart::name).contains(QualityMarts.RETURN_VISIT_VERIFICATION,
                QualityMarts.INSPECTION_SUMMARY, QualityMarts.ACTION_STATUS, QualityMarts.ACTIONS_FAILED_VERIFICATION);
    }

    // ---- helpers

    private static Map<String, Row> returnVisitRows;

    /** The return_visit_verification mart by year/office, computed once for the tests that read it. */
    private static synchronized Map<String, Row> returnVisits() {
        if (returnVisitRows == null) {
            returnVisitRows = byKey(marts.returnVisitVerification().collectAsList(),
                    r -> r.getAs("year") + "/" + r.getAs("office_id"));
        }
        return returnVisitRows;
    }

    private static void assertInspection(Row row, long inspections, double average, double min, long nonconformities,
                                         long withoutCount, long complaints) {
        assertThat(row.<Long>getAs("inspections")).isEqualTo(inspections);
        assertThat(row.<Double>getAs("average_score")).isEqualTo(average);
        assertThat(row.<Double>getAs("min_score")).isEqualTo(min);
        assertThat(row.<Long>getAs("nonconformities")).isEqualTo(nonconformities);
        assertThat(row.<Long>getAs("inspections_without_count")).isEqualTo(withoutCount);
        assertThat(row.<Long>getAs("complaints")).isEqualTo(complaints);
    }

    private static void assertActions(Row row, long actions, long corrective, long preventive, long open, long overdue,
                                      long onTime, long late, long effective, long notEffective, long pending) {
        String key = row.getAs("year") + "/" + row.getAs("office_id") + "/" + row.getAs("area");
        assertThat(List.of(row.<Long>getAs("actions"), row.<Long>getAs("corrective"), row.<Long>getAs("preventive"),
                row.<Long>getAs("open"), row.<Long>getAs("overdue"), row.<Long>getAs("closed_on_time"),
                row.<Long>getAs("closed_late"), row.<Long>getAs("verified_effective"),
                row.<Long>getAs("verified_not_effective"), row.<Long>getAs("verification_pending")))
                .as(key)
                .containsExactly(actions, corrective, preventive, open, overdue, onTime, late, effective, notEffective,
                        pending);
    }

    private static Map<String, Row> byKey(List<Row> rows, Function<Row, String> key) {
        return rows.stream().collect(Collectors.toMap(key, r -> r));
    }

    /** Rows of several templates, written through the lake's own writer (values in template column order). */
    private static final class Rows {

        private final Lake lake;
        private final Map<Template, List<Object[]>> rows = new java.util.LinkedHashMap<>();

        Rows(Path folder) {
            this.lake = new Lake(folder);
        }

        void add(Template template, Object... values) {
            if (values.length != template.columns().size()) {
                throw new IllegalArgumentException(template.name() + " has " + template.columns().size() + " columns");
            }
            rows.computeIfAbsent(template, t -> new ArrayList<>()).add(values);
        }

        void form(String id, String office, int year) {
            Object[] row = new Object[ImportTemplates.SURVEY_RESPONSES.columns().size()];
            row[0] = id;
            row[1] = office;
            row[2] = year;
            row[4] = LocalDate.of(year, 6, 1);
            add(ImportTemplates.SURVEY_RESPONSES, row);
        }

        void visit(String id, String office, String on, String purpose, String ref, String result) {
            add(ImportTemplates.RETURN_VISITS, id, office, LocalDate.parse(on), null, purpose, ref, result, null);
        }

        void inspection(String id, String office, String on, String level, double score, Integer nonconformities) {
            add(ImportTemplates.INSPECTIONS, id, office, LocalDate.parse(on), level, score, nonconformities, null);
        }

        void feedback(String id, String office, String on, String kind) {
            add(ImportTemplates.FEEDBACK, id, office, LocalDate.parse(on), null, "phone", kind, "maintenance",
                    "normal", null, "open", null, null, null);
        }

        void action(String id, String office, String opened, String area, String type, String due, String closed,
                    String verification, String verified) {
            add(ImportTemplates.ACTIONS, id, office, LocalDate.parse(opened), "feedback", area, type, "工程部",
                    LocalDate.parse(due), date(closed), verification, date(verified), "措施 " + id);
        }

        private static LocalDate date(String text) {
            return text == null ? null : LocalDate.parse(text);
        }

        void write() {
            rows.forEach((template, list) -> {
                String run = "quality-" + template.dataset();
                StagedFile staged = lake.stage(run, 1, template);
                int line = 2;
                for (Object[] row : list) {
                    staged.write(row, "quality.csv", line++);
                }
                staged.close();
                lake.commit(run, template, List.of(staged));
                lake.dropStaging(run);
            });
        }
    }
}
