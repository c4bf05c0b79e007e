package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.support.TestSpark;

class ReviewCutOffTest {

    @Test
    void eachYearIsJudgedAtItsOwnCutOffThirtyFirstDecemberByDefault() {
        ReviewCutOff cutOff = ReviewCutOff.yearly(ReviewCutOff.DEFAULT_DAY);
        assertThat(cutOff.forYear(2024)).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(cutOff.forYear(2025)).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(cutOff.fixed()).isFalse();
    }

    @Test
    void asOfReplacesEveryYearsCutOffByOneDay() {
        ReviewCutOff cutOff = ReviewCutOff.of(ReviewCutOff.DEFAULT_DAY, LocalDate.of(2026, 12, 1));
        assertThat(cutOff.fixed()).isTrue();
        assertThat(cutOff.forYear(2024)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(cutOff.forYear(2025)).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void theSettingIsAMonthAndDay() {
        assertThat(ReviewCutOff.parseDay("12-31")).isEqualTo(MonthDay.of(12, 31));
        assertThat(ReviewCutOff.parseDay("--06-30")).isEqualTo(MonthDay.of(6, 30));
        assertThat(ReviewCutOff.parseDay(" 02-29 ")).isEqualTo(MonthDay.of(2, 29));
        assertThatThrownBy(() -> ReviewCutOff.parseDay("2025-12-31")).hasMessageContaining("MM-dd")
                .hasMessageContaining("2025-12-31");
        assertThatThrownBy(() -> ReviewCutOff.parseDay("13-01")).hasMessageContaining("MM-dd");
        assertThatThrownBy(() -> ReviewCutOff.parseDay(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sparkGivesTheSameDayAsJavaLeapDaysIncluded() {
        MonthDay[] days = {MonthDay.of(12, 31), MonthDay.of(6, 30), MonthDay.of(2, 29), MonthDay.of(2, 28),
                MonthDay.of(1, 1)};
        int[] years = {2023, 2024, 2025, 2000, 1900};
        // Java: 29 February in a common year is the 28th
        assertThat(ReviewCutOff.yearly(MonthDay.of(2, 29)).forYear(2025)).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(ReviewCutOff.yearly(MonthDay.of(2, 29)).forYear(2024)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(ReviewCutOff.yearly(MonthDay.of(2, 29)).forYear(1900)).isEqualTo(LocalDate.of(1900, 2, 28));

        List<Row> rows = new ArrayList<>();
        for (int year : years) {
            rows.add(RowFactory.create(year));
        }
        StructType schema = new StructType().add("year", DataTypes.IntegerType);
        for (MonthDay day : days) {
            ReviewCutOff cutOff = ReviewCutOff.yearly(day);
            List<Row> spark = TestSpark.session().createDataFrame(rows, schema)
                    .select(col("year"), cutOff.forYear(col("year")).as("cut_off")).orderBy("year").collectAsList();
            for (Row row : spark) {
                assertThat(((java.sql.Date) row.get(1)).toLocalDate()).as("%s of %d", day, row.getInt(0))
                        .isEqualTo(cutOff.forYear(row.getInt(0)));
            }
        }
        ReviewCutOff fixed = ReviewCutOff.asOf(LocalDate.of(2026, 12, 1));
        Row row = TestSpark.session().createDataFrame(rows, schema).select(fixed.forYear(col("year"))).first();
        assertThat(((java.sql.Date) row.get(0)).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 1));
    }
}
