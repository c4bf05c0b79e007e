package com.propertyquality.review.marts;

import static com.propertyquality.review.support.LakeFixture.all;
import static com.propertyquality.review.support.LakeFixture.ratings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.metrics.SurveyItem;
import com.propertyquality.review.metrics.ChangeSignificance;
import com.propertyquality.review.support.LakeFixture;
import com.propertyquality.review.support.TestSpark;

/**
 * The survey marts on a company small enough to work out by hand (the figures in the comments are the
 * hand computation). Office A sits exactly on the 60% threshold, B returned more forms than it handed out, C has
 * no distribution record and rated nothing, D has no data at all; 2024 holds one form of A.
 */
class SurveyMartsTest {

    private static final String S = "satisfied";
    private static final String VS = "very_satisfied";
    private static final String FS = "fairly_satisfied";
    private static final String D = "dissatisfied";
    private static final String VD = "very_dissatisfied";

    @TempDir
    static Path lake;
    static SurveyMarts marts;

    @BeforeAll
    static void company() {
        new LakeFixture(lake)
                .office("A", "甲管理处").office("B", "乙管理处").office("C", "丙管理处").office("D", "丁管理处")
                .distributed("A", 2025, 5).distributed("B", 2025, 2).distributed("D", 2025, 10)
                .distributed("A", 2024, 4)
                // A: q 1+3+7 = 11, u 1+0+2 = 3, unrated 7+6+0 = 13
                .form("A1", "A", 2025, ratings(S, D))
                .form("A2", "A", 2025, ratings(VS, FS, S))
                .form("A3", "A", 2025, VD, D, S, S, S, S, S, S, S)
                // B: q 0, u 9, unrated 18
                .form("B1", "B", 2025, ratings())
                .form("B2", "B", 2025, ratings())
                .form("B3", "B", 2025, all(D))
                // C: nothing rated
                .form("C1", "C", 2025, ratings())
                .form("A0", "A", 2024, all(S))
                .write();
        SparkSession spark = TestSpark.session();
        marts = new SurveyMarts(spark, new LakeTables(spark, lake));
    }

    @Test
    void surveyReturnsHasEveryOfficeForEverySurveyYearWithExactRatesAndAnomalies() {
        Map<String, Row> rows = byKey(marts.surveyReturns(new BigDecimal("0.60")).collectAsList(),
                r -> r.getAs("year") + "/" + r.getAs("office_id"));

        assertThat(rows).hasSize(8);
        assertReturns(rows.get("2025/A"), "甲管理处", 5L, 3L, 0.6, true, null);
        assertReturns(rows.get("2025/B"), "乙管理处", 2L, 3L, 1.5, false, "returned_exceeds_distributed");
        assertReturns(rows.get("2025/C"), "丙管理处", null, 1L, null, false, "no_distribution_record");
        assertReturns(rows.get("2025/D"), "丁管理处", 10L, 0L, 0.0, false, null);
        assertReturns(rows.get("2024/A"), "甲管理处", 4L, 1L, 0.25, false, null);
        assertReturns(rows.get("2024/B"), "乙管理处", null, 0L, null, false, "no_distribution_record");
        assertThat(rows.get("2025/A").<Double>getAs("threshold")).isEqualTo(0.6);
    }

