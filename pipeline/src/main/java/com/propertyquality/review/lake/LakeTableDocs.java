package com.propertyquality.review.lake;

import java.util.stream.Collectors;

import org.apache.iceberg.PartitionSpec;

import com.propertyquality.review.contract.Template;
import com.propertyquality.review.lake.LakeSchemas.LakeDataset;
import com.propertyquality.review.lake.LakeSchemas.StoredColumn;

/**
 * data/README.md's table of the lake's tables (§4.2), rendered from {@link LakeSchemas}: a test holds the README to
 * it, and {@code main} prints it to paste after a change of the contract.
 */
public final class LakeTableDocs {

    private LakeTableDocs() {
    }

    /**
     * The Markdown table: one row per table, its template, namespace, partitions, the groups it keeps a file per
     * ({@link FileGroups}) and columns in order.
     */
    public static String table() {
        StringBuilder table = new StringBuilder();
        table.append("| table | template | partitioned by | a file per | columns, in order |\n");
        table.append("| --- | --- | --- | --- | --- |\n");
        for (Template template : Lake.templates()) {
            for (LakeDataset dataset : LakeSchemas.datasets(template)) {
                String name = LakeCatalog.table(template, dataset.name()).toString();
                table.append("| `").append(name).append("` | `").append(template.name()).append("` | ")
                        .append(dataset.partitionBy().stream().map(c -> "`" + c + "`")
                                .collect(Collectors.joining(", ")))
                        .append(" | ")
                        .append(fileGroup(dataset))
                        .append(" | ")
                        .append(dataset.columns().stream().map(LakeTableDocs::column)
                                .collect(Collectors.joining(", ")))
                        .append(" |\n");
            }
        }
        return table.toString();
    }

    /** The spec's fields of a new table, as Iceberg's SQL writes them: `year`, `bucket(8, office_id)`. */
    private static String fileGroup(LakeDataset dataset) {
        PartitionSpec spec = FileGroups.spec(TableSchemas.schema(dataset), dataset);
        return spec.fields().stream().map(field -> {
            String column = spec.schema().findColumnName(field.sourceId());
            return "`" + (field.transform().isIdentity() ? column
                    : "bucket(" + FileGroups.OFFICE_BUCKETS + ", " + column + ")") + "`";
        }).collect(Collectors.joining(", "));
    }

    private static String column(StoredColumn column) {
        return "`" + column.name() + "`" + (column.templateIndex() == LakeSchemas.DERIVED_YEAR ? " (derived)" : "");
    }

    public static void main(String[] args) {
        System.out.print(table());
    }
}
