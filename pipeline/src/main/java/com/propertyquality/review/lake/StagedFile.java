package com.propertyquality.review.lake;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
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

import com.propertyquality.review.contract.Template;
import com.propertyquality.review.lake.LakeSchemas.LakeDataset;
import com.propertyquality.review.lake.LakeSchemas.StoredColumn;

/**
 * The stored rows of one input file, written to Parquet in a staging folder of the run: one file per dataset
 * (the template's own, and its private one for personal data) and partition the rows fall in. Nothing here is
 * visible in the lake until {@link Lake#commit} moves it there; a file that fails half-way is discarded whole.
 */
public final class StagedFile implements Closeable {

    private final Template template;
    private final Path folder;
    private final String partName;
    private final List<Target> targets;
    private final int[] partitionIndexes;
    private final int yearFromIndex;
    private final Object[] partitionValues;

    StagedFile(Template template, Path folder, String partName) {
        this.template = template;
        this.folder = folder;
        this.partName = partName;
        this.targets = LakeSchemas.datasets(template).stream().map(Target::new).toList();
        this.partitionIndexes = template.partitionBy().stream()
                .mapToInt(column -> column.equals(Template.YEAR) && template.derivesYear() ? -1
                        : template.indexOf(column))
                .toArray();
        this.yearFromIndex = template.derivesYear() ? template.indexOf(template.yearFrom()) : -1;
        this.partitionValues = new Object[partitionIndexes.length];
    }

    /** Stages one validated row (values in template column order) with its lineage. */
    public void write(Object[] values, String sourceFile, int sourceRow) {
        for (int i = 0; i < partitionIndexes.length; i++) {
            int index = partitionIndexes[i];
            partitionValues[i] = index >= 0 ? values[index] : ((LocalDate) values[yearFromIndex]).getYear();
        }
        String partition = PartitionPath.of(template.partitionBy(), partitionValues);
        try {
            for (Target target : targets) {
                target.write(partition, values, sourceFile, sourceRow);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage a row of " + sourceFile, e);
        }
    }

    /** The partitions (relative folders) this file has rows in, per dataset. */
    public Set<String> partitions(String dataset) {
        for (Target target : targets) {
            if (target.dataset.name().equals(dataset)) {
                return Set.copyOf(target.writers.keySet());
            }
        }
        return Set.of();
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

    @Override
    public void close() {
        IOException failure = null;
        for (Target target : targets) {
            for (ParquetWriter<Object[]> writer : target.writers.values()) {
                try {
                    writer.close();
                } catch (IOException e) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw new UncheckedIOException("cannot finish staged Parquet files in " + folder, failure);
        }
    }

    /** One dataset's writers, one per partition, opened as rows arrive. */
    private final class Target {
        private final LakeDataset dataset;
        private final MessageType schema;
        private final Object[] stored;
        private final Map<String, ParquetWriter<Object[]>> writers = new HashMap<>();

        Target(LakeDataset dataset) {
            this.dataset = dataset;
            this.schema = LakeSchemas.parquetSchema(dataset);
            this.stored = new Object[dataset.columns().size()];
        }

        void write(String partition, Object[] values, String sourceFile, int sourceRow) throws IOException {
            List<StoredColumn> columns = dataset.columns();
            for (int i = 0; i < columns.size(); i++) {
                int index = columns.get(i).templateIndex();
                stored[i] = index >= 0 ? values[index] : null;
            }
            stored[columns.size() - 2] = sourceFile;
            stored[columns.size() - 1] = sourceRow;
            writerFor(partition).write(stored);
        }

        private ParquetWriter<Object[]> writerFor(String partition) throws IOException {
            ParquetWriter<Object[]> writer = writers.get(partition);
            if (writer == null) {
                Path file = part(dataset.name(), partition);
                Files.createDirectories(file.getParent());
                writer = new Builder(new LocalOutputFile(file), schema, dataset.columns())
                        .withCompressionCodec(CompressionCodecName.SNAPPY)
                        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                        .build();
                writers.put(partition, writer);
            }
            return writer;
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
