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
 * Writes what a load staged for one template as Parquet: for each partition, one file per dataset (the template's
 * own, and its private one for personal data) holding the partition's rows of every file the load took, file after
 * file in the load's order, each file's rows in its own order, and the partition columns too (so a data file
 * describes itself to any engine).
 *
 * <p>One Parquet writer per partition and dataset, however many files the load took: a writer's fixed cost (its
 * buffers, a footer, statistics) is paid once, and a reader finds one row group where twelve monthly files used to
 * leave twelve. The files' runs ({@link StagedFile}) are merged by partition; at most {@link #FAN_IN} are read at
 * once, so a load of thousands of small files merges in passes instead of opening them all. With several writers,
 * the partitions are cut into ranges of about as many rows, each written by its own thread reading every run and
 * passing over the other ranges' blocks: a partition's file is the same whoever writes it.
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

    /** One partition as written: its typed values and its file for each dataset. */
    record Written(String partition, Object[] values, Map<String, Path> files) {
    }

    private final Template template;
    private final List<LakeDataset> datasets;
    private final Map<String, MessageType> schemas;
    private final List<ValueType> types;
    private final int yearFromIndex;
    private final Path folder;
    private final int writers;

    /**
     * @param schemas each dataset's Parquet schema, as its table wants it
     * @param folder  a folder of the run on the local disk for the partitions' files (and the merge's passes)
     * @param writers partitions written side by side: the load's partitions are cut into as many ranges of about
     *                as many rows, each merged and written by a thread of its own
     */
    PartitionMerge(Template template, Map<String, MessageType> schemas, Path folder, int writers) {
        this.writers = Math.max(1, writers);
        this.template = template;
        this.datasets = LakeSchemas.datasets(template);
        this.schemas = Map.copyOf(schemas);
        this.types = template.columns().stream().map(ColumnSpec::type).toList();
        this.yearFromIndex = template.derivesYear() ? template.indexOf(template.yearFrom()) : -1;
        this.folder = folder;
    }

    /**
     * Writes every partition the files hold, in partition order, and removes the files' runs.
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
            merge(runs, null, null, (partition, reader) -> {
                writer.block(partition, reader.sourceFile(), reader.rowsLeft());
                while (reader.hasNext()) {
                    writer.write(reader.next());
                }
            }, partition -> { }, partition -> { });
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
     * The load's partitions in order, cut into at most {@link #writers} ranges of about as many rows (a range is
     * whole partitions: one partition's file is written by one thread).
     */
    private List<List<String>> ranges(List<StagedFile> files) {
        TreeMap<String, Long> rows = new TreeMap<>();
        String dataset = datasets.get(0).name();
        for (StagedFile file : files) {
            for (String partition : file.partitions(dataset)) {
                rows.merge(partition, file.rows(partition), Long::sum);
            }
        }
        long total = rows.values().stream().mapToLong(Long::longValue).sum();
        int count = (int) Math.min(writers, rows.size());
        List<List<String>> ranges = new ArrayList<>();
        List<String> range = new ArrayList<>();
        long taken = 0;
        for (Map.Entry<String, Long> partition : rows.entrySet()) {
            range.add(partition.getKey());
            taken += partition.getValue();
            // cut when this range has its share of the rows, leaving a partition at least for each range to come
            if (ranges.size() < count - 1 && taken * count >= total * (ranges.size() + 1)
                    && rows.tailMap(partition.getKey(), false).size() >= count - 1 - ranges.size()) {
                ranges.add(range);
                range = new ArrayList<>();
            }
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

    /** Writes the partitions from {@code first} to {@code last} (all when null), reading every run. */
    private List<Written> writeRange(List<StagedFile> files, List<Path> runs, String first, String last)
            throws IOException {
        List<Written> written = new ArrayList<>();
        Map<String, Target> targets = new LinkedHashMap<>();
        for (LakeDataset dataset : datasets) {
            targets.put(dataset.name(), new Target(dataset));
        }
        merge(runs, first, last, (partition, reader) -> {
            Binary source = Binary.fromString(reader.sourceFile());
            while (reader.hasNext()) {
                Buffered row = reader.next();
                for (Target target : targets.values()) {
                    target.write(row.values(), source, row.sourceRow());
                }
            }
        }, partition -> {
            for (Target target : targets.values()) {
                target.open(partition);
            }
        }, partition -> {
            Map<String, Path> byDataset = new LinkedHashMap<>();
            for (Target target : targets.values()) {
                byDataset.put(target.dataset.name(), target.close());
            }
            written.add(new Written(partition, valuesOf(files, partition), byDataset));
        });
        return written;
    }

    private static Object[] valuesOf(List<StagedFile> files, String partition) {
        return files.stream().filter(file -> file.hasPartition(partition)).findFirst().orElseThrow()
                .partitionValues(partition);
    }

    /** What the merge does with the blocks of a partition, block by block. */
    private interface BlockSink {
        void accept(String partition, RowSpill.Reader reader) throws IOException;
    }

    private interface PartitionStep {
        void accept(String partition) throws IOException;
    }

    /**
     * Merges runs by partition: the partitions from {@code first} to {@code last} (all when null) in order, each
     * partition's blocks in run order (so in the load's file order); a run has a partition's rows of one file in one
     * block.
     */
    private void merge(List<Path> runs, String first, String last, BlockSink blocks, PartitionStep start,
                       PartitionStep end) throws IOException {
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
                end.accept(next);
            }
        } finally {
            for (RowSpill.Reader reader : readers) {
                reader.close();
            }
        }
    }

    /** The staged file of one dataset partition. */
    private Path file(String dataset, String partition) {
        return folder.resolve(dataset).resolve(partition).resolve("partition.parquet");
    }

    /** One dataset's writer for the partition being written. */
    private final class Target {
        private final LakeDataset dataset;
        private final List<StoredColumn> columns;
        private final Object[] stored;
        private ParquetWriter<Object[]> writer;
        private Path path;

        Target(LakeDataset dataset) {
            this.dataset = dataset;
            this.columns = dataset.columns();
            this.stored = new Object[columns.size()];
        }

        void open(String partition) throws IOException {
            path = file(dataset.name(), partition);
            Files.createDirectories(path.getParent());
            writer = new Builder(new LocalOutputFile(path), schemas.get(dataset.name()), columns)
                    .withConf(HadoopConf.SHARED)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withPageSize(PAGE_SIZE)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .build();
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

        Path close() throws IOException {
            writer.close();
            writer = null;
            return path;
        }
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
