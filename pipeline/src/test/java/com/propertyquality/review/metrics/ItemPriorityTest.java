package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.support.TestSpark;

/** The quadrants of the priority matrix; a figure equal to its reference counts as high. */
class ItemPriorityTest {

    // importance, mean importance, satisfaction, scope satisfaction → quadrant
    private static final Object[][] CASES = {
            {0.6, 0.5, 0.95, 0.9, ItemPriority.KEEP_UP},
            {0.6, 0.5, 0.85, 0.9, ItemPriority.IMPROVE_FIRST},
            {0.4, 0.5, 0.85, 0.9, ItemPriority.WATCH},
            {0.4, 0.5, 0.95, 0.9, ItemPriority.LOWER_PRIORITY},
            // ties count as high: 4/5 against 8/10 is the same double
            {0.5, 0.5, 4.0 / 5, 8.0 / 10, ItemPriority.KEEP_UP},
            {0.5, 0.5, 0.7, 0.8, ItemPriority.IMPROVE_FIRST},
            {0.4, 0.5, 0.8, 0.8, ItemPriority.LOWER_PRIORITY},
            {-0.2, 0.1, 0.5, 0.8, ItemPriority.WATCH},
            {null, 0.5, 0.9, 0.9, null},
            {0.5, null, 0.9, 0.9, null},
            {0.5, 0.5, null, 0.9, null},
            {0.5, 0.5, 0.9, null, null}};

    @Test
    void eachCaseFallsInItsQuadrant() {
        for (Object[] c : CASES) {
            assertThat(ItemPriority.of((Double) c[0], (Double) c[1], (Double) c[2], (Double) c[3]))
                    .as("%s", java.util.Arrays.toString(c)).isEqualTo(c[4]);
        }
        assertThat(ItemPriority.IMPROVE_FIRST.chinese()).isEqualTo("优先改进");
    }

    @Test
    void sparkColumnAgreesWithJava() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < CASES.length; i++) {
            rows.add(RowFactory.create(i, CASES[i][0], CASES[i][1], CASES[i][2], CASES[i][3]));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType)
                .add("importance", DataTypes.DoubleType).add("mean_importance", DataTypes.DoubleType)
                .add("satisfaction", DataTypes.DoubleType).add("scope_satisfaction", DataTypes.DoubleType);
        List<Row> result = TestSpark.session().createDataFrame(rows, schema)
                .select(col("id"), ItemPriority.column(col("importance"), col("mean_importance"),
                        col("satisfaction"), col("scope_satisfaction")))
                .orderBy("id").collectAsList();
        assertThat(result).hasSize(CASES.length);
        for (Row row : result) {
            ItemPriority expected = (ItemPriority) CASES[row.getInt(0)][4];
            assertThat(row.isNullAt(1) ? null : row.getString(1)).as("case %d", row.getInt(0))
                    .isEqualTo(expected == null ? null : expected.code());
        }
    }
}