    @Test
    void returnRatesAreComparedWithLastYearTheCompanyAndEachOther() {
        Map<String, Row> rows = byKey(marts.surveyReturns(new BigDecimal("0.60")).collectAsList(),
                r -> r.getAs("year") + "/" + r.getAs("office_id"));

        // company 2025: (3 + 0) / (5 + 10); B (150%, a data error) and C (no distribution record) stay out of it
        assertThat(rows.get("2025/A").<Double>getAs("company_return_rate")).isCloseTo(3.0 / 15, within(1e-12));
        assertThat(rows.get("2025/A").<Long>getAs("company_offices_left_out")).isEqualTo(2L);
        assertThat(rows.get("2025/A").<Double>getAs("gap_points")).isCloseTo((0.6 - 3.0 / 15) * 100, within(1e-9));
        // 2024: A alone (1/4); B neither handed out nor returned forms: nothing to leave out
        assertThat(rows.get("2024/A").<Double>getAs("company_return_rate")).isEqualTo(0.25);
        assertThat(rows.get("2024/A").<Long>getAs("company_offices_left_out")).isZero();
        assertThat(rows.get("2025/A").<Double>getAs("previous_return_rate")).isEqualTo(0.25);
        assertThat(rows.get("2025/A").<Double>getAs("change_points")).isCloseTo(35.0, within(1e-9));
        assertThat(rows.get("2025/D").<Double>getAs("change_points")).as("no rate last year").isNull();
        // ranks within 2025: B 150% (a data error, ranked as it stands), A 60%, D 0%; C has no rate
        assertThat(rows.get("2025/B").<Integer>getAs("rank")).isEqualTo(1);
        assertThat(rows.get("2025/A").<Integer>getAs("rank")).isEqualTo(2);
        assertThat(rows.get("2025/D").<Integer>getAs("rank")).isEqualTo(3);
        assertThat(rows.get("2025/C").<Integer>getAs("rank")).isNull();
        assertThat(rows.get("2024/A").<Integer>getAs("rank")).isEqualTo(1);
    }

    @Test
    void officeSatisfactionIsComparedWithLastYearTheCompanyAndEachOther() {
        Map<String, Row> rows = byKey(marts.satisfactionByOffice().collectAsList(),
                r -> r.getAs("year") + "/" + r.getAs("office_id"));

        Row a = rows.get("2025/A");
        assertThat(a.<Double>getAs("previous_satisfaction_rate")).isEqualTo(1.0);
        assertThat(a.<Double>getAs("change_points")).isCloseTo((11.0 / 14 - 1) * 100, within(1e-9));
        assertThat(a.<Double>getAs("company_satisfaction_rate")).isCloseTo(11.0 / 23, within(1e-12));
        // 11/14 - 11/23 = 99/322
        assertThat(a.<Double>getAs("gap_points")).isCloseTo(9900.0 / 322, within(1e-9));
        assertThat(a.<Integer>getAs("rank")).isEqualTo(1);
        assertThat(rows.get("2025/B").<Integer>getAs("rank")).isEqualTo(2);
        assertThat(rows.get("2025/C").<Integer>getAs("rank")).as("nothing rated: no rank").isNull();
        assertThat(rows.get("2025/C").<Double>getAs("gap_points")).isNull();
    }

    @Test
    void satisfactionByLevelSplitsManagementAndServiceItems() {
        Map<String, Row> rows = byKey(marts.satisfactionByLevel().collectAsList(),
                r -> r.getAs("year") + "/" + r.getAs("office_id") + "/" + r.getAs("level"));

        // management items are the first six of the form, service the last three
        assertSatisfactionCounts(rows.get("2025/A/management"), 8, 3, 7, 8.0 / 11);
        assertSatisfactionCounts(rows.get("2025/A/service"), 3, 0, 6, 1.0);
        assertSatisfactionCounts(rows.get("2025/null/management"), 8, 9, 25, 8.0 / 17);
        assertSatisfactionCounts(rows.get("2025/null/service"), 3, 3, 15, 0.5);
        assertSatisfactionCounts(rows.get("2025/C/service"), 0, 0, 3, null);
        assertThat(rows).hasSize((3 + 1) * 2 + (1 + 1) * 2);
    }

    private static void assertSatisfactionCounts(Row row, long qualified, long unsatisfied, long unrated,
                                                 Double rate) {
        assertThat(row.<Long>getAs("qualified")).isEqualTo(qualified);
        assertThat(row.<Long>getAs("unsatisfied")).isEqualTo(unsatisfied);
        assertThat(row.<Long>getAs("unrated")).isEqualTo(unrated);
        assertThat(row.<Double>getAs("satisfaction_rate")).isEqualTo(rate);
    }

    @Test
    void theThresholdIsComparedExactly() {
        Map<String, Row> strict = byKey(marts.surveyReturns(new BigDecimal("0.6000001")).collectAsList(),
                r -> r.getAs("year") + "/" + r.getAs("office_id"));
        assertThat(strict.get("2025/A").<Boolean>getAs("meets_threshold")).isFalse();
        Map<String, Row> lenient = byKey(marts.surveyReturns(new BigDecimal("0.25")).collectAsList(),
                r -> r.getAs("year") + "/" + r.getAs("office_id"));
        assertThat(lenient.get("2024/A").<Boolean>getAs("meets_threshold")).isTrue();
        assertThat(lenient.get("2025/B").<Boolean>getAs("meets_threshold")).as("an anomaly never meets").isFalse();
    }

