package com.propertyquality.review.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.generate.CompanyFiles;
import com.propertyquality.review.generate.CompanyShape;
import com.propertyquality.review.generate.SheetFormat;
import com.propertyquality.review.lake.ParquetRows;
import com.propertyquality.review.support.Cli;

/**
 * The benchmark's figure check, run on a small clean generated company: DuckDB and plain Spark SQL, each reading
 * the same CSV files with SQL written from the formulas, compute the same survey_returns, satisfaction_by_office,
 * feedback_summary and complaint_pareto as our ingest and marts. A figure that differs is a bug on one side.
 */
class PeerFiguresTest {

    @TempDir
    static Path dir;
    static Path marts;
    static Path figures;
    static Path sparkFigures;

    @BeforeAll
    static void runBothSides() throws Exception {
        Path input = dir.resolve("input");
        // 0 bad rows: DuckDB loads the files as they are, with no validation to reject them
        CompanyFiles.write(CompanyShape.atScale(0.03), 11, SheetFormat.csv, Files.createDirectories(input), 2, 0);
        Path work = dir.resolve("work");
        Cli.Result ingest = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());
        assertThat(ingest.status()).as(ingest.out() + ingest.err()).isZero();
        Cli.Result aggregate = Cli.run("aggregate", "--as-of", Benchmark.AS_OF, "--work", work.toString(), "--mart",
                String.join(",", Benchmark.COMPARED_MARTS));
        assertThat(aggregate.status()).as(aggregate.out() + aggregate.err()).isZero();
        marts = work.resolve("marts");

        Path duckdb = dir.resolve("duckdb");
        DuckDbPeer.load(input, duckdb);
        DuckDbPeer.figures(duckdb, duckdb);
        figures = duckdb.resolve("figures");

        Path spark = dir.resolve("spark");
        SparkCsvPeer.convert(input, spark, "local[2]");
        SparkSqlPeer.figures(spark, spark, "local[2]");
        sparkFigures = spark.resolve("figures");
    }

    @Test
    void duckDbsFiguresEqualOurMarts() {
        for (String mart : Benchmark.COMPARED_MARTS) {
            assertThat(ParquetRows.read(figures.resolve(mart))).as(mart).isNotEmpty();
            assertThat(FigureCheck.compare("DuckDB", mart, figures, marts)).as(mart).isEmpty();
        }
    }

    @Test
    void plainSparkSqlsFiguresEqualOurMarts() {
        for (String mart : Benchmark.COMPARED_MARTS) {
            assertThat(ParquetRows.read(sparkFigures.resolve(mart))).as(mart).isNotEmpty();
            assertThat(FigureCheck.compare("Spark", mart, sparkFigures, marts)).as(mart).isEmpty();
        }
    }

    @Test
    void aFigureThatDiffersIsReported() throws Exception {
        Path changed = dir.resolve("changed").resolve("survey_returns");
        Files.createDirectories(changed);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
            // one office's returned forms one higher than DuckDB counted
            sql.execute("COPY (SELECT year, office_id, forms_distributed, forms_returned"
                    + " + CASE WHEN row_number() OVER (ORDER BY office_id) = 1 THEN 1 ELSE 0 END AS forms_returned,"
                    + " return_rate FROM read_parquet('" + figures.resolve("survey_returns").resolve("part-0.parquet")
                    + "')) TO '" + changed.resolve("part-0.parquet") + "' (FORMAT parquet)");
        }
        assertThat(FigureCheck.compare("DuckDB", "survey_returns", changed.getParent(), marts)).singleElement().asString()
                .contains("forms_returned: DuckDB").containsPattern("survey_returns \\[\\d{4}, [^\\]]+\\] ");
        // every office's count one higher: the first five differences, then how many more
        Path all = dir.resolve("all").resolve("survey_returns");
        Files.createDirectories(all);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
            sql.execute("COPY (SELECT year, office_id, forms_distributed, forms_returned + 1 AS forms_returned,"
                    + " return_rate FROM read_parquet('" + figures.resolve("survey_returns").resolve("part-0.parquet")
                    + "')) TO '" + all.resolve("part-0.parquet") + "' (FORMAT parquet)");
        }
        long offices = ParquetRows.read(figures.resolve("survey_returns")).size();
        assertThat(offices).isGreaterThan(5);
        assertThat(FigureCheck.compare("DuckDB", "survey_returns", all.getParent(), marts)).hasSize(6)
                .satisfies(lines -> assertThat(lines.subList(0, 5)).allMatch(line -> line.contains("forms_returned")))
                .last().asString().isEqualTo("survey_returns: " + (offices - 5) + " more differences");
        Path none = Files.createDirectories(dir.resolve("none").resolve("survey_returns"));
        assertThat(FigureCheck.compare("DuckDB", "survey_returns", none.getParent(), marts)).singleElement().asString()
                .contains("DuckDB matched 0");
    }
}
