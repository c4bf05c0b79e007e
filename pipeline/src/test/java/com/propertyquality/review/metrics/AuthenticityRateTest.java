package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.propertyquality.review.support.TestSpark;

class AuthenticityRateTest {

    @Test
    void confirmedOverReachedChecks() {
        // 3 confirmed of 5 reached (and however many unreachable: they are not reached) → 3 / 5
        assertThat(AuthenticityRate.of(3, 5)).isEqualTo(0.6);
        assertThat(AuthenticityRate.of(139, 152)).isEqualTo(139.0 / 152);
    }

    @Test
    void noHouseholdReachedHasNoRate() {
        // zero checks, or only unreachable ones: undefined, neither 0% nor 100%
        assertThat(AuthenticityRate.of(0, 0)).isNull();
    }

    @Test
    void allNotConfirmedIsZeroAndAllConfirmedIsOne() {
        assertThat(AuthenticityRate.of(0, 4)).isEqualTo(0.0);
        assertThat(AuthenticityRate.of(5, 5)).isEqualTo(1.0);
    }

    @Test
    void moreConfirmedThanReachedIsImpossible() {
        assertThatThrownBy(() -> AuthenticityRate.of(3, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more checks confirmed");
    }

    @ParameterizedTest
    @CsvSource(value = {"confirmed, true, true", "not_confirmed, true, false", "unreachable, false, false",
            "NULL, false, false", "satisfied, false, false", "CONFIRMED, false, false"}, nullValues = "NULL")
    void onlyConfirmedAndNotConfirmedReachTheHousehold(String result, boolean reached, boolean confirmed) {
        assertThat(AuthenticityRate.reached(result)).isEqualTo(reached);
        assertThat(AuthenticityRate.confirmed(result)).isEqualTo(confirmed);
    }

    @Test
    void sparkResultRulesAgreeWithJava() {
        List<String> results = java.util.Arrays.asList("confirmed", "not_confirmed", "unreachable", null,
                "satisfied", "", "CONFIRMED");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            rows.add(RowFactory.create(i, results.get(i)));
        }
        StructType schema = new StructType()
                .add("id", DataTypes.IntegerType, false)
                .add("result", DataTypes.StringType, true);

        List<Row> out = TestSpark.session().createDataFrame(rows, schema)
                .select(col("id"), AuthenticityRate.reachedColumn(col("result")).as("reached"),
                        AuthenticityRate.confirmedColumn(col("result")).as("confirmed"))
                .orderBy("id")
                .collectAsList();

        assertThat(out).hasSize(results.size());
        for (Row row : out) {
            String result = results.get(row.getInt(0));
            assertThat(row.isNullAt(1)).as("reached of %s is never null", result).isFalse();
            assertThat(row.getBoolean(1)).as("reached %s", result).isEqualTo(AuthenticityRate.reached(result));
            assertThat(row.isNullAt(2)).as("confirmed of %s is never null", result).isFalse();
            assertThat(row.getBoolean(2)).as("confirmed %s", result).isEqualTo(AuthenticityRate.confirmed(result));
        }
        assertThat(out).extracting(row -> row.getBoolean(1))
                .containsExactly(true, true, false, false, false, false, false);
    }

    @Test
    void verifiedShareIsCheckedFormsOverReturnedForms() {
        assertThat(AuthenticityRate.verifiedShare(3, 4)).isEqualTo(0.75);
        assertThat(AuthenticityRate.verifiedShare(0, 5)).isEqualTo(0.0);
        assertThat(AuthenticityRate.verifiedShare(2, 2)).isEqualTo(1.0);
        assertThat(AuthenticityRate.verifiedShare(0, 0)).as("no forms returned").isNull();
    }

    @Test
    void moreVerifiedThanReturnedIsImpossible() {
        assertThatThrownBy(() -> AuthenticityRate.verifiedShare(3, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more forms verified");
    }

    @ParameterizedTest
    @CsvSource({"-1, 0", "0, -1"})
    void negativeCountsAreRejected(long a, long b) {
        assertThatThrownBy(() -> AuthenticityRate.of(a, b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> AuthenticityRate.verifiedShare(a, b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void sparkColumnsAgreeWithJavaOnEveryCase() {
        // {confirmed, reached − confirmed}: the columns get confirmed and reached = a + b
        long[][] cases = {{3, 2}, {0, 0}, {0, 4}, {5, 0}, {1, 2}, {2, 1}, {139, 13}, {123_456_789L, 987_654_321L}};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            rows.add(RowFactory.create(i, cases[i][0], cases[i][1]));
        }
        StructType schema = new StructType()
                .add("id", DataTypes.IntegerType, false)
                .add("a", DataTypes.LongType, false)
                .add("b", DataTypes.LongType, false);

        List<Row> result = TestSpark.session().createDataFrame(rows, schema)
                .select(col("id"), AuthenticityRate.column(col("a"), col("a").plus(col("b"))).as("rate"),
                        // as a share: a verified of b + a returned, so verified ≤ returned always holds
                        AuthenticityRate.verifiedShareColumn(col("a"), col("a").plus(col("b"))).as("share"))
                .orderBy("id")
                .collectAsList();

        assertThat(result).hasSize(cases.length);
        for (Row row : result) {
            long[] c = cases[row.getInt(0)];
            assertThat(row.isNullAt(1) ? null : row.getDouble(1)).as("rate %d of %d", c[0], c[0] + c[1])
                    .isEqualTo(AuthenticityRate.of(c[0], c[0] + c[1]));
            assertThat(row.isNullAt(2) ? null : row.getDouble(2)).as("share %d of %d", c[0], c[0] + c[1])
                    .isEqualTo(AuthenticityRate.verifiedShare(c[0], c[0] + c[1]));
        }
        // the literal values, not only agreement
        assertThat(result.get(0).getDouble(1)).isEqualTo(0.6);
        assertThat(result.get(1).isNullAt(1)).isTrue();
        assertThat(result.get(1).isNullAt(2)).isTrue();
        assertThat(result.get(2).getDouble(1)).isEqualTo(0.0);
        assertThat(result.get(2).getDouble(2)).isEqualTo(0.0);
        assertThat(result.get(3).getDouble(2)).isEqualTo(1.0);
    }
}
