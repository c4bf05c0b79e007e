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

/** How Spark reads a lake table: its many small files in few tasks, every row once. */
class LakeTablesTest {

    @TempDir
    Path root;

    @Test
    void aTableOfManySmallFilesIsReadInOneTask() {
        Lake lake = new Lake(root);
        // a file per office: 24 partitions of one purchase each
        StagedFile staged = lake.stage("run", 1, ImportTemplates.PURCHASES);
        for (int office = 1; office <= 24; office++) {
            staged.write(new Object[] {"P" + office, "H" + office, "O" + office, LocalDate.of(2025, 3, 1), "家政",
                    new BigDecimal("9.90")}, "purchases.csv", office + 1);
        }
        staged.close();
        lake.commit("run", ImportTemplates.PURCHASES, List.of(staged));
        lake.dropStaging("run");

        Dataset<Row> purchases = new LakeTables(TestSpark.session(), root).read(ImportTemplates.PURCHASES);
        // Iceberg's defaults would cut these 24 files into 6 tasks of 4 (LakeTables.SPLIT_SIZE says why not)
        assertThat(purchases.rdd().getNumPartitions()).isEqualTo(1);
        assertThat(purchases.count()).isEqualTo(24);
        assertThat(purchases.select("office_id").distinct().count()).isEqualTo(24);
    }
}
