package com.propertyquality.review.ingest;

import static com.propertyquality.review.support.OfficeFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.cli.ReviewCli;
import com.propertyquality.review.support.Cli;

/**
 * Two ingests at once on one work folder with the embedded H2 job repository, each in a JVM of its own as users start
 * them: the first holds the work folder's lock and the H2 database file open; the second is refused by the lock with
 * its one documented line, before it touches the database file (whose own "in use" message it would get otherwise).
 */
class ConcurrentIngestTest {

    @TempDir
    Path temp;

    @Test
    void aSecondIngestWhileTheFirstRunsIsRefusedWithOneLineAndChangesNothing() throws Exception {
        Path input = Files.createDirectories(temp.resolve("input"));
        utf8(input, "offices.csv", "office_id,office_name", "A01,甲管理处", "B02,乙管理处", "C03,丙管理处");
        ChildIngest.writeResponses(input.resolve("survey-responses-2025.csv"), KilledRunScenario.ROWS);
        Path late = Files.createDirectories(temp.resolve("late"));
        utf8(late, "offices.csv", "office_id,office_name", "Z99,迟到管理处");
        Path work = temp.resolve("work");
        String refusal = "error: another ingest is running on the work folder " + work.toAbsolutePath().normalize()
                + "; wait for it to finish, then run this one again";

        try (ChildIngest first = ChildIngest.start(input, work, Map.of(), temp.resolve("first.log"))) {
            first.awaitStagedRows(2);
            first.pause(); // in the middle of its second file: it holds the lock and the repository's file
            assertThat(work.resolve("job-repository")).isDirectoryContaining("glob:**.mv.db");
            List<String> runs = names(work.resolve("runs"));
            List<String> rejects = names(work.resolve("rejects"));

            try (ChildIngest second = ChildIngest.start(late, work, Map.of(), temp.resolve("second.log"))) {
                assertThat(second.waitFor(120)).as(second.output()).isEqualTo(ReviewCli.FAILURE);
                assertThat(second.output()).isEqualTo(refusal + System.lineSeparator());
            }
            // review takes the same lock first (here in this JVM, which has not opened that database either)
            Cli.Result review = Cli.run("review", "--input", late.toString(), "--work", work.toString());
            assertThat(review.status()).isEqualTo(ReviewCli.FAILURE);
            assertThat(review.err()).isEqualTo(refusal + System.lineSeparator());
            assertThat(review.out()).isEmpty();

            assertThat(names(work.resolve("runs"))).as("no run recorded").isEqualTo(runs);
            assertThat(names(work.resolve("rejects"))).isEqualTo(rejects);
            assertThat(first.isAlive()).isTrue();

            first.resume();
            assertThat(first.waitFor(300)).as(first.output()).isZero();
            assertThat(first.output()).containsPattern("survey-responses-2025.csv\\s+survey-responses\\s+UTF-8\\s+"
                    + KilledRunScenario.ROWS + "\\s+" + KilledRunScenario.ROWS + "\\s+0");
        }
        // the lock went with the first run: the late file loads now
        Cli.Result after = Cli.run("ingest", "--input", late.toString(), "--work", work.toString());
        assertThat(after.status()).as(after.err()).isZero();
    }

    private static List<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
