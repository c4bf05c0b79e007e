package com.propertyquality.review.metrics;

import static com.propertyquality.review.metrics.Rating.DISSATISFIED;
import static com.propertyquality.review.metrics.Rating.FAIRLY_SATISFIED;
import static com.propertyquality.review.metrics.Rating.SATISFIED;
import static com.propertyquality.review.metrics.Rating.VERY_DISSATISFIED;
import static com.propertyquality.review.metrics.Rating.VERY_SATISFIED;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.support.TestSpark;

/**
 * Derived importance against correlations worked out by hand. The main case rates environment, greening and
 * maintenance on twelve forms (the other six items blank):
 *
 * <pre>
 * form  environment  greening  maintenance   x = environment  y = mean of the others
 *  1    很满意 5      很满意 5   -              5                5
 *  2    很满意 5      满意 4     -              5                4
 *  3    满意 4        很满意 5   较满意 3       4                (5 + 3) / 2 = 4
 *  4    满意 4        很满意 5   -              4                5
 *  5    较满意 3      较满意 3   -              3                3
 *  6    较满意 3      不满意 2   -              3                2
 *  7    不满意 2      较满意 3   很不满意 1     2                (3 + 1) / 2 = 2
 *  8    不满意 2      较满意 3   -              2                3
 *  9    很不满意 1    很不满意 1 -              1                1
 * 10    很不满意 1    很不满意 1 很不满意 1     1                1
 * 11    -             满意 4     满意 4         blank: not a pair for environment, and not in anyone's mean for it
 * 12    很满意 5      -          -              nothing else rated: not a pair
 * </pre>
 *
 * mean x = 30 / 10 = 3, mean y = 30 / 10 = 3; dx = 2 2 1 1 0 0 −1 −1 −2 −2, dy = 2 1 1 2 0 −1 −1 0 −2 −2;
 * Σ dx·dy = 4+2+1+2+0+0+1+0+4+4 = 18, Σ dx² = 20, Σ dy² = 4+1+1+4+0+1+1+0+4+4 = 20; r = 18 / √(20 × 20) = 0.9.
 */
class ItemImportanceTest {

    private static final List<Rating[]> FORMS = List.of(
            form(VERY_SATISFIED, VERY_SATISFIED, null),
            form(VERY_SATISFIED, SATISFIED, null),
            form(SATISFIED, VERY_SATISFIED, FAIRLY_SATISFIED),
            form(SATISFIED, VERY_SATISFIED, null),
            form(FAIRLY_SATISFIED, FAIRLY_SATISFIED, null),
            form(FAIRLY_SATISFIED, DISSATISFIED, null),
            form(DISSATISFIED, FAIRLY_SATISFIED, VERY_DISSATISFIED),
            form(DISSATISFIED, FAIRLY_SATISFIED, null),
            form(VERY_DISSATISFIED, VERY_DISSATISFIED, null),
            form(VERY_DISSATISFIED, VERY_DISSATISFIED, VERY_DISSATISFIED),
            form(null, SATISFIED, SATISFIED),
            form(VERY_SATISFIED, null, null));

    @Test
    void theScaleIsScoredFiveToOneInTheOrderOfTheForm() {
        assertThat(Arrays.stream(Rating.values()).map(ItemImportance::score)).containsExactly(5, 4, 3, 2, 1);
    }

    @Test
    void environmentCorrelatesPointNineWithTheOtherRatings() {
        assertThat(ItemImportance.forms(FORMS, SurveyItem.ENVIRONMENT)).isEqualTo(10);
        assertThat(ItemImportance.of(FORMS, SurveyItem.ENVIRONMENT)).isCloseTo(0.9, within(1e-12));
        assertThat(ItemImportance.missing(FORMS, SurveyItem.ENVIRONMENT)).isNull();
    }

    @Test
    void theOthersMeanLeavesOutBlanksAndTheItemItself() {
        assertThat(ItemImportance.othersMean(FORMS.get(2), SurveyItem.ENVIRONMENT)).isEqualTo(4.0);
        assertThat(ItemImportance.othersMean(FORMS.get(6), SurveyItem.ENVIRONMENT)).isEqualTo(2.0);
        // form 3 for maintenance: (environment 4 + greening 5) / 2
        assertThat(ItemImportance.othersMean(FORMS.get(2), SurveyItem.MAINTENANCE)).isEqualTo(4.5);
        assertThat(ItemImportance.othersMean(FORMS.get(10), SurveyItem.ENVIRONMENT)).as("item blank").isNull();
        assertThat(ItemImportance.othersMean(FORMS.get(11), SurveyItem.ENVIRONMENT)).as("nothing else").isNull();
    }

