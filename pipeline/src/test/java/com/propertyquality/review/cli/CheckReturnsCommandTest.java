package com.propertyquality.review.cli;

import static com.propertyquality.review.support.LakeFixture.all;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.LakeFixture;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * check-returns as the quality department runs it: exit status, formats, threshold and year, on marts built by
 * `aggregate` from a lake where A returned exactly 60% and B 100% in 2025, and A 20% in 2024.
 */
class CheckReturnsCommandTest {

    @TempDir
    static Path work;

    @BeforeAll
    static void marts() {
        new LakeFixture(work.resolve("lake"))
                .office("A", "甲管理处").office("B", "乙管理处")
                .distributed("A", 2025, 10).distributed("B", 2025, 5).distributed("A", 2024, 10)
                .distributed("B", 2024, 1)
                .forms(6, "A25-", "A", 2025, all("satisfied"))
                .forms(5, "B25-", "B", 2025, all("satisfied"))
                .forms(2, "A24-", "A", 2024, all("satisfied"))
                .forms(1, "B24-", "B", 2024, all("satisfied"))
                .write();
        Cli.Result aggregate = Cli.run("aggregate", "--work", work.toString(), "--spark-master", "local[2]");
        assertThat(aggregate.status()).as(aggregate.err()).isZero();
    }

    @Test
    void everyOfficeMeetingTheThresholdExitsZero() {
        Cli.Result result = Cli.run("check-returns", "--work", work.toString());

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("Survey return rates 2025, threshold 60.00%")
                .containsPattern("A\\s+甲管理处\\s+10\\s+6\\s+60.00%\\s+yes")
                .containsPattern("B\\s+乙管理处\\s+5\\s+5\\s+100.00%\\s+yes")
                .contains("2 of 2 offices meet the threshold; 0 do not.");
        // office and name start together, the counts and the rate end together, by display width
        TerminalTableTest.assertLinedUp(result.out().lines().skip(1).limit(3).toList(), List.of(0, 1, 5),
                List.of(2, 3, 4));
    }

    @Test
    void anOfficeUnderTheThresholdExitsThree() {
        Cli.Result stricter = Cli.run("check-returns", "--work", work.toString(), "--threshold", "0.61");
        assertThat(stricter.status()).isEqualTo(3);
        assertThat(stricter.out()).containsPattern("A\\s+甲管理处\\s+10\\s+6\\s+60.00%\\s+NO");

        Cli.Result earlier = Cli.run("check-returns", "--work", work.toString(), "--year", "2024");
        assertThat(earlier.status()).isEqualTo(3);
        assertThat(earlier.out()).containsPattern("A\\s+甲管理处\\s+10\\s+2\\s+20.00%\\s+NO");
    }

    @Test
    void csvGivesOneRowPerOfficeWithTheExactRate() throws Exception {
        Cli.Result result = Cli.run("check-returns", "--work", work.toString(), "--format", "csv", "--year", "2024");

        assertThat(result.status()).isEqualTo(3);
        List<CsvRecord> records;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(result.out())) {
            records = reader.stream().toList();
        }
        assertThat(records.get(0).getFields()).containsExactly("year", "office_id", "office_name",
                "forms_distributed", "forms_returned", "return_rate", "threshold", "meets_threshold", "anomaly");
        assertThat(records.get(1).getFields()).containsExactly("2024", "A", "甲管理处", "10", "2", "0.2", "0.6",
                "false", "");
        assertThat(records.get(2).getFields()).containsExactly("2024", "B", "乙管理处", "1", "1", "1.0", "0.6",
                "true", "");
        assertThat(records).hasSize(3);
    }

    @Test
    void jsonCarriesTheVerdictAndEveryOffice() throws Exception {
        Cli.Result result = Cli.run("check-returns", "--work", work.toString(), "--format", "json",
                "--threshold", "0.6");

        assertThat(result.status()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("year").asInt()).isEqualTo(2025);
        assertThat(json.get("all_meet_threshold").asBoolean()).isTrue();
        assertThat(json.get("offices")).hasSize(2);
        JsonNode a = json.get("offices").get(0);
        assertThat(a.get("office_id").asText()).isEqualTo("A");
        assertThat(a.get("return_rate").asDouble()).isEqualTo(0.6);
        assertThat(a.get("meets_threshold").asBoolean()).isTrue();
        assertThat(a.get("anomaly").isNull()).isTrue();
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(Cli.run("check-returns", "--work", work.toString(), "--threshold", "1.5").status()).isEqualTo(2);
        assertThat(Cli.run("check-returns", "--work", work.toString(), "--threshold", "0").status()).isEqualTo(2);
        assertThat(Cli.run("check-returns", "--work", work.toString(), "--threshold", "sixty").status()).isEqualTo(2);
        assertThat(Cli.run("check-returns", "--work", work.toString(), "--format", "xml").status()).isEqualTo(2);
        assertThat(Cli.run("check-returns", "--work", work.toString(), "--year", "last").status()).isEqualTo(2);
        assertThat(Cli.run("frobnicate").status()).isEqualTo(2);
        Cli.Result none = Cli.run();
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("a command is required").contains("check-returns");
    }

    @Test
    void otherFailuresExitOneWithAClearMessage() {
        Cli.Result noMarts = Cli.run("check-returns", "--work", work.resolve("empty").toString());
        assertThat(noMarts.status()).isEqualTo(1);
        assertThat(noMarts.err()).contains("mart survey_returns not found").contains("run `aggregate`");

        Cli.Result noYear = Cli.run("check-returns", "--work", work.toString(), "--year", "2019");
        assertThat(noYear.status()).isEqualTo(1);
        assertThat(noYear.err()).isEqualTo("error: no data for 2019: the marts hold no survey record, feedback entry"
                + " or review plan of that year; nothing was written" + System.lineSeparator());
        assertThat(noYear.out()).isEmpty();
    }

    @Test
    void helpIsThereForTheToolAndEveryCommand() {
        Cli.Result tool = Cli.run("--help");
        assertThat(tool.status()).isZero();
        assertThat(tool.out()).contains("ingest", "aggregate", "report", "review", "check-returns");
        for (String command : List.of("ingest", "aggregate", "report", "review", "check-returns")) {
            Cli.Result help = Cli.run(command, "--help");
            assertThat(help.status()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: review-pipeline " + command).contains("--work");
        }
    }
}
