package com.propertyquality.review.marts;

import static com.propertyquality.review.support.LakeFixture.ratings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.metrics.SurveyItem;
import com.propertyquality.review.support.LakeFixture;
import com.propertyquality.review.support.TestSpark;

/**
 * item_priorities on a company worked out by hand (the scores: 很满意 5 … 很不满意 1).
 *
 * <p>2025. Office A, ten forms rating environment (x), greening (g) and on three forms maintenance (m):
 * x = 5 5 4 4 3 3 2 2 1 1, g = 5 4 5 5 3 2 3 3 1 1, m on forms 3, 7, 10 = 3, 1, 1.
 * <ul>
 * <li>environment against the others' mean y = 5 4 4 5 3 2 2 3 1 1: Σdx·dy 18, Σdx² 20, Σdy² 20, r = 0.9.</li>
 * <li>greening against y = 5 5 3.5 4 3 3 1.5 2 1 1 (means 3.2 and 2.9): Σdx·dy 17.2, Σdx² 21.6, Σdy² 20.4,
 * r = 17.2 / √440.64 ≈ 0.8194.</li>
 * <li>maintenance: 3 forms, too few. Satisfaction: environment 6/10, greening 7/10, maintenance 1/3; A 14/23.</li>
 * </ul>
 * Office B, five forms rating environment and greening 很满意 (pairs (5, 5)) and one rating environment 很满意 alone
 * (no other item: no pair). B: too few forms for every item; its rate 11/11.
 *
 * <p>The company 2025 adds B's five pairs to A's ten. Environment: Σx = Σy = 55, Σx² = Σy² = 235, Σxy = 233 over 15
 * forms: Sxx = Syy = 235 − 55²/15 = 100/3, Sxy = 233 − 55²/15 = 94/3, r = 0.94. Greening: Σx 57, Σx² 249,
 * Σy 54, Σy² 229.5, Σxy 235: Sxx = 486/15, Syy = 526.5/15, Sxy = 447/15, r = 447 / √(486 × 526.5) ≈ 0.8837.
 * Satisfaction: environment 12/16, greening 12/15, maintenance 1/3; company 25/34.
 *
 * <p>2024. Office C, ten forms: reception 5 5 4 4 3 3 2 2 1 1, complaint handling 满意 on every form. Reception's
 * others are constant and complaint handling itself is: no variance on either.
 */
class PriorityMartsTest {

    private static final String VS = "very_satisfied";
    private static final String S = "satisfied";
    private static final String FS = "fairly_satisfied";
    private static final String D = "dissatisfied";
    private static final String VD = "very_dissatisfied";

    @TempDir
    static Path lake;
    static Map<String, Row> rows;
    static List<Row> ordered;

    @BeforeAll
    static void company() {
        LakeFixture fixture = new LakeFixture(lake)
                .office("A", "甲管理处").office("B", "乙管理处").office("C", "丙管理处").office("D", "丁管理处")
                .form("A1", "A", 2025, ratings(VS, VS))
                .form("A2", "A", 2025, ratings(VS, S))
                .form("A3", "A", 2025, ratings(S, VS, FS))
                .form("A4", "A", 2025, ratings(S, VS))
                .form("A5", "A", 2025, ratings(FS, FS))
                .form("A6", "A", 2025, ratings(FS, D))
                .form("A7", "A", 2025, ratings(D, FS, VD))
                .form("A8", "A", 2025, ratings(D, FS))
                .form("A9", "A", 2025, ratings(VD, VD))
                .form("A10", "A", 2025, ratings(VD, VD, VD))
                .forms(5, "B", "B", 2025, ratings(VS, VS))
                .form("B6", "B", 2025, ratings(VS));
        String[] reception = {VS, VS, S, S, FS, FS, D, D, VD, VD};
        for (int i = 0; i < reception.length; i++) {
            fixture.form("C" + (i + 1), "C", 2024, null, null, null, null, null, null, reception[i], S, null);
        }
        fixture.write();
        MartContext context = new MartContext(TestSpark.session(), new LakeTables(TestSpark.session(), lake),
                new BigDecimal("0.60"), LocalDate.of(2025, 12, 31));
        ordered = new PriorityMarts(context).itemPriorities().collectAsList();
        rows = ordered.stream().collect(Collectors.toMap(
                r -> r.getAs("year") + "/" + r.getAs("office_id") + "/" + r.getAs("item"), r -> r));
    }

    @Test
    void everyItemOfTheCompanyAndOfEachOfficeWithFormsHasARow() {
        // 2025: company, A, B; 2024: company, C; D has no forms and no row
        assertThat(ordered).hasSize(5 * SurveyItem.perForm());
        assertThat(rows.keySet()).noneMatch(key -> key.contains("/D/"));
        assertThat(ordered.get(0).<Integer>getAs("year")).isEqualTo(2024);
        assertThat(ordered.get(0).<String>getAs("scope")).isEqualTo("company");
        assertThat(ordered.get(0).<String>getAs("office_id")).isNull();
        assertThat(ordered.get(SurveyItem.perForm()).<String>getAs("office_id")).isEqualTo("C");
        assertThat(ordered.get(SurveyItem.perForm()).<String>getAs("scope")).isEqualTo("office");
        assertThat(ordered.subList(0, SurveyItem.perForm())).extracting(r -> r.<String>getAs("item"))
                .containsExactlyElementsOf(java.util.Arrays.stream(SurveyItem.values()).map(SurveyItem::code).toList());
        assertThat(rows.get("2025/null/maintenance").<String>getAs("item_name")).isEqualTo("维修保养");
    }

