package com.propertyquality.review.marts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.lake.StagedFile;
import com.propertyquality.review.support.TestSpark;

/** How Spark reads a lake table: its many small files in few tasks, a large table on every core, every row once. */
class LakeTablesTest {

    @TempDir
    Path root;

    @Test
    void aTableOfManySmallFilesIsReadInOneTask() {
        // a file per office: 24 partitions of one purchase each
        loadPurchases(24, office -> new Object[] {"P" + office, "H" + office, "O" + office});

        Dataset<Row> purchases = new LakeTables(TestSpark.session(), root).read(ImportTemplates.PURCHASES);
        // Iceberg's defaults would cut these 24 files into 6 tasks of 4 (LakeTables.SPLIT_SIZE says why not)
        assertThat(purchases.rdd().getNumPartitions()).isEqualTo(1);
        assertThat(purchases.count()).isEqualTo(24);
        assertThat(purchases.select("office_id").distinct().count()).isEqualTo(24);
    }

    @Test
    void aTableOfSeveralMegabytesIsReadInATaskPerCore() {
        // random ids, which Parquet cannot compress: about 8 MB in the year's 8 office-bucket files
        java.util.Random random = new java.util.Random(7);
        int rows = 120_000;
        loadPurchases(rows, i -> new Object[] {
                "P" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()),
                "H" + Long.toHexString(random.nextLong()), "O" + (i % 40)});

        Dataset<Row> purchases = new LakeTables(TestSpark.session(), root).read(ImportTemplates.PURCHASES);
        // local[2]: two tasks of four files, where one split of 128 MB would read it all on one core
        assertThat(purchases.rdd().getNumPartitions()).isEqualTo(2);
        assertThat(purchases.count()).isEqualTo(rows);
    }

    @Test
    void aTableIsSplitInACoresShareOnceItHoldsSeveralMegabytes() {
        long mb = 1L << 20;
        // small, or one core: one split
        assertThat(LakeTables.splitSize(3 * mb, 8, 2)).isEqualTo(LakeTables.SPLIT_SIZE);
        assertThat(LakeTables.splitSize(15 * mb, 8, 1)).isEqualTo(LakeTables.SPLIT_SIZE);
        // a core's share, and a file's open cost to spare
        assertThat(LakeTables.splitSize(16 * mb, 8, 2)).isEqualTo(9 * mb);
        assertThat(LakeTables.splitSize(16 * mb, 8, 4)).isEqualTo(5 * mb);
        // many small files weigh their open cost each, as Iceberg weighs them
        assertThat(LakeTables.splitSize(5 * mb, 100, 2)).isEqualTo(51 * mb);
        // never more than a split of 128 MB
        assertThat(LakeTables.splitSize(1024 * mb, 64, 2)).isEqualTo(LakeTables.SPLIT_SIZE);
    }

    /** Loads {@code rows} purchases of 1 March 2025 into the lake, ids and office of row i from {@code ids}. */
    private void loadPurchases(int rows, java.util.function.IntFunction<Object[]> ids) {
        Lake lake = new Lake(root);
        StagedFile staged = lake.stage("run", 1, ImportTemplates.PURCHASES);
        for (int i = 1; i <= rows; i++) {
            Object[] id = ids.apply(i);
            staged.write(new Object[] {id[0], id[1], id[2], LocalDate.of(2025, 3, 1), "家政", new BigDecimal("9.90")},
                    "purchases.csv", i + 1);
        }
        staged.close();
        lake.commit("run", ImportTemplates.PURCHASES, List.of(staged));
        lake.dropStaging("run");
    }
}
