package com.propertyquality.review.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;

/**
 * What the next ingest finds after a process was killed while committing, built on disk the way the commit
 * leaves it: before its journal (nothing decided, the lake as it was) and half-way through its swaps (rolled
 * forward to the new partitions).
 */
class LakeRecoveryTest {

    private static final Template DISTRIBUTION = ImportTemplates.SURVEY_DISTRIBUTION;
    private static final String X = "year=2025/office_id=X";
    private static final String Y = "year=2025/office_id=Y";

    @TempDir
    Path root;

    @Test
    void aCommitKilledHalfWayThroughItsSwapsIsCompletedByTheNextRun() throws IOException {
        Lake lake = new Lake(root);
        commit(lake, "run-1", 10, 20);
        StagedFile next = stage(lake, "run-2", 11, 21);
        Path commit = root.resolve("_staging/run-2/commit-" + DISTRIBUTION.dataset());
        for (String partition : List.of(X, Y)) {
            Path assembled = commit.resolve("assembled").resolve(DISTRIBUTION.dataset()).resolve(partition);
            Files.createDirectories(assembled);
            Files.move(next.part(DISTRIBUTION.dataset(), partition), assembled.resolve(next.partName()));
        }
        Files.write(commit.resolve("journal"), List.of(DISTRIBUTION.dataset() + "\t" + X,
                DISTRIBUTION.dataset() + "\t" + Y), StandardCharsets.UTF_8);
        // killed between the two renames of X: its old partition is aside, the new one not yet in place
        Path replaced = commit.resolve("replaced").resolve(DISTRIBUTION.dataset()).resolve(X);
        Files.createDirectories(replaced.getParent());
        Files.move(lake.datasetDir(DISTRIBUTION).resolve(X), replaced);
        assertThat(forms(lake)).containsExactly(Map.entry("Y", 20));

        assertThat(lake.recover()).isEqualTo(1);

        assertThat(forms(lake)).containsOnly(Map.entry("X", 11), Map.entry("Y", 21));
        assertThat(root.resolve("_staging")).doesNotExist();
    }

    @Test
    void aRunKilledBeforeItsJournalLeavesTheLakeAsItWas() throws IOException {
        Lake lake = new Lake(root);
        commit(lake, "run-1", 10, 20);
        StagedFile next = stage(lake, "run-2", 11, 21);
        Path assembled = root.resolve("_staging/run-2/commit-" + DISTRIBUTION.dataset()).resolve("assembled")
                .resolve(DISTRIBUTION.dataset()).resolve(X);
        Files.createDirectories(assembled);
        Files.move(next.part(DISTRIBUTION.dataset(), X), assembled.resolve(next.partName()));

        assertThat(lake.recover()).isZero();

        assertThat(forms(lake)).containsOnly(Map.entry("X", 10), Map.entry("Y", 20));
        assertThat(root.resolve("_staging")).doesNotExist();
    }

    @Test
    void recoveringTwiceOrWithNothingToDoChangesNothing() {
        Lake lake = new Lake(root);
        assertThat(lake.recover()).isZero();
        commit(lake, "run-1", 10, 20);
        assertThat(lake.recover()).isZero();
        assertThat(forms(lake)).containsOnly(Map.entry("X", 10), Map.entry("Y", 20));
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
