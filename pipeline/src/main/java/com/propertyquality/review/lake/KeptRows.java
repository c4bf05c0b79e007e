package com.propertyquality.review.lake;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import com.propertyquality.review.lake.LakeSchemas.StoredColumn;

/**
 * The rows a load keeps of a group's current files ({@link FileGroups}): those of the partitions the load does
 * not replace, in the files' order, as stored rows in the dataset's columns of today (a column the files predate
 * is null). It first reads the partition columns alone, to count each partition's rows (the rows a replaced
 * partition had) and to see whether any row is kept at all: a load of every office of a year keeps none, and then
 * the rest of the files is never read.
 */
final class KeptRows implements Closeable {

    private final List<StoragePath> files;
    private final List<String> partitionBy;
    private final Set<String> replaced;
    private final List<StoredColumn> columns;
    private final Map<String, Long> before = new HashMap<>();
    /** Each file's schema, from its footer, read once. */
    private final List<MessageType> schemas = new ArrayList<>();
    private long kept;
    private int fileIndex = -1;
    private ParquetReader<Group> reader;
    private int[] fieldOf;
    private int[] partitionFieldOf;
    private GroupType schema;
    private Object[] nextRow;
    private String nextPartition;

    /**
     * @param files       the group's current files of one dataset
     * @param partitionBy the template's partition columns
     * @param replaced    the partitions the load replaces (their rows are not kept)
     * @param columns     the dataset's stored columns, in the order the rows are handed on
     */
    KeptRows(List<StoragePath> files, List<String> partitionBy, Set<String> replaced, List<StoredColumn> columns)
            throws IOException {
        this.files = files;
        this.partitionBy = partitionBy;
        this.replaced = replaced;
        this.columns = columns;
        for (StoragePath file : files) {
            count(file);
        }
        if (kept > 0) {
            advance();
        }
    }

    /** The rows each partition had in the files, replaced or kept. */
    Map<String, Long> before() {
        return Collections.unmodifiableMap(before);
    }

    /** The rows kept: those of partitions the load does not replace. */
    long kept() {
        return kept;
    }

    /** The partition (folder notation) of the next kept row, or null when none is left. */
    String peekPartition() {
        return nextPartition;
    }

    /** The next kept row, in the dataset's stored columns. */
    Object[] next() throws IOException {
        Object[] row = nextRow;
        advance();
        return row;
    }

    private void count(StoragePath file) throws IOException {
        MessageType schema = footerSchema(file);
        schemas.add(schema);
        List<Type> fields = new ArrayList<>();
        for (String column : partitionBy) {
            if (!schema.containsField(column)) {
                throw new IllegalStateException("the data file " + file + " has no partition column " + column);
            }
            fields.add(schema.getType(column));
        }
        Configuration projected = new Configuration(HadoopConf.SHARED);
        projected.set(ReadSupport.PARQUET_READ_SCHEMA, new MessageType(schema.getName(), fields).toString());
        Object[] values = new Object[partitionBy.size()];
        try (ParquetReader<Group> rows = new ParquetRows.GroupReader(file.inputFile(), projected).build()) {
            for (Group row = rows.read(); row != null; row = rows.read()) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = ParquetRows.value(row, i, fields.get(i));
                }
                String partition = PartitionPath.of(partitionBy, values);
                before.merge(partition, 1L, Long::sum);
                if (!replaced.contains(partition)) {
                    kept++;
                }
            }
        }
    }

    private static MessageType footerSchema(StoragePath file) throws IOException {
        try (ParquetFileReader footer = ParquetFileReader.open(file.inputFile(), HadoopConf.READ_OPTIONS)) {
            return footer.getFooter().getFileMetaData().getSchema();
        }
    }

    /** Moves to the next kept row, opening the next file when one ends. */
    private void advance() throws IOException {
        nextRow = null;
        nextPartition = null;
        Object[] values = new Object[partitionBy.size()];
        while (true) {
            if (reader == null && !open()) {
                return;
            }
            Group row = reader.read();
            if (row == null) {
                reader.close();
                reader = null;
                continue;
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = ParquetRows.value(row, partitionFieldOf[i], schema.getType(partitionFieldOf[i]));
            }
            String partition = PartitionPath.of(partitionBy, values);
            if (replaced.contains(partition)) {
                continue;
            }
            Object[] stored = new Object[columns.size()];
            for (int i = 0; i < stored.length; i++) {
                int field = fieldOf[i];
                stored[i] = field < 0 ? null : ParquetRows.value(row, field, schema.getType(field));
            }
            nextRow = stored;
            nextPartition = partition;
            return;
        }
    }

    private boolean open() throws IOException {
        if (++fileIndex >= files.size()) {
            return false;
        }
        StoragePath file = files.get(fileIndex);
        MessageType fileSchema = schemas.get(fileIndex);
        schema = fileSchema;
        fieldOf = new int[columns.size()];
        for (int i = 0; i < fieldOf.length; i++) {
            String name = columns.get(i).name();
            fieldOf[i] = fileSchema.containsField(name) ? fileSchema.getFieldIndex(name) : -1;
        }
        partitionFieldOf = new int[partitionBy.size()];
        for (int i = 0; i < partitionFieldOf.length; i++) {
            partitionFieldOf[i] = fileSchema.getFieldIndex(partitionBy.get(i));
        }
        reader = new ParquetRows.GroupReader(file.inputFile(), HadoopConf.SHARED).build();
        return true;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
