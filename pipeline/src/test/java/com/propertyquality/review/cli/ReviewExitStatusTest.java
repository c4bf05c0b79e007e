package com.propertyquality.review.cli;

import static com.propertyquality.review.support.OfficeFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.support.Cli;

/**
 * {@code review}'s exit status on a small company: a file that cannot be loaded does not stop the run (the packet is
 * built from the files that loaded) but makes it exit 4; a year without data is refused after the marts are built,
 * with exit status 1 and no packet.
 */
class ReviewExitStatusTest {

    @TempDir
    Path temp;

    @Test
    void aFileNotLoadedExitsFourWithThePacketAndAYearWithoutDataExitsOneWithoutIt() throws Exception {
        Path input = Files.createDirectories(temp.resolve("input"));
        utf8(input, "offices.csv", "office_id,office_name", "A01,甲管理处", "B02,乙管理处");
        utf8(input, "survey-distribution.csv", "office_id,year,forms_distributed", "A01,2025,4", "B02,2025,2");
        utf8(input, "survey-responses.csv", "response_id,office_id,year,returned_on,environment",
                "R1,A01,2025,2025-06-03,satisfied", "R2,A01,2025,2025-06-04,dissatisfied",
                "R3,B02,2025,2025-06-05,very_satisfied", "R4,B02,2025,2025-06-05,not-a-rating");
        // binary content under a template's name: the whole file cannot be read
        Files.write(input.resolve("feedback-2025.csv"), new byte[] {0, 1, 2, 3, (byte) 0xFF, 0, 0x7F});
        Path work = temp.resolve("work");

        Cli.Result review = Cli.run("review", "--input", input.toString(), "--work", work.toString(),
                "--spark-master", "local[2]");

        assertThat(review.status()).as(review.out() + review.err()).isEqualTo(ReviewCli.FILE_NOT_LOADED);
        assertThat(review.out()).containsPattern("feedback-2025.csv\\s+feedback\\s+NOT LOADED: binary content")
                .containsPattern("survey-responses.csv\\s+survey-responses\\s+UTF-8\\s+4\\s+3\\s+1")
                .contains("Packet 2025: " + work.resolve("reports/management-review-2025.pdf"));
        assertThat(review.err()).isEqualTo("1 file(s) not loaded: feedback-2025.csv; the other files loaded. Correct"
                + " them and run the ingest again." + System.lineSeparator());
        assertThat(work.resolve("reports/management-review-2025.pdf")).isNotEmptyFile();

        // the same files again, for a year they hold nothing of: loaded and aggregated, but no packet
        Cli.Result noYear = Cli.run("review", "--input", input.toString(), "--work", work.toString(),
                "--spark-master", "local[2]", "--year", "1999");

        assertThat(noYear.status()).as(noYear.out() + noYear.err()).isEqualTo(ReviewCli.FAILURE);
        assertThat(noYear.err()).isEqualTo("error: no data for 1999: the marts hold no survey record, feedback entry"
                + " or review plan of that year; nothing was written" + System.lineSeparator());
        assertThat(noYear.out()).contains("Aggregated in").doesNotContain("Packet");
        try (var reports = Files.list(work.resolve("reports"))) {
            assertThat(reports.map(file -> file.getFileName().toString()))
                    .containsExactly("management-review-2025.pdf");
        }
    }
}
