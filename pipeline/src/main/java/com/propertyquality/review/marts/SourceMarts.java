package com.propertyquality.review.marts;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

import com.propertyquality.review.contract.Template;
import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.lake.LakeSnapshots;

/**
 * Where the figures come from (数据来源): the snapshot of every lake table the aggregate read, and the loads and input
 * files behind each, per year of its partitions. Every mart of one aggregate reads the lake at exactly these
 * snapshots ({@link LakeTables} pins them), so this mart is the record that traces any figure of the run to the
 * files the offices sent (procedure 4.4.4: the review's records kept as quality records).
 */
public final class SourceMarts {

    public static final String DATA_SOURCES = "data_sources";

    private SourceMarts() {
    }

    /** The sources family of the mart registry. */
    public static List<Mart> marts() {
        return List.of(new Mart(DATA_SOURCES, DataSources.COLUMNS,
                "the lake snapshot each table was read at, and the loads and input files behind it, per year",
                ctx -> dataSources(ctx.spark(), ctx.lake())));
    }

    /** The declared columns of {@link #DATA_SOURCES}, in stored order. */
    public static final class DataSources {
        public static final MartColumn LAKE_TABLE = MartColumn.required("lake_table", DataTypes.StringType,
                "the table read, as the catalog names it (`quality.feedback`)");
        public static final MartColumn SNAPSHOT_ID = MartColumn.required("snapshot_id", DataTypes.LongType,
                "the Iceberg snapshot of the table every mart of this aggregate read");
        public static final MartColumn COMMITTED_AT = MartColumn.required("committed_at", DataTypes.StringType,
                "when that snapshot was committed, ISO-8601 in UTC (`2026-01-31T10:15:30.123Z`)");
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "the year of the partitions this row stands behind; null for a table not partitioned by year"
                        + " (`offices`, `households`)");
        public static final MartColumn ADDED_BY_SNAPSHOT = MartColumn.required("added_by_snapshot",
                DataTypes.LongType, "the snapshot whose load wrote rows those partitions' current data files hold");
        public static final MartColumn RUN_ID = MartColumn.of("run_id", DataTypes.StringType,
                "that load's ingest run (`<work>/runs/<run>/manifest.json`); null for a snapshot another tool"
                        + " committed");
        public static final MartColumn LOADED_AT = MartColumn.required("loaded_at", DataTypes.StringType,
                "when that load committed, ISO-8601 in UTC");
        public static final MartColumn SOURCE_FILE = MartColumn.of("source_file", DataTypes.StringType,
                "an input file of that load, without folders; null when the snapshot names none");
        public static final MartColumn SOURCE_SHA256 = MartColumn.of("source_sha256", DataTypes.StringType,
                "its SHA-256");
        public static final MartColumn ROWS_STORED = MartColumn.of("rows_stored", DataTypes.LongType,
                "its rows stored by that load (all years)");
        public static final MartColumn ROWS_REJECTED = MartColumn.of("rows_rejected", DataTypes.LongType,
                "its rows rejected by that load");
        public static final MartColumns COLUMNS = MartColumns.of(LAKE_TABLE, SNAPSHOT_ID, COMMITTED_AT, YEAR,
                ADDED_BY_SNAPSHOT, RUN_ID, LOADED_AT, SOURCE_FILE, SOURCE_SHA256, ROWS_STORED, ROWS_REJECTED);

        private DataSources() {
        }
    }

    /** Read from the tables' metadata on the driver: manifests and snapshot summaries, no data file. */
    static Dataset<Row> dataSources(SparkSession spark, LakeTables lake) {
        List<Row> rows = new ArrayList<>();
        LakeSnapshots snapshots = new LakeSnapshots(lake.catalog());
        for (Template template : Lake.templates()) {
            lake.snapshot(template).ifPresent(read -> {
                for (LakeSnapshots.Behind behind : snapshots.behind(read)) {
                    boolean named = behind.source() != null;
                    rows.add(RowFactory.create(read.table(), read.snapshotId(), read.committedAt().toString(),
                            behind.year(), behind.addedBy(), behind.runId(), behind.loadedAt().toString(),
                            named ? behind.source().file() : null, named ? behind.source().sha256() : null,
                            named ? behind.source().stored() : null, named ? behind.source().rejected() : null));
                }
            });
        }
        return spark.createDataFrame(rows, DataSources.COLUMNS.schema());
    }
}
