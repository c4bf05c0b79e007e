package com.propertyquality.review.ingest;

import static com.propertyquality.review.support.OfficeFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.propertyquality.review.cli.ReviewCli;
import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.lake.LakeCatalog;
import com.propertyquality.review.lake.ParquetRows;
import com.propertyquality.review.lake.StoragePath;
import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.TestPostgres;

/**
 * The ingest with Spring Batch's job repository in a real PostgreSQL server, as machines sharing it run it: the
 * schema created on first use, the lake's lock held in the database against a second run (even from another work
 * folder), and the restart after a kill -9. Each test gets a new database; the in-process commands are pointed at
 * it, the second JVMs get it in their environment. Skipped without a server (see {@link TestPostgres}).
 */
class PostgresJobRepositoryTest {

    private static final String FILE_JOBS = "SELECT i.job_name, e.status, f.parameter_value, l.parameter_value"
            + " FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id"
            + " JOIN batch_job_execution_params f ON f.job_execution_id = e.job_execution_id"
            + " AND f.parameter_name = 'file'"
            + " JOIN batch_job_execution_params l ON l.job_execution_id = e.job_execution_id"
            + " AND l.parameter_name = 'lake'"
            + " ORDER BY e.job_execution_id";

    @TempDir
    Path temp;

    private TestPostgres postgres;
    private AutoCloseable jobRepository;

    @BeforeEach
    void database() {
        postgres = TestPostgres.createDatabase(getClass());
        jobRepository = postgres.asJobRepository();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (jobRepository != null) {
            jobRepository.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theRepositoryIsCreatedOnFirstUseAndRecordsEveryFileJob() throws Exception {
        Path input = Files.createDirectories(temp.resolve("input"));
        Path work = temp.resolve("work");
        utf8(input, "offices.csv", "office_id,office_name", "A01,甲管理处", "B02,乙管理处");
        utf8(input, "survey-distribution.csv", "office_id,year,forms_distributed", "A01,2025,10", "B02,2025,4");
        utf8(input, "survey-responses.csv", "response_id,office_id,year,returned_on,environment",
                "R1,A01,2025,2025-06-03,satisfied", "R2,B02,2025,2025-06-04,very_satisfied",
                "R3,Z99,2025,2025-06-04,satisfied");
        // three templates after the registers: their file jobs start side by side, as at any real office
        utf8(input, "inspections-2025.csv", "inspection_id,office_id,inspected_on,level,score,nonconformities",
                "JC1,A01,2025-03-01,supervisor_daily,95,1");
        assertThat(batchTables()).as("a new database").isEmpty();

        Cli.Result first = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).contains("Stored 7 rows; rejected 1 rows");
        assertThat(batchTables()).contains("batch_job_instance", "batch_job_execution", "batch_job_execution_params",
                "batch_job_execution_context", "batch_step_execution", "batch_step_execution_context");
        assertThat(work.resolve("job-repository")).as("no embedded repository beside it").doesNotExist();
        String lake = lakeLocation(work);
        assertThat(postgres.query(FILE_JOBS)).extracting(row -> row.get(0) + " " + row.get(1) + " "
                + Path.of((String) row.get(2)).getFileName() + " " + row.get(3)).containsExactlyInAnyOrder(
                "ingestFile COMPLETED offices.csv " + lake,
                "ingestFile COMPLETED inspections-2025.csv " + lake,
                "ingestFile COMPLETED survey-distribution.csv " + lake,
                "ingestFile COMPLETED survey-responses.csv " + lake);
        assertThat(new Lake(work.resolve("lake")).readAll(ImportTemplates.SURVEY_RESPONSES))
                .extracting(row -> row.get("response_id")).containsExactlyInAnyOrder("R1", "R2");

        // a second run, in a new process as a user would start it, works on the tables the first created
        Cli.Result second = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.out()).contains("Nothing new: every file had been loaded before exactly as it is.");
        assertThat(postgres.queryOne("SELECT count(*) FROM batch_job_execution WHERE status = 'COMPLETED'"))
                .isEqualTo(8L);
    }

