package com.propertyquality.review.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.SnapshotUtil;

import com.propertyquality.review.contract.Template;

/**
 * Which state of the lake an aggregate reads, and what is behind it: the snapshot of each public table (its
 * current one, or the one it had at a moment of the past), and for a snapshot the loads and input files whose rows
 * it holds. This is how a figure is traced to the files an office sent, and how a signed packet is reproduced.
 */
public final class LakeSnapshots {

    /**
     * The snapshot a table was read at.
     *
     * @param table       the table's name in the catalog ({@code quality.feedback})
     * @param template    the template that fills it
     * @param snapshotId  Iceberg's snapshot id
     * @param committedAt when the snapshot was committed
     * @param runId       the ingest run that committed it (null for a snapshot another tool made)
     */
    public record TableSnapshot(String table, Template template, long snapshotId, Instant committedAt,
                                String runId) {
    }

    /**
     * An input file behind some of a table snapshot's rows.
     *
     * @param year      the year of the partitions it stands behind, or null for a table not partitioned by year
     * @param addedBy   a snapshot whose load wrote rows those partitions' current files hold: the one that added a
     *                  file, or one whose rows it kept ({@link SnapshotSummary#KEPT_FROM})
     * @param runId     that load's run (null for a snapshot another tool made, which names no files)
     * @param loadedAt  when that load committed
     * @param source    the file, null when the snapshot names none
     */
    public record Behind(TableSnapshot read, Integer year, long addedBy, String runId, Instant loadedAt,
                         SnapshotSummary.Source source) {
    }

    private final LakeCatalog lake;

    public LakeSnapshots(LakeCatalog lake) {
        this.lake = lake;
    }

    /**
     * The snapshot a table was at {@code moment} (the last one committed by then), or its current one when the
     * moment is null; empty when the table was empty then or did not exist yet.
     */
    public static Optional<Snapshot> at(Table table, Instant moment) {
        if (moment == null) {
            return Optional.ofNullable(table.currentSnapshot());
        }
        for (Snapshot snapshot : SnapshotUtil.currentAncestors(table)) {
            if (snapshot.timestampMillis() <= moment.toEpochMilli()) {
                return Optional.of(snapshot);
            }
        }
        return Optional.empty();
    }

    /**
     * The bytes of data files the public tables hold at {@code moment} (null: now), from each snapshot's summary;
     * no manifest or data file is opened. Empty when a table's snapshot does not say (another tool wrote it).
     */
    public OptionalLong dataBytes(Instant moment) {
        long bytes = 0;
        for (Template template : Lake.templates()) {
            Optional<Table> table = lake.load(template, template.dataset());
            Optional<Snapshot> snapshot = table.flatMap(t -> at(t, moment));
            if (snapshot.isEmpty()) {
                continue; // read as empty
            }
            String size = snapshot.get().summary().get(org.apache.iceberg.SnapshotSummary.TOTAL_FILE_SIZE_PROP);
            if (size == null) {
                return OptionalLong.empty();
            }
            bytes += Long.parseLong(size);
        }
        return OptionalLong.of(bytes);
    }

    /**
     * The moment right after the last commit of an ingest run, over every table; empty when the run committed
     * nothing (it loaded nothing new, or its id is wrong).
     */
    public Optional<Instant> committedBy(String runId) {
        long last = -1;
        for (Template template : Lake.templates()) {
            for (LakeSchemas.LakeDataset dataset : LakeSchemas.datasets(template)) {
                Optional<Table> table = lake.load(template, dataset.name());
                if (table.isEmpty()) {
                    continue;
                }
                for (Snapshot snapshot : table.get().snapshots()) {
                    if (runId.equals(snapshot.summary().get(SnapshotSummary.RUN_ID))) {
                        last = Math.max(last, snapshot.timestampMillis());
                    }
                }
            }
        }
        return last < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last));
    }

    /**
     * The input files behind a table snapshot's rows: for each year of its partitions (one group for a table not
     * partitioned by year), the loads whose files the snapshot still holds there, and the input files each of those
     * loads named. Read from the table's manifests and snapshot summaries; no data file is opened.
     */
    public List<Behind> behind(TableSnapshot read) {
        Table table = lake.load(read.template(), read.template().dataset()).orElseThrow();
        Map<Long, Snapshot> bySequence = new HashMap<>();
        for (Snapshot snapshot : table.snapshots()) {
            bySequence.put(snapshot.sequenceNumber(), snapshot);
        }
        Map<Long, Snapshot> byId = new HashMap<>();
        table.snapshots().forEach(snapshot -> byId.put(snapshot.snapshotId(), snapshot));
        boolean byYear = read.template().partitionBy().contains(Template.YEAR);
        // year (or -1) -> adding snapshot ids, in commit order
        TreeMap<Integer, TreeMap<Long, Snapshot>> adders = new TreeMap<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(read.snapshotId()).planFiles()) {
            for (FileScanTask task : tasks) {
                int yearPosition = byYear ? yearPosition(table.specs().get(task.file().specId())) : -1;
                Integer year = yearPosition < 0 ? -1 : task.file().partition().get(yearPosition, Integer.class);
                Snapshot added = bySequence.get(task.file().dataSequenceNumber());
                if (added != null) {
                    TreeMap<Long, Snapshot> loads = adders.computeIfAbsent(year == null ? -1 : year,
                            y -> new TreeMap<>());
                    loads.put(added.sequenceNumber(), added);
                    // a file that kept other partitions' rows when its group was rewritten: the loads behind them
                    for (long kept : SnapshotSummary.keptFrom(added.summary())) {
                        Snapshot keptFrom = byId.get(kept);
                        if (keptFrom != null) {
                            loads.put(keptFrom.sequenceNumber(), keptFrom);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifests of " + table.name(), e);
        }
        List<Behind> behind = new ArrayList<>();
        adders.forEach((year, snapshots) -> {
            for (Snapshot snapshot : snapshots.values()) {
                String run = snapshot.summary().get(SnapshotSummary.RUN_ID);
                Instant at = Instant.ofEpochMilli(snapshot.timestampMillis());
                List<SnapshotSummary.Source> sources = SnapshotSummary.sources(snapshot.summary());
                Integer shownYear = year < 0 ? null : year;
                if (sources.isEmpty()) {
                    behind.add(new Behind(read, shownYear, snapshot.snapshotId(), run, at, null));
                }
                for (SnapshotSummary.Source source : sources) {
                    behind.add(new Behind(read, shownYear, snapshot.snapshotId(), run, at, source));
                }
            }
        });
        return behind;
    }

    /** A template's own table as read at one of its snapshots. */
    public static TableSnapshot of(Template template, Snapshot snapshot) {
        return new TableSnapshot(LakeCatalog.table(template).toString(), template, snapshot.snapshotId(),
                Instant.ofEpochMilli(snapshot.timestampMillis()), snapshot.summary().get(SnapshotSummary.RUN_ID));
    }

    /** Where a spec's partition tuple holds the year, or -1 when it has none. */
    private static int yearPosition(PartitionSpec spec) {
        for (int i = 0; i < spec.fields().size(); i++) {
            PartitionField field = spec.fields().get(i);
            if (field.transform().isIdentity() && Template.YEAR.equals(spec.schema().findColumnName(field.sourceId()))) {
                return i;
            }
        }
        return -1;
    }
}
