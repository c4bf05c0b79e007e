package com.propertyquality.review.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;

/**
 * The lake's guarantees, on each file system it runs on (the subclasses): a commit replaces whole partitions and
 * leaves the others alone, in one Iceberg snapshot that names its run and input files; loading the same rows again
 * commits nothing; what a killed run staged is tidied away and leaves the tables as they were; earlier snapshots
 * stay readable.
 */
abstract class LakeGuaranteesTest {

    private static final Template DISTRIBUTION = ImportTemplates.SURVEY_DISTRIBUTION;
    private static final String X = "year=2025/office_id=X";
    private static final String Y = "year=2025/office_id=Y";

    /** A new, empty lake, staging on the local disk. */
    abstract Lake newLake();

    @Test
    void aCommitReplacesTheLoadsPartitionsWholeAndLeavesTheOthers() {
        Lake lake = newLake();
        commit(lake, "run-1", 10, 20);
        StagedFile onlyX = lake.stage("run-2", 1, DISTRIBUTION);
        onlyX.write(new Object[] {"X", 2025, 12}, "survey-distribution-x.csv", 2);
        onlyX.close();

        Map<String, List<Lake.Replacement>> replaced = lake.commit("run-2", DISTRIBUTION, List.of(onlyX));
        lake.dropStaging("run-2");

        assertThat(replaced.get(DISTRIBUTION.dataset())).containsExactly(
                new Lake.Replacement(DISTRIBUTION.dataset(), X, 1, 1, true));
        assertThat(forms(lake)).containsOnly(Map.entry("X", 12), Map.entry("Y", 20));
        assertThat(table(lake).snapshots()).hasSize(2);
    }

    @Test
    void eachCommitIsOneSnapshotNamingItsRunAndItsInputFiles() {
        Lake lake = newLake();
        StagedFile staged = stage(lake, "run-1", 10, 20);
        lake.commit("run-1", DISTRIBUTION, List.of(staged),
                List.of(new SnapshotSummary.Source("survey-distribution.csv", "ab12", 2, 1)));
        lake.dropStaging("run-1");

        Snapshot snapshot = table(lake).currentSnapshot();
        assertThat(table(lake).snapshots()).hasSize(1);
        assertThat(snapshot.summary()).containsEntry(SnapshotSummary.RUN_ID, "run-1")
                .containsEntry(SnapshotSummary.TEMPLATE, DISTRIBUTION.name())
                .containsEntry("added-records", "2");
        assertThat(SnapshotSummary.sources(snapshot.summary())).containsExactly(
                new SnapshotSummary.Source("survey-distribution.csv", "ab12", 2, 1));
    }

    @Test
    void loadingTheSameRowsAgainCommitsNothing() {
        Lake lake = newLake();
        commit(lake, "run-1", 10, 20);
        long first = table(lake).currentSnapshot().snapshotId();

        StagedFile again = stage(lake, "run-2", 10, 20);
        Map<String, List<Lake.Replacement>> replaced = lake.commit("run-2", DISTRIBUTION, List.of(again));
        lake.dropStaging("run-2");

        assertThat(table(lake).currentSnapshot().snapshotId()).isEqualTo(first);
        assertThat(table(lake).snapshots()).hasSize(1);
        assertThat(replaced.get(DISTRIBUTION.dataset())).extracting(Lake.Replacement::changed)
                .containsExactly(false, false);
        assertThat(forms(lake)).containsOnly(Map.entry("X", 10), Map.entry("Y", 20));
    }

    @Test
    void onlyThePartitionsThatChangedAreRewritten() {
        Lake lake = newLake();
        commit(lake, "run-1", 10, 20);
        List<StoragePath> before = lake.currentFiles(DISTRIBUTION, DISTRIBUTION.dataset());

        commit(lake, "run-2", 10, 21);

        // X and Y are in groups of their own (office buckets 4 and 1): X's file is left as it was
        List<StoragePath> after = lake.currentFiles(DISTRIBUTION, DISTRIBUTION.dataset());
        StoragePath fileOfX = before.stream().filter(f -> offices(f).equals(List.of("X"))).findFirst().orElseThrow();
        assertThat(after).hasSize(2).contains(fileOfX);
        assertThat(forms(lake)).containsOnly(Map.entry("X", 10), Map.entry("Y", 21));
    }