    @Test
    void theOthersMeanIsScaledToAWholeNumberForEveryCountOfOtherItems() {
        // nine items: a form has 1 to 8 other rated items, and lcm(1..8) = 840
        assertThat(ItemImportance.OTHERS_SCALE).isEqualTo(840);
        // form 3 for maintenance: (4 + 5) / 2 = 4.5, times 840
        assertThat(ItemImportance.othersScaled(FORMS.get(2), SurveyItem.MAINTENANCE)).isEqualTo(3780L);
        assertThat(ItemImportance.othersScaled(FORMS.get(10), SurveyItem.ENVIRONMENT)).isNull();
    }

    /**
     * Five hundred forms of varied ratings and blanks, computed in one task and in seven tasks with the rows in
     * reverse: the same double, to the last bit, and the same as the Java form. Covariances of doubles (Spark's
     * covar_pop, corr) differ in their last digits between such splits.
     */
    @Test
    void sparkGivesTheSameImportanceHoweverTheRowsAreSplit() {
        java.util.Random random = new java.util.Random(17);
        List<Rating[]> forms = new ArrayList<>();
        for (int f = 0; f < 500; f++) {
            Rating[] form = new Rating[SurveyItem.perForm()];
            for (int i = 0; i < form.length; i++) {
                // skewed towards satisfied, a blank one time in eight
                int pick = random.nextInt(8);
                form[i] = pick == 0 ? null : Rating.values()[Math.min(pick - 1, 4) * random.nextInt(2)];
            }
            forms.add(form);
        }
        StructType schema = new StructType().add("order", DataTypes.IntegerType);
        for (SurveyItem item : SurveyItem.values()) {
            schema = schema.add(item.code(), DataTypes.StringType);
        }
        List<Row> rows = new ArrayList<>();
        for (int f = 0; f < forms.size(); f++) {
            Object[] values = new Object[SurveyItem.perForm() + 1];
            values[0] = f;
            for (int i = 0; i < SurveyItem.perForm(); i++) {
                values[i + 1] = forms.get(f)[i] == null ? null : forms.get(f)[i].code();
            }
            rows.add(RowFactory.create(values));
        }
        List<Column> ratings = Arrays.stream(SurveyItem.values()).map(i -> col(i.code())).toList();
        Dataset<Row> table = TestSpark.session().createDataFrame(rows, schema)
                .withColumn("total", ItemImportance.formScoreTotalColumn(ratings))
                .withColumn("rated", ItemImportance.formRatedColumn(ratings));
        int compared = 0;
        for (SurveyItem item : SurveyItem.values()) {
            Column x = ItemImportance.scoreColumn(col(item.code()));
            Column y = ItemImportance.othersScaledColumn(col("total"), col("rated"), x);
            Column importance = ItemImportance.column(col("x"), col("y"));
            Dataset<Row> pairs = table.select(col("order"), x.as("x"), y.as("y"));
            Row oneTask = pairs.coalesce(1).sort("order").agg(importance).first();
            Row sevenTasks = pairs.sort(col("order").desc()).repartition(7).agg(importance).first();
            Double java = ItemImportance.of(forms, item);
            assertThat(java).as(item.code()).isNotNull();
            assertThat(oneTask.getDouble(0)).as(item.code()).isEqualTo(java);
            assertThat(sevenTasks.getDouble(0)).as(item.code()).isEqualTo(java);
            compared++;
        }
        assertThat(compared).isEqualTo(SurveyItem.perForm());
    }

    @Test
    void reversedRatingsGiveMinusPointNine() {
        // x → 6 − x mirrors every dx: Σ dx·dy = −18, the squares stay 20 and 20
        List<Rating[]> mirrored = FORMS.stream().map(f -> {
            Rating[] copy = f.clone();
            if (copy[0] != null) {
                copy[0] = Rating.values()[Rating.values().length - 1 - copy[0].ordinal()];
            }
            return copy;
        }).toList();
        assertThat(ItemImportance.of(mirrored, SurveyItem.ENVIRONMENT)).isCloseTo(-0.9, within(1e-12));
    }

