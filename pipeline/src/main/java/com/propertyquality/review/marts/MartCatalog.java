package com.propertyquality.review.marts;

import java.nio.file.Files;
import com.propertyquality.review.lake.StoragePath;
import java.util.ArrayList;
import java.util.List;

import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import com.propertyquality.review.lake.ParquetRows;

/**
 * What the marts folder holds, read from the Parquet footers only (no Spark, no data): for each mart of the
 * registry its columns with their types and its row count, or that it has not been built.
 */
public final class MartCatalog {

    /**
     * A column of a built mart, with its logical type as Spark SQL and the query views name it (string, date,
     * decimal(12,2), int, bigint, double, boolean, timestamp, array&lt;string&gt;), not Parquet's physical one.
     */
    public record Column(String name, String type) {
    }

    /** One mart: built or not, its columns and rows. */
    public record Entry(Mart mart, boolean built, List<Column> columns, long rows) {
    }

    private MartCatalog() {
    }

    public static List<Entry> of(StoragePath marts) {
        List<Entry> entries = new ArrayList<>();
        for (Mart mart : Marts.all()) {
            StoragePath folder = marts.resolve(mart.name());
            if (!folder.isDirectory()) {
                entries.add(new Entry(mart, false, List.of(), 0));
            } else {
                entries.add(new Entry(mart, true, columns(folder), ParquetRows.countRows(folder)));
            }
        }
        return entries;
    }

    private static List<Column> columns(StoragePath folder) {
        MessageType schema = ParquetRows.schema(folder);
        List<Column> columns = new ArrayList<>();
        if (schema == null) {
            return columns;
        }
        for (Type field : schema.getFields()) {
            columns.add(new Column(field.getName(), logicalType(field)));
        }
        return columns;
    }

    /** The type as Spark reads the column back: the annotation (STRING, DATE, DECIMAL...) over the physical type. */
    static String logicalType(Type field) {
        if (!field.isPrimitive()) {
            return groupType(field.asGroupType());
        }
        PrimitiveType primitive = field.asPrimitiveType();
        LogicalTypeAnnotation annotation = primitive.getLogicalTypeAnnotation();
        if (annotation instanceof DecimalLogicalTypeAnnotation decimal) {
            return "decimal(" + decimal.getPrecision() + "," + decimal.getScale() + ")";
        }
        if (annotation instanceof TimestampLogicalTypeAnnotation timestamp) {
            return timestamp.isAdjustedToUTC() ? "timestamp" : "timestamp_ntz";
        }
        if (annotation instanceof IntLogicalTypeAnnotation integer) {
            return switch (integer.getBitWidth()) {
                case 8 -> "tinyint";
                case 16 -> "smallint";
                case 32 -> "int";
                default -> "bigint";
            };
        }
        if (annotation == LogicalTypeAnnotation.dateType()) {
            return "date";
        }
        if (annotation == LogicalTypeAnnotation.stringType() || annotation == LogicalTypeAnnotation.enumType()
                || annotation == LogicalTypeAnnotation.jsonType()) {
            return "string";
        }
        return switch (primitive.getPrimitiveTypeName()) {
            case BOOLEAN -> "boolean";
            case INT32 -> "int";
            case INT64 -> "bigint";
            case INT96 -> "timestamp";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case BINARY, FIXED_LEN_BYTE_ARRAY -> "binary";
        };
    }

    /** A list, a map or a struct, written as Spark writes its type: array<...>, map<...,...>, struct<name:...>. */
    private static String groupType(GroupType group) {
        LogicalTypeAnnotation annotation = group.getLogicalTypeAnnotation();
        if (annotation == LogicalTypeAnnotation.listType()) {
            Type repeated = group.getType(0);
            Type element = repeated.isPrimitive() || repeated.asGroupType().getFieldCount() != 1 ? repeated
                    : repeated.asGroupType().getType(0);
            return "array<" + logicalType(element) + ">";
        }
        if (annotation == LogicalTypeAnnotation.mapType()
                || annotation == LogicalTypeAnnotation.MapKeyValueTypeAnnotation.getInstance()) {
            GroupType entry = group.getType(0).asGroupType();
            return "map<" + logicalType(entry.getType(0)) + "," + logicalType(entry.getType(1)) + ">";
        }
        List<String> fields = new ArrayList<>();
        for (Type field : group.getFields()) {
            fields.add(field.getName() + ":" + logicalType(field));
        }
        return "struct<" + String.join(",", fields) + ">";
    }
}
