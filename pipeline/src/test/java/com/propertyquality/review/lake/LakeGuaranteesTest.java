package com.propertyquality.review.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;

/**
 * The lake's guarantees, on each file system it runs on (the subclasses): a commit replaces whole partitions and
 * leaves the others alone, and what the next ingest finds after a process was killed while committing, built the
 * way the commit leaves it: before its journal (nothing decided, the lake as it was) and half-way through its swaps
 * (rolled forward to the new partitions).
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
                new Lake.Replacement(DISTRIBUTION.dataset(), X, 1, 1));
        assertThat(forms(lake)).containsOnly(Map.entry("X", 12), Map.entry("Y", 20));
        assertThat(lake.root().resolve("_staging").exists()).isFalse();
    }

    @Test
    void aCommitKilledHalfWayThroughItsSwapsIsCompletedByTheNextRun() throws IOException {
        Lake lake = newLake();
        commit(lake, "run-1", 10, 20);
        StagedFile next = stage(lake, "run-2", 11, 21);
        StoragePath commit = lake.root().resolve("_staging/run-2/commit-" + DISTRIBUTION.dataset());
        for (String partition : List.of(X, Y)) {
            assemble(next, partition, commit);
        }
        commit.resolve("journal").writeString(DISTRIBUTION.dataset() + "\t" + X + "\n" + DISTRIBUTION.dataset() + "\t" + Y);
        // killed between the two renames of X: its old partition is aside, the new one not yet in place
        lake.datasetDir(DISTRIBUTION).resolve(X)
                .renameTo(commit.resolve("replaced").resolve(DISTRIBUTION.dataset()).resolve(X));
        assertThat(forms(lake)).containsExactly(Map.entry("Y", 20));

        assertThat(lake.recover()).isEqualTo(1);

        assertThat(forms(lake)).containsOnly(Map.entry("X", 11), Map.entry("Y", 21));
        assertThat(lake.root().resolve("_staging").exists()).isFalse();
    }

    @Test
    void aRunKilledBeforeItsJournalLeavesTheLakeAsItWas() throws IOException {
        Lake lake = newLake();
        commit(lake, "run-1", 10, 20);
        StagedFile next = stage(lake, "run-2", 11, 21);
        assemble(next, X, lake.root().resolve("_staging/run-2/commit-" + DISTRIBUTION.dataset()));

        assertThat(lake.recover()).isZero();

        assertThat(forms(lake)).containsOnly(Map.entry("X", 10), Map.entry("Y", 20));
        assertThat(lake.root().resolve("_staging").exists()).isFalse();
    }

    @Test
    void recoveringTwiceOrWithNothingToDoChangesNothing() {
        Lake lake = newLake();
        assertThat(lake.recover()).isZero();
        commit(lake, "run-1", 10, 20);
        assertThat(lake.recover()).isZero();
        assertThat(forms(lake)).containsOnly(Map.entry("X", 10), Map.entry("Y", 20));
    }

    /** Puts a staged part where the commit assembles the partition, as the commit does before its journal. */
    private static void assemble(StagedFile staged, String partition, StoragePath commit) throws IOException {
        StoragePath assembled = commit.resolve("assembled").resolve(DISTRIBUTION.dataset()).resolve(partition);
        assembled.mkdirs();
        assembled.fileSystem().copyFromLocalFile(true,
                new org.apache.hadoop.fs.Path(staged.part(DISTRIBUTION.dataset(), partition).toUri()),
                assembled.resolve(staged.partName()).path());
    }

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

    private static Map<String, Integer> forms(Lake lake) {
        return lake.readAll(DISTRIBUTION).stream().collect(java.util.stream.Collectors.toMap(
                row -> (String) row.get("office_id"), row -> (Integer) row.get("forms_distributed")));
    }
}
