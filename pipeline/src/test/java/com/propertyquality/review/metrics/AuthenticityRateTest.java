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
    void confirmedOverReachedHouseholds() {
        // 3 confirmed, 2 not confirmed (and however many unreachable: they count in neither) → 3 / 5
        assertThat(AuthenticityRate.of(3, 2)).isEqualTo(0.6);
        assertThat(AuthenticityRate.of(139, 13)).isEqualTo(139.0 / 152);
    }

    @Test
    void noHouseholdReachedHasNoRate() {
        assertThat(AuthenticityRate.of(0, 0)).isNull();
    }

    @Test
    void allNotConfirmedIsZeroAndAllConfirmedIsOne() {
        assertThat(AuthenticityRate.of(0, 4)).isEqualTo(0.0);
        assertThat(AuthenticityRate.of(5, 0)).isEqualTo(1.0);
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
                .select(col("id"), AuthenticityRate.column(col("a"), col("b")).as("rate"),
                        // as a share: a verified of b + a returned, so verified ≤ returned always holds
                        AuthenticityRate.verifiedShareColumn(col("a"), col("a").plus(col("b"))).as("share"))
                .orderBy("id")
                .collectAsList();

        assertThat(result).hasSize(cases.length);
        for (Row row : result) {
            long[] c = cases[row.getInt(0)];
            assertThat(row.isNullAt(1) ? null : row.getDouble(1)).as("rate %d, %d", c[0], c[1])
                    .isEqualTo(AuthenticityRate.of(c[0], c[1]));
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
