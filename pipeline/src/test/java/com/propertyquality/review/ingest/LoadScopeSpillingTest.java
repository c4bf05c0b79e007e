package com.propertyquality.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;

/**
 * The load scope with a tiny number of keys in memory, so that keys of loaded files and of the file being loaded
 * spill to disk: the answers must be exactly those of a scope that keeps every key as a string.
 */
class LoadScopeSpillingTest {

    private final Template feedback = ImportTemplates.FEEDBACK;
    private final Template purchases = ImportTemplates.PURCHASES;

    @TempDir
    Path temp;

    @Test
    void aKeyRepeatedInTheSameFileIsADuplicateWhereverItSpilled() throws IOException {
        try (LoadScope scope = new LoadScope(temp.resolve("keys"), 10)) {
            for (int i = 0; i < 500; i++) {
                assertThat(scope.firstOccurrence(feedback, "F" + i)).isTrue();
            }
            assertThat(runFiles(scope)).isPositive();
            for (int i = 0; i < 500; i++) {
                assertThat(scope.firstOccurrence(feedback, "F" + i)).as("F" + i).isFalse();
            }
            assertThat(scope.keyCount(feedback)).isEqualTo(500);
        }
    }

    @Test
    void keysOfALoadedFileMakeLaterFilesRowsDuplicatesAfterSpilling() {
        try (LoadScope scope = new LoadScope(temp.resolve("keys"), 10)) {
            for (int i = 0; i < 300; i++) {
                scope.firstOccurrence(feedback, "F" + i);
            }
            scope.fileEnded(feedback, true);
            for (int i = 0; i < 600; i++) {
                assertThat(scope.firstOccurrence(feedback, "F" + i)).as("F" + i).isEqualTo(i >= 300);
            }
            scope.fileEnded(feedback, true);
            for (int i = 0; i < 600; i++) {
                assertThat(scope.firstOccurrence(feedback, "F" + i)).as("F" + i + " in a third file").isFalse();
            }
        }
    }

    @Test
    void keysOfAFileThatDidNotLoadAreForgottenEvenOnceSpilled() throws IOException {
        try (LoadScope scope = new LoadScope(temp.resolve("keys"), 10)) {
            for (int i = 0; i < 50; i++) {
                scope.firstOccurrence(feedback, "S" + i);
            }
            scope.fileEnded(feedback, true);
            int storedRuns = runFiles(scope);
            for (int i = 0; i < 400; i++) {
                scope.firstOccurrence(feedback, "F" + i);
            }
            assertThat(runFiles(scope)).isGreaterThan(storedRuns);
            scope.fileEnded(feedback, false);
            assertThat(runFiles(scope)).as("the failed file's runs are gone").isLessThanOrEqualTo(storedRuns);
            assertThat(scope.keyCount(feedback)).isEqualTo(50);
            for (int i = 0; i < 400; i++) {
                assertThat(scope.firstOccurrence(feedback, "F" + i)).as("nothing of the failed file was stored")
                        .isTrue();
            }
            for (int i = 0; i < 50; i++) {
                assertThat(scope.firstOccurrence(feedback, "S" + i)).isFalse();
            }
        }
    }

    @Test
    void householdsAreFoundAfterSpilling() throws IOException {
        Path keys = temp.resolve("keys");
        try (LoadScope scope = new LoadScope(keys, 10)) {
            assertThat(scope.hasHouseholdRegister()).isFalse();
            scope.addKnownHouseholds(IntStream.range(0, 1_000).mapToObj(i -> "H" + i).toList());
            assertThat(scope.hasHouseholdRegister()).isTrue();
            assertThat(runFiles(scope)).isPositive();
            for (int i = 0; i < 1_000; i++) {
                assertThat(scope.isKnownHousehold("H" + i)).as("H" + i).isTrue();
            }
            for (int i = 1_000; i < 3_000; i++) {
                assertThat(scope.isKnownHousehold("H" + i)).as("H" + i).isFalse();
            }
            assertThat(scope.isKnownHousehold("h1")).isFalse();
        }
        assertThat(keys).doesNotExist();
    }

    @Test
    void anEmptyRegisterIsNoRegister() {
        try (LoadScope scope = new LoadScope(temp.resolve("keys"), 10)) {
            scope.addKnownHouseholds(List.of());
            assertThat(scope.hasHouseholdRegister()).isFalse();
            assertThat(scope.spillFolder()).isNull();
        }
    }

