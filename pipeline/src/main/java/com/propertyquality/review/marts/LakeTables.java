package com.propertyquality.review.marts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.spark.SparkReadOptions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import com.propertyquality.review.contract.Template;
import com.propertyquality.review.lake.LakeCatalog;
import com.propertyquality.review.lake.LakeSchemas;
import com.propertyquality.review.lake.LakeSnapshots;
import com.propertyquality.review.lake.StoragePath;

/**
 * The lake's tables as Spark DataFrames, read through Iceberg's Spark catalog and given the columns the contract
 * defines, in its order, so that a table written by an older contract or another tool cannot change what a mart
 * sees. Each table is read at one snapshot, fixed when it is first read (or the one it had at a moment of the
 * past): an ingest committing while an aggregate runs cannot give two marts two different lakes. A table not
 * loaded yet reads as empty. Only the public tables can be read: the personal data's table has no way in here, so
 * no mart can read it.
 */
public final class LakeTables {

    private final SparkSession spark;
    private final LakeCatalog catalog;
    /**
     * How Spark's read tasks are cut ({@code split-size}, {@code file-open-cost}: Iceberg's read options, set on every
     * read). When the lake held a file per (office, year), tens to hundreds of kilobytes, Iceberg's defaults (4 MB
     * counted per file, and a split cut to 16 MB when a table is smaller than a split per shuffle partition) gave a
     * task 4 files: 50 tasks for a table of 200 offices, each paying Spark's fixed cost per task, about a third of
     * the aggregate's time at scale 1 (BENCHMARKS.md, issue 17). The lake now holds a file per year and office
     * bucket ({@code FileGroups}), 8 per year: a table under {@link #SPREAD_ABOVE} is read in one split, a larger
     * one in a split per core ({@link #splitSize}), never more than 128 MB each.
     */
    static final long SPLIT_SIZE = 128L << 20;
    static final long FILE_OPEN_COST = 1L << 20;
    /**
     * A table of at least this much data is read in a task per core, not in one ({@link #splitSize}). The scale-1
     * feedback table (15 MB in 8 files) was one split: the longest mart's scan and partial aggregation ran on one
     * core for 12.7 s while the other had nothing left to do (BENCHMARKS.md, issue 17).
     */
    static final long SPREAD_ABOVE = 4L << 20;

    /** The moment whose lake is read, or null for the tables as they are when first read. */
    private final Instant moment;
    private final Reading reading;
    /**
     * The snapshot each table is read at, fixed at its first read: every mart of a run sees the same lake. Kept
     * whole, since the catalog caches nothing: its summary sizes the read's splits without loading the table again.
     */
    private final Map<TableIdentifier, Optional<Snapshot>> pinned = new ConcurrentHashMap<>();

    /** The tables of a lake on the local disk, its catalog in the folder. */
    public LakeTables(SparkSession spark, java.nio.file.Path lake) {
        this(spark, StoragePath.local(lake));
    }

    /** The tables of a lake whose catalog is in its folder. */
    public LakeTables(SparkSession spark, StoragePath lake) {
        this(spark, LakeCatalog.inLake(lake));
    }

    public LakeTables(SparkSession spark, LakeCatalog catalog) {
        this(spark, catalog, null);
    }

    /**
     * The tables as they were at {@code moment} (Iceberg time travel): each at the last snapshot committed by then,
     * a table created later or empty then reading as empty.
     */
    public LakeTables(SparkSession spark, LakeCatalog catalog, Instant moment) {
        this(spark, catalog, moment, Reading.SCANNED);
    }

    /** As {@link #LakeTables(SparkSession, LakeCatalog, Instant)}, each table read as {@code reading} says. */
    public LakeTables(SparkSession spark, LakeCatalog catalog, Instant moment, Reading reading) {
        this.spark = spark;
        this.catalog = catalog;
        this.moment = moment;
        this.reading = reading;
        // the catalog under its name in this session; Spark opens it on first use
        catalog.sparkConf().forEach((key, value) -> spark.conf().set(key, value));
    }

    /** Each table is resolved once per aggregation, however many marts read it. */
    private final Map<String, Dataset<Row>> read = new ConcurrentHashMap<>();

    public Dataset<Row> read(Template template) {
        return read.computeIfAbsent(template.dataset(),
                dataset -> load(LakeCatalog.table(template), LakeSchemas.sparkSchema(template)));
    }

