package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.propertyquality.review.support.TestSpark;

class SatisfactionRateTest {

    @Test
    void domainExampleOfTwoFormsIsExactlyEightyPercent() {
        // form 1: 满意, 不满意, blank; form 2: 很满意, 较满意, 满意 → 4 qualified, 1 unsatisfied, 1 blank (counts nowhere)
        List<Rating> rated = List.of(Rating.SATISFIED, Rating.DISSATISFIED,
                Rating.VERY_SATISFIED, Rating.FAIRLY_SATISFIED, Rating.SATISFIED);
        long qualified = rated.stream().filter(Rating::isQualified).count();
        long unsatisfied = rated.size() - qualified;

        assertThat(qualified).isEqualTo(4);
        assertThat(unsatisfied).isEqualTo(1);
        assertThat(SatisfactionRate.of(qualified, unsatisfied)).isEqualTo(0.8);
        assertThat(SatisfactionRate.of(4, 1)).isEqualTo(0.8);
    }

    @Test
    void nothingRatedHasNoRate() {
        assertThat(SatisfactionRate.of(0, 0)).isNull();
    }

    @Test
    void allUnsatisfiedIsZero() {
        assertThat(SatisfactionRate.of(0, 7)).isEqualTo(0.0);
    }

    @Test
    void allQualifiedIsOne() {
        assertThat(SatisfactionRate.of(9, 0)).isEqualTo(1.0);
    }

    @Test
    void veryDissatisfiedIsUnsatisfiedAndTheFirstThreeAreQualified() {
        assertThat(Rating.qualifiedCodes()).containsExactly("very_satisfied", "satisfied", "fairly_satisfied");
        assertThat(Rating.unsatisfiedCodes()).containsExactly("dissatisfied", "very_dissatisfied");
    }

    @ParameterizedTest
    @CsvSource({"-1, 0", "0, -1", "-3, 5", "5, -3"})
    void negativeCountsAreRejected(long qualified, long unsatisfied) {
        assertThatThrownBy(() -> SatisfactionRate.of(qualified, unsatisfied))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void sparkColumnAgreesWithJavaOnEveryCase() {
        long[][] cases = {
                {4, 1}, {0, 0}, {0, 5}, {5, 0}, {2, 1}, {1, 2}, {7, 3}, {1, 3}, {999_999, 1}, {123_456_789L, 987_654_321L}};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            rows.add(RowFactory.create(i, cases[i][0], cases[i][1]));
        }
        StructType schema = new StructType()
                .add("id", DataTypes.IntegerType, false)
                .add("qualified", DataTypes.LongType, false)
                .add("unsatisfied", DataTypes.LongType, false);
        Dataset<Row> table = TestSpark.session().createDataFrame(rows, schema);

        List<Row> result = table
                .select(col("id"), SatisfactionRate.column(col("qualified"), col("unsatisfied")).as("rate"))
                .orderBy("id")
                .collectAsList();

        assertThat(result).hasSize(cases.length);
        for (Row row : result) {
            long[] counts = cases[row.getInt(0)];
            Double expected = SatisfactionRate.of(counts[0], counts[1]);
            Double actual = row.isNullAt(1) ? null : row.getDouble(1);
            assertThat(actual).as("qualified %d, unsatisfied %d", counts[0], counts[1]).isEqualTo(expected);
        }
        // the literal values, not only agreement: 4/5, and null when nothing was rated
        assertThat(result.get(0).getDouble(1)).isEqualTo(0.8);
        assertThat(result.get(1).isNullAt(1)).isTrue();
        assertThat(result.get(2).getDouble(1)).isEqualTo(0.0);
    }
}