    @Test
    void closingRemovesEveryRunAndTheFolder() throws IOException {
        Path keys = temp.resolve("staging").resolve("run").resolve("keys");
        LoadScope scope = new LoadScope(keys, 10);
        scope.addKnownHouseholds(IntStream.range(0, 100).mapToObj(i -> "H" + i).toList());
        for (int i = 0; i < 100; i++) {
            scope.firstOccurrence(feedback, "F" + i);
            scope.firstOccurrence(purchases, "P" + i);
        }
        scope.fileEnded(feedback, true);
        assertThat(runFiles(scope)).isGreaterThanOrEqualTo(3);
        scope.close();
        assertThat(keys).doesNotExist();
        assertThat(keys.getParent()).exists();
    }

    @Test
    void aTemplatesKeysAndRunsGoOnceItIsLoaded() throws IOException {
        try (LoadScope scope = new LoadScope(temp.resolve("keys"), 10)) {
            for (int i = 0; i < 100; i++) {
                scope.firstOccurrence(feedback, "F" + i);
                scope.firstOccurrence(purchases, "P" + i);
            }
            scope.fileEnded(feedback, true);
            scope.fileEnded(purchases, true);
            int both = runFiles(scope);
            scope.templateLoaded(feedback);
            assertThat(runFiles(scope)).isLessThan(both).isPositive();
            assertThat(scope.keyCount(feedback)).isZero();
            assertThat(scope.firstOccurrence(purchases, "P1")).isFalse();
        }
    }

    /** Files of two templates, some failing, with keys repeated within and across files, against the model. */
    @Test
    void aLoadAgreesExactlyWithKeepingEveryKeyAsAString() {
        Random random = new Random(2025);
        for (int limit : new int[] {1, 7, 64}) {
            Reference reference = new Reference();
            try (LoadScope scope = new LoadScope(temp.resolve("keys-" + limit), limit)) {
                for (int file = 0; file < 60; file++) {
                    Template template = random.nextBoolean() ? feedback : purchases;
                    int rows = random.nextInt(400);
                    for (int row = 0; row < rows; row++) {
                        String key = "K" + random.nextInt(3_000);
                        assertThat(scope.firstOccurrence(template, key)).as("%s in file %d", key, file)
                                .isEqualTo(reference.firstOccurrence(template, key));
                    }
                    boolean loaded = random.nextInt(5) > 0;
                    scope.fileEnded(template, loaded);
                    reference.fileEnded(template, loaded);
                    assertThat(scope.keyCount(template)).isEqualTo(reference.stored(template).size());
                }
            }
        }
    }

    /** Two templates load side by side while both check households, as in the ingest. */
    @Test
    void templatesLoadSideBySide() throws Exception {
        try (LoadScope scope = new LoadScope(temp.resolve("keys"), 50)) {
            scope.addKnownHouseholds(IntStream.range(0, 500).mapToObj(i -> "H" + i).toList());
            ExecutorService executor = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> checked = new ArrayList<>();
                for (Template template : List.of(feedback, purchases)) {
                    checked.add(executor.submit(() -> {
                        Random random = new Random(template.name().hashCode());
                        Reference reference = new Reference();
                        int checks = 0;
                        for (int file = 0; file < 20; file++) {
                            for (int row = 0; row < 1_000; row++) {
                                String key = "K" + random.nextInt(10_000);
                                assertThat(scope.firstOccurrence(template, key))
                                        .isEqualTo(reference.firstOccurrence(template, key));
                                int household = random.nextInt(1_000);
                                assertThat(scope.isKnownHousehold("H" + household)).isEqualTo(household < 500);
                                checks++;
                            }
                            boolean loaded = file % 7 != 3;
                            scope.fileEnded(template, loaded);
                            reference.fileEnded(template, loaded);
                        }
                        return checks;
                    }));
                }
                for (Future<Integer> future : checked) {
                    assertThat(future.get()).isEqualTo(20_000);
                }
            } finally {
                executor.shutdownNow();
            }
        }
    }

    /** What the load scope did when it kept every key as a string. */
    private static final class Reference {
        private final Map<String, Set<String>> stored = new HashMap<>();
        private final Map<String, Set<String>> pending = new HashMap<>();

        boolean firstOccurrence(Template template, String key) {
            if (stored(template).contains(key)) {
                return false;
            }
            return pending.computeIfAbsent(template.name(), name -> new HashSet<>()).add(key);
        }

        void fileEnded(Template template, boolean loaded) {
            Set<String> keys = pending.remove(template.name());
            if (loaded && keys != null) {
                stored(template).addAll(keys);
            }
        }

        Set<String> stored(Template template) {
            return stored.computeIfAbsent(template.name(), name -> new HashSet<>());
        }
    }

    private static int runFiles(LoadScope scope) throws IOException {
        Path folder = scope.spillFolder();
        if (folder == null || !Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.count();
        }
    }
}