    @Test
    void fewerThanTenFormsGiveNoImportance() {
        // maintenance is rated on forms 3, 7, 10 and 11, each with another item: 4 forms
        assertThat(ItemImportance.forms(FORMS, SurveyItem.MAINTENANCE)).isEqualTo(4);
        assertThat(ItemImportance.of(FORMS, SurveyItem.MAINTENANCE)).isNull();
        assertThat(ItemImportance.missing(FORMS, SurveyItem.MAINTENANCE)).isEqualTo(ItemPriority.TOO_FEW_FORMS);
        // nine of the ten pairs of environment: one short
        List<Rating[]> nine = new ArrayList<>(FORMS.subList(1, FORMS.size()));
        assertThat(ItemImportance.forms(nine, SurveyItem.ENVIRONMENT)).isEqualTo(9);
        assertThat(ItemImportance.missing(nine, SurveyItem.ENVIRONMENT)).isEqualTo(ItemPriority.TOO_FEW_FORMS);
        assertThat(ItemImportance.MIN_FORMS).isEqualTo(10);
        // an item nobody rated
        assertThat(ItemImportance.forms(FORMS, SurveyItem.LIFT)).isZero();
        assertThat(ItemImportance.missing(FORMS, SurveyItem.LIFT)).isEqualTo(ItemPriority.TOO_FEW_FORMS);
    }

    @Test
    void aConstantSideGivesNoImportance() {
        List<Rating[]> constantItem = new ArrayList<>();
        List<Rating[]> constantOthers = new ArrayList<>();
        for (Rating[] form : FORMS.subList(0, 10)) {
            // lift always 满意 while the others vary
            constantItem.add(withLift(form, SATISFIED));
            // lift varies while its only other item (greening) is always 满意
            Rating[] other = new Rating[SurveyItem.perForm()];
            other[SurveyItem.LIFT.ordinal()] = form[0];
            other[SurveyItem.GREENING.ordinal()] = SATISFIED;
            constantOthers.add(other);
        }
        assertThat(ItemImportance.forms(constantItem, SurveyItem.LIFT)).isEqualTo(10);
        assertThat(ItemImportance.of(constantItem, SurveyItem.LIFT)).isNull();
        assertThat(ItemImportance.missing(constantItem, SurveyItem.LIFT)).isEqualTo(ItemPriority.NO_VARIANCE);
        assertThat(ItemImportance.of(constantOthers, SurveyItem.LIFT)).isNull();
        assertThat(ItemImportance.missing(constantOthers, SurveyItem.LIFT)).isEqualTo(ItemPriority.NO_VARIANCE);
    }

