package com.propertyquality.review.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a Parquet dataset (a mart, the offices register) into rows without starting Spark: every
 * {@code *.parquet} file under a folder, with Hive-style partition values (k=v folders) added as strings.
 * {@link #read} is meant for datasets that fit in memory; {@link #forEach} and {@link #readColumn} hold a row or a
 * batch at a time.
 */
public final class ParquetRows {

    private ParquetRows() {
    }

    /** Every row of the dataset, or an empty list when the folder does not exist. */
    public static List<Map<String, Object>> read(StoragePath dataset) {
        List<Map<String, Object>> rows = new ArrayList<>();
        forEach(dataset, rows::add);
        return rows;
    }

    /** {@link #read(StoragePath)} of a local folder. */
    public static List<Map<String, Object>> read(Path dataset) {
        return read(StoragePath.local(dataset));
    }

    /**
     * Hands every row of the dataset to {@code action}, file by file in name order and each file in its order,
     * holding one row at a time: for datasets too big to read whole (a mart of millions of rows). Nothing happens
     * when the folder does not exist.
     */
    public static void forEach(StoragePath dataset, Consumer<Map<String, Object>> action) {
        try {
            for (StoragePath file : dataFiles(dataset)) {
                readFile(file, partitionValues(dataset, file), action);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Parquet dataset " + dataset, e);
        }
    }

    /**
     * As {@link #forEach(StoragePath, Consumer)}, reading only {@code columns} (a column the files lack is left out)
     * of the rows whose int column {@code intColumn} equals {@code value}: the other columns are never decoded, and
     * a row group whose statistics rule the value out is skipped. The rows hold the named columns and
     * {@code intColumn}.
     */
    public static void forEachWhere(StoragePath dataset, Set<String> columns, String intColumn, int value,
                                    Consumer<Map<String, Object>> action) {
        Set<String> read = new LinkedHashSet<>(columns);
        read.add(intColumn);
        FilterCompat.Filter filter = FilterCompat.get(FilterApi.eq(FilterApi.intColumn(intColumn), value));
        try {
            for (StoragePath file : dataFiles(dataset)) {
                Map<String, String> partition = new LinkedHashMap<>(partitionValues(dataset, file));
                partition.keySet().retainAll(read);
                readFile(file, partition, read, filter, action);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Parquet dataset " + dataset, e);
        }
    }

    /**
     * Every row of the given data files (a lake table's current files), in their order: their columns alone, no
     * folder names read as values.
     */
    public static List<Map<String, Object>> readFiles(List<StoragePath> files) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            for (StoragePath file : files) {
                readFile(file, Map.of(), rows::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + files, e);
        }
        return rows;
    }

    /**
     * Every non-null value of one text column of the given data files, a batch at a time (see
     * {@link #readColumn(StoragePath, String, int, Consumer)}).
     *
     * @throws IllegalStateException when a file has no such column
     */
    public static void readColumn(List<StoragePath> files, String column, int batchSize,
                                  Consumer<List<String>> batches) {
        Batches batch = new Batches(batchSize, batches);
        try {
            for (StoragePath file : files) {
                MessageType schema;
                try (ParquetFileReader reader = ParquetFileReader.open(file.inputFile(), HadoopConf.READ_OPTIONS)) {
                    schema = reader.getFooter().getFileMetaData().getSchema();
                }
                if (!schema.containsField(column)) {
                    throw new IllegalStateException("the data file " + file + " has no column " + column);
                }
                readFileColumn(List.of(file), column, schema, batch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + column + " of " + files, e);
        }
        batch.flush();
    }

    /** The number of rows in the dataset's files, from their footers (no data is read); 0 when absent. */
    public static long countRows(StoragePath dataset) {
        long rows = 0;
        try {
            for (StoragePath file : dataFiles(dataset)) {
                rows += fileRows(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count the rows of " + dataset, e);
        }
        return rows;
    }

    /** {@link #countRows(StoragePath)} of a local folder. */
    public static long countRows(Path dataset) {
        return countRows(StoragePath.local(dataset));
    }

    /** The rows of one data file, from its footer. */
    private static long fileRows(StoragePath file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(file.inputFile(), HadoopConf.READ_OPTIONS)) {
            return reader.getRecordCount();
        }
    }

    /** The schema of the dataset's first data file (its footer only), or null when it has none. */
    public static MessageType schema(StoragePath dataset) {
        try {
            List<StoragePath> files = dataFiles(dataset);
            if (files.isEmpty()) {
                return null;
            }
            try (ParquetFileReader reader = ParquetFileReader.open(files.get(0).inputFile(),
                    HadoopConf.READ_OPTIONS)) {
                return reader.getFooter().getFileMetaData().getSchema();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema of " + dataset, e);
        }
    }

    /**
     * Every non-null value of one text column of the dataset, handed to {@code batches} a few thousand at a time:
     * only that column is read, and no more than a batch is held, however big the dataset (the household register
     * at scale 10 has 1.5 million rows).
     *
     * A partition column (office_id of the offices register) comes from the partition folders: its value once for
     * each row the folder's files hold, read from their footers.
     *
     * @throws IllegalStateException when the dataset has no such column
     */
    public static void readColumn(StoragePath dataset, String column, int batchSize,
                                  Consumer<List<String>> batches) {
        MessageType schema = schema(dataset);
        if (schema == null) {
            return;
        }
        Batches batch = new Batches(batchSize, batches);
        try {
            if (!schema.containsField(column)) {
                readPartitionColumn(dataset, column, batch);
            } else {
                readFileColumn(dataFiles(dataset), column, schema, batch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + column + " of " + dataset, e);
        }
        batch.flush();
    }

    private static void readPartitionColumn(StoragePath dataset, String column, Batches batch) throws IOException {
        for (StoragePath file : dataFiles(dataset)) {
            Map<String, String> partition = partitionValues(dataset, file);
            if (!partition.containsKey(column)) {
                throw new IllegalStateException("the dataset " + dataset + " has no column " + column);
            }
            String value = partition.get(column);
            if (value != null) {
                for (long row = fileRows(file); row > 0; row--) {
                    batch.add(value);
                }
            }
        }
    }

    private static void readFileColumn(List<StoragePath> files, String column, MessageType schema, Batches batch)
            throws IOException {
        Configuration projected = new Configuration(HadoopConf.SHARED);
        projected.set(ReadSupport.PARQUET_READ_SCHEMA,
                new MessageType(schema.getName(), schema.getType(column)).toString());
        for (StoragePath file : files) {
            try (ParquetReader<Group> reader = new GroupReader(file.inputFile(), projected).build()) {
                for (Group row = reader.read(); row != null; row = reader.read()) {
                    if (row.getFieldRepetitionCount(0) > 0) {
                        batch.add(row.getString(0, 0));
                    }
                }
            }
        }
    }

    /** Values handed on a batch at a time. */
    private static final class Batches {
        private final int size;
        private final Consumer<List<String>> consumer;
        private List<String> batch;

        Batches(int size, Consumer<List<String>> consumer) {
            this.size = size;
            this.consumer = consumer;
            this.batch = new ArrayList<>(size);
        }

        void add(String value) {
            batch.add(value);
            if (batch.size() == size) {
                consumer.accept(batch);
                batch = new ArrayList<>(size);
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                consumer.accept(batch);
            }
        }
    }

    /** The dataset's data files in name order (partition folders included); none when it does not exist. */
    private static List<StoragePath> dataFiles(StoragePath dataset) throws IOException {
        return dataset.files().stream().filter(file -> isDataFile(dataset, file)).toList();
    }

    private static boolean isDataFile(StoragePath dataset, StoragePath file) {
        if (!file.name().endsWith(".parquet")) {
            return false;
        }
        // staging and hidden folders inside the dataset are not part of it, as for Spark; the folders above
        // the dataset may be called anything
        for (String segment : dataset.relativize(file).split("/")) {
            if (segment.startsWith("_") || segment.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> partitionValues(StoragePath dataset, StoragePath file) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] segments = dataset.relativize(file).split("/");
        for (int i = 0; i < segments.length - 1; i++) { // the last is the file's name
            String text = segments[i];
            int eq = text.indexOf('=');
            if (eq > 0) {
                String value = text.substring(eq + 1);
                values.put(unescape(text.substring(0, eq)),
                        PartitionPath.NULL_VALUE.equals(value) ? null : unescape(value));
            }
        }
        return values;
    }

    private static String unescape(String text) {
        return text.indexOf('%') < 0 ? text : URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void readFile(StoragePath file, Map<String, String> partition,
                                 Consumer<Map<String, Object>> rows) throws IOException {
        readFile(file, partition, null, FilterCompat.NOOP, rows);
    }

    /** The file's rows that pass {@code filter}, with the columns of {@code columns} (null: every column). */
    private static void readFile(StoragePath file, Map<String, String> partition, Set<String> columns,
                                 FilterCompat.Filter filter, Consumer<Map<String, Object>> rows) throws IOException {
        try (ParquetReader<Group> reader = new GroupReader(file.inputFile(), HadoopConf.SHARED, columns)
                .withFilter(filter).build()) {
            for (Group group = reader.read(); group != null; group = reader.read()) {
                Map<String, Object> row = new LinkedHashMap<>();
                GroupType type = group.getType();
                for (int i = 0; i < type.getFieldCount(); i++) {
                    row.put(type.getFieldName(i), value(group, i, type.getType(i)));
                }
                partition.forEach(row::putIfAbsent);
                rows.accept(row);
            }
        }
    }

    /**
     * A reader of plain groups on the shared configuration: {@code ParquetReader.builder(readSupport, path)} builds a
     * new Hadoop configuration for every file (parsing Hadoop's XML defaults), which a dataset of thousands of
     * partition files pays thousands of times.
     */
    static final class GroupReader extends ParquetReader.Builder<Group> {

        private final Set<String> columns;

        GroupReader(InputFile file, Configuration conf) {
            this(file, conf, null);
        }

        /** A reader of {@code columns} only, in the file's order (null: every column). */
        GroupReader(InputFile file, Configuration conf, Set<String> columns) {
            super(file, new HadoopParquetConfiguration(conf));
            this.columns = columns;
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            if (columns == null) {
                return new GroupReadSupport();
            }
            return new GroupReadSupport() {
                @Override
                public ReadContext init(InitContext context) {
                    MessageType schema = context.getFileSchema();
                    List<Type> kept = schema.getFields().stream()
                            .filter(field -> columns.contains(field.getName())).toList();
                    return new ReadContext(new MessageType(schema.getName(), kept));
                }
            };
        }
    }

    static Object value(Group group, int field, Type type) {
        if (group.getFieldRepetitionCount(field) == 0) {
            return null;
        }
        PrimitiveType primitive = type.asPrimitiveType();
        LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
            BigInteger unscaled = switch (primitive.getPrimitiveTypeName()) {
                case INT32 -> BigInteger.valueOf(group.getInteger(field, 0));
                case INT64 -> BigInteger.valueOf(group.getLong(field, 0));
                default -> new BigInteger(group.getBinary(field, 0).getBytes());
            };
            return new BigDecimal(unscaled, decimal.getScale());
        }
        return switch (primitive.getPrimitiveTypeName()) {
            case BINARY, FIXED_LEN_BYTE_ARRAY -> group.getString(field, 0);
            case INT32 -> logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                    ? LocalDate.ofEpochDay(group.getInteger(field, 0))
                    : (Object) group.getInteger(field, 0);
            case INT64 -> group.getLong(field, 0);
            case DOUBLE -> group.getDouble(field, 0);
            case FLOAT -> group.getFloat(field, 0);
            case BOOLEAN -> group.getBoolean(field, 0);
            case INT96 -> throw new IllegalStateException("INT96 timestamps are not used in this lake");
        };
    }
}