    @Test
    void officeImportanceAndQuadrants() {
        double greening = 17.2 / Math.sqrt(440.64);
        double mean = (0.9 + greening) / 2;
        Row environment = rows.get("2025/A/environment");
        assertCounts(environment, 10, 6, 4, 0.6, 10);
        assertThat(environment.<Double>getAs("importance")).isCloseTo(0.9, within(1e-12));
        assertThat(environment.<Double>getAs("mean_importance")).isCloseTo(mean, within(1e-12));
        assertThat(environment.<Double>getAs("scope_satisfaction_rate")).isEqualTo(14.0 / 23);
        // more important than A's mean, less satisfied than A as a whole (0.6 < 0.6087)
        assertThat(environment.<String>getAs("quadrant")).isEqualTo("improve_first");

        Row green = rows.get("2025/A/greening");
        assertCounts(green, 10, 7, 3, 0.7, 10);
        assertThat(green.<Double>getAs("importance")).isCloseTo(greening, within(1e-12));
        assertThat(green.<String>getAs("quadrant")).isEqualTo("lower_priority");

        Row maintenance = rows.get("2025/A/maintenance");
        assertCounts(maintenance, 3, 1, 2, 1.0 / 3, 3);
        assertThat(maintenance.<Double>getAs("importance")).isNull();
        assertThat(maintenance.<String>getAs("quadrant")).isEqualTo("too_few_forms");

        Row lift = rows.get("2025/A/lift");
        assertCounts(lift, 0, 0, 0, null, 0);
        assertThat(lift.<String>getAs("quadrant")).isEqualTo("too_few_forms");
    }

    @Test
    void anOfficeWithTooFewFormsHasNoImportanceButItsFormsCountForTheCompany() {
        Row b = rows.get("2025/B/environment");
        // six ratings, but the form that rated environment alone does not count for the correlation
        assertCounts(b, 6, 6, 0, 1.0, 5);
        assertThat(b.<Double>getAs("importance")).isNull();
        assertThat(b.<Double>getAs("mean_importance")).isNull();
        assertThat(b.<String>getAs("quadrant")).isEqualTo("too_few_forms");
        assertThat(b.<Double>getAs("scope_satisfaction_rate")).isEqualTo(1.0);
    }

    @Test
    void theCompanyScopePoolsEveryOfficesForms() {
        double greening = 447 / Math.sqrt(486 * 526.5);
        Row environment = rows.get("2025/null/environment");
        assertCounts(environment, 16, 12, 4, 0.75, 15);
        assertThat(environment.<String>getAs("scope")).isEqualTo("company");
        assertThat(environment.<Double>getAs("importance")).isCloseTo(0.94, within(1e-12));
        assertThat(environment.<Double>getAs("mean_importance")).isCloseTo((0.94 + greening) / 2, within(1e-12));
        assertThat(environment.<Double>getAs("scope_satisfaction_rate")).isEqualTo(25.0 / 34);
        // A's improve_first is the company's keep_up: 0.75 ≥ 25/34 ≈ 0.735
        assertThat(environment.<String>getAs("quadrant")).isEqualTo("keep_up");
        Row green = rows.get("2025/null/greening");
        assertCounts(green, 15, 12, 3, 0.8, 15);
        assertThat(green.<Double>getAs("importance")).isCloseTo(greening, within(1e-12));
        assertThat(green.<String>getAs("quadrant")).isEqualTo("lower_priority");
        assertThat(rows.get("2025/null/maintenance").<String>getAs("quadrant")).isEqualTo("too_few_forms");
    }

    @Test
    void aConstantSideHasNoVariance() {
        for (String scope : List.of("2024/null/", "2024/C/")) {
            Row reception = rows.get(scope + "reception");
            assertCounts(reception, 10, 6, 4, 0.6, 10);
            assertThat(reception.<Double>getAs("importance")).isNull();
            assertThat(reception.<String>getAs("quadrant")).as(scope + "reception: the others are constant")
                    .isEqualTo("no_variance");
            Row handling = rows.get(scope + "complaint_handling");
            assertCounts(handling, 10, 10, 0, 1.0, 10);
            assertThat(handling.<String>getAs("quadrant")).as(scope + "complaint handling is constant")
                    .isEqualTo("no_variance");
            assertThat(handling.<Double>getAs("mean_importance")).isNull();
        }
    }

    @Test
    void theMartIsRegisteredWithTheSatisfactionMartsItReads() {
        Mart mart = Marts.named(PriorityMarts.ITEM_PRIORITIES);
        assertThat(mart.inputs()).containsExactlyInAnyOrder(SurveyMarts.SATISFACTION_BY_ITEM,
                SurveyMarts.SATISFACTION_BY_OFFICE, SurveyMarts.SATISFACTION_COMPANY);
    }

    private static void assertCounts(Row row, long rated, long qualified, long unsatisfied, Double rate,
                                     long formsCorrelated) {
        assertThat(row.<Long>getAs("rated")).isEqualTo(rated);
        assertThat(row.<Long>getAs("qualified")).isEqualTo(qualified);
        assertThat(row.<Long>getAs("unsatisfied")).isEqualTo(unsatisfied);
        assertThat(row.<Double>getAs("satisfaction_rate")).isEqualTo(rate);
        assertThat(row.<Long>getAs("forms_correlated")).isEqualTo(formsCorrelated);
    }
}
