package com.propertyquality.review.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

import com.propertyquality.review.contract.ColumnSpec;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.contract.ValueType;
import com.propertyquality.review.lake.LakeSchemas.LakeDataset;
import com.propertyquality.review.lake.LakeSchemas.StoredColumn;
import com.propertyquality.review.lake.RowSpill.Buffered;

/**
 * Writes what a load staged for one template as Parquet: for each group of partitions it has rows in
 * ({@link FileGroups}), one file per dataset (the template's own, and its private one for personal data) holding
 * the group's partitions in order: a partition the load holds gets its rows of every file the load took, file
 * after file in the load's order, each file's rows in its own order; a partition it does not hold keeps the rows
 * the group's current file has ({@link KeptRows}). The partition columns are in the file too (so a data file
 * describes itself to any engine).
 *
 * <p>One Parquet writer per group and dataset, however many files the load took: a writer's fixed cost (its
 * buffers, a footer, statistics) is paid once, and a reader finds one row group where twelve monthly files used to
 * leave twelve. The files' runs ({@link StagedFile}) are merged by group and partition; at most {@link #FAN_IN}
 * are read at once, so a load of thousands of small files merges in passes instead of opening them all. With
 * several writers, the groups are cut into ranges of about as many rows, each written by its own thread reading
 * every run and passing over the other ranges' blocks: a group's file is the same whoever writes it.
 */
final class PartitionMerge {

    /** Runs read at once: their buffers and open files stay few whatever the number of files in a load. */
    static final int FAN_IN = 64;

    /**
     * The size a Parquet page is cut at. Parquet's default, 1 MB, is also the buffer each writer's compressor
     * allocates: a writer per partition file made the ingest zero a megabyte per file (5% of its CPU at scale 1).
     * A partition's column rarely fills 64 KB, so pages are as before; 6% off the scale-1 ingest (BENCHMARKS.md).
     */
    static final int PAGE_SIZE = 64 * 1024;

    /**
     * One group of partitions as written ({@link FileGroups}).
     *
     * @param group    its folder notation in the table's spec
     * @param values   its values, in the spec's order
     * @param files    its new file, for each dataset
     * @param loaded   the rows the load holds for each of its partitions
     * @param before   for each dataset, the rows each partition had in the group's current files
     * @param kept     for each dataset, the rows kept from the group's current files (other partitions')
     */
    record Written(String group, Object[] values, Map<String, Path> files, Map<String, Long> loaded,
                   Map<String, Map<String, Long>> before, Map<String, Long> kept) {
    }

    private final Template template;
    private final List<LakeDataset> datasets;
    private final Map<String, MessageType> schemas;
    private final List<ValueType> types;
    private final int yearFromIndex;
    private final Path folder;
    private final int writers;
    private final FileGroups groups;
    private final Map<String, Map<String, List<StoragePath>>> current;

    /**
     * @param schemas each dataset's Parquet schema, as its table wants it
     * @param folder  a folder of the run on the local disk for the groups' files (and the merge's passes)
     * @param writers groups written side by side: the load's groups are cut into as many ranges of about as many
     *                rows, each merged and written by a thread of its own
     * @param groups  how the tables group partitions into files
     * @param current for each dataset, the current files of each group (folder notation): the rows of the partitions
     *                the load does not replace are kept from them
     */
    PartitionMerge(Template template, Map<String, MessageType> schemas, Path folder, int writers,
                   FileGroups groups, Map<String, Map<String, List<StoragePath>>> current) {
        this.groups = groups;
        this.current = current;
        this.writers = Math.max(1, writers);
        this.template = template;
        this.datasets = LakeSchemas.datasets(template);
        this.schemas = Map.copyOf(schemas);
        this.types = template.columns().stream().map(ColumnSpec::type).toList();
        this.yearFromIndex = template.derivesYear() ? template.indexOf(template.yearFrom()) : -1;
        this.folder = folder;
    }

    /**
     * Writes every group the files have rows in, in order, and removes the files' runs.
     *
     * @param files closed staged files, in the load's order
     */
    List<Written> write(List<StagedFile> files) throws IOException {
        List<Path> runs = new ArrayList<>();
        files.forEach(file -> runs.addAll(file.runs()));
        Set<Path> filesRuns = new HashSet<>(runs);
        List<Path> last = runs;
        for (int pass = 0; last.size() > FAN_IN; pass++) {
            List<Path> merged = pass(last, pass);
            Set<Path> kept = new HashSet<>(merged);
            for (Path run : last) {
                // an earlier pass's run, merged again; the files' own go once the partitions are written
                if (!kept.contains(run) && !filesRuns.contains(run)) {
                    Files.delete(run);
                }
            }
            last = merged;
        }
        return writePartitions(files, last);
    }

