package com.propertyquality.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.marts.Mart;
import com.propertyquality.review.marts.Marts;
import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.SampleReview;
import com.propertyquality.review.support.TestSpark;

/** `marts`: every mart with its row count as Spark reads it, and what is not built yet. */
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

    @Test
    void saysWhichMartsAreNotBuiltYet() {
        Cli.Result result = Cli.run("marts", "--work", empty.toString());

        assertThat(result.status()).as(result.err()).isZero();
        for (Mart mart : Marts.all()) {
            assertThat(result.out()).contains(mart.name() + ": not built yet (run aggregate)");
        }
    }
}
