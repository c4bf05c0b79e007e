package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.metrics.ActionState.Verification;
import com.propertyquality.review.support.TestSpark;

class ActionStateTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    private static LocalDate d(String date) {
        return date == null ? null : LocalDate.parse(date);
    }

    @Test
    void notClosedIsOpenAndOverdueOnlyOnceTheDueDateIsPast() {
        assertThat(ActionState.at(d("2025-03-01"), d("2025-06-29"), null, AS_OF)).isEqualTo(ActionState.OPEN);
        assertThat(ActionState.overdue(d("2025-03-01"), d("2025-06-29"), null, AS_OF)).isTrue();
        // due on the as-of date itself: open, not overdue yet
        assertThat(ActionState.at(d("2025-03-01"), d("2025-06-30"), null, AS_OF)).isEqualTo(ActionState.OPEN);
        assertThat(ActionState.overdue(d("2025-03-01"), d("2025-06-30"), null, AS_OF)).isFalse();
        assertThat(ActionState.overdue(d("2025-03-01"), d("2025-07-01"), null, AS_OF)).isFalse();
    }

    @Test
    void closedAfterTheAsOfDateIsStillOpenThen() {
        assertThat(ActionState.at(d("2025-04-01"), d("2025-06-01"), d("2025-07-05"), AS_OF))
                .isEqualTo(ActionState.OPEN);
        assertThat(ActionState.overdue(d("2025-04-01"), d("2025-06-01"), d("2025-07-05"), AS_OF)).isTrue();
        // a day later than the close it is closed (late)
        assertThat(ActionState.at(d("2025-04-01"), d("2025-06-01"), d("2025-07-05"), d("2025-07-05")))
                .isEqualTo(ActionState.CLOSED_LATE);
    }

    @Test
    void closedOnOrBeforeTheDueDateIsOnTimeAfterItLate() {
        assertThat(ActionState.at(d("2025-04-10"), d("2025-05-01"), d("2025-05-01"), AS_OF))
                .isEqualTo(ActionState.CLOSED_ON_TIME);
        assertThat(ActionState.at(d("2025-04-10"), d("2025-05-01"), d("2025-04-20"), AS_OF))
                .isEqualTo(ActionState.CLOSED_ON_TIME);
        assertThat(ActionState.at(d("2025-04-10"), d("2025-05-01"), d("2025-05-02"), AS_OF))
                .isEqualTo(ActionState.CLOSED_LATE);
        assertThat(ActionState.overdue(d("2025-04-10"), d("2025-05-01"), d("2025-05-02"), AS_OF))
                .as("closed actions are never overdue").isFalse();
        // closed on the as-of date counts as closed
        assertThat(ActionState.at(d("2025-04-10"), d("2025-07-01"), d("2025-06-30"), AS_OF))
                .isEqualTo(ActionState.CLOSED_ON_TIME);
    }

    @Test
    void openedAfterTheAsOfDateDoesNotExistYet() {
        assertThat(ActionState.at(d("2025-07-01"), d("2025-05-01"), null, AS_OF)).isEqualTo(ActionState.NOT_OPENED);
        assertThat(ActionState.overdue(d("2025-07-01"), d("2025-05-01"), null, AS_OF)).isFalse();
        assertThat(ActionState.at(d("2025-06-30"), d("2025-08-01"), null, AS_OF)).isEqualTo(ActionState.OPEN);
    }

    @Test
    void requiredDatesMustBeThere() {
        assertThatThrownBy(() -> ActionState.at(null, d("2025-05-01"), null, AS_OF))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ActionState.at(d("2025-05-01"), null, null, AS_OF))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVerificationCountsOnlyFromItsDate() {
        assertThat(ActionState.verificationAt("effective", d("2025-06-30"), AS_OF)).isEqualTo(Verification.EFFECTIVE);
        assertThat(ActionState.verificationAt("effective", d("2025-07-01"), AS_OF)).isEqualTo(Verification.PENDING);
        assertThat(ActionState.verificationAt("not_effective", d("2025-05-10"), AS_OF))
                .isEqualTo(Verification.NOT_EFFECTIVE);
        assertThat(ActionState.verificationAt("not_effective", d("2025-07-20"), AS_OF))
                .isEqualTo(Verification.PENDING);
        assertThat(ActionState.verificationAt("pending", d("2025-05-10"), AS_OF)).isEqualTo(Verification.PENDING);
        assertThat(ActionState.verificationAt("pending", null, AS_OF)).isEqualTo(Verification.PENDING);
        assertThat(ActionState.verificationAt("effective", null, AS_OF)).as("no date: not placed before as-of")
                .isEqualTo(Verification.PENDING);
        assertThatThrownBy(() -> ActionState.verificationAt("done", d("2025-05-10"), AS_OF))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codesAndChineseNames() {
        assertThat(ActionState.OPEN.code()).isEqualTo("open");
        assertThat(ActionState.CLOSED_LATE.chinese()).isEqualTo("逾期完成");
        assertThat(Verification.NOT_EFFECTIVE.code()).isEqualTo("not_effective");
        assertThat(Verification.NOT_EFFECTIVE.chinese()).isEqualTo("无效");
    }

    @Test
    void sparkColumnsAgreeWithJavaOnEveryCase() {
        // opened, due, closed, verification, verified_on, as-of: the cases above and their boundaries
        String[][] cases = {
                {"2025-03-01", "2025-06-29", null, "pending", null, "2025-06-30"},
                {"2025-03-01", "2025-06-30", null, "pending", null, "2025-06-30"},
                {"2025-03-01", "2025-07-01", null, "pending", null, "2025-06-30"},
                {"2025-04-01", "2025-06-01", "2025-07-05", "effective", "2025-07-20", "2025-06-30"},
                {"2025-04-01", "2025-06-01", "2025-07-05", "effective", "2025-07-20", "2025-07-20"},
                {"2025-04-10", "2025-05-01", "2025-05-01", "not_effective", "2025-07-01", "2025-06-30"},
                {"2025-04-10", "2025-05-01", "2025-05-01", "not_effective", "2025-07-01", "2025-07-01"},
                {"2025-04-10", "2025-05-01", "2025-05-02", "effective", "2025-06-30", "2025-06-30"},
                {"2025-04-10", "2025-07-01", "2025-06-30", "pending", "2025-06-30", "2025-06-30"},
                {"2025-07-01", "2025-05-01", null, "pending", null, "2025-06-30"},
                {"2025-06-30", "2025-08-01", null, "pending", null, "2025-06-30"},
                {"2024-11-01", "2025-01-31", "2025-02-10", "effective", "2025-03-01", "2026-01-10"},
                {"2025-01-10", "2025-03-01", "2025-02-20", "effective", null, "2026-01-10"},
        };
        String[] expectedStates = {"open", "open", "open", "open", "closed_late", "closed_on_time", "closed_on_time",
                "closed_late", "closed_on_time", "not_opened", "open", "closed_late", "closed_on_time"};
        boolean[] expectedOverdue = {true, false, false, true, false, false, false, false, false, false, false, false,
                false};
        String[] expectedVerification = {"pending", "pending", "pending", "pending", "effective", "pending",
                "not_effective", "effective", "pending", "pending", "pending", "effective", "pending"};

        List<Row> spark = sparkRows(cases);
        for (int i = 0; i < cases.length; i++) {
            String[] c = cases[i];
            LocalDate asOf = d(c[5]);
            String state = ActionState.at(d(c[0]), d(c[1]), d(c[2]), asOf).code();
            boolean overdue = ActionState.overdue(d(c[0]), d(c[1]), d(c[2]), asOf);
            String verification = ActionState.verificationAt(c[3], d(c[4]), asOf).code();
            assertThat(state).as("Java state, case %d", i).isEqualTo(expectedStates[i]);
            assertThat(overdue).as("Java overdue, case %d", i).isEqualTo(expectedOverdue[i]);
            assertThat(verification).as("Java verification, case %d", i).isEqualTo(expectedVerification[i]);

            Row row = spark.get(i);
            assertThat(row.getInt(0)).isEqualTo(i);
            assertThat(row.getString(1)).as("Spark state, case %d", i).isEqualTo(state);
            assertThat(row.getBoolean(2)).as("Spark overdue, case %d", i).isEqualTo(overdue);
            assertThat(row.getString(3)).as("Spark verification, case %d", i).isEqualTo(verification);
        }
    }

    /**
     * Every case through the Spark expressions: one query per as-of date (a literal, as in the marts) over the
     * cases of that date; rows come back as (case, state, overdue, verification), in case order.
     */
    private static List<Row> sparkRows(String[][] cases) {
        StructType schema = new StructType()
                .add("id", DataTypes.IntegerType)
                .add("opened", DataTypes.StringType)
                .add("due", DataTypes.StringType)
                .add("closed", DataTypes.StringType)
                .add("verification", DataTypes.StringType)
                .add("verified", DataTypes.StringType);
        Map<String, List<Row>> byAsOf = new TreeMap<>();
        for (int i = 0; i < cases.length; i++) {
            String[] c = cases[i];
            byAsOf.computeIfAbsent(c[5], k -> new ArrayList<>()).add(RowFactory.create(i, c[0], c[1], c[2], c[3], c[4]));
        }
        Row[] result = new Row[cases.length];
        byAsOf.forEach((day, rows) -> {
            LocalDate asOf = d(day);
            Dataset<Row> table = TestSpark.session().createDataFrame(rows, schema)
                    .select(col("id"), col("opened").cast("date").as("opened_on"), col("due").cast("date").as("due_on"),
                            col("closed").cast("date").as("closed_on"), col("verification"),
                            col("verified").cast("date").as("verified_on"));
            for (Row row : table.select(col("id"),
                    ActionState.column(col("opened_on"), col("due_on"), col("closed_on"), asOf),
                    ActionState.overdueColumn(col("opened_on"), col("due_on"), col("closed_on"), asOf),
                    ActionState.verificationColumn(col("verification"), col("verified_on"), asOf)).collectAsList()) {
                result[row.getInt(0)] = row;
            }
        });
        return List.of(result);
    }
}
