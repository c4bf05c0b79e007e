package com.propertyquality.review.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a small Parquet dataset (a mart, the offices register) into rows without starting Spark: every
 * {@code *.parquet} file under a folder, with Hive-style partition values (k=v folders) added as strings.
 * Meant for datasets that fit in memory; Spark reads the big ones.
 */
public final class ParquetRows {

    private ParquetRows() {
    }

    /** Every row of the dataset, or an empty list when the folder does not exist. */
    public static List<Map<String, Object>> read(Path dataset) {
        if (!Files.isDirectory(dataset)) {
            return List.of();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dataset)) {
            for (Path file : files.filter(f -> isDataFile(dataset, f)).sorted().toList()) {
                Map<String, String> partition = partitionValues(dataset, file);
                readFile(file, partition, rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Parquet dataset " + dataset, e);
        }
        return rows;
    }

    /** The number of rows in the dataset's files, from their footers (no data is read); 0 when absent. */
    public static long countRows(Path dataset) {
        if (!Files.isDirectory(dataset)) {
            return 0;
        }
        long rows = 0;
        try (Stream<Path> files = Files.walk(dataset)) {
            for (Path file : files.filter(f -> isDataFile(dataset, f)).toList()) {
                try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                        new org.apache.hadoop.fs.Path(file.toUri()), HadoopConf.SHARED))) {
                    rows += reader.getRecordCount();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count the rows of " + dataset, e);
        }
        return rows;
    }

    /** The schema of the dataset's first data file (its footer only), or null when it has none. */
    public static MessageType schema(Path dataset) {
        if (!Files.isDirectory(dataset)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(dataset)) {
            Path first = files.filter(f -> isDataFile(dataset, f)).sorted().findFirst().orElse(null);
            if (first == null) {
                return null;
            }
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                    new org.apache.hadoop.fs.Path(first.toUri()), HadoopConf.SHARED))) {
                return reader.getFooter().getFileMetaData().getSchema();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema of " + dataset, e);
        }
    }

    private static boolean isDataFile(Path dataset, Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".parquet") || !Files.isRegularFile(file)) {
            return false;
        }
        // staging and hidden folders inside the dataset are not part of it, as for Spark; the folders above
        // the dataset may be called anything
        for (Path part : dataset.relativize(file)) {
            String segment = part.toString();
            if (segment.startsWith("_") || segment.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> partitionValues(Path dataset, Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        Path relative = dataset.relativize(file.getParent());
        for (Path segment : relative) {
            String text = segment.toString();
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

    private static void readFile(Path file, Map<String, String> partition, List<Map<String, Object>> rows)
            throws IOException {
        org.apache.hadoop.fs.Path hadoopPath = new org.apache.hadoop.fs.Path(file.toUri());
        try (ParquetReader<Group> reader = new GroupReader(HadoopInputFile.fromPath(hadoopPath, HadoopConf.SHARED))
                .build()) {
            for (Group group = reader.read(); group != null; group = reader.read()) {
                Map<String, Object> row = new LinkedHashMap<>();
                GroupType type = group.getType();
                for (int i = 0; i < type.getFieldCount(); i++) {
                    row.put(type.getFieldName(i), value(group, i, type.getType(i)));
                }
                partition.forEach(row::putIfAbsent);
                rows.add(row);
            }
        }
    }

    /**
     * A reader of plain groups on the shared configuration: {@code ParquetReader.builder(readSupport, path)} builds a
     * new Hadoop configuration for every file (parsing Hadoop's XML defaults), which a dataset of thousands of
     * partition files pays thousands of times.
     */
    private static final class GroupReader extends ParquetReader.Builder<Group> {

        GroupReader(InputFile file) {
            super(file, new HadoopParquetConfiguration(HadoopConf.SHARED));
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }

    private static Object value(Group group, int field, Type type) {
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
