package com.propertyquality.review.marts;

import java.nio.file.Files;
import com.propertyquality.review.lake.StoragePath;
import java.util.ArrayList;
import java.util.List;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import com.propertyquality.review.lake.ParquetRows;

/**
 * What the marts folder holds, read from the Parquet footers only (no Spark, no data): for each mart of the
 * registry its columns with their types and its row count, or that it has not been built.
 */
public final class MartCatalog {

    /** A column of a built mart, with its Parquet type as written (e.g. "int64", "binary (STRING)"). */
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
            String type = field.asPrimitiveType().getPrimitiveTypeName().name().toLowerCase();
            if (field.getLogicalTypeAnnotation() != null) {
                type += " (" + field.getLogicalTypeAnnotation() + ")";
            }
            columns.add(new Column(field.getName(), type));
        }
        return columns;
    }
}
