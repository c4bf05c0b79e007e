package com.propertyquality.review.lake;

import java.util.ArrayList;
import java.util.List;

import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdatePartitionSpec;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.transforms.Transform;
import org.apache.iceberg.util.SerializableFunction;

import com.propertyquality.review.lake.LakeSchemas.LakeDataset;

/**
 * How a table's partitions (the template's: an office and a year) map to its files. A load replaces partitions,
 * but a table keeps one data file per group of partitions: a year and a bucket of the offices
 * ({@link #OFFICE_BUCKETS}). A file per (office, year) made thousands of small files at scale 10, and Spark pays a
 * task's share, a footer and decompressors for each: the aggregate took 19% less time at scale 1 and 28% less at
 * scale 10 on the grouped layout (BENCHMARKS.md). A file holds its partitions' rows ordered by partition, each
 * partition's rows in load order.
 *
 * <p>A table made by an earlier version has identity partitions on (office, year): a group is then a partition,
 * and the table moves to buckets when it is next loaded ({@link Lake}), its old files replaced as their partitions
 * are.
 */
public final class FileGroups {

    /**
     * Offices per year share one of this many files. Eight keeps a reload of one office cheap (it rewrites an
     * eighth of a year's table: about 1.3 million feedback rows at scale 10, a few seconds) while the aggregate
     * reads a few dozen files per table instead of thousands.
     */
    public static final int OFFICE_BUCKETS = 8;

    /** The column whose values are bucketed: the one partition column with many values. */
    static final String BUCKETED = "office_id";

    /** Separates a group from a partition in a staged block's key: below every character a folder name holds. */
    private static final char SEPARATOR = '\u0001';

    private final PartitionSpec spec;
    private final List<String> partitionBy;
    private final List<String> names = new ArrayList<>();
    private final int[] sources;
    private final List<SerializableFunction<Object, Object>> transforms = new ArrayList<>();

    @SuppressWarnings("unchecked")
    FileGroups(PartitionSpec spec, List<String> partitionBy) {
        this.spec = spec;
        this.partitionBy = List.copyOf(partitionBy);
        Schema schema = spec.schema();
        this.sources = new int[spec.fields().size()];
        for (int i = 0; i < spec.fields().size(); i++) {
            PartitionField field = spec.fields().get(i);
            String column = schema.findColumnName(field.sourceId());
            sources[i] = partitionBy.indexOf(column);
            if (sources[i] < 0) {
                throw new IllegalStateException("the table's partition field " + field.name() + " is on " + column
                        + ", not on one of the template's partition columns " + partitionBy);
            }
            names.add(field.name());
            transforms.add(((Transform<Object, Object>) field.transform()).bind(schema.findType(field.sourceId())));
        }
    }

    /** The spec of a new table: the year as it is, the office by {@link #OFFICE_BUCKETS} buckets. */
    public static PartitionSpec spec(Schema schema, LakeDataset dataset) {
        PartitionSpec.Builder spec = PartitionSpec.builderFor(schema);
        for (String column : dataset.partitionBy()) {
            if (column.equals(BUCKETED)) {
                spec.bucket(column, OFFICE_BUCKETS);
            } else {
                spec.identity(column);
            }
        }
        return spec.build();
    }

    /** True when the spec is the one {@link #spec} makes: the same fields, transforms and order. */
    static boolean isCurrentLayout(PartitionSpec spec, LakeDataset dataset) {
        return spec.compatibleWith(spec(spec.schema(), dataset));
    }

    /**
     * Moves a table an earlier version made, a file per (office, year), to groups: its spec becomes {@link #spec}'s.
     * Its files stay as they are until a load replaces their partitions ({@link CurrentFiles}).
     *
     * @throws IllegalStateException when the table is partitioned some other way
     */
    static void evolve(Table table, LakeDataset dataset) {
        PartitionSpec spec = table.spec();
        if (!isFilePerPartition(spec, dataset.partitionBy())) {
            throw new IllegalStateException("the lake's table " + table.name() + " is partitioned as " + spec
                    + ", neither by " + dataset.partitionBy() + " nor as this version groups them");
        }
        UpdatePartitionSpec update = table.updateSpec();
        for (PartitionField field : spec.fields()) {
            if (spec.schema().findColumnName(field.sourceId()).equals(BUCKETED)) {
                update.removeField(field.name());
                update.addField(Expressions.bucket(BUCKETED, OFFICE_BUCKETS));
            }
        }
        update.commit();
    }

    /** True when each file of the spec holds exactly one partition: identity on every partition column. */
    static boolean isFilePerPartition(PartitionSpec spec, List<String> partitionBy) {
        if (spec.fields().size() != partitionBy.size()) {
            return false;
        }
        for (PartitionField field : spec.fields()) {
            if (!field.transform().isIdentity()
                    || !partitionBy.contains(spec.schema().findColumnName(field.sourceId()))) {
                return false;
            }
        }
        return true;
    }

    PartitionSpec spec() {
        return spec;
    }

    /** The group's values, in the spec's field order, of a partition's values (in the template's order). */
    Object[] groupValues(Object[] partition) {
        Object[] values = new Object[sources.length];
        for (int i = 0; i < sources.length; i++) {
            Object value = partition[sources[i]];
            values[i] = value == null ? null : transforms.get(i).apply(value);
        }
        return values;
    }

    /** The group's folder notation (year=2025/office_id_bucket=3) of a partition's values. */
    String groupPath(Object[] partition) {
        return PartitionPath.of(names, groupValues(partition));
    }

    /** The folder notation of a group's values as a data file of this spec holds them. */
    String pathOfGroupValues(Object[] groupValues) {
        return PartitionPath.of(names, groupValues);
    }

    /**
     * The key a staged block of a partition is sorted by: its group, then the partition. Sorting by it puts every
     * group's partitions together, in partition order.
     */
    String key(Object[] partition) {
        return key(groupPath(partition), PartitionPath.of(partitionBy, partition));
    }

    static String key(String group, String partition) {
        return group + SEPARATOR + partition;
    }

    /** The group of a {@link #key}. */
    static String groupOfKey(String key) {
        return key.substring(0, key.indexOf(SEPARATOR));
    }

    /** The partition of a {@link #key}. */
    static String partitionOfKey(String key) {
        return key.substring(key.indexOf(SEPARATOR) + 1);
    }
}
