package com.propertyquality.review.cli;

import static com.propertyquality.review.support.LakeFixture.all;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.LakeFixture;
import com.propertyquality.review.support.OfficeFiles;

/** query and marts, as an analyst uses them; personal data stays out of reach. */
class QueryCommandTest {

    @TempDir
    static Path work;

    @BeforeAll
    static void lakeAndMarts() throws Exception {
        Path input = Files.createDirectories(work.resolve("input"));
        OfficeFiles.utf8(input, "offices.csv", "office_id,office_name", "A,甲管理处", "B,乙管理处");
        OfficeFiles.utf8(input, "households.csv", "household_id,office_id,category,name,phone",
                "H1,A,A,王小明,138-0000-1111");
        OfficeFiles.utf8(input, "survey-distribution.csv", "office_id,year,forms_distributed", "A,2025,10", "B,2025,4");
        assertThat(Cli.run("ingest", "--input", input.toString(), "--work", work.toString()).status()).isZero();
        new LakeFixture(work.resolve("lake")).forms(6, "A-", "A", 2025, all("satisfied"))
                .forms(1, "B-", "B", 2025, all("dissatisfied")).write();
        Cli.Result aggregate = Cli.run("aggregate", "--work", work.toString(), "--as-of", "2026-01-10");
        assertThat(aggregate.status()).as(aggregate.err()).isZero();
        assertThat(aggregate.out()).contains("(as of 2026-01-10)");
    }

    @Test
    void aQueryOverAMartPrintsATable() {
        Cli.Result result = Cli.run("query", "--work", work.toString(),
                "SELECT office_id, office_name, return_rate, meets_threshold FROM survey_returns ORDER BY office_id");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("office_id\\s+office_name\\s+return_rate\\s+meets_threshold")
                .containsPattern("A\\s+甲管理处\\s+0.6\\s+true")
                .containsPattern("B\\s+乙管理处\\s+0.25\\s+false")
                .contains("(2 rows)");
    }

    @Test
    void lakeDatasetsAndMartsJoinInOneQueryAndWriteCsv() {
        Cli.Result result = Cli.run("query", "--work", work.toString(), "--format", "csv",
                "SELECT d.office_id, d.forms_distributed, s.satisfaction_rate FROM survey_distribution d"
                        + " JOIN satisfaction_by_office s ON d.office_id = s.office_id AND d.year = s.year"
                        + " ORDER BY d.office_id");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out().lines().toList())
                .containsExactly("office_id,forms_distributed,satisfaction_rate", "A,10,1.0", "B,4,0.0");
    }

    @Test
    void aResultCanBeWrittenAsParquet() {
        Path out = work.resolve("exports/returns");
        Cli.Result result = Cli.run("query", "--work", work.toString(), "--format", "parquet", "--output",
                out.toString(), "SELECT * FROM survey_returns");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(com.propertyquality.review.lake.ParquetRows.read(out)).hasSize(2);
        assertThat(Cli.run("query", "--work", work.toString(), "--format", "parquet", "SELECT 1").status())
                .as("parquet without --output is a usage error").isEqualTo(2);
    }

    @Test
    void personalDataCannotBeQueried() {
        Cli.Result households = Cli.run("query", "--work", work.toString(), "SELECT * FROM households");
        assertThat(households.status()).as(households.err()).isZero();
        assertThat(households.out()).contains("H1").doesNotContain("王小明").doesNotContain("138-0000-1111")
                .doesNotContain("name").doesNotContain("phone");

        Cli.Result privateView = Cli.run("query", "--work", work.toString(), "SELECT * FROM households_private");
        assertThat(privateView.status()).isEqualTo(1);
        Cli.Result onFiles = Cli.run("query", "--work", work.toString(),
                "SELECT * FROM parquet.`" + work.resolve("lake/households_private").toUri() + "`");
        assertThat(onFiles.status()).isEqualTo(1);
        assertThat(onFiles.out()).doesNotContain("王小明");
    }

    @Test
    void martsListsEveryMartWithColumnsAndRows() {
        Cli.Result result = Cli.run("marts", "--work", work.toString());

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("survey_returns (2 rows)", "satisfaction_company (1 rows)")
                .containsPattern("return_rate\\s+double")
                .containsPattern("office_id\\s+binary \\(STRING\\)");
        for (String mart : List.of("survey_returns", "satisfaction_by_office", "satisfaction_by_item",
                "satisfaction_company")) {
            assertThat(result.out()).contains(mart);
        }
    }
}
