package com.propertyquality.review.lake;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import com.propertyquality.review.lake.LakeSchemas.StoredColumn;

/**
 * The stored rows of one input file, written to Parquet in a staging folder of the run, one file per partition
 * they fall in. Nothing here is visible in the lake until {@link Lake#commit} moves it there; a file that fails
 * half-way is discarded whole.
 */
public final class StagedFile implements Closeable {

    private final Template template;
    private final Path folder;
    private final String partName;
    private final MessageType schema;
    private final List<StoredColumn> columns;
    private final int[] partitionIndexes;
    private final Map<String, ParquetWriter<Object[]>> writers = new HashMap<>();
    private final Object[] partitionValues;
    private final Object[] stored;

    StagedFile(Template template, Path folder, String partName) {
        this.template = template;
        this.folder = folder;
        this.partName = partName;
        this.schema = LakeSchemas.parquetSchema(template);
        this.columns = LakeSchemas.storedColumns(template);
        this.partitionIndexes = template.partitionBy().stream().mapToInt(template::indexOf).toArray();
        this.partitionValues = new Object[partitionIndexes.length];
        this.stored = new Object[columns.size()];
    }

    /** Stages one validated row (values in template column order) with its lineage. */
    public void write(Object[] values, String sourceFile, int sourceRow) {
        for (int i = 0; i < partitionIndexes.length; i++) {
            partitionValues[i] = values[partitionIndexes[i]];
        }
        String partition = PartitionPath.of(template.partitionBy(), partitionValues);
        for (int i = 0; i < columns.size(); i++) {
            int index = columns.get(i).templateIndex();
            stored[i] = index >= 0 ? values[index] : null;
        }
        stored[columns.size() - 2] = sourceFile;
        stored[columns.size() - 1] = sourceRow;
        try {
            writerFor(partition).write(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage a row of " + sourceFile, e);
        }
    }

    private ParquetWriter<Object[]> writerFor(String partition) throws IOException {
        ParquetWriter<Object[]> writer = writers.get(partition);
        if (writer == null) {
            Path file = folder.resolve(partition).resolve(partName);
            Files.createDirectories(file.getParent());
            writer = new Builder(new LocalOutputFile(file), schema, columns)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .build();
            writers.put(partition, writer);
        }
        return writer;
    }

    /** The partitions (relative folders) this file has rows in. */
    public Set<String> partitions() {
        return Set.copyOf(writers.keySet());
    }

    public Template template() {
        return template;
    }

    Path folder() {
        return folder;
    }

    String partName() {
        return partName;
    }

    @Override
    public void close() {
        IOException failure = null;
        for (ParquetWriter<Object[]> writer : writers.values()) {
            try {
                writer.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new UncheckedIOException("cannot finish staged Parquet files in " + folder, failure);
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
