package com.propertyquality.review.marts;

import static com.propertyquality.review.support.OfficeFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.metrics.ReviewCutOff;
import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.TestSpark;

/**
 * The customer-value marts, from office files through ingest and aggregate at as-of 2026-01-10, so the 12-month
 * window is 2025-01-11 … 2026-01-10. Office A: H1 a loyal committee member paying on time and spending most
 * (most_valuable), H2 paying half its months (at_risk), H3 moved in 2025 (new), H4 with no purchases and no fee
 * months or moving-in date (steady), H5 with 4 requests and 0 billed months (at_risk). Office B: H6 four years,
 * high score (high_value), H7 fifteen years, no purchases (steady).
 */
class CustomerValueMartsTest {

    @TempDir
    static Path work;
    static MartRows marts;

    @BeforeAll
    static void company() throws Exception {
        Path input = Files.createDirectories(work.resolve("input"));
        utf8(input, "offices.csv", "office_id,office_name", "A,甲管理处", "B,乙管理处");
        utf8(input, "households.csv",
                "household_id,office_id,category,moved_in_on,fee_months_billed,fee_months_on_time,name,phone",
                "H1,A,A,2015-03-01,12,12,王小明,13800001111",
                "H2,A,H,2018-01-10,12,6,,",
                "H3,A,H,2025-06-01,7,7,,",
                "H4,A,I,,,,,",
                "H5,A,G,2020-01-11,0,0,,",
                "H6,B,A,2022-01-01,12,11,,",
                "H7,B,H,2010-05-05,12,12,,");
        utf8(input, "purchases.csv", "purchase_id,household_id,office_id,purchased_on,category,amount",
                "P1,H1,A,2025-06-01,家政,500.00",
                "P2,H1,A,2025-09-01,家政,300.00",
                "P3,H1,A,2026-01-10,生鲜,200.00",
                "P4,H2,A,2025-01-10,家政,400.00",
                "P5,H2,A,2025-01-11,家政,100.00",
                "P6,H3,A,2025-07-01,生鲜,50.00",
                "P7,H4,A,2026-01-11,生鲜,80.00",
                "P8,H6,B,2025-12-01,家政,300.00");
        utf8(input, "feedback.csv", "record_id,office_id,received_on,household_id,channel,kind,area,status",
                "F1,A,2025-05-01,H1,phone,service_request,maintenance,open",
                "F2,A,2025-06-01,H1,phone,praise,reception,open",
                "F3,A,2026-01-11,H1,phone,complaint,lift,open",
                "F4,A,2025-03-01,H5,phone,complaint,maintenance,open",
                "F5,A,2025-04-01,H5,visit,complaint,parking,open",
                "F6,A,2025-05-01,H5,visit,opinion,environment,open",
                "F7,A,2025-06-01,H5,visit,service_request,environment,open",
                "F8,A,2025-01-10,H5,visit,complaint,greening,open",
                "F9,B,2025-08-01,,hotline,complaint,maintenance,open");
        utf8(input, "survey-responses.csv",
                "response_id,office_id,year,household_id,returned_on,environment,greening,maintenance,lift",
                "R1,A,2025,H1,2025-11-01,satisfied,dissatisfied,,",
                "R2,A,2025,H2,2025-11-02,,,dissatisfied,very_satisfied",
                "R3,B,2025,H7,2025-11-03,satisfied,,,");
        Cli.Result ingest = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());
        assertThat(ingest.status()).as(ingest.out() + ingest.err()).isZero();
        Cli.Result aggregate = Cli.run("aggregate", "--work", work.toString(), "--as-of", "2026-01-10");
        assertThat(aggregate.status()).as(aggregate.err()).isZero();
        marts = new MartRows(work.resolve("marts"));
    }

    @Test
    void withoutAsOfTheRegisterIsValuedAtTheCutOffOfItsReviewYearWhateverTheDayOfTheRun() {
        LakeTables lake = new LakeTables(TestSpark.session(), work.resolve("lake"));
        MartContext context = new MartContext(TestSpark.session(), lake, new BigDecimal("0.60"),
                ReviewCutOff.yearly(MonthDay.of(12, 31)));
        CustomerValueMarts values = new CustomerValueMarts(context);
        // the survey's year 2025 is the only review year: valued at 2025-12-31, its window 2025-01-01 .. 2025-12-31
        assertThat(values.valueYears().collectAsList()).extracting(r -> r.get(0) + " " + r.get(1))
                .containsExactly("2025 2025-12-31");
        Map<String, Row> rows = byHousehold(values.customerValue());
        assertThat(rows.get("H1").<Integer>getAs("year")).isEqualTo(2025);
        // H1: P1 500 + P2 300 (P3 of 2026-01-10 is after the cut-off); H2: P4 2025-01-10 and P5 2025-01-11
        assertThat(rows.get("H1").<BigDecimal>getAs("spend_12m")).isEqualByComparingTo("800.00");
        assertThat(rows.get("H2").<BigDecimal>getAs("spend_12m")).isEqualByComparingTo("500.00");
        assertThat(rows.get("H6").<BigDecimal>getAs("spend_12m")).isEqualByComparingTo("300.00");
        // with --as-of the same review year is valued at that one day
        MartContext asOf = new MartContext(TestSpark.session(), lake, new BigDecimal("0.60"), LocalDate.of(2026, 1, 10));
        assertThat(new CustomerValueMarts(asOf).valueYears().collectAsList()).extracting(r -> r.get(0) + " " + r.get(1))
                .containsExactly("2025 2026-01-10");
    }

    @Test
    void eachReviewYearIsValuedAtItsOwnCutOffSoALaterYearsDataChangesNoEarlierValuation(@TempDir Path other)
            throws Exception {
        Path input = Files.createDirectories(other.resolve("input"));
        utf8(input, "offices.csv", "office_id,office_name", "A,甲管理处");
        utf8(input, "households.csv", "household_id,office_id,category,moved_in_on,fee_months_billed,"
                + "fee_months_on_time", "H1,A,A,2020-06-01,12,12");
        utf8(input, "survey-distribution.csv", "year,office_id,forms_distributed", "2024,A,10", "2025,A,10");
        utf8(input, "purchases.csv", "purchase_id,household_id,office_id,purchased_on,category,amount",
                "P1,H1,A,2024-03-01,家政,100.00", "P2,H1,A,2025-03-01,家政,250.00", "P3,H1,A,2025-12-31,生鲜,5.00");
        Cli.Result ingest = Cli.run("ingest", "--input", input.toString(), "--work", other.toString());
        assertThat(ingest.status()).as(ingest.out() + ingest.err()).isZero();
        MartContext context = new MartContext(TestSpark.session(), new LakeTables(TestSpark.session(),
                other.resolve("lake")), new BigDecimal("0.60"), ReviewCutOff.yearly(MonthDay.of(12, 31)));
        List<Row> rows = new CustomerValueMarts(context).customerValue().collectAsList();
        assertThat(rows).extracting(r -> r.getAs("year") + " " + r.getAs("as_of") + " " + r.getAs("spend_12m") + " "
                + r.getAs("tenure_years")).containsExactly(
                // 2024: P1 only, tenure 4 at 2024-12-31; 2025: P2 and P3 (the cut-off day counts), tenure 5
                "2024 2024-12-31 100.00 4", "2025 2025-12-31 255.00 5");
    }

    private static Map<String, Row> byHousehold(org.apache.spark.sql.Dataset<Row> frame) {
        Map<String, Row> rows = new java.util.HashMap<>();
        for (Row row : frame.collectAsList()) {
            rows.put(row.getAs("household_id"), row);
        }
        return rows;
    }

    @Test
    void everyHouseholdOfTheRegisterHasOneRow() {
        List<Map<String, Object>> rows = marts.read(CustomerValueMarts.CUSTOMER_VALUE);
        assertThat(rows).extracting(r -> r.get("household_id"))
                .containsExactly("H1", "H2", "H3", "H4", "H5", "H6", "H7");
        // valued for the review year 2025, at the --as-of day
        assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("year", 2025)
                .containsEntry("as_of", LocalDate.of(2026, 1, 10)));
        assertThat(rows).extracting(r -> r.get("household_id") + "=" + r.get("value_segment"))
                .containsExactly("H1=most_valuable", "H2=at_risk", "H3=new", "H4=steady", "H5=at_risk",
                        "H6=high_value", "H7=steady");
        assertThat(rows.toString()).doesNotContain("王小明", "13800001111");
    }

    @Test
    void theMostValuableHousehold() {
        // P1 500 + P2 300 + P3 200 (on the as-of day); F1 counts, the praise F2 and F3 (after as-of) do not
        Map<String, Object> h1 = household("H1");
        assertThat(h1).containsEntry("office_id", "A").containsEntry("category", "A")
                .containsEntry("purchases_12m", 3L).containsEntry("credit_rate", 1.0)
                .containsEntry("tenure_years", 10).containsEntry("service_requests_12m", 1L)
                .containsEntry("purchase_potential", 100.0).containsEntry("credit", 100.0)
                .containsEntry("value_contribution", 100.0).containsEntry("loyalty", 100.0)
                .containsEntry("service_demand", 80.0).containsEntry("segment_reason",
                        "tenure_years >= 5, credit_rate >= 0.9, spend in the office's top third,"
                                + " service_requests_12m <= 1");
        assertThat((BigDecimal) h1.get("spend_12m")).isEqualByComparingTo("1000.00");
        assertThat((Double) h1.get("value_score")).isCloseTo(97.0, within(1e-9));
    }

    @Test
    void anAtRiskHouseholdAndTheWindowBoundary() {
        // P4 on 2025-01-10 is exactly 12 months before the as-of date: out; P5 the day after: in
        Map<String, Object> h2 = household("H2");
        assertThat((BigDecimal) h2.get("spend_12m")).isEqualByComparingTo("100.00");
        assertThat(h2).containsEntry("purchases_12m", 1L).containsEntry("credit_rate", 0.5)
                .containsEntry("tenure_years", 8).containsEntry("purchase_potential", 75.0)
                .containsEntry("segment_reason", "credit_rate < 0.75");
        // office A average (1000 + 100 + 50 + 0 + 0) / 5 = 230
        assertThat((Double) h2.get("value_contribution")).isCloseTo(5000.0 / 230, within(1e-9));
        // 15 + 12.5 + 0.25 × 21.739 + 12 + 15
        assertThat((Double) h2.get("value_score")).isCloseTo(54.5 + 0.25 * 5000.0 / 230, within(1e-9));
        // H5: F4-F7 in the window (F8 on 2025-01-10 is not); 0 billed months: no credit rate
        Map<String, Object> h5 = household("H5");
        assertThat(h5).containsEntry("service_requests_12m", 4L).containsEntry("credit_rate", null)
                .containsEntry("credit", null).containsEntry("tenure_years", 5)
                .containsEntry("service_demand", 20.0)
                .containsEntry("segment_reason", "service_requests_12m >= 4");
        // (0 + 0 + 0.15 × 50 + 0.15 × 20) / 0.75 = 14
        assertThat((Double) h5.get("value_score")).isCloseTo(14.0, within(1e-9));
    }

    @Test
    void aNewHouseholdAndOneWithNothingKnown() {
        Map<String, Object> h3 = household("H3");
        assertThat(h3).containsEntry("tenure_years", 0).containsEntry("purchase_potential", 50.0)
                .containsEntry("value_segment", "new").containsEntry("segment_reason", "tenure_years < 1");
        // H4: no purchases (P7 is the day after as-of), no fee months, no moving-in date
        Map<String, Object> h4 = household("H4");
        assertThat((BigDecimal) h4.get("spend_12m")).isEqualByComparingTo("0");
        assertThat(h4).containsEntry("purchases_12m", 0L).containsEntry("credit_rate", null)
                .containsEntry("tenure_years", null).containsEntry("loyalty", null)
                .containsEntry("purchase_potential", 0.0).containsEntry("value_contribution", 0.0)
                .containsEntry("service_demand", 100.0).containsEntry("segment_reason", "no other rule");
        assertThat((Double) h4.get("value_score")).isCloseTo(25.0, within(1e-9));
        // H6: 4 years, 11/12 on time, the only spender of B: 20 + 22.917 + 25 + 6 + 15
        Map<String, Object> h6 = household("H6");
        assertThat(h6).containsEntry("tenure_years", 4).containsEntry("purchase_potential", 100.0)
                .containsEntry("value_contribution", 100.0).containsEntry("segment_reason", "value_score >= 60");
        assertThat((Double) h6.get("value_score")).isCloseTo(66 + 0.25 * 1100.0 / 12, within(1e-9));
        assertThat((Double) household("H7").get("value_score")).isCloseTo(55.0, within(1e-9));
    }

    @Test
    void segmentsPerOfficeAndCompanyWithTheirSatisfaction() {
        List<Map<String, Object>> rows = marts.read(CustomerValueMarts.CUSTOMER_SEGMENTS);
        // company 7 rows, office A 5, office B 2
        assertThat(rows).hasSize(14);
        assertThat(rows.get(0).get("office_id")).isNull();
        Map<String, Object> top = segment(rows, "A", "A", "most_valuable");
        assertThat(top).containsEntry("year", 2025).containsEntry("households", 1L).containsEntry("share", 0.2)
                .containsEntry("avg_spend_12m", 1000.0).containsEntry("avg_credit_rate", 1.0)
                .containsEntry("survey_year", 2025).containsEntry("forms", 1L).containsEntry("qualified", 1L)
                .containsEntry("unsatisfied", 1L).containsEntry("satisfaction_rate", 0.5);
        assertThat(segment(rows, "A", "I", "steady")).containsEntry("forms", 0L)
                .containsEntry("avg_credit_rate", null).containsEntry("satisfaction_rate", null);
        assertThat(segment(rows, "B", "H", "steady")).containsEntry("share", 0.5).containsEntry("forms", 1L)
                .containsEntry("satisfaction_rate", 1.0);
        assertThat(segment(rows, null, "A", "high_value")).containsEntry("share", 1.0 / 7)
                .containsEntry("avg_spend_12m", 300.0);
        assertThat(segment(rows, null, "H", "at_risk")).containsEntry("households", 1L)
                .containsEntry("avg_credit_rate", 0.5).containsEntry("qualified", 1L)
                .containsEntry("unsatisfied", 1L);
        assertThat(segment(rows, null, "H", "steady")).containsEntry("households", 1L);
    }

    @Test
    void needsPerAreaCountComplaintsRequestsOpinionsAndDissatisfiedAnswers() {
        List<Map<String, Object>> rows = marts.readYear(CustomerValueMarts.CUSTOMER_NEEDS, 2025);
        // company 2025: maintenance complaints F4, F9, request F1, dissatisfied R2 = 4; greening complaint F8 and
        // R1 = 2; environment request F7 and opinion F6 = 2 (R1 and R3 rated it satisfied: 0 dissatisfied), after
        // greening on complaints; parking complaint F5 = 1, no survey item. The praise F2 (reception) is no need:
        // reception has no row; lift was rated very satisfied: no row
        assertThat(rows.stream().filter(r -> r.get("office_id") == null))
                .extracting(r -> r.get("rank") + ":" + r.get("area") + ":" + r.get("complaints") + ":"
                        + r.get("service_requests") + ":" + r.get("opinions") + ":" + r.get("dissatisfied") + ":"
                        + r.get("needs"))
                .containsExactly("1:maintenance:2:1:0:1:4", "2:greening:1:0:0:1:2", "3:environment:0:1:1:0:2",
                        "4:parking:1:0:0:null:1");
        assertThat(rows.stream().filter(r -> "A".equals(r.get("office_id"))))
                .extracting(r -> r.get("rank") + ":" + r.get("area") + ":" + r.get("needs"))
                .containsExactly("1:maintenance:3", "2:greening:2", "3:environment:2", "4:parking:1");
        Map<String, Object> parking = rows.stream().filter(r -> "A".equals(r.get("office_id"))
                && "parking".equals(r.get("area"))).findFirst().orElseThrow();
        assertThat(parking).containsEntry("level", "management").containsEntry("survey_item", null)
                .containsEntry("area_name", "停车");
        Map<String, Object> environment = rows.stream().filter(r -> "A".equals(r.get("office_id"))
                && "environment".equals(r.get("area"))).findFirst().orElseThrow();
        assertThat(environment).containsEntry("level", "management").containsEntry("complaints", 0L)
                .containsEntry("service_requests", 1L).containsEntry("opinions", 1L)
                .containsEntry("dissatisfied", 0L);
        assertThat(rows.stream().filter(r -> "B".equals(r.get("office_id"))))
                .extracting(r -> r.get("area") + ":" + r.get("complaints") + ":" + r.get("service_requests") + ":"
                        + r.get("opinions") + ":" + r.get("dissatisfied"))
                .containsExactly("maintenance:1:0:0:0");
        assertThat(rows).noneMatch(r -> "reception".equals(r.get("area")));
        // F3 (received 2026-01-11, after the as-of date) counts in its own year
        assertThat(marts.readYear(CustomerValueMarts.CUSTOMER_NEEDS, 2026))
                .extracting(r -> r.get("office_id") + ":" + r.get("area")).containsExactly("null:lift", "A:lift");
    }

    @Test
    void companyNeedsAreTheOfficesSummed() {
        List<Map<String, Object>> rows = marts.read(CustomerValueMarts.CUSTOMER_NEEDS);
        for (String count : List.of("complaints", "service_requests", "opinions", "needs")) {
            long company = rows.stream().filter(r -> r.get("office_id") == null)
                    .mapToLong(r -> (Long) r.get(count)).sum();
            long offices = rows.stream().filter(r -> r.get("office_id") != null)
                    .mapToLong(r -> (Long) r.get(count)).sum();
            assertThat(company).as(count).isEqualTo(offices).isPositive();
        }
        // register entries other than praise: F1, F3–F9 = 8
        assertThat(rows.stream().filter(r -> r.get("office_id") == null)
                .mapToLong(r -> (Long) r.get("complaints") + (Long) r.get("service_requests")
                        + (Long) r.get("opinions")).sum()).isEqualTo(8L);
    }

    @Test
    void purchaseNeedsPerSegmentAndCategory() {
        List<Map<String, Object>> rows = marts.read(CustomerValueMarts.PURCHASE_NEEDS);
        assertThat(rows).extracting(r -> r.get("value_segment") + ":" + r.get("category") + ":" + r.get("rank"))
                .containsExactly("at_risk:家政:1", "high_value:家政:1", "most_valuable:家政:1",
                        "most_valuable:生鲜:2", "new:生鲜:1");
        Map<String, Object> home = rows.get(2);
        assertThat(home).containsEntry("year", 2025).containsEntry("purchases", 2L).containsEntry("households", 1L)
                .containsEntry("share", 0.8).containsEntry("top_category", true)
                .containsEntry("repeat_intervals", 1L).containsEntry("median_repeat_days", 92.0);
        assertThat((BigDecimal) home.get("spend")).isEqualByComparingTo("800.00");
        assertThat(rows.get(3)).containsEntry("top_category", false).containsEntry("share", 0.2)
                .containsEntry("repeat_intervals", 0L).containsEntry("median_repeat_days", null);
        // P5 follows P4 (outside the window) by 1 day: the interval counts, P4's spend does not
        assertThat(rows.get(0)).containsEntry("purchases", 1L).containsEntry("median_repeat_days", 1.0)
                .containsEntry("share", 1.0);
    }

    @Test
    void seasonalityCountsEveryPurchaseByMonth() {
        List<Map<String, Object>> rows = marts.read(CustomerValueMarts.PURCHASE_SEASONALITY);
        assertThat(rows).extracting(r -> r.get("year") + "-" + r.get("month") + ":" + r.get("category") + ":"
                        + r.get("purchases") + ":" + r.get("households") + ":"
                        + ((BigDecimal) r.get("spend")).stripTrailingZeros().toPlainString())
                .containsExactly("2025-1:家政:2:1:500", "2025-6:家政:1:1:500", "2025-7:生鲜:1:1:50",
                        "2025-9:家政:1:1:300", "2025-12:家政:1:1:300", "2026-1:生鲜:2:2:280");
    }

    private static Map<String, Object> household(String id) {
        return marts.read(CustomerValueMarts.CUSTOMER_VALUE).stream().filter(r -> id.equals(r.get("household_id")))
                .findFirst().orElseThrow();
    }

    private static Map<String, Object> segment(List<Map<String, Object>> rows, String office, String category,
                                               String segment) {
        return rows.stream().filter(r -> Objects.equals(office, r.get("office_id"))
                        && category.equals(r.get("category")) && segment.equals(r.get("value_segment")))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + office + "/" + category + "/" + segment));
    }
}