    /**
     * Brings the runs nearer to {@link #FAN_IN}, in order, so each partition's blocks stay in file order. When
     * merging the first few runs into one is enough to leave {@code FAN_IN}, only those are merged: a load of twice
     * the runs one merge reads (10 million feedback rows at scale 10 make about 100) rewrites a third of its rows
     * instead of all of them. Otherwise each {@code FAN_IN} runs are merged into one.
     */
    private List<Path> pass(List<Path> runs, int pass) throws IOException {
        int excess = runs.size() - FAN_IN + 1; // merged into one, these leave FAN_IN runs
        if (excess <= FAN_IN) {
            List<Path> left = new ArrayList<>();
            left.add(mergeInto(runs.subList(0, excess), pass, 0));
            left.addAll(runs.subList(excess, runs.size()));
            return left;
        }
        List<Path> merged = new ArrayList<>();
        for (int from = 0; from < runs.size(); from += FAN_IN) {
            merged.add(mergeInto(runs.subList(from, Math.min(runs.size(), from + FAN_IN)), pass, merged.size()));
        }
        return merged;
    }

    /** Merges runs into one run of the pass, block by block. */
    private Path mergeInto(List<Path> runs, int pass, int index) throws IOException {
        Path run = folder.resolve("passes").resolve(String.format("pass-%02d-%05d.bin", pass, index));
        Files.createDirectories(run.getParent());
        try (RowSpill.Writer writer = new RowSpill.Writer(run, types)) {
            // blocks keep their bytes: a pass only puts them in partition order
            merge(runs, null, null, (partition, reader) -> writer.copyBlock(reader), partition -> { });
        }
        return run;
    }

