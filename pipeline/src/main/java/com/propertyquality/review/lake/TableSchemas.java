package com.propertyquality.review.lake;

import java.util.ArrayList;
import java.util.List;

import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

import com.propertyquality.review.contract.ValueType;
import com.propertyquality.review.lake.LakeSchemas.LakeDataset;
import com.propertyquality.review.lake.LakeSchemas.StoredColumn;

/**
 * A lake dataset's columns ({@link LakeSchemas}, from the contract) as an Iceberg table's schema and partition
 * spec, and as the Parquet schema of the data files the ingest writes for that table. Iceberg matches a file's
 * columns to the table's by field id, so the Parquet schema takes its ids from the table as it is, by name: a column
 * the contract adds later gets a new id and old files simply lack it.
 */
public final class TableSchemas {

    private TableSchemas() {
    }

    /** The schema of a new table: the dataset's columns in order, every one optional, ids from 1. */
    public static Schema schema(LakeDataset dataset) {
        List<Types.NestedField> fields = new ArrayList<>();
        int id = 1;
        for (StoredColumn column : dataset.columns()) {
            fields.add(Types.NestedField.optional(id++, column.name(), type(column.type())));
        }
        return new Schema(fields);
    }

    /** The partition spec of a new table: the year, and a bucket of the offices ({@link FileGroups}). */
    public static PartitionSpec spec(Schema schema, LakeDataset dataset) {
        return FileGroups.spec(schema, dataset);
    }

    /**
     * Brings an existing table's schema up to the contract: columns the contract added are added (at the end,
     * with new ids). A column whose type the contract changed cannot be reconciled by a load.
     *
     * @throws IllegalStateException when a column's type differs from the contract's
     */
    public static void evolve(Table table, LakeDataset dataset) {
        Schema current = table.schema();
        UpdateSchema update = null;
        for (StoredColumn column : dataset.columns()) {
            Types.NestedField field = current.findField(column.name());
            Type wanted = type(column.type());
            if (field == null) {
                update = update == null ? table.updateSchema() : update;
                update.addColumn(column.name(), wanted);
            } else if (!field.type().equals(wanted)) {
                throw new IllegalStateException("the lake's table " + table.name() + " holds " + column.name()
                        + " as " + field.type() + " but the contract says " + wanted
                        + "; a change of type needs a migration of the table, not a load");
            }
        }
        if (update != null) {
            update.commit();
        }
    }

    /**
     * The Parquet schema of the dataset's data files for the table as it is: the dataset's columns in order, each
     * with the table's field id of its name.
     */
    public static MessageType parquetSchema(LakeDataset dataset, Schema table) {
        org.apache.parquet.schema.Types.MessageTypeBuilder message = org.apache.parquet.schema.Types.buildMessage();
        for (StoredColumn column : dataset.columns()) {
            Types.NestedField field = table.findField(column.name());
            if (field == null) {
                throw new IllegalStateException("the lake's table for " + dataset.name() + " has no column "
                        + column.name());
            }
            message.addField(parquetField(column.name(), column.type(), field.fieldId()));
        }
        return message.named(dataset.name());
    }

    static Type type(ValueType type) {
        return switch (type) {
            case TEXT, CODE -> Types.StringType.get();
            case INTEGER, YEAR -> Types.IntegerType.get();
            case DATE -> Types.DateType.get();
            case DECIMAL -> Types.DecimalType.of(LakeSchemas.MONEY_PRECISION, LakeSchemas.MONEY_SCALE);
            case NUMBER -> Types.DoubleType.get();
            case BOOLEAN -> Types.BooleanType.get();
        };
    }

    private static org.apache.parquet.schema.Type parquetField(String name, ValueType type, int id) {
        var optional = org.apache.parquet.schema.Types.optional(switch (type) {
            case TEXT, CODE -> PrimitiveTypeName.BINARY;
            case INTEGER, YEAR, DATE -> PrimitiveTypeName.INT32;
            case DECIMAL -> PrimitiveTypeName.INT64;
            case NUMBER -> PrimitiveTypeName.DOUBLE;
            case BOOLEAN -> PrimitiveTypeName.BOOLEAN;
        });
        LogicalTypeAnnotation logical = switch (type) {
            case TEXT, CODE -> LogicalTypeAnnotation.stringType();
            case INTEGER, YEAR -> LogicalTypeAnnotation.intType(32, true);
            case DATE -> LogicalTypeAnnotation.dateType();
            case DECIMAL -> LogicalTypeAnnotation.decimalType(LakeSchemas.MONEY_SCALE, LakeSchemas.MONEY_PRECISION);
            case NUMBER, BOOLEAN -> null;
        };
        return (logical == null ? optional : optional.as(logical)).id(id).named(name);
    }
}
