package com.propertyquality.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounded key set with tiny limits, so that every path through the disk is taken. */
class SpillingKeySetTest {

    @TempDir
    Path temp;

    private final KeyHash hash = new KeyHash();

    @Test
    void keysAreFoundInTheTableAndInEveryRunAfterSpilling() {
        try (SpillFolder folder = new SpillFolder(temp.resolve("keys"))) {
            SpillingKeySet keys = new SpillingKeySet(folder, 10);
            for (int i = 0; i < 95; i++) {
                assertThat(add(keys, "R" + i)).as("R" + i).isTrue();
            }
            assertThat(keys.keysInMemory()).isLessThanOrEqualTo(10);
            assertThat(keys.runCount()).isGreaterThanOrEqualTo(2);
            assertThat(keys.size()).isEqualTo(95);
            for (int i = 0; i < 95; i++) {
                assertThat(add(keys, "R" + i)).as("R" + i + " again").isFalse();
                assertThat(contains(keys, "R" + i)).isTrue();
            }
            for (int i = 95; i < 1000; i++) {
                assertThat(contains(keys, "R" + i)).as("R" + i).isFalse();
            }
            assertThat(keys.size()).isEqualTo(95);
        }
    }

    @Test
    void manyKeysWithASmallTableAgreeExactlyWithASetOfStrings() throws IOException {
        Path runs = temp.resolve("keys");
        try (SpillFolder folder = new SpillFolder(runs)) {
            SpillingKeySet keys = new SpillingKeySet(folder, 1_000);
            Set<String> reference = new HashSet<>();
            Random random = new Random(42);
            for (int i = 0; i < 200_000; i++) {
                // a quarter of the keys repeat an earlier one, from any time before
                String key = "SZ" + (random.nextInt(4) == 0 ? random.nextInt(i + 1) : i) + "|2025";
                assertThat(add(keys, key)).as(key).isEqualTo(reference.add(key));
            }
            assertThat(keys.size()).isEqualTo(reference.size());
            assertThat(keys.keysInMemory()).isLessThanOrEqualTo(1_000);
            // merged as they come: a few runs of falling sizes, not one per spill
            assertThat(keys.runCount()).isBetween(1, 12);
            assertThat(fileCount(runs)).isEqualTo(keys.runCount());
            for (int i = 0; i < 220_000; i++) {
                String key = "SZ" + i + "|2025";
                assertThat(contains(keys, key)).as(key).isEqualTo(reference.contains(key));
            }
            // the filters hold about 1.3 bytes a key, where a table would hold 32
            assertThat(keys.runMemoryBytes()).isLessThan(2L * keys.size());
            keys.discard();
            assertThat(fileCount(runs)).isZero();
            assertThat(keys.size()).isZero();
            assertThat(contains(keys, "SZ0|2025")).isFalse();
        }
        assertThat(runs).doesNotExist();
    }

    @Test
    void absorbingHandsRunsOverAndKeepsEveryKey() throws IOException {
        Path runs = temp.resolve("keys");
        try (SpillFolder folder = new SpillFolder(runs)) {
            SpillingKeySet stored = new SpillingKeySet(folder, 50);
            SpillingKeySet pending = new SpillingKeySet(folder, 50);
            for (int i = 0; i < 120; i++) {
                add(stored, "S" + i);
            }
            for (int i = 0; i < 130; i++) {
                add(pending, "P" + i);
            }
            int files = fileCount(runs);
            assertThat(files).isPositive();
            stored.absorb(pending);
            assertThat(pending.size()).isZero();
            assertThat(pending.runCount()).isZero();
            assertThat(stored.size()).isEqualTo(250);
            for (int i = 0; i < 120; i++) {
                assertThat(contains(stored, "S" + i)).isTrue();
            }
            for (int i = 0; i < 130; i++) {
                assertThat(contains(stored, "P" + i)).isTrue();
                assertThat(contains(pending, "P" + i)).isFalse();
            }
            assertThat(contains(stored, "P130")).isFalse();
            assertThat(fileCount(runs)).isEqualTo(stored.runCount());
        }
    }

    @Test
    void aRunFindsExactlyItsKeysAndMergesKeepTheirOrder() {
        try (SpillFolder folder = new SpillFolder(temp.resolve("keys"))) {
            KeySet odd = new KeySet();
            KeySet even = new KeySet();
            for (int i = 0; i < 3_000; i++) {
                (i % 2 == 0 ? even : odd).add("K" + i);
            }
            int oddCount = odd.size();
            int evenCount = even.size();
            KeyRun a = KeyRun.write(folder.newFile(), odd.sortedForSpill(), oddCount);
            KeyRun b = KeyRun.write(folder.newFile(), even.sortedForSpill(), evenCount);
            KeyRun merged = KeyRun.merge(a, b, folder.newFile());
            assertThat(merged.size()).isEqualTo(3_000);
            for (int i = 0; i < 3_000; i++) {
                hash.of("K" + i);
                assertThat(merged.contains(hash.high, hash.low)).isTrue();
                assertThat(a.contains(hash.high, hash.low)).isEqualTo(i % 2 == 1);
                assertThat(b.contains(hash.high, hash.low)).isEqualTo(i % 2 == 0);
                hash.of("L" + i);
                assertThat(merged.contains(hash.high, hash.low)).isFalse();
            }
            a.delete();
            b.delete();
            assertThat(a.file()).doesNotExist();
            assertThat(merged.file()).exists();
        }
    }