    public LakeCatalog catalog() {
        return catalog;
    }

    /** The snapshot the template's own table is read at, empty when it reads as empty. */
    public Optional<LakeSnapshots.TableSnapshot> snapshot(Template template) {
        TableIdentifier id = LakeCatalog.table(template);
        return snapshotOf(id).map(snapshot -> LakeSnapshots.of(template, snapshot));
    }

    /** The rows of the template's own table at the snapshot it is read at (its summary's count), 0 when empty. */
    public long rows(Template template) {
        return snapshotOf(LakeCatalog.table(template))
                .map(snapshot -> summaryLong(snapshot, SnapshotSummary.TOTAL_RECORDS_PROP)).orElse(0L);
    }

    private Optional<Snapshot> snapshotOf(TableIdentifier id) {
        return pinned.computeIfAbsent(id, key -> catalog.catalog().tableExists(key)
                ? LakeSnapshots.at(catalog.catalog().loadTable(key), moment)
                : Optional.empty());
    }

    private Dataset<Row> load(TableIdentifier table, StructType schema) {
        Optional<Snapshot> pinnedSnapshot = snapshotOf(table);
        if (pinnedSnapshot.isEmpty()) {
            return spark.createDataFrame(List.of(), schema);
        }
        Snapshot snapshot = pinnedSnapshot.get();
        long split = splitSize(summaryLong(snapshot, SnapshotSummary.TOTAL_FILE_SIZE_PROP),
                summaryLong(snapshot, SnapshotSummary.TOTAL_DATA_FILES_PROP),
                spark.sparkContext().defaultParallelism());
        Dataset<Row> rows = spark.read()
                .option("versionAsOf", snapshot.snapshotId()) // Spark's time travel, as VERSION AS OF
                .option(SparkReadOptions.SPLIT_SIZE, split)
                .option(SparkReadOptions.FILE_OPEN_COST, FILE_OPEN_COST)
                .table(sparkName(table));
        Column[] columns = new Column[schema.fields().length];
        for (int i = 0; i < columns.length; i++) {
            StructField field = schema.fields()[i];
            // by name: the contract's columns in its order, whatever else the table holds (its types are the
            // contract's: a load refuses a table whose types differ, TableSchemas.evolve)
            columns[i] = functions.col(field.name());
        }
        Dataset<Row> selected = rows.select(columns);
        if (reading == Reading.IN_MEMORY) {
            // one scan now; the marts' queries then read rows in the plan (Spark's local relation): no Iceberg scan
            // planning, table broadcast, file opening or Parquet decoding per query
            return spark.createDataFrame(selected.collectAsList(), schema);
        }
        return selected;
    }

    /**
     * The split size for a table of {@code dataBytes} in {@code dataFiles} files: one split (up to {@link #SPLIT_SIZE})
     * below {@link #SPREAD_ABOVE}; above it, about a core's share, so that the scan runs on every core. Iceberg weighs
     * each file at least {@link #FILE_OPEN_COST} when it packs files into splits; a file's open cost is added as
     * slack, so that a share's files are not cut into one split more.
     */
    static long splitSize(long dataBytes, long dataFiles, int parallelism) {
        if (dataBytes < SPREAD_ABOVE || parallelism < 2) {
            return SPLIT_SIZE;
        }
        long weight = Math.max(dataBytes, dataFiles * FILE_OPEN_COST);
        long share = (weight + parallelism - 1) / parallelism;
        return Math.min(SPLIT_SIZE, share + FILE_OPEN_COST);
    }

    private static long summaryLong(Snapshot snapshot, String key) {
        String value = snapshot.summary().get(key);
        return value == null ? 0 : Long.parseLong(value);
    }

    /** How the marts' queries reach a table's rows. */
    public enum Reading {
        /** Every query scans the table's files (Iceberg's Spark reader): any size, spread over the executors. */
        SCANNED,
        /**
         * The table's rows are read once, at the snapshot pinned for the run, into the driver's memory, and every
         * query reads them from there: for a small lake only ({@code review.spark.small-lake-below}), where each
         * scan's set-up costs more than its rows. The sample's aggregate took a tenth less time (BENCHMARKS.md).
         */
        IN_MEMORY
    }

    /** The table's name in Spark SQL: catalog, namespace, table. */
    String sparkName(TableIdentifier table) {
        return catalog.name() + "." + table.namespace().level(0) + "." + table.name();
    }
}