    @Test
    void theLakesTablesRegisteredInTheRepositorysDatabaseAreLoadedReloadedAndReadBySpark() throws Exception {
        Path input = Files.createDirectories(temp.resolve("input"));
        Path work = temp.resolve("work");
        utf8(input, "offices.csv", "office_id,office_name", "A01,甲管理处", "B02,乙管理处");
        utf8(input, "survey-distribution.csv", "office_id,year,forms_distributed", "A01,2025,10", "B02,2025,4");
        utf8(input, "survey-responses.csv", "response_id,office_id,year,returned_on,environment",
                "R1,A01,2025,2025-06-03,satisfied", "R2,B02,2025,2025-06-04,very_satisfied");
        System.setProperty("review.lake-catalog.type", "jdbc"); // its uri: the job repository's database
        try {
            Cli.Result first = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());
            assertThat(first.status()).as(first.err()).isZero();
            Cli.Result again = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());
            assertThat(again.status()).as(again.err()).isZero();
            Cli.Result marts = Cli.run("aggregate", "--work", work.toString(), "--mart", "survey_returns");
            assertThat(marts.status()).as(marts.err()).isZero();
        } finally {
            System.clearProperty("review.lake-catalog.type");
        }

        // registered in PostgreSQL, under the catalog's name; the lake folder holds the files and no catalog
        assertThat(postgres.query("SELECT catalog_name, table_namespace, table_name FROM iceberg_tables"))
                .extracting(row -> row.get(0) + " " + row.get(1) + "." + row.get(2))
                .contains("review quality.offices", "review quality.survey_distribution",
                        "review quality.survey_responses");
        assertThat(work.resolve("lake/quality/offices/metadata/version-hint.text")).doesNotExist();
        LakeCatalog catalog = LakeCatalog.of(LakeCatalog.TYPE_JDBC, postgres.url(),
                StoragePath.local(work.resolve("lake")), Map.of("jdbc.user", postgres.user(),
                        "jdbc.password", postgres.password() == null ? "" : postgres.password()));
        Lake lake = new Lake(catalog, StoragePath.local(work.resolve("lake")), temp.resolve("reading"), 1000);
        assertThat(lake.readAll(ImportTemplates.SURVEY_RESPONSES)).extracting(row -> row.get("response_id"))
                .containsExactlyInAnyOrder("R1", "R2");
        // the second, unchanged load committed nothing
        assertThat(lake.tableOf(ImportTemplates.SURVEY_RESPONSES, "survey_responses").orElseThrow().snapshots())
                .hasSize(1);
        // Spark read the tables through the same catalog: the mart has both offices
        assertThat(ParquetRows.read(work.resolve("marts/survey_returns")))
                .extracting(row -> row.get("office_id") + ":" + row.get("forms_returned"))
                .containsExactlyInAnyOrder("A01:1", "B02:1");
    }

    @Test
    void aSecondIngestOnTheSameLakeIsRefusedWhileTheFirstRunsAndChangesNothing() throws Exception {
        Path input = Files.createDirectories(temp.resolve("input"));
        utf8(input, "offices.csv", "office_id,office_name", "A01,甲管理处", "B02,乙管理处", "C03,丙管理处");
        ChildIngest.writeResponses(input.resolve("survey-responses-2025.csv"), KilledRunScenario.ROWS);
        Path late = Files.createDirectories(temp.resolve("late"));
        utf8(late, "offices.csv", "office_id,office_name", "Z99,迟到管理处");
        utf8(late, "survey-responses-2025.csv", "response_id,office_id,year,returned_on,environment",
                "LATE-1,Z99,2025,2025-06-03,satisfied");
        Path work = temp.resolve("work");
        // another machine's work folder on the same lake: its file lock knows nothing of the first run
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.createSymbolicLink(elsewhere.resolve("lake"), Files.createDirectories(work.resolve("lake")));
        String lake = lakeLocation(work);

        try (ChildIngest first = ChildIngest.start(input, work, postgres.springEnvironment(),
                temp.resolve("first-run.log"))) {
            first.awaitStagedRows(2);
            first.pause(); // it holds both locks, and stands still while the others try
            List<List<Object>> jobs = postgres.query("SELECT job_execution_id, status, version"
                    + " FROM batch_job_execution ORDER BY 1");
            List<String> runs = names(work.resolve("runs"));
            List<String> rejects = names(work.resolve("rejects"));

            Cli.Result sameFolder = Cli.run("ingest", "--input", late.toString(), "--work", work.toString());
            assertThat(sameFolder.status()).isEqualTo(ReviewCli.FAILURE);
            assertThat(sameFolder.err()).contains("another ingest is running on the work folder " + work);
            Cli.Result sameLake = Cli.run("ingest", "--input", late.toString(), "--work", elsewhere.toString());
            assertThat(sameLake.status()).isEqualTo(ReviewCli.FAILURE);
            assertThat(sameLake.err()).contains("another ingest is running on the lake " + lake
                    + " (it holds the lake's lock in the shared job repository); wait for it to finish");

            assertThat(postgres.query("SELECT job_execution_id, status, version FROM batch_job_execution ORDER BY 1"))
                    .as("no job started or recovered").isEqualTo(jobs);
            assertThat(names(work.resolve("runs"))).isEqualTo(runs);
            assertThat(names(work.resolve("rejects"))).isEqualTo(rejects);
            assertThat(names(elsewhere)).containsExactlyInAnyOrder("ingest.lock", "lake");
            assertThat(first.isAlive()).isTrue();

            first.resume();
            assertThat(first.waitFor(300)).as(first.output()).isZero();
            assertThat(first.output()).containsPattern("survey-responses-2025.csv\\s+survey-responses\\s+UTF-8\\s+"
                    + KilledRunScenario.ROWS + "\\s+" + KilledRunScenario.ROWS + "\\s+0");
        }
        assertThat(new Lake(work.resolve("lake")).readAll(ImportTemplates.OFFICES)).extracting(row -> row.get("office_id"))
                .containsExactlyInAnyOrder("A01", "B02", "C03");
        assertThat(KilledRunScenario.responses(work).count()).isEqualTo(KilledRunScenario.ROWS);
        assertThat(postgres.query(FILE_JOBS)).extracting(row -> row.get(1) + " " + row.get(3))
                .containsExactly("COMPLETED " + lake, "COMPLETED " + lake);
    }

    @Test
    void aRunKilledMidFileIsCompletedFromAnotherWorkFolderAndItsFileJobIsMarkedFailedInPostgres() throws Exception {
        // run again as another machine would: its own work folder, the same lake, the same repository
        Path work = new KilledRunScenario(temp, postgres.springEnvironment(), postgres::awaitNoOtherSessions)
                .rerunFromAnotherWorkFolder("other-machine").run();

        // the one job that did not complete: the killed run's large file, failed on this lake, none left running
        assertThat(postgres.query(FILE_JOBS).stream().filter(row -> !"COMPLETED".equals(row.get(1))))
                .extracting(row -> row.get(0) + " " + row.get(1) + " " + Path.of((String) row.get(2)).getFileName()
                        + " " + row.get(3))
                .containsExactly("ingestFile FAILED survey-responses-2025.csv " + lakeLocation(work));
    }

    @Test
    void theLakesLockIsHeldOnceAndFreedWhenItsRunEndsOrItsConnectionDies() throws Exception {
        DataSource repository = new DriverManagerDataSource(postgres.url(), postgres.user(), postgres.password());
        String lake = "file:///srv/review/lake/";
        try (SharedRunLock held = SharedRunLock.acquire(repository, lake)) {
            assertThatThrownBy(() -> SharedRunLock.acquire(repository, lake))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another ingest is running on the lake " + lake);
            SharedRunLock.acquire(repository, "file:///srv/review/other-lake/").close();
        }
        SharedRunLock again = SharedRunLock.acquire(repository, lake);
        // the server ends a dead process's session the same way: its advisory locks go with it
        assertThat(postgres.queryOne("SELECT bool_and(pg_terminate_backend(pid, 10000)) FROM pg_locks"
                + " WHERE locktype = 'advisory' AND granted"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).isEqualTo(true);
        SharedRunLock.acquire(repository, lake).close();
        again.close(); // its connection is gone: nothing to release, nothing thrown

        // the embedded repository is the work folder's own: the file lock does the work there
        DataSource embedded = new DriverManagerDataSource("jdbc:h2:mem:shared-run-lock", "sa", "");
        try (SharedRunLock one = SharedRunLock.acquire(embedded, lake);
             SharedRunLock two = SharedRunLock.acquire(embedded, lake)) {
            assertThat(one).isNotNull();
            assertThat(two).isNotNull();
        }
    }

    private List<String> batchTables() throws Exception {
        return postgres.query("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_name LIKE 'batch%' ORDER BY 1")
                .stream().map(row -> (String) row.get(0)).toList();
    }

    /** The lake's location as the ingest records it: its URI, links resolved. */
    private static String lakeLocation(Path work) throws IOException {
        return work.resolve("lake").toRealPath().toUri().toString();
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
