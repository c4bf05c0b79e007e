package com.propertyquality.review.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;

/**
 * Staging keeps memory bounded by spilling runs of a large file and merging them: the result must be the same as for
 * a file that fits in memory, partition by partition, in file order, with every type intact, and each row in the
 * data file of its own partition.
 */
class StagedFileTest {

    private static final Template PURCHASES = ImportTemplates.PURCHASES;

    @TempDir
    Path root;

    @Test
    void aFileLargerThanTheBufferIsSpilledAndMergedWithoutLosingOrderOrValues() {
        List<Map<String, Object>> spilled = load(new Lake(root.resolve("small-buffer"), 3));
        List<Map<String, Object>> inMemory = load(new Lake(root.resolve("large-buffer"), 1_000));

        assertThat(spilled).hasSize(20).isEqualTo(inMemory);
        // A and D share an office bucket: 2025's A and D in one file, B in another, and 2024's A and B
        assertEachRowIsInItsGroupsFile(new Lake(root.resolve("small-buffer")), 4);
        assertEachRowIsInItsGroupsFile(new Lake(root.resolve("large-buffer")), 4);
        assertThat(root.resolve("small-buffer/_staging")).doesNotExist();
        // offices interleave in the file (A, B, C, A, ...); each partition keeps its rows in file order
        List<Integer> rowsOfA2025 = spilled.stream()
                .filter(r -> "A".equals(r.get("office_id")) && Integer.valueOf(2025).equals(r.get("year")))
                .map(r -> (Integer) r.get("source_row")).toList();
        assertThat(rowsOfA2025).isSortedAccordingTo(Comparator.naturalOrder()).hasSize(6);
        Map<String, Object> first = spilled.stream().filter(r -> "P0".equals(r.get("purchase_id"))).findFirst()
                .orElseThrow();
        assertThat(first).containsEntry("household_id", "H0").containsEntry("category", "家政")
                .containsEntry("purchased_on", LocalDate.of(2025, 1, 1))
                .containsEntry("amount", new BigDecimal("0.50")).containsEntry("year", 2025)
                .containsEntry("source_file", "purchases.csv").containsEntry("source_row", 2);
    }

    @Test
    void numbersSurviveTheSpill() {
        Lake lake = new Lake(root, 2);
        StagedFile staged = lake.stage("run", 1, ImportTemplates.INSPECTIONS);
        for (int i = 0; i < 5; i++) {
            staged.write(new Object[] {"I" + i, i % 2 == 0 ? "A" : "B", LocalDate.of(2025, 3, 1 + i),
                    "quality_monthly", 80.5 + i, i, null}, "inspections.csv", i + 2);
        }
        staged.close();
        lake.commit("run", ImportTemplates.INSPECTIONS, List.of(staged));
        List<Map<String, Object>> rows = lake.readAll(ImportTemplates.INSPECTIONS);

        assertThat(rows).extracting(r -> r.get("inspection_id") + "=" + r.get("score") + "/" + r.get("nonconformities"))
                .containsExactlyInAnyOrder("I0=80.5/0", "I1=81.5/1", "I2=82.5/2", "I3=83.5/3", "I4=84.5/4");
    }

    @Test
    void moreRunsThanAreMergedAtOnceAreMergedInPassesKeepingFileOrder() {
        // a row per run: 3 files of 50 rows make 150 runs, over two passes' worth of PartitionMerge.FAN_IN
        mergedInPassesKeepingFileOrder(3, 2 * PartitionMerge.FAN_IN + 1, Integer.MAX_VALUE);
    }

    @Test
    void aFewRunsTooManyAreMergedByAPassOverTheFirstRunsKeepingFileOrder() {
        // 2 files of 50 rows make 100 runs: the first 37 are merged into one, leaving PartitionMerge.FAN_IN
        mergedInPassesKeepingFileOrder(2, PartitionMerge.FAN_IN + 1, 2 * PartitionMerge.FAN_IN - 1);
    }

    /** Files of 50 rows, a row per run, whose runs number from {@code minRuns} to {@code maxRuns}. */
    private void mergedInPassesKeepingFileOrder(int fileCount, int minRuns, int maxRuns) {
        Lake lake = new Lake(root.resolve("passes"), 1);
        List<StagedFile> files = new ArrayList<>();
        for (int file = 1; file <= fileCount; file++) {
            StagedFile staged = lake.stage("run", file, PURCHASES);
            for (int i = 0; i < 50; i++) {
                staged.write(new Object[] {"P" + file + "-" + i, "H" + i, i % 2 == 0 ? "A" : "B",
                        LocalDate.of(2025, file, 1), "家政", new BigDecimal("1.00")},
                        "purchases-" + file + ".csv", i + 2);
            }
            staged.close();
            files.add(staged);
        }
        assertThat(files.stream().mapToInt(f -> f.runs().size()).sum()).isBetween(minRuns, maxRuns);

        lake.commit("run", PURCHASES, files);
        lake.dropStaging("run");

        assertEachRowIsInItsGroupsFile(lake, 2);
        List<StoragePath> dataFiles = lake.currentFiles(PURCHASES, PURCHASES.dataset());
        for (StoragePath file : dataFiles) {
            List<Map<String, Object>> rows = ParquetRows.readFiles(List.of(file));
            // 25 rows of an office per file: file after file, each file's rows in line order
            assertThat(rows).hasSize(25 * fileCount);
            assertThat(rows).extracting(r -> r.get("source_file") + ":"
                    + String.format("%03d", (Integer) r.get("source_row"))).isSorted();
        }
        assertThat(root.resolve("passes/_staging")).doesNotExist();
    }

    /**
     * Every data file holds the rows of its group only (the folder it is in names the year and the office bucket),
     * its offices one after the other.
     */
    private static void assertEachRowIsInItsGroupsFile(Lake lake, int groups) {
        List<StoragePath> files = lake.currentFiles(PURCHASES, PURCHASES.dataset());
        assertThat(files).hasSize(groups);
        var bucket = org.apache.iceberg.transforms.Transforms.<String>bucket(FileGroups.OFFICE_BUCKETS)
                .bind(org.apache.iceberg.types.Types.StringType.get());
        for (StoragePath file : files) {
            String location = file.toString();
            List<Map<String, Object>> rows = ParquetRows.readFiles(List.of(file));
            for (Map<String, Object> row : rows) {
                assertThat(location).contains("/year=" + row.get("year") + "/office_id_bucket="
                        + bucket.apply((String) row.get("office_id")) + "/");
            }
            assertThat(rows).extracting(row -> (String) row.get("office_id")).isSorted();
        }
    }

    /** 20 purchases over three offices (A and D in one office bucket) and two years, interleaved as a company-wide export sorted by date. */
    private static List<Map<String, Object>> load(Lake lake) {
        StagedFile staged = lake.stage("run", 1, PURCHASES);
        String[] offices = {"A", "B", "D"};
        for (int i = 0; i < 20; i++) {
            int year = i < 18 ? 2025 : 2024;
            staged.write(new Object[] {"P" + i, "H" + i, offices[i % 3], LocalDate.of(year, 1 + i % 12, 1),
                    i % 2 == 0 ? "家政" : "生鲜", new BigDecimal(i + ".50")}, "purchases.csv", i + 2);
        }
        staged.close();
        lake.commit("run", PURCHASES, List.of(staged));
        lake.dropStaging("run");
        return lake.readAll(PURCHASES).stream()
                .sorted(Comparator.comparing(r -> (Integer) r.get("source_row"))).toList();
    }
}
