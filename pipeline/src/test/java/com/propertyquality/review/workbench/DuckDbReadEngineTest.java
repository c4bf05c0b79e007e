package com.propertyquality.review.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.propertyquality.review.support.LakeFixture;

/**
 * The read engine over marts written as Parquet (by a plain DuckDB connection, as Spark would lay them out):
 * the views, the office's engine, the second wall behind the door (external access off, settings locked).
 */
class DuckDbReadEngineTest {

    @TempDir
    static Path work;

    static Path lake;
    static Path marts;

    @BeforeAll
    static void marts() throws Exception {
        lake = Files.createDirectories(work.resolve("lake"));
        marts = work.resolve("marts");
        Path returns = Files.createDirectories(marts.resolve("survey_returns"));
        Path company = Files.createDirectories(marts.resolve("satisfaction_company"));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
            sql.execute("COPY (SELECT * FROM (VALUES ('A', 2025, 6, 10, 0.6::DOUBLE),"
                    + " ('B', 2025, 1, 4, 0.25::DOUBLE), ('A', 2024, 9, 10, 0.9::DOUBLE)) t(office_id, year, forms_returned, forms_distributed, return_rate))"
                    + " TO '" + returns.resolve("part-00000.parquet") + "' (FORMAT parquet)");
            sql.execute("COPY (SELECT 2025 AS year, 0.875::DOUBLE AS satisfaction_rate) TO '"
                    + company.resolve("part-00000.parquet") + "' (FORMAT parquet)");
        }
    }

    @Test
    void everyBuiltMartAndEveryPublicDatasetIsAView() {
        try (DuckDbReadEngine engine = DuckDbReadEngine.open(lake, marts, null)) {
            assertThat(engine.views()).contains("survey_returns", "satisfaction_company", "households", "feedback")
                    .doesNotContain("households_private", "satisfaction_by_office");
            // a dataset not loaded yet: its columns, no rows
            assertThat(engine.columns("households")).contains("household_id", "office_id", "category")
                    .doesNotContain("name", "phone");
            assertThat(engine.ask("SELECT count(*) AS n FROM households").rows()).containsExactly(List.of(0L));
            assertThat(engine.ask("SELECT office_id, return_rate FROM survey_returns WHERE year = 2025"
                    + " ORDER BY office_id").rows())
                    .containsExactly(List.of("A", 0.6), List.of("B", 0.25));
        }
    }

    /**
     * The office register is held in memory (a file per office is slow to open at every question) but must never
     * go stale: a load that replaces or adds an office is seen by the next question of the same engine, and the
     * held table is reachable only through its view.
     */
    @Test
    void theHeldOfficeRegisterFollowsEveryLoad() {
        Path ownLake = work.resolve("lake-held");
        new LakeFixture(ownLake).office("A", "甲管理处").write();
        try (DuckDbReadEngine engine = DuckDbReadEngine.open(ownLake, marts, null)) {
            String question = "SELECT office_id, office_name FROM offices ORDER BY office_id";
            assertThat(engine.ask(question).rows()).containsExactly(List.of("A", "甲管理处"));

            new LakeFixture(ownLake).office("A", "甲管理处（新址）").office("B", "乙管理处").write();
            assertThat(engine.ask(question).rows())
                    .containsExactly(List.of("A", "甲管理处（新址）"), List.of("B", "乙管理处"));
            assertThat(engine.read("SELECT count(*) FROM offices").rows()).containsExactly(List.of(2L));

            assertThatThrownBy(() -> engine.ask("SELECT * FROM held_offices")).isInstanceOf(RefusedQuery.class);
        }
        try (DuckDbReadEngine engine = DuckDbReadEngine.open(ownLake, marts, "B")) {
            assertThat(engine.ask("SELECT office_id FROM offices").rows()).containsExactly(List.of("B"));
        }
    }

    @Test
    void theApplicationsOwnQueriesBindTheirValues() {
        try (DuckDbReadEngine engine = DuckDbReadEngine.open(lake, marts, null)) {
            Answer answer = engine.read("SELECT office_id, forms_returned FROM survey_returns WHERE year = ?"
                    + " AND office_id = ?", 2025, "B' OR '1'='1");
            assertThat(answer.rows()).as("a value is a value, never SQL").isEmpty();
            assertThat(engine.read("SELECT forms_returned FROM survey_returns WHERE year = ? AND office_id = ?",
                    2025, "B").rows()).containsExactly(List.of(1));
        }
    }

    @Test
    void anOfficesEngineShowsThatOfficesRowsOnly() {
        try (DuckDbReadEngine engine = DuckDbReadEngine.open(lake, marts, "B")) {
            assertThat(engine.ask("SELECT DISTINCT office_id FROM survey_returns").rows())
                    .containsExactly(List.of("B"));
            assertThat(engine.read("SELECT count(*) FROM survey_returns WHERE office_id = ?", "A").rows())
                    .containsExactly(List.of(0L));
            // company-wide figures have no office column and stay whole
            assertThat(engine.ask("SELECT satisfaction_rate FROM satisfaction_company").rows())
                    .containsExactly(List.of(0.875));
            assertThatThrownBy(() -> engine.ask("SELECT * FROM read_parquet('" + marts
                    + "/survey_returns/part-00000.parquet')")).isInstanceOf(RefusedQuery.class);
        }
    }

    @Test
    void behindTheDoorTheEngineItselfIsShut() {
        try (DuckDbReadEngine engine = DuckDbReadEngine.open(lake, marts, null)) {
            // read() does not pass the door: these show the second wall, the engine's own settings
            assertThatThrownBy(() -> engine.read("SELECT * FROM read_csv('/etc/passwd')"))
                    .hasMessageContaining("/etc/passwd");
            assertThatThrownBy(() -> engine.read("SET enable_external_access = true"))
                    .hasMessageContaining("locked");
            assertThatThrownBy(() -> engine.read("SET allowed_directories = ['/']"))
                    .hasMessageContaining("locked");
            assertThatThrownBy(() -> engine.read("COPY survey_returns TO '" + work.resolve("out.csv") + "'"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(work.resolve("out.csv")).doesNotExist();
        }
    }

    /** What analysts write every day passes the door. */
    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * FROM survey_returns",
            "FROM survey_returns SELECT office_id",
            "SELECT office_id, avg(return_rate) AS mean FROM survey_returns GROUP BY office_id HAVING count(*) > 1",
            "SELECT year, office_id, sum(forms_returned) FROM survey_returns GROUP BY ROLLUP (year, office_id)",
            "SELECT office_id, lag(return_rate) OVER (PARTITION BY office_id ORDER BY year) FROM survey_returns",
            "WITH r AS (SELECT * FROM survey_returns WHERE year = 2025) SELECT r.office_id FROM r",
            "SELECT * FROM survey_returns s JOIN satisfaction_company c USING (year)",
            "SELECT office_id FROM survey_returns WHERE office_id LIKE 'A%' OR office_id IN ('B')",
            "SELECT DISTINCT year FROM survey_returns ORDER BY year DESC LIMIT 1 OFFSET 0",
            "SELECT CASE WHEN return_rate >= 0.6 THEN 'met' ELSE 'short' END, round(return_rate * 100, 1)"
                    + " FROM survey_returns",
            "SELECT office_id FROM survey_returns WHERE EXISTS (SELECT 1 FROM satisfaction_company)",
            "SELECT office_id FROM survey_returns UNION SELECT 'X' EXCEPT SELECT 'B'",
            "SELECT CAST(year AS VARCHAR) || '-' || office_id, coalesce(NULL, 1) FROM survey_returns",
            "SELECT office_id, return_rate FROM survey_returns QUALIFY row_number() OVER (ORDER BY return_rate) = 1",
            "VALUES (1, 'a')",
            "TABLE survey_returns",
            "SELECT quantile_cont(return_rate, 0.5), median(return_rate) FROM survey_returns"})
    void everydayQueriesPass(String sql) {
        try (DuckDbReadEngine engine = DuckDbReadEngine.open(lake, marts, null)) {
            assertThat(engine.ask(sql).rows()).isNotEmpty();
        }
    }
}
