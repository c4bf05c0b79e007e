package com.propertyquality.review.lake;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

import com.propertyquality.review.contract.ColumnSpec;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.contract.ValueType;
import com.propertyquality.review.lake.LakeSchemas.LakeDataset;
import com.propertyquality.review.lake.LakeSchemas.StoredColumn;
import com.propertyquality.review.lake.RowSpill.Buffered;

/**
 * The stored rows of one input file, staged as Parquet in a folder of the run: one file per dataset (the
 * template's own, and its private one for personal data) and partition the rows fall in, each holding its partition
 * columns too (so a data file describes itself to any engine). Nothing here is visible in the lake until
 * {@link Lake#commit} adds it to the tables; a file that fails half-way is discarded whole.
 *
 * <p>Memory stays bounded whatever the file's size or order. Rows are buffered and written partition by
 * partition, one Parquet writer open at a time; a file larger than the buffer is cut into sorted runs spilled to
 * disk, which are merged at the end (an external sort by partition). Within a partition, rows keep their order
 * in the file.
 */
public final class StagedFile implements Closeable {

    private final Template template;
    private final Path folder;
    private final String partName;
    private final int bufferRows;
    private final List<Target> targets;
    private final List<ValueType> types;
    private final int[] partitionIndexes;
    private final int yearFromIndex;
    private final Object[] partitionValues;
    private final List<Buffered> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private final Set<String> partitions = new LinkedHashSet<>();
    /** Each partition's values (typed), by its folder notation. */
    private final Map<String, Object[]> partitionValuesOf = new HashMap<>();
    private final Map<String, MessageType> schemas;
    private String sourceFile;
    private boolean closed;

    StagedFile(Template template, Path folder, String partName, int bufferRows, Map<String, MessageType> schemas) {
        this.template = template;
        this.schemas = Map.copyOf(schemas);
        this.folder = folder;
        this.partName = partName;
        this.bufferRows = bufferRows;
        this.targets = LakeSchemas.datasets(template).stream().map(Target::new).toList();
        this.types = template.columns().stream().map(ColumnSpec::type).toList();
        this.partitionIndexes = template.partitionBy().stream()
                .mapToInt(column -> column.equals(Template.YEAR) && template.derivesYear() ? -1
                        : template.indexOf(column))
                .toArray();
        this.yearFromIndex = template.derivesYear() ? template.indexOf(template.yearFrom()) : -1;
        this.partitionValues = new Object[partitionIndexes.length];
    }

    /** Stages one validated row (values in template column order) with its lineage. */
    public void write(Object[] values, String sourceFile, int sourceRow) {
        this.sourceFile = sourceFile;
        for (int i = 0; i < partitionIndexes.length; i++) {
            int index = partitionIndexes[i];
            partitionValues[i] = index >= 0 ? values[index] : ((LocalDate) values[yearFromIndex]).getYear();
        }
        String partition = PartitionPath.of(template.partitionBy(), partitionValues);
        if (!partitionValuesOf.containsKey(partition)) {
            partitionValuesOf.put(partition, partitionValues.clone());
        }
        buffer.add(new Buffered(partition, values, sourceRow));
        if (buffer.size() >= bufferRows) {
            spill();
        }
    }