    private List<Written> writePartitions(List<StagedFile> files, List<Path> runs) throws IOException {
        List<List<String>> ranges = ranges(files);
        List<Written> written = new ArrayList<>();
        if (ranges.size() <= 1) {
            written.addAll(writeRange(files, runs, null, null));
        } else {
            ExecutorService executor = Executors.newFixedThreadPool(ranges.size(), task -> {
                Thread thread = new Thread(task, "lake-writer-" + template.name());
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<List<Written>>> futures = new ArrayList<>();
                for (List<String> range : ranges) {
                    futures.add(executor.submit(
                            () -> writeRange(files, runs, range.get(0), range.get(range.size() - 1))));
                }
                for (Future<List<Written>> future : futures) {
                    written.addAll(result(future));
                }
            } finally {
                executor.shutdownNow();
            }
        }
        files.forEach(StagedFile::deleteRuns);
        Lake.deleteTree(folder.resolve("passes"));
        return written;
    }

    /**
     * The load's groups in order, cut into at most {@link #writers} ranges of about as many rows; a range is a list
     * of whole groups' block keys (one group's file is written by one thread).
     */
    private List<List<String>> ranges(List<StagedFile> files) {
        TreeMap<String, Long> rows = new TreeMap<>();
        for (StagedFile file : files) {
            for (String key : file.keys()) {
                rows.merge(key, file.rows(key), Long::sum);
            }
        }
        TreeMap<String, Long> groupRows = new TreeMap<>();
        rows.forEach((key, count) -> groupRows.merge(FileGroups.groupOfKey(key), count, Long::sum));
        long total = groupRows.values().stream().mapToLong(Long::longValue).sum();
        int count = (int) Math.min(writers, groupRows.size());
        List<List<String>> ranges = new ArrayList<>();
        List<String> range = new ArrayList<>();
        String group = null;
        long taken = 0;
        int groupsLeft = groupRows.size();
        for (Map.Entry<String, Long> key : rows.entrySet()) {
            String keyGroup = FileGroups.groupOfKey(key.getKey());
            if (group != null && !keyGroup.equals(group)) {
                groupsLeft--;
                // cut when this range has its share of the rows, leaving a group at least for each range to come
                if (ranges.size() < count - 1 && taken * count >= total * (ranges.size() + 1)
                        && groupsLeft >= count - 1 - ranges.size()) {
                    ranges.add(range);
                    range = new ArrayList<>();
                }
            }
            group = keyGroup;
            range.add(key.getKey());
            taken += key.getValue();
        }
        if (!range.isEmpty()) {
            ranges.add(range);
        }
        return ranges;
    }

    private static List<Written> result(Future<List<Written>> future) throws IOException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing partitions", e);
        }
    }

    /** Writes the groups whose block keys run from {@code first} to {@code last} (all when null), reading every run. */
    private List<Written> writeRange(List<StagedFile> files, List<Path> runs, String first, String last)
            throws IOException {
        List<Written> written = new ArrayList<>();
        Map<String, Target> targets = new LinkedHashMap<>();
        for (LakeDataset dataset : datasets) {
            targets.put(dataset.name(), new Target(dataset));
        }
        Set<String> replaced = replacedPartitions(files);
        GroupState open = new GroupState();
        try {
            merge(runs, first, last, (key, reader) -> {
                Binary source = Binary.fromString(reader.sourceFile());
                while (reader.hasNext()) {
                    Buffered row = reader.next();
                    for (Target target : targets.values()) {
                        target.write(row.values(), source, row.sourceRow());
                    }
                }
            }, key -> {
                String group = FileGroups.groupOfKey(key);
                if (!group.equals(open.group)) {
                    closeGroup(open, targets, written);
                    open.group = group;
                    open.values = groups.groupValues(valuesOf(files, key));
                    open.loaded = new LinkedHashMap<>();
                    for (Target target : targets.values()) {
                        target.open(group, replaced);
                    }
                }
                String partition = FileGroups.partitionOfKey(key);
                open.loaded.put(partition, rowsOf(files, key));
                for (Target target : targets.values()) {
                    target.keepBefore(partition); // the kept partitions that sort before this one
                }
            });
            closeGroup(open, targets, written);
        } finally {
            for (Target target : targets.values()) {
                target.abandon();
            }
        }
        return written;
    }

    /** The group being written by a range's thread. */
    private static final class GroupState {
        private String group;
        private Object[] values;
        private Map<String, Long> loaded;
    }

    private static void closeGroup(GroupState open, Map<String, Target> targets, List<Written> written)
            throws IOException {
        if (open.group == null) {
            return;
        }
        Map<String, Path> byDataset = new LinkedHashMap<>();
        Map<String, Map<String, Long>> before = new LinkedHashMap<>();
        Map<String, Long> kept = new LinkedHashMap<>();
        for (Target target : targets.values()) {
            String dataset = target.dataset.name();
            before.put(dataset, target.before());
            kept.put(dataset, target.kept());
            byDataset.put(dataset, target.close());
        }
        written.add(new Written(open.group, open.values, byDataset, open.loaded, before, kept));
        open.group = null;
    }

    /** The partitions the load replaces: every partition it has rows in. */
    private static Set<String> replacedPartitions(List<StagedFile> files) {
        Set<String> replaced = new HashSet<>();
        for (StagedFile file : files) {
            file.keys().forEach(key -> replaced.add(FileGroups.partitionOfKey(key)));
        }
        return replaced;
    }

    private static Object[] valuesOf(List<StagedFile> files, String key) {
        return files.stream().filter(file -> file.rows(key) > 0).findFirst().orElseThrow()
                .partitionValues(key);
    }

    private static long rowsOf(List<StagedFile> files, String key) {
        return files.stream().mapToLong(file -> file.rows(key)).sum();
    }

    /** What the merge does with the blocks of a partition, block by block. */
    private interface BlockSink {
        void accept(String partition, RowSpill.Reader reader) throws IOException;
    }

    private interface PartitionStep {
        void accept(String partition) throws IOException;
    }

    /**
     * Merges runs by block key: the keys from {@code first} to {@code last} (all when null) in order, {@code start}
     * told of each before its blocks, each key's blocks in run order (so in the load's file order); a run has a
     * key's rows of one file in one block.
     */
    private void merge(List<Path> runs, String first, String last, BlockSink blocks, PartitionStep start)
            throws IOException {
        List<RowSpill.Reader> readers = new ArrayList<>();
        try {
            for (Path run : runs) {
                readers.add(new RowSpill.Reader(run, types));
            }
            if (first != null) {
                for (RowSpill.Reader reader : readers) {
                    while (reader.partition() != null && reader.partition().compareTo(first) < 0) {
                        reader.skipBlock(); // another range's
                    }
                }
            }
            while (true) {
                String next = null;
                for (RowSpill.Reader reader : readers) {
                    String head = reader.partition();
                    if (head != null && (next == null || head.compareTo(next) < 0)) {
                        next = head;
                    }
                }
                if (next == null || (last != null && next.compareTo(last) > 0)) {
                    return;
                }
                start.accept(next);
                for (RowSpill.Reader reader : readers) {
                    while (next.equals(reader.partition())) {
                        blocks.accept(next, reader);
                        reader.nextBlock();
                    }
                }
            }
        } finally {
            for (RowSpill.Reader reader : readers) {
                reader.close();
            }
        }
    }

    /** The staged file of one dataset's group. */
    private Path file(String dataset, String group) {
        return folder.resolve(dataset).resolve(group).resolve("group.parquet");
    }

    /** One dataset's writer for the group being written, and the rows it keeps of the group's current files. */
    private final class Target {
        private final LakeDataset dataset;
        private final List<StoredColumn> columns;
        private final Object[] stored;
        /** Written without a dictionary ({@link #plainColumns}). */
        private final List<String> plain;
        private ParquetWriter<Object[]> writer;
        private Path path;
        private KeptRows kept;

        Target(LakeDataset dataset) {
            this.dataset = dataset;
            this.columns = dataset.columns();
            this.stored = new Object[columns.size()];
            this.plain = plainColumns(template, columns);
        }

        void open(String group, Set<String> replaced) throws IOException {
            path = file(dataset.name(), group);
            Files.createDirectories(path.getParent());
            List<StoragePath> old = current.getOrDefault(dataset.name(), Map.of()).getOrDefault(group, List.of());
            kept = new KeptRows(old, template.partitionBy(), replaced, columns);
            Builder builder = new Builder(new LocalOutputFile(path), schemas.get(dataset.name()), columns)
                    .withConf(HadoopConf.SHARED)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withPageSize(PAGE_SIZE)
                    .withSizeStatisticsEnabled(false)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
            for (String column : plain) {
                builder.withDictionaryEncoding(column, false);
            }
            writer = builder.build();
        }

        /** Writes the kept rows of the partitions that sort before {@code partition} (all when null). */
        void keepBefore(String partition) throws IOException {
            while (kept.peekPartition() != null
                    && (partition == null || kept.peekPartition().compareTo(partition) < 0)) {
                writer.write(kept.next());
            }
        }

        void write(Object[] values, Binary sourceFile, int sourceRow) throws IOException {
            for (int i = 0; i < columns.size(); i++) {
                int index = columns.get(i).templateIndex();
                stored[i] = index >= 0 ? values[index]
                        : index == LakeSchemas.DERIVED_YEAR ? ((LocalDate) values[yearFromIndex]).getYear() : null;
            }
            stored[columns.size() - 2] = sourceFile;
            stored[columns.size() - 1] = sourceRow;
            writer.write(stored);
        }

        Map<String, Long> before() {
            return Map.copyOf(kept.before());
        }

        long kept() {
            return kept.kept();
        }

        /** Ends the group: the kept rows left (partitions after the load's last), then the file. */
        Path close() throws IOException {
            keepBefore(null);
            kept.close();
            kept = null;
            writer.close();
            writer = null;
            return path;
        }

        /** Closes what a failed write left open. */
        void abandon() throws IOException {
            if (kept != null) {
                kept.close();
                kept = null;
            }
            if (writer != null) {
                writer.close();
                writer = null;
            }
        }
    }

    /**
     * The columns whose values seldom repeat within a data file: a key of one column (unique in a load) and the
     * source row (a line number, repeated only by another input file's rows). A dictionary of them only grows until
     * Parquet gives it up for plain values, having hashed and compared every value on the way: they are written
     * plain from the start.
     */
    private static List<String> plainColumns(Template template, List<StoredColumn> columns) {
        List<String> unique = new ArrayList<>();
        for (StoredColumn column : columns) {
            boolean key = template.key().size() == 1 && template.key().get(0).equals(column.name());
            if (key || column.name().equals(LakeSchemas.SOURCE_ROW)) {
                unique.add(column.name());
            }
        }
        return unique;
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final MessageType schema;
        private final List<StoredColumn> columns;

        Builder(OutputFile file, MessageType schema, List<StoredColumn> columns) {
            super(file);
            this.schema = schema;
            this.columns = columns;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration configuration) {
            return new RowWriteSupport(schema, columns);
        }
    }
}
