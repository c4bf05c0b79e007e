package com.propertyquality.review.lake;

import java.util.stream.Collectors;

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

    /** The Markdown table: one row per table, its template, namespace, partitions and columns in order. */
    public static String table() {
        StringBuilder table = new StringBuilder();
        table.append("| table | template | partitioned by | columns, in order |\n");
        table.append("| --- | --- | --- | --- |\n");
        for (Template template : Lake.templates()) {
            for (LakeDataset dataset : LakeSchemas.datasets(template)) {
                String name = LakeCatalog.table(template, dataset.name()).toString();
                table.append("| `").append(name).append("` | `").append(template.name()).append("` | ")
                        .append(dataset.partitionBy().stream().map(c -> "`" + c + "`")
                                .collect(Collectors.joining(", ")))
                        .append(" | ")
                        .append(dataset.columns().stream().map(LakeTableDocs::column)
                                .collect(Collectors.joining(", ")))
                        .append(" |\n");
            }
        }
        return table.toString();
    }

    private static String column(StoredColumn column) {
        return "`" + column.name() + "`" + (column.templateIndex() == LakeSchemas.DERIVED_YEAR ? " (derived)" : "");
    }

    public static void main(String[] args) {
        System.out.print(table());
    }
}
