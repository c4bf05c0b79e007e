package com.propertyquality.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.ingest.IngestJobConfiguration;
import com.propertyquality.review.lake.StoragePath;
import com.propertyquality.review.marts.Mart;
import com.propertyquality.review.marts.MartRows;
import com.propertyquality.review.marts.Marts;
import com.propertyquality.review.marts.SourceMarts;
import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.SampleReview;
import com.propertyquality.review.support.TestHdfs;

/**
 * The lake and the marts on a real HDFS (--lake, --marts): the sample goes through ingest, aggregate and report with
 * nothing of them on the local disk, and every mart equals the one the same run writes on the local disk.
 * <p>
 * This run once hung, late in the unit tests' JVM, its last mart waiting for ever on a job whose tasks preferred
 * different HDFS hosts: Spark's locality wait on a local master (fixed in {@code SparkSessions}, shown by
 * {@code SparkSessionsTest}).
 */
class HdfsReviewTest {

    @TempDir
    Path work;

    @Test
    void theSampleReviewWithItsLakeAndMartsOnHdfsWritesTheMartsOfALocalRun() throws SQLException {
        String lake = TestHdfs.newFolder("lake");
        String marts = TestHdfs.newFolder("marts");

        Cli.Result result = Cli.run("review", "--input", SampleReview.SAMPLE.toString(), "--work", work.toString(),
                "--lake", lake, "--marts", marts, "--year", "2025");

        assertThat(result.status()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("Stored 6618 rows; rejected 22 rows");
        assertThat(work.resolve("lake")).doesNotExist();
        assertThat(work.resolve("marts")).doesNotExist();
        assertThat(StoragePath.of(lake).resolve("quality/survey_responses/data").list()).isNotEmpty();
        assertThat(work.resolve("staging")).doesNotExist();
        assertThat(work.resolve("reports/management-review-2025.pdf")).isNotEmptyFile();
        // the file jobs name the lake by its URI: the key of the shared run lock and of a killed run's jobs
        assertThat(lakeParameters()).containsExactly(lake);
        MartRows onHdfs = new MartRows(StoragePath.of(marts));
        MartRows onDisk = new MartRows(SampleReview.work().resolve("marts"));
        for (Mart mart : Marts.all()) {
            if (mart.name().equals(SourceMarts.DATA_SOURCES)) {
                // two lakes: their snapshots, runs and moments differ; the files behind them do not
                assertThat(sources(onHdfs)).isEqualTo(sources(onDisk)).isNotEmpty();
                continue;
            }
            assertThat(onHdfs.read(mart.name())).as(mart.name()).isEqualTo(onDisk.read(mart.name()));
        }
    }

    /** The data sources without what belongs to one lake (snapshot ids, run ids, moments). */
    private static List<String> sources(MartRows marts) {
        return marts.read(SourceMarts.DATA_SOURCES).stream().map(row -> row.get("lake_table") + " "
                + row.get("year") + " " + row.get("source_file") + " " + row.get("source_sha256") + " "
                + row.get("rows_stored") + " " + row.get("rows_rejected")).toList();
    }

    private List<String> lakeParameters() throws SQLException {
        List<String> lakes = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + work.resolve("job-repository/batch"), "sa", "");
             ResultSet rows = connection.createStatement().executeQuery("SELECT DISTINCT PARAMETER_VALUE FROM"
                     + " BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_NAME = '" + IngestJobConfiguration.LAKE + "'")) {
            while (rows.next()) {
                lakes.add(rows.getString(1));
            }
        }
        return lakes;
    }
}