    @Test
    void aLoadOfOneOfficeKeepsTheOtherOfficesOfItsFileAndNamesTheLoadBehindThem() {
        Lake lake = newLake();
        StagedFile three = lake.stage("run-1", 1, DISTRIBUTION);
        three.write(new Object[] {"Y", 2025, 20}, "survey-distribution.csv", 2);
        three.write(new Object[] {"X", 2025, 10}, "survey-distribution.csv", 3);
        three.write(new Object[] {"Q", 2025, 30}, "survey-distribution.csv", 4); // Q shares Y's office bucket
        three.close();
        lake.commit("run-1", DISTRIBUTION, List.of(three));
        lake.dropStaging("run-1");
        long first = table(lake).currentSnapshot().snapshotId();
        assertThat(lake.currentFiles(DISTRIBUTION, DISTRIBUTION.dataset())).hasSize(2);

        Map<String, List<Lake.Replacement>> replaced = loadY(lake, "run-2", 21);

        assertThat(replaced.get(DISTRIBUTION.dataset())).containsExactly(
                new Lake.Replacement(DISTRIBUTION.dataset(), Y, 1, 1, true));
        assertThat(forms(lake)).containsOnly(Map.entry("X", 10), Map.entry("Y", 21), Map.entry("Q", 30));
        List<StoragePath> files = lake.currentFiles(DISTRIBUTION, DISTRIBUTION.dataset());
        assertThat(files).hasSize(2);
        // the group's file holds its offices in order, each with its own lineage
        StoragePath group = files.stream().filter(f -> offices(f).contains("Y")).findFirst().orElseThrow();
        assertThat(ParquetRows.readFiles(List.of(group))).extracting(row -> row.get("office_id"),
                        row -> row.get("source_file"), row -> row.get("source_row"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Q", "survey-distribution.csv", 4),
                        org.assertj.core.groups.Tuple.tuple("Y", "survey-distribution-y.csv", 2));
        Snapshot second = table(lake).currentSnapshot();
        assertThat(SnapshotSummary.keptFrom(second.summary())).containsExactly(first);
        // the data-sources page names both loads: Q's rows are the first load's, though the second wrote the file
        assertThat(new LakeSnapshots(lake.catalog()).behind(LakeSnapshots.of(DISTRIBUTION, second)))
                .extracting(LakeSnapshots.Behind::addedBy).containsExactly(first, second.snapshotId());

        Map<String, List<Lake.Replacement>> again = loadY(lake, "run-3", 21);

        assertThat(again.get(DISTRIBUTION.dataset())).containsExactly(
                new Lake.Replacement(DISTRIBUTION.dataset(), Y, 1, 1, false));
        assertThat(table(lake).currentSnapshot().snapshotId()).isEqualTo(second.snapshotId());
    }

    @Test
    void aTableOfAFilePerPartitionIsMovedToFileGroupsAsItsPartitionsAreLoaded() throws Exception {
        Lake lake = newLake();
        Table old = FilePerPartitionTable.create(lake, DISTRIBUTION,
                List.of(new Object[] {"X", 2025, 10}, new Object[] {"Y", 2025, 20}, new Object[] {"Q", 2025, 30}));
        assertThat(old.spec().fields()).allMatch(field -> field.transform().isIdentity());
        assertThat(lake.currentFiles(DISTRIBUTION, DISTRIBUTION.dataset())).hasSize(3);

        Map<String, List<Lake.Replacement>> replaced = loadY(lake, "run-1", 21);

        assertThat(replaced.get(DISTRIBUTION.dataset())).containsExactly(
                new Lake.Replacement(DISTRIBUTION.dataset(), Y, 1, 1, true));
        assertThat(table(lake).spec().fields()).extracting(field -> field.transform().toString())
                .containsExactly("identity", "bucket[" + FileGroups.OFFICE_BUCKETS + "]");
        assertThat(forms(lake)).containsOnly(Map.entry("X", 10), Map.entry("Y", 21), Map.entry("Q", 30));
        assertThat(lake.currentFiles(DISTRIBUTION, DISTRIBUTION.dataset())).hasSize(3); // X's, Q's and Y's group

        commit(lake, "run-2", 11, 22);
        loadQ(lake, "run-3", 31);

        // every earlier file replaced: a file per group, Y and Q together
        assertThat(lake.currentFiles(DISTRIBUTION, DISTRIBUTION.dataset())).hasSize(2);
        assertThat(forms(lake)).containsOnly(Map.entry("X", 11), Map.entry("Y", 22), Map.entry("Q", 31));
    }

    @Test
    void aRunKilledBeforeItsCommitLeavesTheTablesAsTheyWereAndItsStagingIsTidied() {
        Lake lake = newLake();
        commit(lake, "run-1", 10, 20);
        long first = table(lake).currentSnapshot().snapshotId();
        stage(lake, "run-2", 11, 21); // staged, never committed: the process died here

        lake.recover();

        assertThat(table(lake).currentSnapshot().snapshotId()).isEqualTo(first);
        assertThat(forms(lake)).containsOnly(Map.entry("X", 10), Map.entry("Y", 20));
        assertThat(lake.localRunFolder("run-2")).doesNotExist();
        commit(lake, "run-3", 11, 21);
        assertThat(forms(lake)).containsOnly(Map.entry("X", 11), Map.entry("Y", 21));
    }

    @Test
    void anEarlierSnapshotStillReadsAsItWas() {
        Lake lake = newLake();
        commit(lake, "run-1", 10, 20);
        Table table = table(lake);
        long first = table.currentSnapshot().snapshotId();
        commit(lake, "run-2", 11, 20);

        Table now = table(lake);
        List<String> filesThen = new java.util.ArrayList<>();
        try (var tasks = now.newScan().useSnapshot(first).planFiles()) {
            tasks.forEach(task -> filesThen.add(task.file().location()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, Integer> formsThen = ParquetRows.readFiles(filesThen.stream().map(StoragePath::ofTableLocation).toList())
                .stream().collect(java.util.stream.Collectors.toMap(row -> (String) row.get("office_id"),
                        row -> (Integer) row.get("forms_distributed")));
        assertThat(formsThen).containsOnly(Map.entry("X", 10), Map.entry("Y", 20));
        assertThat(forms(lake)).containsOnly(Map.entry("X", 11), Map.entry("Y", 20));
    }

    @Test
    void personalDataIsATableOfItsOwnNamespaceTheOwnersAlone() throws Exception {
        Lake lake = newLake();
        Template households = ImportTemplates.HOUSEHOLDS;
        StagedFile staged = lake.stage("run-1", 1, households);
        Object[] row = new Object[households.columns().size()];
        row[households.indexOf("household_id")] = "H1";
        row[households.indexOf("office_id")] = "X";
        households.privateColumns().forEach(column -> row[households.indexOf(column)] =
                households.columns().get(households.indexOf(column)).type()
                        == com.propertyquality.review.contract.ValueType.TEXT ? "王小明" : null);
        staged.write(row, "households.csv", 2);
        staged.close();
        lake.commit("run-1", households, List.of(staged));
        lake.dropStaging("run-1");

        Table personal = lake.tableOf(households, households.privateDataset()).orElseThrow();
        assertThat(personal.name()).contains(LakeCatalog.PRIVATE_NAMESPACE + "." + households.privateDataset());
        assertThat(lake.tableOf(households, households.dataset()).orElseThrow().schema().columns())
                .extracting(org.apache.iceberg.types.Types.NestedField::name)
                .doesNotContainAnyElementsOf(households.privateColumns());
        assertOwnerOnly(StoragePath.ofTableLocation(personal.location()));
    }

    /** Every folder and file under the location readable by its owner alone. */
    abstract void assertOwnerOnly(StoragePath location) throws Exception;

    private static StagedFile stage(Lake lake, String run, int formsX, int formsY) {
        StagedFile staged = lake.stage(run, 1, DISTRIBUTION);
        staged.write(new Object[] {"X", 2025, formsX}, "survey-distribution.csv", 2);
        staged.write(new Object[] {"Y", 2025, formsY}, "survey-distribution.csv", 3);
        staged.close();
        return staged;
    }

    private static void commit(Lake lake, String run, int formsX, int formsY) {
        lake.commit(run, DISTRIBUTION, List.of(stage(lake, run, formsX, formsY)));
        lake.dropStaging(run);
    }

    private static Map<String, List<Lake.Replacement>> loadY(Lake lake, String run, int forms) {
        return loadOne(lake, run, "Y", forms);
    }

    private static Map<String, List<Lake.Replacement>> loadQ(Lake lake, String run, int forms) {
        return loadOne(lake, run, "Q", forms);
    }

    private static Map<String, List<Lake.Replacement>> loadOne(Lake lake, String run, String office, int forms) {
        StagedFile staged = lake.stage(run, 1, DISTRIBUTION);
        staged.write(new Object[] {office, 2025, forms}, "survey-distribution-" + office.toLowerCase() + ".csv", 2);
        staged.close();
        Map<String, List<Lake.Replacement>> replaced = lake.commit(run, DISTRIBUTION, List.of(staged));
        lake.dropStaging(run);
        return replaced;
    }

    /** The offices a data file holds rows of, in its order, each once. */
    private static List<String> offices(StoragePath file) {
        return ParquetRows.readFiles(List.of(file)).stream().map(row -> (String) row.get("office_id")).distinct()
                .toList();
    }

    private static Table table(Lake lake) {
        return lake.tableOf(DISTRIBUTION, DISTRIBUTION.dataset()).orElseThrow();
    }

    private static Map<String, Integer> forms(Lake lake) {
        return lake.readAll(DISTRIBUTION).stream().collect(java.util.stream.Collectors.toMap(
                row -> (String) row.get("office_id"), row -> (Integer) row.get("forms_distributed")));
    }
}
