package com.propertyquality.review.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;

import com.propertyquality.review.lake.ParquetRows;

/**
 * The household ids of the customer records in the lake, read column-only and handed on in batches: the register
 * the rules check references against is built without holding the households' rows (1.5 million at scale 10)
 * in memory.
 */
final class HouseholdIds {

    private static final String COLUMN = "household_id";

    private HouseholdIds() {
    }

    /** Hands every household id of the dataset to {@code batches}, a few thousand at a time. */
    static void read(Path dataset, int batchSize, Consumer<List<String>> batches) {
        MessageType schema = ParquetRows.schema(dataset);
        if (schema == null) {
            return;
        }
        if (!schema.containsField(COLUMN)) {
            throw new IllegalStateException("the customer records in " + dataset + " have no " + COLUMN);
        }
        Configuration conf = new Configuration();
        conf.set(ReadSupport.PARQUET_READ_SCHEMA, new MessageType(schema.getName(), schema.getType(COLUMN)).toString());
        List<String> batch = new ArrayList<>(batchSize);
        try (Stream<Path> files = Files.walk(dataset)) {
            for (Path file : files.filter(f -> isDataFile(dataset, f)).sorted().toList()) {
                try (ParquetReader<Group> reader = new ColumnReader(HadoopInputFile.fromPath(
                        new org.apache.hadoop.fs.Path(file.toUri()), conf)).build()) {
                    for (Group row = reader.read(); row != null; row = reader.read()) {
                        if (row.getFieldRepetitionCount(0) > 0) {
                            batch.add(row.getString(0, 0));
                            if (batch.size() == batchSize) {
                                batches.accept(batch);
                                batch = new ArrayList<>(batchSize);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the household ids of " + dataset, e);
        }
        if (!batch.isEmpty()) {
            batches.accept(batch);
        }
    }

    /**
     * A reader built on the file with its configuration: the builder on a bare path would build a Hadoop
     * configuration per file, parsing Hadoop's default XML files each time (a minute for 2,000 partitions).
     */
    private static final class ColumnReader extends ParquetReader.Builder<Group> {
        ColumnReader(HadoopInputFile file) {
            super(file);
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }

    /** As the lake's readers see it: Parquet files, not in staging or hidden folders inside the dataset. */
    private static boolean isDataFile(Path dataset, Path file) {
        if (!file.getFileName().toString().endsWith(".parquet") || !Files.isRegularFile(file)) {
            return false;
        }
        for (Path part : dataset.relativize(file)) {
            String segment = part.toString();
            if (segment.startsWith("_") || segment.startsWith(".")) {
                return false;
            }
        }
        return true;
    }
}
