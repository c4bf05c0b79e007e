package com.propertyquality.review.lake;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.propertyquality.review.contract.ColumnSpec;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.contract.ValueType;
import com.propertyquality.review.lake.RowSpill.Buffered;

/**
 * The stored rows of one input file, staged on the local disk until {@link Lake#commit} writes every partition of
 * the load as one Parquet file per dataset ({@link PartitionMerge}). Nothing here is visible in the lake before
 * that; a file that fails half-way is discarded whole.
 *
 * <p>Memory stays bounded whatever the file's size or order. Rows are kept in memory in a bucket per partition (in
 * file order, nothing sorted row by row); when the buffer is full, and when the file ends, the buckets are written to
 * a run on disk partition after partition, in the order of their file group, then partition
 * ({@link FileGroups#key}). A run holds each partition's rows in one block, so the commit merges the runs of all a
 * load's files by group and partition, in file order, without sorting.
 */
public final class StagedFile implements Closeable {

    private final Template template;
    private final FileGroups groups;
    private final Path folder;
    private final int bufferRows;
    private final List<ValueType> types;
    private final int[] partitionIndexes;
    private final int yearFromIndex;
    /** The row at hand's partition values: looked up without an allocation per row. */
    private final PartitionKey probe;
    private final Map<PartitionKey, Bucket> buckets = new HashMap<>();
    /** Each partition's values (typed), by its block key ({@link FileGroups#key}). */
    private final Map<String, Object[]> valuesByKey = new HashMap<>();
    /** Each block key's rows in this file, once the file is closed. */
    private final Map<String, Long> rowsOf = new HashMap<>();
    private final List<Path> runs = new ArrayList<>();
    private int buffered;
    private String sourceFile;
    private boolean closed;

    StagedFile(Template template, FileGroups groups, Path folder, int bufferRows) {
        this.template = template;
        this.groups = groups;
        this.folder = folder;
        this.bufferRows = bufferRows;
        this.types = template.columns().stream().map(ColumnSpec::type).toList();
        this.partitionIndexes = template.partitionBy().stream()
                .mapToInt(column -> column.equals(Template.YEAR) && template.derivesYear() ? -1
                        : template.indexOf(column))
                .toArray();
        this.yearFromIndex = template.derivesYear() ? template.indexOf(template.yearFrom()) : -1;
        this.probe = new PartitionKey(new Object[partitionIndexes.length]);
    }

    /** Stages one validated row (values in template column order) with its lineage. */
    public void write(Object[] values, String sourceFile, int sourceRow) {
        if (closed) {
            throw new IllegalStateException("the staging of " + sourceFile + " is closed");
        }
        this.sourceFile = sourceFile;
        Object[] partitionValues = probe.values;
        for (int i = 0; i < partitionIndexes.length; i++) {
            int index = partitionIndexes[i];
            partitionValues[i] = index >= 0 ? values[index] : ((LocalDate) values[yearFromIndex]).getYear();
        }
        Bucket bucket = buckets.get(probe);
        if (bucket == null) {
            Object[] copy = partitionValues.clone();
            bucket = new Bucket(groups.key(copy));
            buckets.put(new PartitionKey(copy), bucket);
            valuesByKey.put(bucket.key, copy);
        }
        bucket.rows.add(new Buffered(values, sourceRow));
        bucket.total++;
        if (++buffered >= bufferRows) {
            spill();
        }
    }

    /** Writes the buffered rows to a new run, partition after partition, and empties the buffer. */
    private void spill() {
        Path run = folder.resolve(String.format("run-%05d.bin", runs.size()));
        List<Bucket> filled = buckets.values().stream().filter(bucket -> !bucket.rows.isEmpty())
                .sorted(Comparator.comparing(bucket -> bucket.key)).toList();
        try {
            Files.createDirectories(folder);
            try (RowSpill.Writer writer = new RowSpill.Writer(run, types)) {
                for (Bucket bucket : filled) {
                    writer.block(bucket.key, sourceFile, bucket.rows.size());
                    for (Buffered row : bucket.rows) {
                        writer.write(row);
                    }
                    bucket.rows = new ArrayList<>(); // the memory goes with the rows
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage rows of " + sourceFile + " in " + run, e);
        }
        runs.add(run);
        buffered = 0;
    }

    /** The block keys ({@link FileGroups#key}: group, then partition) this file has rows in. */
    Set<String> keys() {
        return Set.copyOf(valuesByKey.keySet());
    }

    /** The values of a partition this file has rows in, by its block key, in the template's partition order. */
    Object[] partitionValues(String key) {
        return valuesByKey.get(key).clone();
    }

    /** The rows this file has under a block key; known once the file is closed. */
    long rows(String key) {
        return rowsOf.getOrDefault(key, 0L);
    }

    public Template template() {
        return template;
    }

    /** The file's runs, in the order written (so in file order); complete once the staging is closed. */
    List<Path> runs() {
        if (!closed) {
            throw new IllegalStateException("the staging of " + sourceFile + " is not closed yet");
        }
        return List.copyOf(runs);
    }

    /** Removes the file's runs once their rows are written elsewhere: the disk holds a load's rows once. */
    void deleteRuns() {
        Lake.deleteTree(folder);
        runs.clear();
    }

    /** Ends the file: the rows still buffered go to a last run. Nothing is written to Parquet yet. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (buffered > 0) {
            spill();
        }
        buckets.values().forEach(bucket -> rowsOf.merge(bucket.key, bucket.total, Long::sum));
        buckets.clear();
        closed = true;
    }

    /** A partition's rows of the buffer, in file order. */
    private static final class Bucket {
        private final String key;
        private List<Buffered> rows = new ArrayList<>();
        private long total;

        Bucket(String key) {
            this.key = key;
        }
    }

    /** A partition's typed values as a map key. */
    private static final class PartitionKey {
        private final Object[] values;

        PartitionKey(Object[] values) {
            this.values = values;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PartitionKey key && Arrays.equals(values, key.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
