package com.propertyquality.review.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.support.TestSpark;

class PartitionPathTest {

    private static final Template DISTRIBUTION = ImportTemplates.SURVEY_DISTRIBUTION;
    /** Office ids that need escaping in a folder name, a numeric-looking one, and plain ones. */
    private static final List<String> OFFICES = List.of("A/B", "C:D", "E=F", "G%H", "007", "X+Y%Z", "华侨城", "SZ01");

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"SZ01", "华侨城", "007", "a b", "x+y", "sz-01_2", "科技园(南区)"})
    void plainIdsAreKeptAsTheyAre(String id) {
        assertThat(PartitionPath.escape(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A/B|A%2FB",
            "C:D|C%3AD",
            "E=F|E%3DF",
            "G%H|G%25H",
            "what?|what%3F",
            "no#1|no%231",
            "a\\b|a%5Cb",
            "[x]|%5Bx%5D",
            "%2F|%252F"})
    void specialCharactersArePercentEscaped(String id, String escaped) {
        assertThat(PartitionPath.escape(id)).isEqualTo(escaped);
    }

    @Test
    void controlCharactersAreEscaped() {
        assertThat(PartitionPath.escape("a\nb\u007F")).isEqualTo("a%0Ab%7F");
    }

    @Test
    void partitionFolderNamesEveryColumnInOrder() {
        assertThat(PartitionPath.of(List.of("year", "office_id"), new Object[] {2025, "SZ01"}))
                .isEqualTo("year=2025/office_id=SZ01");
        assertThat(PartitionPath.of(List.of("year", "office_id"), new Object[] {2025, "A/B"}))
                .isEqualTo("year=2025/office_id=A%2FB");
    }

    /** Loads one distribution row per office (forms = 10 × its position + 10) through staging and commit. */
    private Lake loadDistribution(Path lakeRoot) {
        Lake lake = new Lake(lakeRoot);
        StagedFile staged = lake.stage("run-1", 0, DISTRIBUTION);
        for (int i = 0; i < OFFICES.size(); i++) {
            staged.write(new Object[] {OFFICES.get(i), 2025, 10 * i + 10}, "survey-distribution.csv", i + 2);
        }
        staged.close();
        List<String> partitions = lake.commit("run-1", DISTRIBUTION, List.of(staged)).get(DISTRIBUTION.dataset())
                .stream().map(Lake.Replacement::partition).toList();
        lake.dropStaging("run-1");
        assertThat(partitions).containsExactly(
                "year=2025/office_id=007",
                "year=2025/office_id=A%2FB",
                "year=2025/office_id=C%3AD",
                "year=2025/office_id=E%3DF",
                "year=2025/office_id=G%25H",
                "year=2025/office_id=SZ01",
                "year=2025/office_id=X+Y%25Z",
                "year=2025/office_id=华侨城");
        return lake;
    }

    private static Map<String, Integer> expectedFormsByOffice() {
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < OFFICES.size(); i++) {
            expected.put(OFFICES.get(i), 10 * i + 10);
        }
        return expected;
    }

    @Test
    void anOfficesFileIsInItsYearAndOfficeBucketsFolderWhateverCharactersItsIdHolds() {
        Lake lake = loadDistribution(temp.resolve("lake"));

        Path data = temp.resolve("lake/quality/survey_distribution/data");
        List<Path> files = lake.currentFiles(DISTRIBUTION, DISTRIBUTION.dataset()).stream()
                .map(StoragePath::localPath).toList();
        var bucket = org.apache.iceberg.transforms.Transforms.<String>bucket(FileGroups.OFFICE_BUCKETS)
                .bind(org.apache.iceberg.types.Types.StringType.get());
        List<String> groups = OFFICES.stream().map(office -> "year=2025/office_id_bucket=" + bucket.apply(office))
                .distinct().sorted().toList();
        // year=2025/office_id_bucket=<n>/<file>: an id's characters never make a folder
        assertThat(files).hasSize(groups.size())
                .allSatisfy(file -> assertThat(data.relativize(file).getNameCount()).isEqualTo(3));
        assertThat(files.stream().map(file -> data.relativize(file.getParent()).toString().replace('\\', '/'))
                .sorted().toList()).isEqualTo(groups);
    }

    @Test
    void sparkReadsBackExactlyTheOfficeIdsThatWereWritten() {
        loadDistribution(temp.resolve("lake"));

        List<Row> rows = new com.propertyquality.review.marts.LakeTables(TestSpark.session(), temp.resolve("lake"))
                .read(DISTRIBUTION)
                .select("office_id", "year", "forms_distributed", LakeSchemas.SOURCE_FILE)
                .collectAsList();

        Map<String, Integer> formsByOffice = new HashMap<>();
        for (Row row : rows) {
            formsByOffice.put(row.getString(0), row.getInt(2));
            assertThat(row.getInt(1)).isEqualTo(2025);
            assertThat(row.getString(3)).isEqualTo("survey-distribution.csv");
        }
        assertThat(rows).hasSize(OFFICES.size());
        assertThat(formsByOffice).isEqualTo(expectedFormsByOffice());
        assertThat(formsByOffice).containsEntry("007", 10 * 4 + 10); // a string, not the number 7
    }

    @Test
    void parquetRowsReadsBackExactlyTheOfficeIdsThatWereWritten() {
        Lake lake = loadDistribution(temp.resolve("lake"));

        List<Map<String, Object>> rows = lake.readAll(DISTRIBUTION);

        Map<Object, Object> formsByOffice = new HashMap<>();
        for (Map<String, Object> row : rows) {
            formsByOffice.put(row.get("office_id"), row.get("forms_distributed"));
            assertThat(row.get("year")).isEqualTo(2025); // a data file holds its partition columns, typed
        }
        assertThat(rows).hasSize(OFFICES.size());
        assertThat(formsByOffice).isEqualTo(Map.copyOf(expectedFormsByOffice()));
        assertThat(formsByOffice).containsKey("007").doesNotContainKey(7);
    }

    @Test
    void aLakeKeptUnderAHiddenFolderReadsWhole() {
        // a work folder such as ~/.review/work: the folders above the lake may be called anything
        Lake lake = loadDistribution(temp.resolve(".review").resolve("_work").resolve("lake"));

        List<Map<String, Object>> rows = lake.readAll(DISTRIBUTION);

        assertThat(rows).extracting(row -> row.get("office_id")).containsExactlyInAnyOrderElementsOf(OFFICES);
    }
}
