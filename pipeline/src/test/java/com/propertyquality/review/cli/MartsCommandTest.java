package com.propertyquality.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.marts.Mart;
import com.propertyquality.review.marts.Marts;
import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.SampleReview;
import com.propertyquality.review.support.TestSpark;

/** `marts`: every mart with its row count and column types as Spark reads them, and what is not built yet. */
class MartsCommandTest {

    @TempDir
    static Path empty;

    @Test
    void listsEveryMartOfTheSampleWithTheRowsSparkReads() {
        Path marts = SampleReview.work().resolve("marts");
        Cli.Result result = Cli.run("marts", "--work", SampleReview.work().toString());

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).doesNotContain("not built yet");
        for (Mart mart : Marts.all()) {
            long rows = TestSpark.session().read().parquet(marts.resolve(mart.name()).toString()).count();
            assertThat(result.out()).contains(String.format(Locale.ROOT, "%s (%,d rows): ", mart.name(), rows));
        }
    }

    /** The types Spark reads each column back as (string, date, decimal(12,2), bigint...), in Spark's order. */
    @Test
    void listsEveryColumnWithTheLogicalTypeSparkReads() {
        Path marts = SampleReview.work().resolve("marts");
        Cli.Result result = Cli.run("marts", "--work", SampleReview.work().toString());

        assertThat(result.status()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        Set<String> types = new TreeSet<>();
        for (Mart mart : Marts.all()) {
            StructType schema = TestSpark.session().read().parquet(marts.resolve(mart.name()).toString()).schema();
            int heading = indexOf(lines, mart.name() + " (");
            assertThat(lines.get(heading + 1)).as(mart.name()).matches("    column +type");
            List<String> listed = lines.subList(heading + 2, heading + 2 + schema.fields().length);
            for (int c = 0; c < schema.fields().length; c++) {
                StructField field = schema.fields()[c];
                // the type starts where the header's "type" does, whatever the name's length
                assertThat(listed.get(c)).as(mart.name())
                        .isEqualTo(String.format(Locale.ROOT, "    %-" + (lines.get(heading + 1).indexOf("type") - 4)
                                + "s%s", field.name(), field.dataType().simpleString()));
                types.add(field.dataType().simpleString());
            }
            assertThat(heading + 2 + schema.fields().length == lines.size()
                    || !lines.get(heading + 2 + schema.fields().length).startsWith("    ")).as(mart.name())
                    .isTrue();
        }
        // the sample's marts hold these logical types; Parquet's physical names are gone
        assertThat(types).contains("string", "int", "bigint", "double", "boolean", "date")
                .anyMatch(type -> type.startsWith("decimal("));
        assertThat(result.out()).doesNotContain("binary", "int64", "int32", "(STRING)");
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }

    @Test
    void saysWhichMartsAreNotBuiltYet() {
        Cli.Result result = Cli.run("marts", "--work", empty.toString());

        assertThat(result.status()).as(result.err()).isZero();
        for (Mart mart : Marts.all()) {
            assertThat(result.out()).contains(mart.name() + ": not built yet (run aggregate)");
        }
    }
}
