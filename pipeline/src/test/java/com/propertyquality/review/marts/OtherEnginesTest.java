package com.propertyquality.review.marts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.support.LakeFixture;
import com.propertyquality.review.support.TestSpark;

/**
 * Another engine attaches to the lake's catalog with nothing of ours but the settings data/README.md §4.4 gives: a
 * plain Spark SQL session (its own catalog settings, written out here as a user would) reads the tables, their
 * snapshots and a snapshot's summary.
 */
class OtherEnginesTest {

    @TempDir
    Path lake;

    @Test
    void aPlainSparkSqlSessionReadsTheTablesThroughTheCatalog() {
        new LakeFixture(lake).office("A", "东区").office("B", "西区").distributed("A", 2025, 40)
                .distributed("B", 2025, 60).write();

        SparkSession other = TestSpark.session().newSession();
        other.conf().set("spark.sql.catalog.company", "org.apache.iceberg.spark.SparkCatalog");
        other.conf().set("spark.sql.catalog.company.type", "hadoop");
        other.conf().set("spark.sql.catalog.company.warehouse", lake.toUri().toString());

        List<Row> forms = other.sql("SELECT office_id, forms_distributed FROM company.quality.survey_distribution"
                + " WHERE year = 2025 ORDER BY office_id").collectAsList();
        assertThat(forms).extracting(row -> row.getString(0) + "=" + row.getInt(1)).containsExactly("A=40", "B=60");
        List<Row> snapshots = other.sql("SELECT summary['review.run-id'], summary['added-records']"
                + " FROM company.quality.survey_distribution.snapshots").collectAsList();
        assertThat(snapshots).singleElement().satisfies(row -> {
            assertThat(row.getString(0)).isEqualTo("fixture-survey_distribution");
            assertThat(row.getString(1)).isEqualTo("2");
        });
        assertThat(other.sql("SHOW NAMESPACES IN company").collectAsList()).extracting(row -> row.getString(0))
                .contains("quality");
    }
}
