package com.propertyquality.review.lake;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import com.propertyquality.review.contract.ColumnSpec;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.contract.ValueType;

/**
 * The lake's datasets and schemas, derived from the import contract: which datasets a template loads into (its
 * own, and a private one for personal data), the columns of their tables (every column a view shows, partition
 * columns and lineage included; {@link TableSchemas} makes them Iceberg's and Parquet's) and the Spark schema a
 * reader gives, so they never drift.
 */
public final class LakeSchemas {

    /** Lineage: the input file a row came from (its name, without folders). */
    public static final String SOURCE_FILE = "source_file";
    /** Lineage: the row's line in a CSV file, or its row number in an XLSX sheet. */
    public static final String SOURCE_ROW = "source_row";

    public static final int MONEY_PRECISION = 12;
    public static final int MONEY_SCALE = 2;

    private LakeSchemas() {
    }

    /**
     * A dataset of the lake as a template fills it.
     *
     * @param name        the dataset folder under the lake
     * @param columns     the columns of its data files, in file order, lineage last
     * @param partitionBy its partition columns (the template's)
     */
    public record LakeDataset(String name, List<StoredColumn> columns, List<String> partitionBy) {
    }

    /**
     * A column of a data file.
     *
     * @param templateIndex where its value sits in a validated row of the template, {@link #LINEAGE} for lineage or
     *                      {@link #DERIVED_YEAR} for the year derived from a date
     */
    public record StoredColumn(String name, ValueType type, int templateIndex) {
    }

    /** {@link StoredColumn#templateIndex} of a lineage column. */
    public static final int LINEAGE = -1;
    /** {@link StoredColumn#templateIndex} of the year a template derives from one of its dates. */
    public static final int DERIVED_YEAR = -2;

    /** The template's own dataset, then its private dataset when it has personal data. */
    public static List<LakeDataset> datasets(Template template) {
        List<LakeDataset> datasets = new ArrayList<>();
        datasets.add(new LakeDataset(template.dataset(), viewColumns(template), template.partitionBy()));
        if (template.hasPrivateData()) {
            datasets.add(new LakeDataset(template.privateDataset(), privateColumns(template),
                    template.partitionBy()));
        }
        return datasets;
    }

    /** The columns of the template's own dataset's data files: the columns a view shows. */
    public static List<StoredColumn> storedColumns(Template template) {
        return datasets(template).get(0).columns();
    }

    /**
     * The private dataset's columns: the key, the personal data and the partition columns, in template order, the
     * derived year if any, and lineage.
     */
    private static List<StoredColumn> privateColumns(Template template) {
        List<StoredColumn> columns = new ArrayList<>();
        for (ColumnSpec column : template.columns()) {
            String name = column.name();
            if (template.privateDataColumns().contains(column) || template.partitionBy().contains(name)) {
                columns.add(new StoredColumn(name, column.type(), template.indexOf(name)));
            }
        }
        addDerivedAndLineage(template, columns);
        return columns;
    }

    private static void addDerivedAndLineage(Template template, List<StoredColumn> columns) {
        if (template.derivesYear()) {
            columns.add(new StoredColumn(Template.YEAR, ValueType.INTEGER, DERIVED_YEAR));
        }
        columns.add(new StoredColumn(SOURCE_FILE, ValueType.TEXT, LINEAGE));
        columns.add(new StoredColumn(SOURCE_ROW, ValueType.INTEGER, LINEAGE));
    }

    /**
     * The schema Spark reads the template's own dataset with: every template column but the personal data
     * (partition columns included), the derived year if any, and lineage.
     */
    public static StructType sparkSchema(Template template) {
        List<StructField> fields = new ArrayList<>();
        for (StoredColumn column : viewColumns(template)) {
            fields.add(DataTypes.createStructField(column.name(), sparkType(column.type()), true));
        }
        return DataTypes.createStructType(fields);
    }

    /**
     * The columns of the template's own dataset as a view shows them, in order: every template column but the
     * personal data (partition columns included), the derived year if any, and lineage. {@link #sparkSchema} is
     * this list in Spark's types; the analysts' read engine maps it to its own without loading Spark.
     */
    public static List<StoredColumn> viewColumns(Template template) {
        List<StoredColumn> columns = new ArrayList<>();
        for (ColumnSpec column : template.columns()) {
            if (!template.privateColumns().contains(column.name())) {
                columns.add(new StoredColumn(column.name(), column.type(), template.indexOf(column.name())));
            }
        }
        addDerivedAndLineage(template, columns);
        return columns;
    }

    private static DataType sparkType(ValueType type) {
        return switch (type) {
            case TEXT, CODE -> DataTypes.StringType;
            case INTEGER, YEAR -> DataTypes.IntegerType;
            case DATE -> DataTypes.DateType;
            case DECIMAL -> DataTypes.createDecimalType(MONEY_PRECISION, MONEY_SCALE);
            case NUMBER -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }
}
