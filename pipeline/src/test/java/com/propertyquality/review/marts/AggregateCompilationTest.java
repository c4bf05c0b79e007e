package com.propertyquality.review.marts;

import static com.propertyquality.review.support.LakeFixture.all;
import static com.propertyquality.review.support.LakeFixture.ratings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveExecutionUpdate;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import com.propertyquality.review.config.ReviewProperties;
import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.lake.LakeSnapshots;
import com.propertyquality.review.lake.ParquetRows;
import com.propertyquality.review.support.LakeFixture;
import com.propertyquality.review.support.TestSpark;

/**
 * An aggregate of a small lake runs its queries interpreted over tables read once into memory, and with
 * {@code small-lake-below} at 0 compiled over tables scanned by every query, to the same figures; the size it judges
 * by is the bytes of the lake's data files.
 */
class AggregateCompilationTest {

    private static final List<String> MARTS = List.of(SurveyMarts.SURVEY_RETURNS, SurveyMarts.SATISFACTION_BY_OFFICE);

    @TempDir
    static Path root;
    static WorkFolder work;

    @BeforeAll
    static void company() {
        work = new WorkFolder(root);
        new LakeFixture(root.resolve("lake"))
                .office("A", "甲管理处").office("B", "乙管理处").office("C", "丙管理处")
                .distributed("A", 2025, 4).distributed("B", 2025, 1)
                .form("A1", "A", 2025, ratings("satisfied", "dissatisfied"))
                .form("A2", "A", 2025, all("very_satisfied"))
                .form("A3", "A", 2025, ratings())
                .form("B1", "B", 2025, all("fairly_satisfied"))
                .form("B2", "B", 2025, ratings("very_dissatisfied"))
                .write();
    }

    @Test
    void theLakesSizeIsTheBytesOfItsDataFiles() throws IOException {
        long files;
        try (Stream<Path> walk = Files.walk(root.resolve("lake"))) {
            files = walk.filter(file -> file.toString().endsWith(".parquet")).mapToLong(AggregateCompilationTest::size)
                    .sum();
        }
        LakeSnapshots snapshots = new LakeSnapshots(work.catalog());

        assertThat(files).isPositive();
        assertThat(snapshots.dataBytes(null)).hasValue(files);
        assertThat(snapshots.dataBytes(java.time.Instant.EPOCH)).as("before any load").hasValue(0);
    }

    @Test
    void aSmallLakeIsAggregatedInterpretedFromMemoryAndTheLineAtZeroCompilesAndScansToTheSameFigures()
            throws Exception {
        Plans small = aggregate(DataSize.ofMegabytes(1));
        Map<String, List<Map<String, Object>>> interpretedMarts = marts();
        Plans compiled = aggregate(DataSize.ofBytes(0));

        assertThat(small.descriptions).isNotEmpty().noneMatch(plan -> plan.contains("codegen id"));
        assertThat(compiled.descriptions).anyMatch(plan -> plan.contains("codegen id"));
        // the marts' queries scan the survey's tables again and again (the previous year too), or they are read
        // once into memory
        for (String table : List.of("survey_distribution", "survey_responses", "offices")) {
            assertThat(compiled.scansOf(table)).as(table).isGreaterThanOrEqualTo(2);
            assertThat(small.scansOf(table)).as(table).isEqualTo(1);
        }
        assertThat(small.starts).anyMatch(plan -> plan.contains("LocalTableScan"));
        assertThat(interpretedMarts.get(SurveyMarts.SURVEY_RETURNS)).hasSize(3);
        assertThat(marts()).isEqualTo(interpretedMarts);
        // the shared session compiles as before
        assertThat(TestSpark.session().conf().get("spark.sql.codegen.wholeStage")).isEqualTo("true");
    }

    /** The plans of the SQL executions one aggregate of {@link #MARTS} ran. */
    private static Plans aggregate(DataSize smallLakeBelow) throws java.util.concurrent.TimeoutException {
        ReviewProperties properties = new ReviewProperties(root, null, null, "测试物业",
                new ReviewProperties.Spark("local[2]", 2, 2, Map.of(), smallLakeBelow),
                new ReviewProperties.Returns(new BigDecimal("0.60")), new ReviewProperties.Ingest(1, 1000),
                "12-31", new ReviewProperties.LakeCatalogSettings(null, null, null, null));
        SparkContext context = TestSpark.session().sparkContext();
        Plans plans = new Plans();
        context.addSparkListener(plans);
        try {
            new AggregateService(properties, work).aggregate(LocalDate.of(2025, 12, 31), MARTS);
            context.listenerBus().waitUntilEmpty();
        } finally {
            context.removeSparkListener(plans);
        }
        return plans;
    }

    private static Map<String, List<Map<String, Object>>> marts() {
        return Map.of(SurveyMarts.SURVEY_RETURNS, ParquetRows.read(root.resolve("marts").resolve(SurveyMarts.SURVEY_RETURNS)),
                SurveyMarts.SATISFACTION_BY_OFFICE,
                ParquetRows.read(root.resolve("marts").resolve(SurveyMarts.SATISFACTION_BY_OFFICE)));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The physical plans Spark reports: at each execution's start and as adaptive execution replans it. */
    private static final class Plans extends SparkListener {
        final List<String> descriptions = new CopyOnWriteArrayList<>();
        /** The plan of each execution as it started: one per query. */
        final List<String> starts = new CopyOnWriteArrayList<>();

        /** How many times the queries scanned the lake's table: its Iceberg batch scans in the plans' trees. */
        long scansOf(String table) {
            java.util.regex.Pattern scan = java.util.regex.Pattern.compile("- BatchScan \\S+\\." + table + " \\(");
            return starts.stream().mapToLong(plan -> scan.matcher(plan).results().count()).sum();
        }

        @Override
        public void onOtherEvent(SparkListenerEvent event) {
            if (event instanceof SparkListenerSQLExecutionStart start) {
                descriptions.add(start.physicalPlanDescription());
                starts.add(start.physicalPlanDescription());
            } else if (event instanceof SparkListenerSQLAdaptiveExecutionUpdate update) {
                descriptions.add(update.physicalPlanDescription());
            }
        }
    }
}
