package com.propertyquality.review.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.support.TestSpark;

/**
 * Several input files of one load with rows in the same partition leave one data file in it, in one row group,
 * holding every row of each file, file after file, in the files' order.
 */
class PartitionMergeTest {

    @TempDir
    Path root;

    @Test
    void aPartitionsRowsOfEveryFileAreWrittenAsOneFileInFileOrder() throws IOException {
        Lake lake = new Lake(root);
        // three monthly files: A's 2025 partition gets rows from all three, B's from the second only
        List<StagedFile> staged = List.of(
                purchases(lake, 1, "purchases-01.csv", "A", "A"),
                purchases(lake, 2, "purchases-02.csv", "A", "B", "A"),
                purchases(lake, 3, "purchases-03.csv", "A"));
        lake.commit("run", ImportTemplates.PURCHASES, staged);
        lake.dropStaging("run");

        Path data = root.resolve("quality/purchases/data");
        // A and B are in office buckets 6 and 2: a file each
        Path a = data.resolve("year=2025/office_id_bucket=6");
        Path b = data.resolve("year=2025/office_id_bucket=2");
        // one file each, named after its content
        assertThat(files(a)).singleElement().asString().matches("[0-9a-f]{64}\\.parquet");
        assertThat(files(b)).singleElement().asString().matches("[0-9a-f]{64}\\.parquet");
        // one row group: a reader pays one set of pages per column, not one per input file
        try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop.ParquetFileReader.open(
                new ChannelInputFile(a.resolve(files(a).get(0))), HadoopConf.READ_OPTIONS)) {
            assertThat(reader.getRowGroups()).hasSize(1);
            // a column whose values do not repeat is written plain: a dictionary of it would only be given up
            Map<String, Boolean> dictionaries = reader.getRowGroups().get(0).getColumns().stream().collect(
                    Collectors.toMap(column -> column.getPath().toDotString(), ColumnChunkMetaData::hasDictionaryPage));
            assertThat(dictionaries).containsEntry("purchase_id", false).containsEntry("source_row", false)
                    .containsEntry("office_id", true).containsEntry("category", true)
                    .containsEntry("source_file", true);
        }
        List<Map<String, Object>> rows = ParquetRows.read(a);
        assertThat(rows).extracting(r -> r.get("source_file") + ":" + r.get("source_row") + ":" + r.get("purchase_id"))
                .containsExactly("purchases-01.csv:2:purchases-01.csv-2", "purchases-01.csv:3:purchases-01.csv-3",
                        "purchases-02.csv:2:purchases-02.csv-2", "purchases-02.csv:4:purchases-02.csv-4",
                        "purchases-03.csv:2:purchases-03.csv-2");
        assertThat(rows.get(2)).containsEntry("amount", new BigDecimal("2.50"))
                .containsEntry("purchased_on", LocalDate.of(2025, 2, 1));
        assertThat(ParquetRows.countRows(data)).isEqualTo(6);

        // Spark reads the merged file through the catalog like any other
        List<Row> read = new com.propertyquality.review.marts.LakeTables(TestSpark.session(), root)
                .read(ImportTemplates.PURCHASES)
                .where("office_id = 'A'").orderBy("source_file", "source_row").collectAsList();
        assertThat(read).extracting(r -> r.<String>getAs("purchase_id")).containsExactly("purchases-01.csv-2",
                "purchases-01.csv-3", "purchases-02.csv-2", "purchases-02.csv-4", "purchases-03.csv-2");
    }

    @Test
    void partitionsWrittenSideBySideAreTheFilesOneWriterWrites() throws IOException {
        // five offices over three files, in four groups (A and D share office bucket 6); two and three writers cut
        // the groups into ranges
        List<String> one = dataFiles(new Lake(root.resolve("one")), 1);
        assertThat(one).hasSize(4);
        assertThat(dataFiles(new Lake(root.resolve("two")), 2)).isEqualTo(one);
        assertThat(dataFiles(new Lake(root.resolve("three")), 3)).isEqualTo(one);
        assertThat(dataFiles(new Lake(root.resolve("many")), 16)).isEqualTo(one);
    }

    /** The lake's data files, as group/content name, after a load committed with {@code writers} threads. */
    private static List<String> dataFiles(Lake lake, int writers) throws IOException {
        Lake writing = lake.withWriters(writers);
        List<StagedFile> staged = List.of(
                purchases(writing, 1, "purchases-01.csv", "A", "B", "C", "D", "E", "A", "A"),
                purchases(writing, 2, "purchases-02.csv", "E", "D", "B"),
                purchases(writing, 3, "purchases-03.csv", "C", "C", "C", "C", "A"));
        List<String> partitions = writing.commit("run", ImportTemplates.PURCHASES, staged)
                .get(ImportTemplates.PURCHASES.dataset()).stream().map(Lake.Replacement::partition).toList();
        writing.dropStaging("run");
        assertThat(partitions).isSorted();
        return writing.currentFiles(ImportTemplates.PURCHASES, ImportTemplates.PURCHASES.dataset()).stream()
                .map(file -> file.parent().name() + "/" + file.name()).sorted().toList();
    }

    /** One staged monthly file: a purchase per office given, on line 2, 3, ... of the file. */
    private static StagedFile purchases(Lake lake, int index, String file, String... offices) {
        StagedFile staged = lake.stage("run", index, ImportTemplates.PURCHASES);
        for (int i = 0; i < offices.length; i++) {
            int line = i + 2;
            staged.write(new Object[] {file + "-" + line, "H" + line, offices[i], LocalDate.of(2025, index, 1),
                    "家政", new BigDecimal(index + ".50")}, file, line);
        }
        staged.close();
        return staged;
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
