package com.propertyquality.review.marts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.support.TestSpark;

/** The declarations: every mart declared, data/README.md's tables rendered from them, queries checked by them. */
class MartColumnsTest {

    private static final MartColumn YEAR = MartColumn.required("year", DataTypes.IntegerType, "survey year");
    private static final MartColumn OFFICE = MartColumn.of("office_id", DataTypes.StringType, "the office");
    private static final MartColumn RATE = MartColumn.of("rate", DataTypes.DoubleType, "a rate");
    private static final MartColumns DECLARED = MartColumns.of(YEAR, OFFICE, RATE);

    @Test
    void everyMartDeclaresItsColumnsWithTypesAndMeanings() {
        for (Mart mart : Marts.all()) {
            assertThat(mart.columns().columns()).as(mart.name()).isNotEmpty();
            for (MartColumn column : mart.columns().columns()) {
                assertThat(column.meaning()).as(mart.name() + "." + column.name()).isNotBlank();
                assertThat(column.name()).as(mart.name()).matches("[a-z][a-z0-9_]*");
            }
        }
    }

    @Test
    void theReadmesColumnTableOfEveryMartIsItsDeclaration() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("../data/README.md"), StandardCharsets.UTF_8);
        for (Mart mart : Marts.all()) {
            int section = MartColumnTables.section(readme, mart.name());
            assertThat(section).as("data/README.md section of " + mart.name()).isNotNegative();
            assertThat(MartColumnTables.tableAt(readme, section)).as("data/README.md's column table of "
                    + mart.name() + " (run MartColumnTables to rewrite it from the declaration)")
                    .containsExactlyElementsOf(MartColumnTables.table(mart));
        }
    }

    @Test
    void aTableRowSharesOnlyColumnsOfTheSameTypeAndMeaning() {
        MartColumn low = MartColumn.of("rate_ci_low", DataTypes.DoubleType, "the interval");
        MartColumn high = MartColumn.of("rate_ci_high", DataTypes.DoubleType, "the interval");
        Mart mart = new Mart("m", MartColumns.of(YEAR, OFFICE, low, high), "test", ctx -> null);
        assertThat(MartColumnTables.table(mart)).containsExactly(MartColumnTables.HEADER, "| --- | --- | --- |",
                "| `year` | int, required | survey year |", "| `office_id` | string | the office |",
                "| `rate_ci_low`, `rate_ci_high` | double | the interval |");
    }

    @Test
    void selectPutsTheDeclaredColumnsInOrder() {
        Dataset<Row> query = query(DataTypes.DoubleType, "rate");
        Dataset<Row> selected = DECLARED.select(query.select("rate", "office_id", "year"));
        assertThat(selected.columns()).containsExactly("year", "office_id", "rate");
        assertThat(selected.collectAsList()).containsExactly(RowFactory.create(2025, "GZ01", 0.5));
    }

    @Test
    void selectFailsNamingAMissingAnUndeclaredOrARetypedColumn() {
        assertThatThrownBy(() -> DECLARED.select(query(DataTypes.DoubleType, "rate").drop("rate")))
                .hasMessageContaining("declared column rate is missing");
        assertThatThrownBy(() -> DECLARED.select(query(DataTypes.DoubleType, "rate_of_return")))
                .hasMessageContaining("column rate_of_return is not declared")
                .hasMessageContaining("declared column rate is missing");
        assertThatThrownBy(() -> DECLARED.select(query(DataTypes.StringType, "rate")))
                .hasMessageContaining("column rate is string, declared double");
    }

    @Test
    void aMartsQueryPassesThroughItsDeclaration() {
        Mart mart = new Mart("m", DECLARED, "test", ctx -> query(DataTypes.LongType, "rate"));
        assertThatThrownBy(() -> mart.query().apply(null))
                .hasMessageContaining("mart m differs from its declared columns")
                .hasMessageContaining("column rate is bigint, declared double");
    }

    @Test
    void fixturesGetTheDeclaredSchema() {
        assertThat(DECLARED.schema().fieldNames()).containsExactly("year", "office_id", "rate");
        assertThat(DECLARED.schema().apply("year").nullable()).isFalse();
        assertThat(DECLARED.schema().apply("rate").dataType()).isEqualTo(DataTypes.DoubleType);
    }

    private static Dataset<Row> query(org.apache.spark.sql.types.DataType rateType, String rateName) {
        return TestSpark.session().createDataFrame(List.of(RowFactory.create(2025, "GZ01", "0.5")),
                        new org.apache.spark.sql.types.StructType().add("year", DataTypes.IntegerType)
                                .add("office_id", DataTypes.StringType).add("rate_text", DataTypes.StringType))
                .selectExpr("year", "office_id", "cast(rate_text as " + rateType.sql() + ") as " + rateName);
    }
}