    @Test
    void aRunMappedInManySegmentsFindsEveryKeyAcrossTheirEdges() {
        try (SpillFolder folder = new SpillFolder(temp.resolve("keys"))) {
            KeySet keys = new KeySet();
            // 5.5 blocks of keys: with one block a segment, six segments, the last one part full
            int n = KeyRun.BLOCK_KEYS * 11 / 2;
            for (int i = 0; i < n; i++) {
                keys.add("S" + i);
            }
            int shift = Integer.numberOfTrailingZeros(KeyRun.BLOCK_BYTES);
            long[] sorted = keys.sortedForSpill();
            KeyRun oneBlockEach = KeyRun.write(folder.newFile(), sorted, n, shift);
            KeyRun twoBlocksEach = KeyRun.write(folder.newFile(), sorted, n, shift + 1);
            KeyRun merged = KeyRun.merge(oneBlockEach, twoBlocksEach, folder.newFile());
            for (int i = 0; i < n; i++) {
                hash.of("S" + i);
                assertThat(oneBlockEach.contains(hash.high, hash.low)).as("S" + i).isTrue();
                assertThat(twoBlocksEach.contains(hash.high, hash.low)).as("S" + i).isTrue();
                assertThat(merged.contains(hash.high, hash.low)).as("S" + i).isTrue();
                hash.of("T" + i);
                assertThat(oneBlockEach.contains(hash.high, hash.low)).as("T" + i).isFalse();
            }
            assertThat(merged.size()).isEqualTo(n);
            assertThatThrownBy(() -> KeyRun.write(folder.newFile(), sorted, n, shift - 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aDeletedRunIsUnmappedAndRefusesLookups() {
        try (SpillFolder folder = new SpillFolder(temp.resolve("keys"))) {
            KeySet keys = new KeySet();
            for (int i = 0; i < 1_000; i++) {
                keys.add("D" + i);
            }
            KeyRun run = KeyRun.write(folder.newFile(), keys.sortedForSpill(), 1_000);
            hash.of("D7");
            assertThat(run.contains(hash.high, hash.low)).isTrue();
            run.delete();
            assertThat(run.file()).doesNotExist();
            long high = hash.high;
            long low = hash.low;
            assertThatThrownBy(() -> run.contains(high, low)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("deleted");
        }
    }

    @Test
    void aSpillThatFailsKeepsEveryKeyAndTheNextOneWorks() throws IOException {
        Path runs = Files.createDirectories(temp.resolve("keys"));
        Files.writeString(runs.resolve("keys-000001.run"), "in the way of the first run");
        try (SpillFolder folder = new SpillFolder(runs)) {
            SpillingKeySet keys = new SpillingKeySet(folder, 20);
            for (int i = 0; i < 20; i++) {
                add(keys, "K" + i);
            }
            assertThatThrownBy(() -> add(keys, "K20")).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("keys-000001.run");
            assertThat(keys.size()).isEqualTo(20);
            for (int i = 0; i < 20; i++) {
                assertThat(contains(keys, "K" + i)).as("K" + i).isTrue();
            }
            assertThat(contains(keys, "K20")).isFalse();
            assertThat(add(keys, "K20")).isTrue();
            assertThat(keys.runCount()).isEqualTo(1);
            for (int i = 0; i <= 20; i++) {
                assertThat(add(keys, "K" + i)).as("K" + i).isFalse();
            }
        }
        assertThat(runs).doesNotExist();
    }

    @Test
    void theBloomFilterLetsThroughAboutOnePercentOfAbsentKeys() {
        KeyBloom bloom = new KeyBloom(100_000);
        for (int i = 0; i < 100_000; i++) {
            hash.of("in|" + i);
            bloom.put(hash.high, hash.low);
        }
        for (int i = 0; i < 100_000; i++) {
            hash.of("in|" + i);
            assertThat(bloom.mightContain(hash.high, hash.low)).isTrue();
        }
        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            hash.of("out|" + i);
            if (bloom.mightContain(hash.high, hash.low)) {
                falsePositives++;
            }
        }
        assertThat(falsePositives).isBetween(100, 2_000);
        assertThat(bloom.bytes()).isLessThanOrEqualTo(100_000L * KeyBloom.BITS_PER_KEY / 8 + 64);
    }

    @Test
    void theTableSortsItsKeysForASpill() {
        KeySet table = new KeySet();
        List<String> keys = Stream.iterate(0, i -> i + 1).limit(5_000).map(i -> "T" + i).toList();
        keys.forEach(table::add);
        long[] sorted = table.sortedForSpill();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            if (i > 0) {
                assertThat(KeySet.compare(sorted[2 * i - 2], sorted[2 * i - 1], sorted[2 * i], sorted[2 * i + 1]))
                        .isNegative();
            }
            seen.add(sorted[2 * i] + ":" + sorted[2 * i + 1]);
        }
        for (String key : keys) {
            hash.of(key);
            assertThat(seen).contains(hash.high + ":" + hash.low);
        }
        table.clear();
        assertThat(table.size()).isZero();
        assertThat(table.add("T0")).isTrue();
    }

    private boolean add(SpillingKeySet keys, String key) {
        hash.of(key);
        return keys.add(hash.high, hash.low);
    }

    private boolean contains(SpillingKeySet keys, String key) {
        hash.of(key);
        return keys.contains(hash.high, hash.low);
    }

    private static int fileCount(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.count();
        }
    }
}
