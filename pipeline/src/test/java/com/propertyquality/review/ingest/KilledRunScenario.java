package com.propertyquality.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.lake.LakeCatalog;
import com.propertyquality.review.lake.StoragePath;
import com.propertyquality.review.marts.LakeTables;
import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.OfficeFiles;
import com.propertyquality.review.support.TestSpark;

/**
 * kill -9 in the middle of a large file, in a real second JVM, then the same command again: it completes, and
 * the lake holds exactly what a clean run holds, with no duplicates and no gaps. The same scenario for every job
 * repository: the in-process runs use whatever the test set, the killed JVM gets it in its environment.
 */
final class KilledRunScenario {

    static final int ROWS = 300_000;

    private final Path temp;
    private final Map<String, String> childEnvironment;
    private final Runnable afterKill;
    private String rerunFolder;

    /**
     * @param childEnvironment the killed JVM's job-repository settings (none for the embedded default)
     * @param afterKill        what to wait for once the JVM is dead, before the command runs again
     */
    KilledRunScenario(Path temp, Map<String, String> childEnvironment, Runnable afterKill) {
        this.temp = temp;
        this.childEnvironment = childEnvironment;
        this.afterKill = afterKill;
    }

    /**
     * Runs the command again from another work folder whose lake/ is a link to the killed run's lake: what another
     * machine sharing the job repository and the lake does.
     */
    KilledRunScenario rerunFromAnotherWorkFolder(String name) {
        this.rerunFolder = name;
        return this;
    }

    /** Runs it and checks the lake; returns the work folder of the run that was killed. */
    Path run() throws Exception {
        Path input = Files.createDirectories(temp.resolve("input"));
        OfficeFiles.utf8(input, "offices.csv", "office_id,office_name", "A01,甲管理处", "B02,乙管理处", "C03,丙管理处");
        ChildIngest.writeResponses(input.resolve("survey-responses-2025.csv"), ROWS);
        // the lake already holds an earlier load of A01: the killed run must not lose it
        Path earlier = Files.createDirectories(temp.resolve("earlier"));
        OfficeFiles.utf8(earlier, "offices.csv", "office_id,office_name", "A01,甲管理处");
        OfficeFiles.utf8(earlier, "survey-responses-2024.csv", "response_id,office_id,year,returned_on,environment",
                "OLD-1,A01,2024,2024-06-01,satisfied");
        Path work = temp.resolve("work");
        assertThat(Cli.run("ingest", "--input", earlier.toString(), "--work", work.toString()).status()).isZero();

        try (ChildIngest child = ChildIngest.start(input, work, childEnvironment, temp.resolve("killed-run.log"))) {
            child.awaitStagedRows(2); // the large file: a spilled run
            assertThat(child.isAlive()).as("the run is still loading when it is killed").isTrue();
            assertThat(child.kill()).isNotZero();
        }
        assertThat(lake(work).readAll(ImportTemplates.SURVEY_RESPONSES)).as("nothing of the killed run is visible")
                .extracting(row -> row.get("response_id")).containsExactly("OLD-1");
        afterKill.run();

        Path rerun = work;
        if (rerunFolder != null) {
            rerun = Files.createDirectories(temp.resolve(rerunFolder));
            Files.createSymbolicLink(rerun.resolve("lake"), work.resolve("lake"));
        }
        Cli.Result again = Cli.run("ingest", "--input", input.toString(), "--work", rerun.toString());
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
        // the rerun's own staging is gone; a killed run's staging on another machine goes at that machine's next run
        assertThat(rerun.resolve("staging")).doesNotExist();
        if (rerun.equals(work)) {
            assertThat(work.resolve("staging")).doesNotExist();
        }
        return work;
    }

    /** The lake folder's own catalog, the default whatever the job repository. */
    static LakeCatalog catalog(Path work) {
        return LakeCatalog.inLake(StoragePath.local(work.resolve("lake")));
    }

    private Lake lake(Path work) {
        return new Lake(catalog(work), StoragePath.local(work.resolve("lake")), temp.resolve("reading"), 1000);
    }

    static Dataset<Row> responses(Path work) {
        return new LakeTables(TestSpark.session(), catalog(work)).read(ImportTemplates.SURVEY_RESPONSES)
                .drop("source_file", "source_row");
    }
}
