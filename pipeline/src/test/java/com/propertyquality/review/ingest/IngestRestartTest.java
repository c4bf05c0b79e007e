package com.propertyquality.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.ReviewApplication;
import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.marts.LakeTables;
import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.OfficeFiles;
import com.propertyquality.review.support.TestSpark;

/**
 * kill -9 in the middle of a large file, in a real second JVM, then the same command again: it completes, and
 * the lake holds exactly what a clean run holds, with no duplicates and no gaps.
 */
class IngestRestartTest {

    private static final int ROWS = 300_000;

    @TempDir
    Path temp;

    @Test
    void aRunKilledMidFileIsCompletedByRunningTheSameCommandAgain() throws Exception {
        Path input = Files.createDirectories(temp.resolve("input"));
        OfficeFiles.utf8(input, "offices.csv", "office_id,office_name", "A01,甲管理处", "B02,乙管理处", "C03,丙管理处");
        writeResponses(input.resolve("survey-responses-2025.csv"));
        // the lake already holds an earlier load of A01: the killed run must not lose it
        Path earlier = Files.createDirectories(temp.resolve("earlier"));
        OfficeFiles.utf8(earlier, "offices.csv", "office_id,office_name", "A01,甲管理处");
        OfficeFiles.utf8(earlier, "survey-responses-2024.csv", "response_id,office_id,year,returned_on,environment",
                "OLD-1,A01,2024,2024-06-01,satisfied");
        Path work = temp.resolve("work");
        assertThat(Cli.run("ingest", "--input", earlier.toString(), "--work", work.toString()).status()).isZero();

        Process process = new ProcessBuilder(javaBinary(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ReviewApplication.class.getName(), "ingest", "--input", input.toString(), "--work", work.toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("killed-run.log").toFile()).start();
        awaitStagedRows(work, process);
        assertThat(process.isAlive()).as("the run is still loading when it is killed").isTrue();
        process.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(work.resolve("lake/survey_responses/year=2025")).as("nothing of the killed run is visible")
                .doesNotExist();

        Cli.Result again = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.out()).containsPattern("survey-responses-2025.csv\\s+survey-responses\\s+UTF-8\\s+"
                + ROWS + "\\s+" + ROWS + "\\s+0");
        // the job repository records the killed run's unfinished file job as failed, not as running forever
        assertThat(again.out()).contains("Marked 1 file job(s) of a run that was killed as failed");

        Path clean = temp.resolve("clean");
        assertThat(Cli.run("ingest", "--input", earlier.toString(), "--work", clean.toString()).status()).isZero();
        assertThat(Cli.run("ingest", "--input", input.toString(), "--work", clean.toString()).status()).isZero();
        Dataset<Row> restarted = responses(work);
        Dataset<Row> reference = responses(clean);
        assertThat(restarted.count()).isEqualTo(ROWS + 1L);
        assertThat(restarted.select("response_id").distinct().count()).as("no duplicates").isEqualTo(ROWS + 1L);
        assertThat(restarted.except(reference).count()).isZero();
        assertThat(reference.except(restarted).count()).as("no gaps").isZero();
        assertThat(work.resolve("lake/_staging")).doesNotExist();
    }

    private static Dataset<Row> responses(Path work) {
        return new LakeTables(TestSpark.session(), work.resolve("lake")).read(ImportTemplates.SURVEY_RESPONSES)
                .drop("source_file", "source_row");
    }

    private static void writeResponses(Path file) throws IOException {
        String[] offices = {"A01", "B02", "C03"};
        String[] ratings = {"very_satisfied", "satisfied", "fairly_satisfied", "dissatisfied", ""};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("response_id,office_id,year,returned_on,environment,greening,maintenance,comment\n");
            for (int i = 0; i < ROWS; i++) {
                out.write("R" + i + "," + offices[i % 3] + ",2025,2025-06-" + String.format("%02d", i % 28 + 1)
                        + "," + ratings[i % 5] + "," + ratings[(i / 5) % 5] + "," + ratings[(i / 25) % 5]
                        + ",第" + i + "份\n");
            }
        }
    }

    /** Waits until the second JVM has staged rows of the large file (its second file): a spilled run. */
    private static void awaitStagedRows(Path work, Process process) throws Exception {
        Path staging = work.resolve("lake/_staging");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (hasStagedRowsOfSecondFile(staging)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the second JVM never staged the large file; it "
                + (process.isAlive() ? "is still starting" : "ended with " + process.exitValue()));
    }

    private static boolean hasStagedRowsOfSecondFile(Path staging) throws IOException {
        if (!Files.isDirectory(staging)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            return files.anyMatch(p -> p.toString().contains("/files/0002/") && Files.isRegularFile(p));
        } catch (java.io.UncheckedIOException e) {
            return false; // the other JVM removed a folder while we looked: look again
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