    @Test
    void sparkFormsAgreeWithJavaOnEveryItemAndCase() {
        List<Rating[]> constantItem = FORMS.stream().map(f -> withLift(f, SATISFIED)).toList();
        Map<String, List<Rating[]>> groups = Map.of("main", FORMS, "constant_lift", constantItem,
                "nine", FORMS.subList(1, FORMS.size()));
        List<Row> rows = new ArrayList<>();
        StructType schema = new StructType().add("group", DataTypes.StringType);
        for (SurveyItem item : SurveyItem.values()) {
            schema = schema.add(item.code(), DataTypes.StringType);
        }
        groups.forEach((group, forms) -> forms.forEach(form -> {
            Object[] values = new Object[SurveyItem.perForm() + 1];
            values[0] = group;
            for (int i = 0; i < form.length; i++) {
                values[i + 1] = form[i] == null ? null : form[i].code();
            }
            rows.add(RowFactory.create(values));
        }));
        List<Column> ratings = Arrays.stream(SurveyItem.values()).map(i -> col(i.code())).toList();
        Dataset<Row> table = TestSpark.session().createDataFrame(rows, schema)
                .withColumn("total", ItemImportance.formScoreTotalColumn(ratings))
                .withColumn("rated", ItemImportance.formRatedColumn(ratings));

        // every item's (x, y) rows in one table, so one aggregation computes them all
        Dataset<Row> pairs = null;
        for (SurveyItem item : SurveyItem.values()) {
            Column score = ItemImportance.scoreColumn(col(item.code()));
            Dataset<Row> itemPairs = table.select(col("group"), lit(item.code())
                    .as("item"), score.as("x"), ItemImportance.othersScaledColumn(col("total"), col("rated"), score)
                    .as("y"));
            pairs = pairs == null ? itemPairs : pairs.union(itemPairs);
        }
        Map<String, Row> result = pairs.groupBy("group", "item")
                .agg(ItemImportance.formsColumn(col("x"), col("y")).as("forms"),
                        ItemImportance.column(col("x"), col("y")).as("importance"),
                        ItemImportance.missingColumn(col("x"), col("y")).as("missing"))
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0) + "/" + r.getString(1),
                        r -> r));

        int compared = 0;
        for (SurveyItem item : SurveyItem.values()) {
            for (Map.Entry<String, List<Rating[]>> group : groups.entrySet()) {
                String what = group.getKey() + "/" + item.code();
                Row row = result.get(what);
                assertThat(row.getLong(2)).as(what).isEqualTo(ItemImportance.forms(group.getValue(), item));
                Double expected = ItemImportance.of(group.getValue(), item);
                if (expected == null) {
                    assertThat(row.isNullAt(3)).as(what).isTrue();
                } else {
                    assertThat(row.getDouble(3)).as(what).isCloseTo(expected, within(1e-12));
                    compared++;
                }
                ItemPriority missing = ItemImportance.missing(group.getValue(), item);
                assertThat(row.getString(4)).as(what).isEqualTo(missing == null ? null : missing.code());
            }
        }
        // environment and greening of the main group have an importance; the literal value too
        assertThat(compared).isGreaterThanOrEqualTo(2);
        Dataset<Row> main = table.filter(col("group").equalTo("main"));
        Column x = ItemImportance.scoreColumn(col("environment"));
        double sparkR = main.select(x.as("x"), ItemImportance.othersScaledColumn(col("total"), col("rated"), x).as("y"))
                .agg(ItemImportance.column(col("x"), col("y"))).first().getDouble(0);
        assertThat(sparkR).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void sumsOfPartsGiveTheWholesFigures() {
        // (group, part, x, y): a company's offices are the parts; y null is a form that does not count
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(RowFactory.create("varied", "office-" + i % 3, (long) (1 + i * 7 % 5), (long) (i * 131 % 97)));
            rows.add(RowFactory.create("constant_x", "office-" + i % 2, 4L, (long) (i * 17 % 23)));
        }
        for (int i = 0; i < 9; i++) {
            rows.add(RowFactory.create("few", "office-" + i % 4, (long) (1 + i % 5), (long) i));
        }
        rows.add(RowFactory.create("varied", "office-9", 3L, null));
        StructType schema = new StructType().add("group", "string").add("part", "string").add("x", "long")
                .add("y", "long");
        Dataset<Row> pairs = TestSpark.session().createDataFrame(rows, schema);
        ItemImportance.Sums whole = ItemImportance.sums(col("x"), col("y"));
        Map<String, Row> direct = pairs.groupBy("group").agg(ItemImportance.formsColumn(col("x"), col("y")),
                        ItemImportance.column(col("x"), col("y")), ItemImportance.missingColumn(col("x"), col("y")))
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
        ItemImportance.Sums row = ItemImportance.Sums.ofRow();
        Map<String, Row> fromParts = ItemImportance.Sums.merged()
                .aggregate(whole.aggregate(pairs.groupBy("group", "part")).groupBy("group"))
                .select(col("group"), row.n(), ItemImportance.importance(row), ItemImportance.missing(row))
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));

        assertThat(fromParts.keySet()).containsExactlyInAnyOrder("varied", "constant_x", "few");
        for (String group : fromParts.keySet()) {
            Row a = direct.get(group);
            Row b = fromParts.get(group);
            assertThat(b.getLong(1)).as(group).isEqualTo(a.getLong(1));
            // exact sums: the same double, not a close one
            assertThat(b.get(2)).as(group).isEqualTo(a.get(2));
            assertThat(b.get(3)).as(group).isEqualTo(a.get(3));
        }
        assertThat(direct.get("varied").getLong(1)).isEqualTo(40L);
        assertThat(direct.get("varied").isNullAt(2)).isFalse();
        assertThat(direct.get("constant_x").getString(3)).isEqualTo(ItemPriority.NO_VARIANCE.code());
        assertThat(direct.get("few").getString(3)).isEqualTo(ItemPriority.TOO_FEW_FORMS.code());
    }

    @Test
    void scoreColumnAgreesWithTheJavaScoresAndGivesNullForBlank() {
        List<Row> rows = new ArrayList<>();
        for (Rating rating : Rating.values()) {
            rows.add(RowFactory.create(rating.code()));
        }
        rows.add(RowFactory.create((Object) null));
        Dataset<Row> table = TestSpark.session().createDataFrame(rows,
                new StructType().add("rating", DataTypes.StringType));
        List<Row> scored = table.select(ItemImportance.scoreColumn(col("rating"))).collectAsList();
        for (Rating rating : Rating.values()) {
            assertThat(scored.get(rating.ordinal()).getInt(0)).isEqualTo(ItemImportance.score(rating));
        }
        assertThat(scored.get(Rating.values().length).isNullAt(0)).isTrue();
    }

    private static Rating[] form(Rating environment, Rating greening, Rating maintenance) {
        Rating[] form = new Rating[SurveyItem.perForm()];
        form[SurveyItem.ENVIRONMENT.ordinal()] = environment;
        form[SurveyItem.GREENING.ordinal()] = greening;
        form[SurveyItem.MAINTENANCE.ordinal()] = maintenance;
        return form;
    }

    private static Rating[] withLift(Rating[] form, Rating lift) {
        Rating[] copy = form.clone();
        copy[SurveyItem.LIFT.ordinal()] = lift;
        return copy;
    }
}
