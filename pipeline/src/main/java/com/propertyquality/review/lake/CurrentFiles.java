package com.propertyquality.review.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

import com.propertyquality.review.lake.LakeSchemas.LakeDataset;

/**
 * A table's current data files as a load sees them: those of the table's spec by group ({@link FileGroups}), and
 * those an earlier version wrote, a file per partition, by partition. A load swaps a group's files for its new
 * file, and drops the earlier files of the partitions it replaces.
 */
final class CurrentFiles {

    private final Map<String, List<DataFile>> byGroup = new LinkedHashMap<>();
    private final Map<String, List<DataFile>> byPartition = new HashMap<>();
    private final Map<Long, Snapshot> bySequence = new HashMap<>();

    private CurrentFiles() {
    }

    static CurrentFiles of(Table table, LakeDataset dataset, FileGroups groups) {
        CurrentFiles current = new CurrentFiles();
        if (table.currentSnapshot() == null) {
            return current;
        }
        for (Snapshot snapshot : table.snapshots()) {
            current.bySequence.put(snapshot.sequenceNumber(), snapshot);
        }
        try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
            for (FileScanTask task : tasks) {
                DataFile file = task.file();
                PartitionSpec spec = table.specs().get(file.specId());
                Object[] values = values(file, spec.fields().size());
                if (spec.compatibleWith(groups.spec())) {
                    current.byGroup.computeIfAbsent(groups.pathOfGroupValues(values), g -> new ArrayList<>())
                            .add(file);
                } else if (FileGroups.isFilePerPartition(spec, dataset.partitionBy())) {
                    current.byPartition.computeIfAbsent(partitionPath(spec, dataset, values), p -> new ArrayList<>())
                            .add(file);
                } else {
                    throw new IllegalStateException("the lake's table " + table.name() + " holds " + file.location()
                            + " partitioned as " + spec + ", which a load cannot replace partition by partition");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of " + table.name(), e);
        }
        return current;
    }

    private static Object[] values(DataFile file, int size) {
        Object[] values = new Object[size];
        for (int i = 0; i < size; i++) {
            values[i] = file.partition().get(i, Object.class);
        }
        return values;
    }

    /** A file-per-partition file's partition in the template's column order, whatever its spec's order. */
    private static String partitionPath(PartitionSpec spec, LakeDataset dataset, Object[] values) {
        Object[] ordered = new Object[dataset.partitionBy().size()];
        List<PartitionField> fields = spec.fields();
        for (int i = 0; i < fields.size(); i++) {
            String column = spec.schema().findColumnName(fields.get(i).sourceId());
            ordered[dataset.partitionBy().indexOf(column)] = values[i];
        }
        return PartitionPath.of(dataset.partitionBy(), ordered);
    }

    /** The group's files in the table's spec (one, when our loads wrote them). */
    List<DataFile> inGroup(String group) {
        return byGroup.getOrDefault(group, List.of());
    }

    /** The files an earlier version wrote for one partition alone. */
    List<DataFile> ofPartition(String partition) {
        return byPartition.getOrDefault(partition, List.of());
    }

    /** The locations of each group's files. */
    Map<String, List<StoragePath>> locationsByGroup() {
        Map<String, List<StoragePath>> locations = new LinkedHashMap<>();
        byGroup.forEach((group, files) -> locations.put(group,
                files.stream().map(file -> StoragePath.ofTableLocation(file.location())).toList()));
        return locations;
    }

    /**
     * The snapshots whose loads stand behind a file's rows: the one that added it, and those whose rows it kept
     * ({@link SnapshotSummary#KEPT_FROM}), so that a group rewritten for one office still names the loads behind
     * the other offices' rows.
     */
    Set<Long> loadsBehind(DataFile file) {
        Set<Long> ids = new TreeSet<>();
        Snapshot added = bySequence.get(file.dataSequenceNumber());
        if (added != null) {
            ids.add(added.snapshotId());
            ids.addAll(SnapshotSummary.keptFrom(added.summary()));
        }
        return ids;
    }
}
