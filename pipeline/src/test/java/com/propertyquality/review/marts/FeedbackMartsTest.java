package com.propertyquality.review.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.lake.StagedFile;
import com.propertyquality.review.metrics.DaysToClose;
import com.propertyquality.review.metrics.MainFactors;
import com.propertyquality.review.metrics.MainFactors.Factor;
import com.propertyquality.review.support.TestSpark;

/**
 * The feedback marts on a register small enough to work out by hand (the comments hold the hand computation),
 * judged at the as-of date 2025-06-30. Office A has most complaints (maintenance alone is over 80% of them), B
 * has tied areas and complaints received after the as-of date, C has a praise and no complaint, Z is not in the
 * office register.
 */
class FeedbackMartsTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @TempDir
    static Path lake;
    static FeedbackMarts marts;
    static SparkSession spark;
    static List<Row> summaryRows;
    static List<Row> paretoRows;

    @BeforeAll
    static void register() {
        Lake writer = new Lake(lake);
        write(writer, ImportTemplates.OFFICES, List.of(
                office("A", "甲管理处"), office("B", "乙管理处"), office("C", "丙管理处")));
        write(writer, ImportTemplates.FEEDBACK, List.of(
                // 2024
                entry("F1", "A", d(2024, 12, 20), "phone", "complaint", "maintenance", "normal", null, d(2024, 12, 22)),
                // A, March: one lift and one environment complaint
                entry("H1", "A", d(2025, 3, 1), "phone", "complaint", "lift", "normal", true, d(2025, 3, 2)),
                entry("H2", "A", d(2025, 3, 2), "mailbox", "complaint", "environment", "normal", null, d(2025, 3, 4)),
                // A, April, letter opinions on environment: closed after the as-of date, closed on it, open
                entry("C1", "A", d(2025, 4, 1), "letter", "opinion", "environment", "normal", null, d(2025, 7, 15)),
                entry("C2", "A", d(2025, 4, 2), "letter", "opinion", "environment", "normal", null, d(2025, 6, 30)),
                entry("C3", "A", d(2025, 4, 3), "letter", "opinion", "environment", "normal", null, null),
                // A, May, phone complaints on maintenance: closed in 1, 2, 3, 10 days; open 30 and 31 days
                entry("A1", "A", d(2025, 5, 2), "phone", "complaint", "maintenance", "normal", true, d(2025, 5, 3)),
                entry("A2", "A", d(2025, 5, 5), "phone", "complaint", "maintenance", "normal", false, d(2025, 5, 7)),
                entry("A3", "A", d(2025, 5, 10), "phone", "complaint", "maintenance", "normal", null, d(2025, 5, 13)),
                entry("A4", "A", d(2025, 5, 20), "phone", "complaint", "maintenance", "normal", true, d(2025, 5, 30)),
                entry("A5", "A", d(2025, 5, 31), "phone", "complaint", "maintenance", "normal", null, null),
                entry("A6", "A", d(2025, 5, 30), "phone", "complaint", "maintenance", "normal", null, null),
                // A, May, major visit complaints on maintenance: closed in 5, 1, 3 days
                entry("B1", "A", d(2025, 5, 1), "visit", "complaint", "maintenance", "major", true, d(2025, 5, 6)),
                entry("B2", "A", d(2025, 5, 2), "visit", "complaint", "maintenance", "major", true, d(2025, 5, 3)),
                entry("B3", "A", d(2025, 5, 3), "visit", "complaint", "maintenance", "major", true, d(2025, 5, 6)),
                // B
                entry("E3", "B", d(2025, 2, 1), "visit", "complaint", "security", "normal", null, d(2025, 2, 2)),
                entry("D1", "B", d(2025, 6, 5), "hotline", "complaint", "lift", "normal", false, null),
                entry("D2", "B", d(2025, 6, 6), "phone", "complaint", "lift", "normal", null, d(2025, 6, 8)),
                entry("E1", "B", d(2025, 7, 5), "phone", "complaint", "parking", "normal", null, null),
                entry("E2", "B", d(2025, 7, 6), "phone", "complaint", "parking", "normal", null, null),
                // C: no complaint; Z: not in the register
                entry("K1", "C", d(2025, 8, 1), "symposium", "praise", "reception", "normal", null, d(2025, 8, 1)),
                entry("K2", "Z", d(2025, 8, 2), "phone", "praise", "other", "normal", null, null)));
        write(writer, ImportTemplates.ACTIONS, List.of(
                action("X1", "A", d(2025, 3, 10), "maintenance", "corrective"),
                // head office: counts for every office
                action("X2", null, d(2025, 4, 1), "parking", "corrective"),
                // preventive, but opened after the 2025 review meeting (2026-01-15): not for 2025
                action("X3", "B", d(2026, 2, 1), "lift", "preventive"),
                // preventive, opened in January before the 2025 meeting: counts for December's main factors (5.1.3)
                action("X8", "B", d(2026, 1, 10), "parking", "preventive"),
                // opened the year before: does not count for 2025
                action("X4", "A", d(2024, 11, 1), "lift", "corrective"),
                // B's environment action: counts company-wide, not for A
                action("X5", "B", d(2025, 6, 1), "environment", "corrective"),
                action("X7", null, d(2024, 5, 1), "maintenance", "corrective")));
        // the 2025 review meets on 2026-01-15: actions opened up to that day address 2025's main factors
        write(writer, ReviewPlanTables.PLAN, List.<Object[]>of(values(ReviewPlanTables.PLAN, Map.of("year", 2025,
                "meeting_date", d(2026, 1, 15), "place", "总部", "chair", "陈志远", "management_representative",
                "林晓燕"), "meeting_time", null, "previous_review_on", null)));
        spark = TestSpark.session();
        marts = new FeedbackMarts(spark, new LakeTables(spark, lake));
        summaryRows = marts.feedbackSummary(AS_OF).collectAsList();
        paretoRows = marts.complaintPareto().collectAsList();
    }

    @Test
    void theRegistryListsBothMartsAndTheyUseTheContextsAsOfDate() {
        Map<String, Mart> registry = Marts.all().stream().collect(Collectors.toMap(Mart::name, m -> m));
        assertThat(registry).containsKeys(FeedbackMarts.FEEDBACK_SUMMARY, FeedbackMarts.COMPLAINT_PARETO);
        MartContext context = new MartContext(spark, new LakeTables(spark, lake), new BigDecimal("0.60"), AS_OF);
        assertThat(registry.get(FeedbackMarts.FEEDBACK_SUMMARY).query().apply(context).collectAsList())
                .isEqualTo(summaryRows);
        assertThat(registry.get(FeedbackMarts.COMPLAINT_PARETO).query().apply(context).collectAsList())
                .isEqualTo(paretoRows);
    }

    @Test
    void summaryHasOneRowPerGroupInOrder() {
        List<Row> rows = summaryRows;

        assertThat(rows.stream().map(FeedbackMartsTest::summaryKey).toList()).containsExactly(
                "2024/12/A/phone/complaint/maintenance/normal",
                "2025/2/B/visit/complaint/security/normal",
                "2025/3/A/mailbox/complaint/environment/normal",
                "2025/3/A/phone/complaint/lift/normal",
                "2025/4/A/letter/opinion/environment/normal",
                "2025/5/A/phone/complaint/maintenance/normal",
                "2025/5/A/visit/complaint/maintenance/major",
                "2025/6/B/hotline/complaint/lift/normal",
                "2025/6/B/phone/complaint/lift/normal",
                "2025/7/B/phone/complaint/parking/normal",
                "2025/8/C/symposium/praise/reception/normal",
                "2025/8/Z/phone/praise/other/normal");
        assertThat(rows.stream().mapToLong(r -> r.<Long>getAs("entries")).sum()).isEqualTo(22);
        Row first = rows.get(0);
        assertThat(first.<String>getAs("office_name")).isEqualTo("甲管理处");
        assertThat(first.<String>getAs("level")).isEqualTo("management");
        assertThat(rows.get(10).<String>getAs("level")).isEqualTo("service");
        assertThat(rows.get(11).<String>getAs("office_name")).as("not in the register").isNull();
    }

    @Test
    void evenGroupClosureMedianP90OpenAndOriginals() {
        Row row = summary("2025/5/A/phone/complaint/maintenance/normal");
        assertThat(row.<Long>getAs("entries")).isEqualTo(6);
        assertThat(row.<Long>getAs("closed")).isEqualTo(4);
        assertThat(row.<Double>getAs("closure_rate")).isEqualTo(4.0 / 6);
        // days 1, 2, 3, 10: median (2 + 3) / 2; p90 position 2.7 → 0.3 × 3 + 0.7 × 10
        assertThat(row.<Double>getAs("median_days_to_close")).isEqualTo(2.5);
        assertThat(row.<Double>getAs("p90_days_to_close")).isCloseTo(7.9, within(1e-9));
        // A6 received 2025-05-30 is 31 days old; A5 received 2025-05-31 exactly 30: not over
        assertThat(row.<Long>getAs("open_over_30_days")).isEqualTo(1);
        // kept: A1, A4; not kept: A2; unknown: A3, A5, A6
        assertThat(row.<Long>getAs("originals_kept")).isEqualTo(2);
        assertThat(row.<Long>getAs("originals_known")).isEqualTo(3);
        assertThat(row.<Double>getAs("original_kept_share")).isEqualTo(2.0 / 3);
    }

    @Test
    void closureRateCarriesA95PercentIntervalOnItsEntries() {
        // 4 closed of 6 entries: 1 + z²/6 = 1.6402431368; centre 0.6016109520; half 0.3016176369
        // → [0.2999933151, 0.9032285889]
        Row even = summary("2025/5/A/phone/complaint/maintenance/normal");
        assertThat(even.<Double>getAs("closure_rate_ci_low")).isCloseTo(0.2999933151, within(1e-9));
        assertThat(even.<Double>getAs("closure_rate_ci_high")).isCloseTo(0.9032285889, within(1e-9));
        // 3 of 3: [3/(3 + z²), 1] = [0.4385029682, 1]
        Row odd = summary("2025/5/A/visit/complaint/maintenance/major");
        assertThat(odd.<Double>getAs("closure_rate_ci_low")).isCloseTo(0.4385029682, within(1e-9));
        assertThat(odd.<Double>getAs("closure_rate_ci_high")).isEqualTo(1.0);
        // none closed: the low bound is 0 and the high one above it
        Row open = summary("2025/6/B/hotline/complaint/lift/normal");
        long entries = open.<Long>getAs("entries");
        assertThat(open.<Double>getAs("closure_rate_ci_low")).isEqualTo(0.0);
        assertThat(open.<Double>getAs("closure_rate_ci_high"))
                .isCloseTo(3.8414588206941254 / (entries + 3.8414588206941254), within(1e-12));
    }

    @Test
    void oddGroupMedianAndP90() {
        Row row = summary("2025/5/A/visit/complaint/maintenance/major");
        assertThat(row.<Long>getAs("entries")).isEqualTo(3);
        assertThat(row.<Double>getAs("closure_rate")).isEqualTo(1.0);
        // days 5, 1, 3 → 1, 3, 5: median 3; p90 position 1.8 → 0.2 × 3 + 0.8 × 5
        assertThat(row.<Double>getAs("median_days_to_close")).isEqualTo(3.0);
        assertThat(row.<Double>getAs("p90_days_to_close")).isCloseTo(4.6, within(1e-9));
        assertThat(row.<Long>getAs("open_over_30_days")).isZero();
        assertThat(row.<Double>getAs("original_kept_share")).isEqualTo(1.0);
    }

    @Test
    void closedAfterTheAsOfDateIsOpenAtIt() {
        Row row = summary("2025/4/A/letter/opinion/environment/normal");
        // C1 closed 2025-07-15 and C3 open are open at 2025-06-30, received about 90 days before; C2 closed on it
        assertThat(row.<Long>getAs("entries")).isEqualTo(3);
        assertThat(row.<Long>getAs("closed")).isEqualTo(2);
        assertThat(row.<Long>getAs("open_over_30_days")).isEqualTo(2);
        // days to close over status closed: C1 105, C2 89 → median 97; p90 0.1 × 89 + 0.9 × 105 = 103.4
        assertThat(row.<Double>getAs("median_days_to_close")).isEqualTo(97.0);
        assertThat(row.<Double>getAs("p90_days_to_close")).isCloseTo(103.4, within(1e-9));
        assertThat(row.<Long>getAs("originals_known")).isZero();
        assertThat(row.<Double>getAs("original_kept_share")).as("nothing known").isNull();
    }

    @Test
    void noneClosedAndReceivedAfterTheAsOfDate() {
        Row open = summary("2025/6/B/hotline/complaint/lift/normal");
        assertThat(open.<Long>getAs("closed")).isZero();
        assertThat(open.<Double>getAs("closure_rate")).isEqualTo(0.0);
        assertThat(open.<Double>getAs("median_days_to_close")).isNull();
        assertThat(open.<Double>getAs("p90_days_to_close")).isNull();
        assertThat(open.<Long>getAs("open_over_30_days")).as("25 days old").isZero();
        assertThat(open.<Double>getAs("original_kept_share")).isEqualTo(0.0);

        Row future = summary("2025/7/B/phone/complaint/parking/normal");
        assertThat(future.<Long>getAs("entries")).as("counted as entries").isEqualTo(2);
        assertThat(future.<Long>getAs("open_over_30_days")).as("received after the as-of date").isZero();

        Row sameDay = summary("2025/8/C/symposium/praise/reception/normal");
        assertThat(sameDay.<Double>getAs("median_days_to_close")).isEqualTo(0.0);
    }

    @Test
    void paretoHasCompanyAndOfficeRowsForEveryAreaWithComplaintsOnly() {
        List<Row> rows = paretoRows;

        // 2024: company 1 + A 1; 2025: company 5 + A 3 + B 3; C and Z have no complaint
        assertThat(rows.stream().map(FeedbackMartsTest::paretoKey).toList()).containsExactly(
                "2024/null/maintenance", "2024/A/maintenance",
                "2025/null/maintenance", "2025/null/lift", "2025/null/parking", "2025/null/environment",
                "2025/null/security",
                "2025/A/maintenance", "2025/A/environment", "2025/A/lift",
                "2025/B/lift", "2025/B/parking", "2025/B/security");
        assertThat(rows).noneMatch(r -> "C".equals(r.getAs("office_id")) || "Z".equals(r.getAs("office_id")));
        Row company = rows.get(2);
        assertThat(company.<String>getAs("office_name")).isNull();
        assertThat(company.<String>getAs("area_name")).isEqualTo("维修保养");
        assertThat(company.<String>getAs("level")).isEqualTo("management");
        assertThat(rows.get(7).<String>getAs("office_name")).isEqualTo("甲管理处");
    }

    @Test
    void companyWideTheAreaThatCrossesEightyPercentIsAMainFactor() {
        Map<String, Row> rows = pareto();
        // 16 complaints: maintenance 9, lift 3 (A 1 + B 2), parking 2, environment 1, security 1 (tie: code order)
        // 0.8 × 16 = 12.8; before: 0, 9, 12, 14, 15 → parking (75% before, 87.5% after) is the last main factor
        assertPareto(rows.get("2025/null/maintenance"), 9, 16, 1, 0.5625, 0.5625, true, true);
        assertPareto(rows.get("2025/null/lift"), 3, 16, 2, 0.1875, 0.75, true, false);
        assertPareto(rows.get("2025/null/parking"), 2, 16, 3, 0.125, 0.875, true, true);
        assertPareto(rows.get("2025/null/environment"), 1, 16, 4, 0.0625, 0.9375, false, true);
        assertPareto(rows.get("2025/null/security"), 1, 16, 5, 0.0625, 1.0, false, false);
    }

    @Test
    void aFirstAreaOverEightyPercentIsTheOnlyMainFactor() {
        Map<String, Row> rows = pareto();
        // A: maintenance 9 of 11 (81.8%); environment and lift 1 each, tie broken by code
        assertPareto(rows.get("2025/A/maintenance"), 9, 11, 1, 9.0 / 11, 9.0 / 11, true, true);
        // B's environment action does not count for A; A's lift action is from 2024
        assertPareto(rows.get("2025/A/environment"), 1, 11, 2, 1.0 / 11, 10.0 / 11, false, false);
        assertPareto(rows.get("2025/A/lift"), 1, 11, 3, 1.0 / 11, 1.0, false, false);
        // 2024: one complaint, its area alone; the head office's 2024 action counts
        assertPareto(rows.get("2024/A/maintenance"), 1, 1, 1, 1.0, 1.0, true, true);
        assertPareto(rows.get("2024/null/maintenance"), 1, 1, 1, 1.0, 1.0, true, true);
    }

    @Test
    void aJanuaryPreventiveActionCountsForDecembersMainFactorAndTheKindIsSaid() {
        Map<String, Row> rows = pareto();
        // company parking: X2 (head office, corrective, 2025) and X8 (B, preventive, January 2026)
        Row parking = rows.get("2025/null/parking");
        assertThat(parking.<Boolean>getAs("has_action")).isTrue();
        assertThat(parking.<Boolean>getAs("corrective_action")).isTrue();
        assertThat(parking.<Boolean>getAs("preventive_action")).isTrue();
        // A's maintenance: its own corrective X1 only
        Row maintenance = rows.get("2025/A/maintenance");
        assertThat(maintenance.<Boolean>getAs("corrective_action")).isTrue();
        assertThat(maintenance.<Boolean>getAs("preventive_action")).isFalse();
        // 2024 has no plan: only 2024's own actions count (X7), never 2025's
        Row earlier = rows.get("2024/A/maintenance");
        assertThat(earlier.<Boolean>getAs("corrective_action")).isTrue();
        assertThat(earlier.<Boolean>getAs("preventive_action")).isFalse();
    }

    @Test
    void mainFactorsWithoutActionAreTheActionsToOpen() {
        // company 2025: lift is a main factor with no action up to the meeting; B's lift action came after it
        assertThat(FeedbackMarts.mainFactorsWithoutAction(marts.complaintPareto()).collectAsList())
                .extracting(r -> r.getAs("year") + "/" + r.getAs("office_id") + "/" + r.getAs("area") + "/"
                        + r.getAs("complaints"))
                .containsExactly("2025/null/lift/3", "2025/B/lift/2");
    }

    @Test
    void tiedAreasAndExactlyEightyPercentBefore() {
        Map<String, Row> rows = pareto();
        // B: lift 2, parking 2 (tie: lift first), security 1; 0.8 × 5 = 4; before security exactly 4: not main
        // lift: a preventive action after the meeting only; parking: the head office's corrective action and B's
        // January preventive one
        assertPareto(rows.get("2025/B/lift"), 2, 5, 1, 0.4, 0.4, true, false);
        assertPareto(rows.get("2025/B/parking"), 2, 5, 2, 0.4, 0.8, true, true);
        assertThat(rows.get("2025/B/parking").<Boolean>getAs("corrective_action")).isTrue();
        assertThat(rows.get("2025/B/parking").<Boolean>getAs("preventive_action")).isTrue();
        assertThat(rows.get("2025/B/lift").<Boolean>getAs("preventive_action")).isFalse();
        assertPareto(rows.get("2025/B/security"), 1, 5, 3, 0.2, 1.0, false, false);
    }

    @Test
    void everyScopeAgreesWithTheJavaPareto() {
        Map<String, Map<String, Long>> scopes = new LinkedHashMap<>();
        Map<String, List<Row>> rowsByScope = new LinkedHashMap<>();
        for (Row row : paretoRows) {
            String scope = row.getAs("year") + "/" + row.getAs("office_id");
            scopes.computeIfAbsent(scope, s -> new LinkedHashMap<>()).put(row.getAs("area"), row.getAs("complaints"));
            rowsByScope.computeIfAbsent(scope, s -> new ArrayList<>()).add(row);
        }
        assertThat(scopes).hasSize(5);
        scopes.forEach((scope, counts) -> {
            List<Factor> expected = MainFactors.pareto(counts);
            List<Row> actual = rowsByScope.get(scope);
            assertThat(actual).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                Factor factor = expected.get(i);
                Row row = actual.get(i);
                assertThat(row.<String>getAs("area")).as(scope).isEqualTo(factor.area());
                assertThat(row.<Integer>getAs("rank")).isEqualTo(factor.rank());
                assertThat(row.<Double>getAs("share")).isEqualTo(factor.share());
                assertThat(row.<Double>getAs("cumulative_share")).isEqualTo(factor.cumulativeShare());
                assertThat(row.<Boolean>getAs("main_factor")).isEqualTo(factor.mainFactor());
            }
        });
    }

    private static void assertPareto(Row row, long complaints, long scopeComplaints, int rank, double share,
                                     double cumulative, boolean main, boolean hasAction) {
        assertThat(row).isNotNull();
        String what = paretoKey(row);
        assertThat(row.<Long>getAs("complaints")).as(what).isEqualTo(complaints);
        assertThat(row.<Long>getAs("scope_complaints")).as(what).isEqualTo(scopeComplaints);
        assertThat(row.<Integer>getAs("rank")).as(what).isEqualTo(rank);
        assertThat(row.<Double>getAs("share")).as(what).isCloseTo(share, within(1e-12));
        assertThat(row.<Double>getAs("cumulative_share")).as(what).isCloseTo(cumulative, within(1e-12));
        assertThat(row.<Boolean>getAs("main_factor")).as(what + " main factor").isEqualTo(main);
        assertThat(row.<Boolean>getAs("has_action")).as(what + " has action").isEqualTo(hasAction);
    }

    private static Row summary(String key) {
        Row row = summaryRows.stream()
                .filter(r -> summaryKey(r).equals(key)).findFirst().orElse(null);
        assertThat(row).as(key).isNotNull();
        return row;
    }

    private static Map<String, Row> pareto() {
        return paretoRows.stream()
                .collect(Collectors.toMap(FeedbackMartsTest::paretoKey, Function.identity()));
    }

    @Test
    void thePercentilesAreSparksExactPercentileOfEachGroupsClosedEntries() {
        // the Spark form of DaysToClose, over the same entries and the mart's keys
        Column received = col("received_on");
        Column closed = col("status").equalTo(lit(FeedbackMarts.CLOSED));
        Map<String, Row> bySpark = new LakeTables(spark, lake).read(ImportTemplates.FEEDBACK)
                .groupBy(col("year"), month(received).as("month"), col("office_id"), col("channel"), col("kind"),
                        col("area"), col("severity"))
                .agg(DaysToClose.percentilesColumn(when(closed, DaysToClose.daysColumn(received, col("closed_on"))),
                        DaysToClose.MEDIAN, DaysToClose.P90).as("percentiles"))
                .collectAsList().stream().collect(Collectors.toMap(FeedbackMartsTest::summaryKey, r -> r));

        assertThat(bySpark).hasSameSizeAs(summaryRows);
        for (Row row : summaryRows) {
            Row spark = bySpark.get(summaryKey(row));
            List<Double> expected = spark.isNullAt(spark.fieldIndex("percentiles")) ? Arrays.asList(null, null)
                    : spark.getList(spark.fieldIndex("percentiles"));
            assertThat(Arrays.asList(row.<Double>getAs("median_days_to_close"), row.<Double>getAs("p90_days_to_close")))
                    .as(summaryKey(row)).isEqualTo(expected);
        }
        assertThat(summaryRows).filteredOn(r -> r.getAs("median_days_to_close") != null).hasSizeGreaterThan(5);
    }

    @Test
    void theGroupsAreTheSameSummedInJavaInAnyPartitionsAndBySparksAggregate() {
        // every group's entries meet in one partition, whether there is one or more than there are offices; Spark's
        // aggregate (a cluster's route, StandaloneClusterIT) gives the same rows
        FeedbackGroups.Entries judged = new FeedbackGroups.Entries(col("year"), month(col("received_on")),
                col("office_id"), col("channel"), col("kind"), col("area"), lit("any"), col("severity"),
                col("status").equalTo(lit(FeedbackMarts.CLOSED)),
                DaysToClose.daysColumn(col("received_on"), col("closed_on")), col("office_id").equalTo(lit("B")),
                col("original_kept").equalTo(lit(true)), col("original_kept").isNotNull());
        org.apache.spark.sql.Dataset<Row> entries = new LakeTables(spark, lake).read(ImportTemplates.FEEDBACK);
        List<String> inOne = FeedbackGroups.inJava(entries, judged, 1).collectAsList().stream()
                .map(Row::toString).sorted().toList();
        List<String> inSeven = FeedbackGroups.inJava(entries, judged, 7).collectAsList().stream()
                .map(Row::toString).sorted().toList();
        org.apache.spark.sql.Dataset<Row> bySpark = FeedbackGroups.bySpark(entries, judged);
        List<String> spark = bySpark.collectAsList().stream().map(Row::toString).sorted().toList();

        assertThat(inOne).hasSize(summaryRows.size()).isEqualTo(inSeven).isEqualTo(spark);
        assertThat(java.util.Arrays.stream(bySpark.schema().fields()).map(f -> f.name() + " " + f.dataType()))
                .containsExactlyElementsOf(java.util.Arrays.stream(FeedbackGroups.GROUPS.fields())
                        .map(f -> f.name() + " " + f.dataType()).toList());
    }

    @Test
    void theSummarysPartitionsHoldAQuarterMillionEntriesEachAndUseEveryCore() {
        assertThat(FeedbackGroups.partitions(0, 2)).isEqualTo(2);
        assertThat(FeedbackGroups.partitions(22, 4)).isEqualTo(4);
        assertThat(FeedbackGroups.partitions(1_000_000, 2)).isEqualTo(4);
        assertThat(FeedbackGroups.partitions(1_000_001, 2)).isEqualTo(5);
        assertThat(FeedbackGroups.partitions(10_000_000, 2)).isEqualTo(40);
    }

    private static String summaryKey(Row r) {
        return r.getAs("year") + "/" + r.getAs("month") + "/" + r.getAs("office_id") + "/" + r.getAs("channel") + "/"
                + r.getAs("kind") + "/" + r.getAs("area") + "/" + r.getAs("severity");
    }

    private static String paretoKey(Row r) {
        return r.getAs("year") + "/" + Objects.toString(r.getAs("office_id")) + "/" + r.getAs("area");
    }

    private static LocalDate d(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    private static Object[] office(String id, String name) {
        return new Object[] {id, name, null, null, null};
    }

    /** A register entry in template column order; status closed when closed_on is given. */
    private static Object[] entry(String id, String office, LocalDate received, String channel, String kind,
                                  String area, String severity, Boolean originalKept, LocalDate closedOn) {
        return values(ImportTemplates.FEEDBACK, Map.of(
                "record_id", id, "office_id", office, "received_on", received, "channel", channel, "kind", kind,
                "area", area, "severity", severity, "status", closedOn == null ? "open" : "closed"),
                "original_kept", originalKept, "closed_on", closedOn);
    }

    private static Object[] action(String id, String office, LocalDate opened, String area, String type) {
        return values(ImportTemplates.ACTIONS, Map.of(
                "action_id", id, "opened_on", opened, "source", "feedback", "area", area, "type", type,
                "owner_department", "工程部", "due_on", opened.plusDays(60), "verification", "pending",
                "description", "措施 " + id), "office_id", office, "closed_on", null);
    }

    /** Values in the template's column order; the extra pairs may hold nulls (Map.of cannot). */
    private static Object[] values(Template template, Map<String, Object> given, Object... nullablePairs) {
        Object[] row = new Object[template.columns().size()];
        given.forEach((column, value) -> row[template.indexOf(column)] = value);
        for (int i = 0; i < nullablePairs.length; i += 2) {
            row[template.indexOf((String) nullablePairs[i])] = nullablePairs[i + 1];
        }
        return row;
    }

    private static void write(Lake writer, Template template, List<Object[]> rows) {
        String run = "feedback-marts-" + template.dataset();
        StagedFile staged = writer.stage(run, 1, template);
        int line = 2;
        for (Object[] row : rows) {
            staged.write(row, "fixture.csv", line++);
        }
        staged.close();
        writer.commit(run, template, List.of(staged));
        writer.dropStaging(run);
    }
}