    private void spill() {
        buffer.sort(Comparator.comparing(Buffered::partition)); // stable: file order within a partition
        Path run = folder.resolve("runs").resolve(String.format("run-%05d.bin", runs.size()));
        try {
            Files.createDirectories(run.getParent());
            try (RowSpill.Writer writer = new RowSpill.Writer(run, types)) {
                for (Buffered row : buffer) {
                    writer.write(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill staged rows to " + run, e);
        }
        runs.add(run);
        buffer.clear();
    }

    /** The partitions (relative folders) this file has rows in; the same for each of its datasets. */
    public Set<String> partitions(String dataset) {
        return targets.stream().anyMatch(t -> t.dataset.name().equals(dataset)) ? Set.copyOf(partitions) : Set.of();
    }

    /** True when this file has rows in the partition. */
    boolean hasPartition(String partition) {
        return partitions.contains(partition);
    }

    /** The values of a partition this file has rows in, in the template's partition column order. */
    Object[] partitionValues(String partition) {
        return partitionValuesOf.get(partition).clone();
    }

    public Template template() {
        return template;
    }

    /** The staged part file of one dataset partition. */
    Path part(String dataset, String partition) {
        return folder.resolve(dataset).resolve(partition).resolve(partName);
    }

    String partName() {
        return partName;
    }

    /** Writes every buffered and spilled row to its partition files; the staging is complete after this. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (runs.isEmpty()) {
                buffer.sort(Comparator.comparing(Buffered::partition));
                writeSorted(buffer);
            } else {
                if (!buffer.isEmpty()) {
                    spill();
                }
                mergeRuns();
            }
            buffer.clear();
            Lake.deleteTree(folder.resolve("runs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish staged Parquet files in " + folder, e);
        }
    }

    /** Merges the sorted runs: partition after partition, each run's rows in run order (so in file order). */
    private void mergeRuns() throws IOException {
        List<RowSpill.Reader> readers = new ArrayList<>();
        try {
            for (Path run : runs) {
                readers.add(new RowSpill.Reader(run, types));
            }
            PartitionWriter writer = new PartitionWriter();
            try {
                while (true) {
                    String next = null;
                    for (RowSpill.Reader reader : readers) {
                        Buffered head = reader.head();
                        if (head != null && (next == null || head.partition().compareTo(next) < 0)) {
                            next = head.partition();
                        }
                    }
                    if (next == null) {
                        break;
                    }
                    for (RowSpill.Reader reader : readers) {
                        while (reader.head() != null && reader.head().partition().equals(next)) {
                            writer.write(reader.head());
                            reader.advance();
                        }
                    }
                }
            } finally {
                writer.close();
            }
        } finally {
            for (RowSpill.Reader reader : readers) {
                reader.close();
            }
        }
    }

    private void writeSorted(List<Buffered> sorted) throws IOException {
        PartitionWriter writer = new PartitionWriter();
        try {
            for (Buffered row : sorted) {
                writer.write(row);
            }
        } finally {
            writer.close();
        }
    }

    /** Rows arrive grouped by partition: one set of Parquet writers open at a time. */
    private final class PartitionWriter {
        private String current;

        void write(Buffered row) throws IOException {
            if (!row.partition().equals(current)) {
                close();
                current = row.partition();
                partitions.add(current);
                for (Target target : targets) {
                    target.open(current);
                }
            }
            for (Target target : targets) {
                target.write(row.values(), sourceFile, row.sourceRow());
            }
        }

        void close() throws IOException {
            for (Target target : targets) {
                target.close();
            }
            current = null;
        }
    }

    /**
     * The size a Parquet page is cut at. Parquet's default, 1 MB, is also the buffer each writer's compressor
     * allocates: a writer per partition file made the ingest zero a megabyte per file (5% of its CPU at scale 1).
     * A partition's column rarely fills 64 KB, so pages are as before; 6% off the scale-1 ingest (BENCHMARKS.md).
     */
    static final int PAGE_SIZE = 64 * 1024;

    /** One dataset's writer for the partition being written. */
    private final class Target {
        private final LakeDataset dataset;
        private final MessageType schema;
        private final Object[] stored;
        private ParquetWriter<Object[]> writer;

        Target(LakeDataset dataset) {
            this.dataset = dataset;
            this.schema = schemas.get(dataset.name());
            this.stored = new Object[dataset.columns().size()];
        }

        void open(String partition) throws IOException {
            Path file = part(dataset.name(), partition);
            Files.createDirectories(file.getParent());
            writer = new Builder(new LocalOutputFile(file), schema, dataset.columns())
                    .withConf(HadoopConf.SHARED)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withPageSize(PAGE_SIZE)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .build();
        }

        void write(Object[] values, String sourceFile, int sourceRow) throws IOException {
            List<StoredColumn> columns = dataset.columns();
            for (int i = 0; i < columns.size(); i++) {
                int index = columns.get(i).templateIndex();
                stored[i] = index >= 0 ? values[index]
                        : index == LakeSchemas.DERIVED_YEAR ? ((LocalDate) values[yearFromIndex]).getYear() : null;
            }
            stored[columns.size() - 2] = sourceFile;
            stored[columns.size() - 1] = sourceRow;
            writer.write(stored);
        }

        void close() throws IOException {
            if (writer != null) {
                writer.close();
                writer = null;
            }
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
