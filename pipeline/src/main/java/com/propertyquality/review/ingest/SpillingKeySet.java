package com.propertyquality.review.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A set of key hashes whose memory is bounded: up to a given number of keys in an in-memory {@link KeySet}
 * (32 bytes a key), then that table is sorted and written as a {@link KeyRun} to disk (16 bytes a key), of which
 * only the Bloom filter and block index stay on the heap (about 1.3 bytes a key: the one part that grows, 20 MB at
 * 16 million keys). Runs are merged as they come, one into the one before while it is at least half its size,
 * so a set holds a few runs, each less than half the one before (at most about log2 of the keys over the table's
 * size), and each key is rewritten a few times at most. A lookup checks the table, then each run's Bloom filter,
 * and searches the run's file (one 4 KB block of it, mapped into memory: {@link KeyRun}) only for a key the run
 * holds or the 1% of others its filter lets through.
 *
 * <p>Not thread-safe for writing. Lookups alone ({@link #contains}) may run from several threads once writing
 * has stopped and the set was safely published.
 */
final class SpillingKeySet {

    private final SpillFolder folder;
    private final int keysInMemory;
    private KeySet table = new KeySet();
    /** Falling sizes. */
    private final List<KeyRun> runs = new ArrayList<>();
    private long spilled;

    /**
     * @param folder       where runs go
     * @param keysInMemory keys held in memory before they are spilled to disk
     */
    SpillingKeySet(SpillFolder folder, int keysInMemory) {
        if (keysInMemory < 1) {
            throw new IllegalArgumentException("keysInMemory must be positive: " + keysInMemory);
        }
        this.folder = folder;
        this.keysInMemory = keysInMemory;
    }

    /** Adds a hash; false when it was there already. */
    boolean add(long high, long low) {
        if (contains(high, low)) {
            return false;
        }
        if (table.size() >= keysInMemory) {
            spill();
        }
        table.add(high, low);
        return true;
    }

    boolean contains(long high, long low) {
        return inMemory(high, low) || onDisk(high, low);
    }

    boolean inMemory(long high, long low) {
        return table.contains(high, low);
    }

    boolean onDisk(long high, long low) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).contains(high, low)) {
                return true;
            }
        }
        return false;
    }

    /** Adds a hash known not to be in the set, without a limit on the table: the caller keeps the budget. */
    void addAbsent(long high, long low) {
        table.add(high, low);
    }

    long size() {
        return table.size() + spilled;
    }

    int keysInMemory() {
        return table.size();
    }

    int runCount() {
        return runs.size();
    }

    /** Memory the runs keep for their lookups (the table aside). */
    long runMemoryBytes() {
        return runs.stream().mapToLong(KeyRun::memoryBytes).sum();
    }

    /** Writes the in-memory keys to disk as a run; the table starts again empty. */
    void spill() {
        if (table.isEmpty()) {
            return;
        }
        int n = table.size();
        KeyRun run;
        try {
            run = KeyRun.write(folder.newFile(), table.sortedForSpill(), n);
        } catch (RuntimeException e) {
            table.restoreAfterSort(); // the set stays whole: the load fails on the error, not on lost keys
            throw e;
        }
        table.clear();
        addRun(run);
    }

    /**
     * Takes every key of another set, which holds none of this one's: its runs as they are (no copy), its table's
     * keys into this table (or the table itself when this one is empty). The other set is left empty. The
     * caller sees to it that the tables together stay within the budget.
     */
    void absorb(SpillingKeySet other) {
        List<KeyRun> taken = new ArrayList<>(other.runs);
        other.runs.clear();
        other.spilled = 0;
        taken.sort(Comparator.comparingLong(KeyRun::size).reversed());
        for (KeyRun run : taken) {
            addRun(run);
        }
        if (table.isEmpty()) {
            KeySet swap = table;
            table = other.table;
            other.table = swap;
        } else {
            table.addAll(other.table);
            other.table.clear();
        }
    }

    /** Forgets every key and removes its runs from disk. */
    void discard() {
        List<KeyRun> all = new ArrayList<>(runs);
        runs.clear();
        spilled = 0;
        table.clear();
        RuntimeException failure = null;
        for (KeyRun run : all) {
            try {
                run.delete();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void addRun(KeyRun run) {
        runs.add(run);
        spilled += run.size();
        runs.sort(Comparator.comparingLong(KeyRun::size).reversed());
        // merge the smallest into the one before while it is at least half its size
        while (runs.size() >= 2) {
            KeyRun last = runs.get(runs.size() - 1);
            KeyRun before = runs.get(runs.size() - 2);
            if (last.size() * 2 < before.size()) {
                break;
            }
            KeyRun merged = KeyRun.merge(before, last, folder.newFile());
            runs.remove(runs.size() - 1);
            runs.remove(runs.size() - 1);
            before.delete();
            last.delete();
            spilled += merged.size() - before.size() - last.size();
            runs.add(merged);
            runs.sort(Comparator.comparingLong(KeyRun::size).reversed());
        }
    }
}
