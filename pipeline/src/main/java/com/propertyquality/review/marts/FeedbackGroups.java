package com.propertyquality.review.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

import com.propertyquality.review.marts.FeedbackMarts.FeedbackSummary;
import com.propertyquality.review.metrics.DaysToClose;

/**
 * The groups of {@code feedback_summary}: per (year, month, office, channel, kind, area, level, severity), the
 * entries, the closed ones, the median and 90th percentile of their days to close ({@link DaysToClose}), and the
 * open-over-30-days and original-kept counts, from entries whose judgements the Spark forms of the formulas made
 * ({@link Entries}).
 *
 * <p>On a local master ({@link #inJava}) the entries are spread over partitions by office, so that a group's entries
 * meet in one partition, and each partition is summed in a hash map: each group's days sorted once, in an array of
 * its own. Spark's {@code percentile} aggregate keeps a map of counts per group, serialises it between a partial and
 * a final aggregation, and past 128 groups sorts every entry by the eight keys; with groups of three or four entries
 * (230,000 at scale 1) that was a third of the mart's time (BENCHMARKS.md, issue 17). A cluster's executors see
 * Spark's jars only, not this class, so there the groups are Spark's aggregate ({@link #bySpark}). Both give the same
 * doubles: {@code DaysToClose} does Spark's arithmetic, and the tests compare both routes.
 */
final class FeedbackGroups implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /**
     * Entries per partition, on average (an office's entries share one): every group of a partition is held until
     * the partition ends, so this bounds a task's memory (a few hundred bytes a group; at worst, a group per entry,
     * under 100 MB).
     */
    static final long ENTRIES_PER_PARTITION = 250_000;

    /** The grouping keys: the first fields of {@link #GROUPS}. */
    private static final int KEYS = 8;

    /**
     * The groups' rows: the mart's declared columns but the office's name and the figures computed from the sums (the
     * eight keys, then the sums and percentiles), in the order {@link #call} makes them.
     */
    static final StructType GROUPS = FeedbackSummary.COLUMNS.without(FeedbackSummary.OFFICE_NAME,
            FeedbackSummary.CLOSURE_RATE, FeedbackSummary.CLOSURE_RATE_CI_LOW, FeedbackSummary.CLOSURE_RATE_CI_HIGH,
            FeedbackSummary.ORIGINAL_KEPT_SHARE).schema();

    /**
     * One row per entry, as {@link #summed} reads it: the eight keys and the entry's judgements, each made by the
     * caller with the formulas' Spark forms.
     *
     * @param days the days to close, null unless the entry is closed
     */
    record Entries(Column year, Column month, Column officeId, Column channel, Column kind, Column area, Column level,
                   Column severity, Column closed, Column days, Column openOverDays, Column originalKept,
                   Column originalKnown) {

        private Column[] columns() {
            return new Column[] {year.cast("int").as("year"), month.cast("int").as("month"),
                    officeId.cast("string").as("office_id"), channel.cast("string").as("channel"),
                    kind.cast("string").as("kind"), area.cast("string").as("area"), level.cast("string").as("level"),
                    severity.cast("string").as("severity"), flag(closed).as("closed"), days.cast("int").as("days"),
                    flag(openOverDays).as("open_over_30_days"), flag(originalKept).as("original_kept"),
                    flag(originalKnown).as("original_known")};
        }

        private static Column flag(Column judged) {
            return when(judged, 1).otherwise(0);
        }
    }

    private FeedbackGroups() {
    }

    /**
     * The groups of {@code entries} (one row per feedback entry), unordered: summed in this application's code on a
     * local master, in {@code partitions} partitions; by Spark's aggregate on a cluster.
     */
    static Dataset<Row> summed(Dataset<Row> entries, Entries judged, int partitions) {
        return entries.sparkSession().sparkContext().isLocal() ? inJava(entries, judged, partitions)
                : bySpark(entries, judged);
    }

    /** The groups summed by {@link #call}, a partition's groups at a time. */
    static Dataset<Row> inJava(Dataset<Row> entries, Entries judged, int partitions) {
        return entries.select(judged.columns())
                .repartition(partitions, col("office_id"))
                .mapPartitions(new FeedbackGroups(), Encoders.row(GROUPS));
    }

    /** The same groups by Spark's aggregate and exact {@code percentile}, needing no class of this application. */
    static Dataset<Row> bySpark(Dataset<Row> entries, Entries judged) {
        List<Column> keys = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            keys.add(col(GROUPS.fields()[i].name()));
        }
        List<Column> columns = new ArrayList<>(keys);
        columns.addAll(List.of(col("entries"), col("closed"), col("percentiles").getItem(0).as("median_days_to_close"),
                col("percentiles").getItem(1).as("p90_days_to_close"), col("open_over_30_days"),
                col("originals_kept"), col("originals_known")));
        return entries.select(judged.columns())
                .groupBy(keys.toArray(Column[]::new))
                .agg(count(lit(1)).as("entries"), sum("closed").cast("long").as("closed"),
                        DaysToClose.percentilesColumn(col("days"), DaysToClose.MEDIAN, DaysToClose.P90)
                                .as("percentiles"),
                        sum("open_over_30_days").cast("long").as("open_over_30_days"),
                        sum("original_kept").cast("long").as("originals_kept"),
                        sum("original_known").cast("long").as("originals_known"))
                .select(columns.toArray(Column[]::new));
    }

    /** Enough partitions that each holds about {@link #ENTRIES_PER_PARTITION} entries, and one per core at least. */
    static int partitions(long entries, int cores) {
        long needed = (entries + ENTRIES_PER_PARTITION - 1) / ENTRIES_PER_PARTITION;
        return (int) Math.max(Math.max(cores, 1), Math.min(needed, Integer.MAX_VALUE));
    }

    @Override
    public Iterator<Row> call(Iterator<Row> entries) {
        Map<Key, Sums> groups = new HashMap<>();
        while (entries.hasNext()) {
            Row entry = entries.next();
            Key key = new Key(entry.getInt(0), entry.getInt(1), entry.getString(2), entry.getString(3),
                    entry.getString(4), entry.getString(5), entry.getString(6), entry.getString(7));
            groups.computeIfAbsent(key, k -> new Sums()).add(entry);
        }
        List<Row> rows = new ArrayList<>(groups.size());
        groups.forEach((key, sums) -> rows.add(sums.row(key)));
        return rows.iterator();
    }

    private record Key(int year, int month, String officeId, String channel, String kind, String area, String level,
                       String severity) {
    }

    private static final class Sums {
        private long entries;
        private long closed;
        private long openOverDays;
        private long originalsKept;
        private long originalsKnown;
        private int[] days = new int[4];
        private int closedWithDays;

        void add(Row entry) {
            entries++;
            closed += entry.getInt(8);
            if (!entry.isNullAt(9)) {
                if (closedWithDays == days.length) {
                    days = Arrays.copyOf(days, closedWithDays * 2);
                }
                days[closedWithDays++] = entry.getInt(9);
            }
            openOverDays += entry.getInt(10);
            originalsKept += entry.getInt(11);
            originalsKnown += entry.getInt(12);
        }

        Row row(Key key) {
            Arrays.sort(days, 0, closedWithDays);
            return RowFactory.create(key.year(), key.month(), key.officeId(), key.channel(), key.kind(), key.area(),
                    key.level(), key.severity(), entries, closed,
                    DaysToClose.percentileOfSorted(days, closedWithDays, DaysToClose.MEDIAN),
                    DaysToClose.percentileOfSorted(days, closedWithDays, DaysToClose.P90),
                    openOverDays, originalsKept, originalsKnown);
        }
    }
}
