package com.propertyquality.review.cli;

import static com.propertyquality.review.support.LakeFixture.all;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.apache.spark.sql.SparkSession;

import com.propertyquality.review.lake.StoragePath;
import com.propertyquality.review.marts.QueryViews;
import com.propertyquality.review.support.TestSpark;
import com.propertyquality.review.workbench.DuckDbReadEngine;
import com.propertyquality.review.workbench.RefusedQuery;
import com.propertyquality.review.workbench.SparkDoor;

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
    void theTableLinesUpChineseAndMixedTextByDisplayWidth() {
        Cli.Result result = Cli.run("query", "--work", work.toString(), "SELECT office_name, office_id || '区-东苑 Court'"
                + " AS place, forms_returned, office_id FROM survey_returns ORDER BY office_id");

        assertThat(result.status()).as(result.err()).isZero();
        List<String> table = result.out().lines().limit(3).toList();
        assertThat(table.get(1)).startsWith("甲管理处").contains("A区-东苑 Court");
        TerminalTableTest.assertLinedUp(table, List.of(0, 1, 2, 3), List.of());
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

        // refused by the door (exit 2, a usage error), where it used to fail in Spark (exit 1)
        Cli.Result privateView = Cli.run("query", "--work", work.toString(), "SELECT * FROM households_private");
        assertThat(privateView.status()).isEqualTo(2);
        Cli.Result onFiles = Cli.run("query", "--work", work.toString(),
                "SELECT * FROM parquet.`" + work.resolve("lake/private/households_private").toUri() + "`");
        assertThat(onFiles.status()).isEqualTo(2);
        // nor through the lake's catalog, by any name a user might guess
        for (String name : List.of("lake.private.households_private", "review.private.households_private",
                "private.households_private", "`lake`.`private`.`households_private`")) {
            Cli.Result viaCatalog = Cli.run("query", "--work", work.toString(), "--engine", "spark",
                    "SELECT * FROM " + name);
            assertThat(viaCatalog.status()).as(name).isEqualTo(2);
            assertThat(viaCatalog.out()).doesNotContain("王小明");
        }
        assertThat(onFiles.status()).isEqualTo(2);
        assertThat(onFiles.out()).doesNotContain("王小明");
    }

    @Test
    void personalDataFilesAreTheOwnersAlone() throws Exception {
        Path personal = work.resolve("lake/private");
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(personal)) {
            paths = walk.toList();
        }
        assertThat(paths).anyMatch(path -> path.toString().endsWith(".parquet"));
        for (Path path : paths) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(path.toString())
                    .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
        }
        // a run's rejected rows are kept whole, personal data included: its rejects folder is the owner's too
        try (Stream<Path> runs = Files.list(work.resolve("rejects"))) {
            assertThat(runs.toList()).isNotEmpty().allSatisfy(run -> assertThat(
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(run))).isEqualTo("rwx------"));
        }
        // the public dataset keeps the usual modes: it is what the views read
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("lake/quality/households"))))
                .isNotEqualTo("rwx------");
    }

    /**
     * Statements an analyst (or an attacker at the SQL tab) might try: commands, scripts, files, the JVM, the
     * engines' settings, catalogues and table functions, personal data by every route. {lake}, {target} and
     * {passwd} are filled in by the test.
     */
    static Stream<String> attacks() {
        return Stream.of(
                "BEGIN CREATE TEMPORARY VIEW p USING parquet OPTIONS (path '{lake}/households_private');"
                        + " SELECT name, phone FROM p; END",
                "CREATE TEMPORARY VIEW t USING text OPTIONS (path '{passwd}')",
                "INSERT OVERWRITE DIRECTORY '{target}' USING csv SELECT 1",
                "SELECT reflect('java.lang.System', 'getProperty', 'user.home')",
                "SELECT java_method('java.lang.System', 'getProperty', 'user.home')",
                "SELECT * FROM parquet.`{lake}/households_private`",
                "SELECT * FROM text.`{passwd}`",
                "SELECT * FROM households_private",
                "WITH h AS (SELECT * FROM households_private) SELECT * FROM h",
                "SELECT (SELECT max(name) FROM households_private) AS leak",
                "SELECT * FROM survey_returns WHERE office_id IN (SELECT name FROM households_private)",
                "DROP VIEW survey_returns",
                "CREATE TABLE copy AS SELECT * FROM survey_returns",
                "ALTER VIEW survey_returns AS SELECT 1",
                "SET spark.sql.runSQLOnFiles=true",
                "RESET",
                "ADD JAR '{target}/x.jar'",
                "CACHE TABLE survey_returns",
                "LOAD DATA LOCAL INPATH '{passwd}' INTO TABLE survey_returns",
                "EXECUTE IMMEDIATE 'SELECT reflect(''java.lang.System'', ''getProperty'', ''user.home'')'",
                "SELECT 1; SELECT 2",
                "SELECT 1 AS a; DROP VIEW survey_returns",
                "EXPLAIN SELECT * FROM survey_returns",
                "SHOW TABLES",
                "DESCRIBE survey_returns",
                "SELECT input_file_name() FROM survey_returns",
                "SELECT * FROM IDENTIFIER('households_private')",
                "SELECT * FROM range(10)",
                "SELECT * FROM global_temp.survey_returns",
                "SELECT * FROM read_csv('{passwd}')",
                "SELECT * FROM read_parquet('{lake}/households_private/**/*.parquet')",
                "SELECT * FROM '{passwd}'",
                "COPY survey_returns TO '{target}/returns.csv'",
                "ATTACH '{target}/other.db' AS other",
                "INSTALL httpfs",
                "LOAD httpfs",
                "PRAGMA enable_profiling",
                "SET enable_external_access = true",
                "SET lock_configuration = false",
                "SELECT getenv('HOME')",
                "SELECT current_setting('allowed_directories')",
                "SELECT * FROM duckdb_settings()",
                "SELECT * FROM information_schema.tables",
                "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT * FROM r",
                "SELECT list_transform([1, 2], x -> x + 1)",
                "CALL pragma_version()",
                "SELECT * FROM glob('{lake}/**')");
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void theDoorRefusesAndNothingChanges(String attack) throws Exception {
        Path target = Files.createDirectories(work.resolve("target-of-attacks"));
        Files.writeString(target.resolve("keep.txt"), "still here");
        String sql = attack.replace("{lake}", work.resolve("lake").toString())
                .replace("{target}", target.toString()).replace("{passwd}", "/etc/passwd");
        Map<String, String> before = snapshot(work);

        // the engines are asked directly (a CLI run per attack would start a Spring context each time)
        assertThatThrownBy(() -> duckDb().ask(sql)).as("DuckDB").isInstanceOf(RefusedQuery.class)
                .satisfies(refusal -> assertThat(refusal.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> sparkDoor().ask(sql).collectAsList()).as("Spark").isInstanceOf(RefusedQuery.class)
                .satisfies(refusal -> assertThat(refusal.getMessage()).doesNotContain("\n"));

        assertThat(snapshot(work)).as("the work folder after the attack").isEqualTo(before);
        assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("still here");
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "spark"})
    void aRefusalIsExitTwoAndOneLine(String engine) {
        for (String attack : List.of("SELECT reflect('java.lang.System', 'getProperty', 'user.home')",
                "SELECT * FROM households_private", "DROP VIEW survey_returns", "SELECT 1; SELECT 2")) {
            Cli.Result result = Cli.run("query", "--work", work.toString(), "--engine", engine, attack);

            assertThat(result.status()).as(attack).isEqualTo(2);
            assertThat(result.err().lines().toList()).as(attack).hasSize(1).first().asString()
                    .startsWith("refused: ");
            assertThat(result.out()).as(attack).isEmpty();
        }
    }

    @Test
    void aMistakeInAReadOnlyQueryIsAnErrorThatSaysItOnce() {
        Cli.Result result = Cli.run("query", "--work", work.toString(), "SELECT categry FROM survey_returns");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: Binder Error: ").contains("categry")
                .contains("Candidate bindings");
        assertThat(result.err().split("Binder Error", -1)).as("the engine's message, once").hasSize(2);
    }

    private static DuckDbReadEngine duckDb;
    private static SparkDoor sparkDoor;

    private static synchronized DuckDbReadEngine duckDb() {
        if (duckDb == null) {
            duckDb = DuckDbReadEngine.open(work.resolve("lake"), work.resolve("marts"), null);
        }
        return duckDb;
    }

    private static synchronized SparkDoor sparkDoor() {
        if (sparkDoor == null) {
            SparkSession spark = TestSpark.session();
            sparkDoor = new SparkDoor(spark, QueryViews.register(spark, StoragePath.local(work.resolve("lake")),
                    StoragePath.local(work.resolve("marts"))));
        }
        return sparkDoor;
    }

    @AfterAll
    static void closeEngine() {
        if (duckDb != null) {
            duckDb.close();
        }
    }

    /** Every file and folder under a root, with its size and modification time. */
    private static Map<String, String> snapshot(Path root) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                files.put(root.relativize(path).toString(),
                        Files.size(path) + " " + Files.getLastModifiedTime(path).toMillis());
            }
        }
        return files;
    }

    static Stream<String> plainQueries() {
        return Stream.of(
                "SELECT office_id, office_name, return_rate, meets_threshold FROM survey_returns ORDER BY office_id",
                "SELECT d.office_id, d.forms_distributed, s.satisfaction_rate FROM survey_distribution d"
                        + " JOIN satisfaction_by_office s ON d.office_id = s.office_id AND d.year = s.year"
                        + " ORDER BY d.office_id",
                "WITH r AS (SELECT year, count(*) AS offices, sum(forms_returned) AS returned FROM survey_returns"
                        + " GROUP BY year) SELECT * FROM r ORDER BY year",
                "SELECT office_id, rank() OVER (ORDER BY return_rate DESC) AS place FROM survey_returns"
                        + " ORDER BY place, office_id",
                "VALUES (1, 'a'), (2, 'b')",
                "TABLE satisfaction_company",
                "SELECT household_id, office_id, category FROM households ORDER BY household_id",
                "SELECT CASE WHEN return_rate >= 0.6 THEN 'met' ELSE 'short' END AS judged, count(*) AS offices"
                        + " FROM survey_returns GROUP BY 1 ORDER BY 1");
    }

    @ParameterizedTest
    @MethodSource("plainQueries")
    void aPlainQueryGivesTheSameRowsThroughBothEngines(String sql) {
        List<List<String>> byDuckDb = duckDb().ask(sql).rows().stream()
                .map(row -> row.stream().map(QueryCommandTest::cell).toList()).toList();
        List<List<String>> bySpark = sparkDoor().ask(sql).collectAsList().stream()
                .map(row -> java.util.stream.IntStream.range(0, row.size())
                        .mapToObj(i -> cell(row.isNullAt(i) ? null : row.get(i))).toList()).toList();

        assertThat(byDuckDb).isNotEmpty().isEqualTo(bySpark);
    }

    @Test
    void bothEnginesPrintTheSameCsv() {
        String sql = "SELECT office_id, return_rate, meets_threshold FROM survey_returns ORDER BY office_id";
        Cli.Result duckDb = Cli.run("query", "--work", work.toString(), "--engine", "duckdb", "--format", "csv", sql);
        Cli.Result spark = Cli.run("query", "--work", work.toString(), "--engine", "spark", "--format", "csv", sql);

        assertThat(duckDb.status()).as(duckDb.err()).isZero();
        assertThat(duckDb.out().lines().toList())
                .containsExactly("office_id,return_rate,meets_threshold", "A,0.6,true", "B,0.25,false");
        assertThat(spark.out()).isEqualTo(duckDb.out());
    }

    private static String cell(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