    @Test
    void satisfactionByOfficeCountsItemsNotForms() {
        Map<String, Row> rows = byKey(marts.satisfactionByOffice().collectAsList(),
                r -> r.getAs("year") + "/" + r.getAs("office_id"));

        assertThat(rows.keySet()).containsExactlyInAnyOrder("2025/A", "2025/B", "2025/C", "2024/A");
        assertSatisfaction(rows.get("2025/A"), 3, 11, 3, 13, 11.0 / 14);
        assertSatisfaction(rows.get("2025/B"), 3, 0, 9, 18, 0.0);
        assertSatisfaction(rows.get("2025/C"), 1, 0, 0, 9, null);
        assertSatisfaction(rows.get("2024/A"), 1, 9, 0, 0, 1.0);
        assertThat(rows.get("2025/A").<String>getAs("office_name")).isEqualTo("甲管理处");
        for (Row row : rows.values()) {
            long slots = row.<Long>getAs("qualified") + row.<Long>getAs("unsatisfied") + row.<Long>getAs("unrated");
            assertThat(slots).isEqualTo(row.<Long>getAs("forms") * SurveyItem.perForm());
        }
    }

    @Test
    void companySatisfactionIsPooledOverItemsNotAnAverageOfOffices() {
        Map<Integer, Row> rows = marts.satisfactionCompany().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<Integer>getAs("year"), r -> r));

        // 11 / (11 + 12); the mean of the office rates (11/14 and 0) would be 0.39
        assertSatisfaction(rows.get(2025), 7, 11, 12, 40, 11.0 / 23);
        assertSatisfaction(rows.get(2024), 1, 9, 0, 0, 1.0);
    }

    @Test
    void satisfactionByItemHasEveryOfficeAndTheCompanyRows() {
        List<Row> rows = marts.satisfactionByItem().collectAsList();
        Map<String, Row> byKey = byKey(rows, r -> r.getAs("year") + "/" + r.getAs("office_id") + "/" + r.getAs("item"));

        assertThat(rows).hasSize((3 + 1) * 9 + (1 + 1) * 9);
        // company, 2025: environment A(S, VS, VD) B(-, -, D) C(-)
        assertItem(byKey.get("2025/null/environment"), 7, 2, 2, 3, 0.5);
        // greening A(D, FS, D) B(-, -, D) C(-)
        assertItem(byKey.get("2025/null/greening"), 7, 1, 3, 3, 0.25);
        // maintenance A(-, S, S) B(-, -, D) C(-)
        assertItem(byKey.get("2025/null/maintenance"), 7, 2, 1, 4, 2.0 / 3);
        assertItem(byKey.get("2025/A/environment"), 3, 2, 1, 0, 2.0 / 3);
        assertItem(byKey.get("2025/A/maintenance"), 3, 2, 0, 1, 1.0);
        assertItem(byKey.get("2025/B/lift"), 3, 0, 1, 2, 0.0);
        assertItem(byKey.get("2025/C/environment"), 1, 0, 0, 1, null);
        Row environment = byKey.get("2025/null/environment");
        assertThat(environment.<String>getAs("item_name")).isEqualTo("环境卫生");
        assertThat(environment.<String>getAs("level")).isEqualTo("management");
        assertThat(byKey.get("2025/null/follow_up").<String>getAs("level")).isEqualTo("service");
        // company rows first within a year, items in form order
        List<String> companyItems = rows.stream().filter(r -> r.getAs("year").equals(2025))
                .limit(9).map(r -> r.<String>getAs("item")).toList();
        assertThat(companyItems).isEqualTo(Arrays.stream(SurveyItem.values()).map(SurveyItem::code).toList());
    }

    @Test
    void pooledRatesCarryA95PercentIntervalOnTheFormsThatRated() {
        Map<String, Row> rows = byKey(marts.satisfactionByOffice().collectAsList(),
                r -> r.getAs("year") + "/" + r.getAs("office_id"));

        // A 2025: p = 11/14 over the items of 3 forms, n = 3 forms (items of one form are not independent):
        // 1 + z²/3 = 2.2804862736; centre = (0.7857142857 + z²/6)/2.2804862736 = 1.4259574225/2.2804862736
        // = 0.6252865624; half = z/2.2804862736 · √(0.7857·0.2143/3 + z²/36) = 0.8594500249 · 0.4035215464
        // = 0.3468066031 → [0.2784799592, 0.9720931655]
        Row a = rows.get("2025/A");
        assertThat(a.<Long>getAs("rated_forms")).isEqualTo(3L);
        assertThat(a.<Double>getAs("satisfaction_rate_ci_low")).isCloseTo(0.2784799592, within(1e-9));
        assertThat(a.<Double>getAs("satisfaction_rate_ci_high")).isCloseTo(0.9720931655, within(1e-9));
        // B 2025: 0 of the items of 1 rating form (two blank forms count nowhere): [0, z²/(1 + z²)] = [0, 0.7934506856]
        Row b = rows.get("2025/B");
        assertThat(b.<Long>getAs("rated_forms")).isEqualTo(1L);
        assertThat(b.<Double>getAs("satisfaction_rate_ci_low")).isEqualTo(0.0);
        assertThat(b.<Double>getAs("satisfaction_rate_ci_high")).isCloseTo(0.7934506856, within(1e-9));
        // C rated nothing: no rate, no forms to count, no interval; D has no forms and no row at all
        Row c = rows.get("2025/C");
        assertThat(c.<Long>getAs("rated_forms")).isZero();
        assertThat(c.<Double>getAs("satisfaction_rate_ci_low")).isNull();
        assertThat(c.<Double>getAs("satisfaction_rate_ci_high")).isNull();
        assertThat(rows).doesNotContainKey("2025/D");

        Map<Integer, Row> company = marts.satisfactionCompany().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<Integer>getAs("year"), r -> r));
        // company 2025: p = 11/23 on 3 + 1 = 4 rating forms: 1 + z²/4 = 1.9603647052;
        // centre = (0.4782608696 + z²/8)/1.9603647052 = 0.4889106704; half = 0.9997955887 · √0.1224046466
        // = 0.3497922383 → [0.1391184321, 0.8387029086]
        assertThat(company.get(2025).<Long>getAs("rated_forms")).isEqualTo(4L);
        assertThat(company.get(2025).<Double>getAs("satisfaction_rate_ci_low")).isCloseTo(0.1391184321, within(1e-9));
        assertThat(company.get(2025).<Double>getAs("satisfaction_rate_ci_high")).isCloseTo(0.8387029086, within(1e-9));
        // company 2024: 1 of 1 form all satisfied: [1/(1 + z²), 1] = [0.2065493144, 1]
        assertThat(company.get(2024).<Double>getAs("satisfaction_rate_ci_low")).isCloseTo(0.2065493144, within(1e-9));
        assertThat(company.get(2024).<Double>getAs("satisfaction_rate_ci_high")).isEqualTo(1.0);
    }

    @Test
    void anItemsIntervalCountsItsRatedAnswersAndALevelsItsRatingForms() {
        Map<String, Row> items = byKey(marts.satisfactionByItem().collectAsList(),
                r -> r.getAs("year") + "/" + r.getAs("office_id") + "/" + r.getAs("item"));
        // A's environment: S, VS, VD: 2 of 3 answers: 1 + z²/3 = 2.2804862736; centre = (2/3 + z²/6)/2.2804862736
        // = 0.5730838280; half = 0.8594500249 · √(2/27 + z²/36) = 0.8594500249 · 0.4251837997 = 0.3654242272
        // → [0.2076596008, 0.9385080553]
        assertThat(items.get("2025/A/environment").<Double>getAs("satisfaction_rate_ci_low"))
                .isCloseTo(0.2076596008, within(1e-9));
        assertThat(items.get("2025/A/environment").<Double>getAs("satisfaction_rate_ci_high"))
                .isCloseTo(0.9385080553, within(1e-9));
        // company environment: 2 of 4 answers (A's three, B3's one): the same as 1 of 2 on twice the n,
        // centre 0.5, half = z/(1 + z²/4) · √(1/16 + z²/64) = 0.9997955887 · 0.3500389891 → [0.1500389892, 0.8499610108]
        assertThat(items.get("2025/null/environment").<Double>getAs("satisfaction_rate_ci_low"))
                .isCloseTo(0.1500389892, within(1e-9));
        assertThat(items.get("2025/C/environment").<Double>getAs("satisfaction_rate_ci_low")).isNull();

        Map<String, Row> levels = byKey(marts.satisfactionByLevel().collectAsList(),
                r -> r.getAs("year") + "/" + r.getAs("office_id") + "/" + r.getAs("level"));
        // A's service items were rated on A3 only; company service: A3 and B3, 3 of 6 answers on 2 forms
        assertThat(levels.get("2025/A/management").<Long>getAs("rated_forms")).isEqualTo(3L);
        assertThat(levels.get("2025/A/service").<Long>getAs("rated_forms")).isEqualTo(1L);
        assertThat(levels.get("2025/null/service").<Long>getAs("rated_forms")).isEqualTo(2L);
        assertThat(levels.get("2025/C/service").<Long>getAs("rated_forms")).isZero();
        // 1 of 2 in the metrics test: [0.0945312057, 0.9054687943]
        assertThat(levels.get("2025/null/service").<Double>getAs("satisfaction_rate_ci_low"))
                .isCloseTo(0.0945312057, within(1e-9));
        assertThat(levels.get("2025/null/service").<Double>getAs("satisfaction_rate_ci_high"))
                .isCloseTo(0.9054687943, within(1e-9));
        assertThat(levels.get("2025/C/service").<Double>getAs("satisfaction_rate_ci_high")).isNull();
    }

    @Test
    void aBigDropOnFewFormsIsNotSignificantAndAYearWithoutAPreviousOneIsNotTested() {
        Map<String, Row> rows = byKey(marts.satisfactionByOffice().collectAsList(),
                r -> r.getAs("year") + "/" + r.getAs("office_id"));
        // A: 11/14 on 3 forms against 1 on 1 form, 21 points down: pooled = (33/14 + 1)/4 = 47/56;
        // se = √(47/56 · 9/56 · (1/3 + 1)) = 0.4240827; z = (11/14 − 1)/0.4240827 = −0.5052912, |z| < 1.96
        Row a = rows.get("2025/A");
        assertThat(a.<Long>getAs("previous_rated_forms")).isEqualTo(1L);
        assertThat(a.<Boolean>getAs("change_significant")).isFalse();
        // 2024 has no 2023; B and C had no 2024 row
        assertThat(rows.get("2024/A").<Boolean>getAs("change_significant")).isNull();
        assertThat(rows.get("2024/A").<Long>getAs("previous_rated_forms")).isNull();
        assertThat(rows.get("2025/B").<Boolean>getAs("change_significant")).isNull();
        assertThat(rows.get("2025/C").<Boolean>getAs("change_significant")).isNull();
        // the return rate is a census: no interval, no test
        List<String> returnColumns = Arrays.asList(marts.surveyReturns(new BigDecimal("0.60")).columns());
        assertThat(returnColumns).doesNotContain("change_significant", "return_rate_ci_low", "return_rate_ci_high");
    }

    @Test
    void aLargeDropOnManyFormsIsSignificant(@TempDir Path otherLake) {
        // E: 20 forms all satisfied in 2024, 12 of 20 all satisfied and 8 all dissatisfied in 2025 (60% of items):
        // pooled = (0.6 · 20 + 1 · 20)/40 = 0.8; se = √(0.8 · 0.2 · (1/20 + 1/20)) = √0.016 = 0.1264911;
        // z = −0.4/0.1264911 = −3.1622777, |z| > 1.96. F: 2024 all satisfied on 2 forms, 2025 one of two forms
        // all dissatisfied (50%): pooled 0.75, se = √(0.1875 · 1) = 0.4330127, z = −1.1547005: not significant
        new LakeFixture(otherLake)
                .office("E", "戊管理处").office("F", "己管理处")
                .forms(20, "E24-", "E", 2024, all(S))
                .forms(12, "E25S-", "E", 2025, all(S))
                .forms(8, "E25D-", "E", 2025, all(D))
                .forms(2, "F24-", "F", 2024, all(VS))
                .form("F25S", "F", 2025, all(S))
                .form("F25D", "F", 2025, all(VD))
                .write();
        SparkSession spark = TestSpark.session();
        Map<String, Row> rows = byKey(new SurveyMarts(spark, new LakeTables(spark, otherLake))
                .satisfactionByOffice().collectAsList(), r -> r.getAs("year") + "/" + r.getAs("office_id"));

        Row e = rows.get("2025/E");
        assertThat(e.<Double>getAs("satisfaction_rate")).isCloseTo(0.6, within(1e-12));
        assertThat(e.<Long>getAs("rated_forms")).isEqualTo(20L);
        assertThat(e.<Long>getAs("previous_rated_forms")).isEqualTo(20L);
        assertThat(e.<Double>getAs("change_points")).isCloseTo(-40.0, within(1e-9));
        assertThat(e.<Boolean>getAs("change_significant")).isTrue();
        Row f = rows.get("2025/F");
        assertThat(f.<Double>getAs("change_points")).isCloseTo(-50.0, within(1e-9));
        assertThat(f.<Boolean>getAs("change_significant")).isFalse();

        // the company: 2024 all 22 forms satisfied (rate 1); 2025 qualified 12·9 + 9 = 117, unsatisfied 8·9 + 9 = 81,
        // rate 117/198 on 22 forms, −40.909 points; pooled = (13 + 22)/44 = 35/44; se = √(35/44 · 9/44 · 2/22)
        // = 0.1216203; z = (117/198 − 1)/0.1216203 = −3.3637: significant. 2024 has no year before: not tested
        Map<String, Row> company = byKey(new SurveyMarts(spark, new LakeTables(spark, otherLake))
                .satisfactionCompany().collectAsList(), r -> String.valueOf(r.<Integer>getAs("year")));
        Row now = company.get("2025");
        assertThat(now.<Double>getAs("satisfaction_rate")).isCloseTo(117.0 / 198, within(1e-12));
        assertThat(now.<Double>getAs("previous_satisfaction_rate")).isEqualTo(1.0);
        assertThat(now.<Long>getAs("previous_rated_forms")).isEqualTo(22L);
        assertThat(now.<Double>getAs("change_points")).isCloseTo(-40.909090909, within(1e-6));
        assertThat(now.<Boolean>getAs("change_significant")).isTrue();
        assertThat(ChangeSignificance.statistic(117.0 / 198, 22, 1.0, 22)).isCloseTo(-3.3637, within(1e-4));
        assertThat(company.get("2024").<Boolean>getAs("change_significant")).isNull();
        assertThat(company.get("2024").<Double>getAs("change_points")).isNull();
    }

    private static void assertReturns(Row row, String name, Long distributed, Long returned, Double rate,
                                      boolean meets, String anomaly) {
        assertThat(row.<String>getAs("office_name")).isEqualTo(name);
        assertThat(row.<Long>getAs("forms_distributed")).isEqualTo(distributed);
        assertThat(row.<Long>getAs("forms_returned")).isEqualTo(returned);
        assertThat(row.<Double>getAs("return_rate")).isEqualTo(rate);
        assertThat(row.<Boolean>getAs("meets_threshold")).isEqualTo(meets);
        assertThat(row.<String>getAs("anomaly")).isEqualTo(anomaly);
    }

    private static void assertSatisfaction(Row row, long forms, long qualified, long unsatisfied, long unrated,
                                           Double rate) {
        assertThat(row.<Long>getAs("forms")).isEqualTo(forms);
        assertThat(row.<Long>getAs("qualified")).isEqualTo(qualified);
        assertThat(row.<Long>getAs("unsatisfied")).isEqualTo(unsatisfied);
        assertThat(row.<Long>getAs("unrated")).isEqualTo(unrated);
        assertThat(row.<Double>getAs("satisfaction_rate")).isEqualTo(rate);
    }

    private static void assertItem(Row row, long forms, long qualified, long unsatisfied, long unrated, Double rate) {
        assertSatisfaction(row, forms, qualified, unsatisfied, unrated, rate);
    }

    private static Map<String, Row> byKey(List<Row> rows, java.util.function.Function<Row, String> key) {
        return rows.stream().collect(Collectors.toMap(key, r -> r));
    }
}
