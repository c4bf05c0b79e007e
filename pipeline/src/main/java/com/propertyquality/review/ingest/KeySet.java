package com.propertyquality.review.ingest;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keys held in memory as their 128-bit hashes ({@link KeyHash}), in one open-addressed array of two longs a slot
 * (load factor at most ½: 32 bytes a key), (0, 0) marking an empty slot. Two different keys sharing a 128-bit
 * hash is a chance of about 10^-24 for ten million keys: negligible next to a typing error. The set grows
 * without bound; {@link SpillingKeySet} and {@link LoadScope} cap it and spill it to sorted runs on disk.
 * Not thread-safe.
 */
final class KeySet {

    private static final int INITIAL_SLOTS = 1 << 10;

    private final KeyHash hash = new KeyHash();
    private long[] slots = new long[2 * INITIAL_SLOTS];
    private int size;

    /** Adds a key; false when it was there already. */
    boolean add(String key) {
        hash.of(key);
        return add(hash.high, hash.low);
    }

    boolean contains(String key) {
        hash.of(key);
        return contains(hash.high, hash.low);
    }

    /** Adds a hash (never (0, 0)); false when it was there already. */
    boolean add(long high, long low) {
        if ((size + 1) * 2L > slots.length / 2) {
            grow();
        }
        return insert(high, low);
    }

    boolean contains(long high, long low) {
        long[] slots = this.slots;
        int mask = slots.length / 2 - 1;
        for (int i = (int) high & mask; ; i = (i + 1) & mask) {
            long h = slots[2 * i];
            long l = slots[2 * i + 1];
            if (h == high && l == low) {
                return true;
            }
            if ((h | l) == 0) {
                return false;
            }
        }
    }

    /** Adds every key of another set. */
    void addAll(KeySet other) {
        long[] from = other.slots;
        for (int i = 0; i < from.length; i += 2) {
            if ((from[i] | from[i + 1]) != 0) {
                add(from[i], from[i + 1]);
            }
        }
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Empties the set and gives its memory back. */
    void clear() {
        slots = new long[2 * INITIAL_SLOTS];
        size = 0;
    }

    /**
     * Moves the keys to the front of the array, sorted ({@link #compare}), and returns the array: its first
     * {@code 2 * size()} longs are the keys as (high, low) pairs. The set is unusable until {@link #clear}.
     */
    long[] sortedForSpill() {
        long[] a = slots;
        int n = 0;
        for (int i = 0; i < a.length; i += 2) {
            if ((a[i] | a[i + 1]) != 0) {
                a[2 * n] = a[i];
                a[2 * n + 1] = a[i + 1];
                n++;
            }
        }
        sort(a, 0, n);
        return a;
    }

    /** Makes the set usable again after {@link #sortedForSpill} when the spill failed: the keys are kept. */
    void restoreAfterSort() {
        long[] keys = Arrays.copyOf(slots, 2 * size);
        clear();
        for (int i = 0; i < keys.length; i += 2) {
            add(keys[i], keys[i + 1]);
        }
    }

    /** The order of sorted runs: by high, then low, as signed numbers. */
    static int compare(long high1, long low1, long high2, long low2) {
        int c = Long.compare(high1, high2);
        return c != 0 ? c : Long.compare(low1, low2);
    }

    private boolean insert(long high, long low) {
        if ((high | low) == 0) {
            throw new IllegalArgumentException("(0, 0) is the empty slot");
        }
        long[] slots = this.slots;
        int mask = slots.length / 2 - 1;
        int i = (int) high & mask;
        while ((slots[2 * i] | slots[2 * i + 1]) != 0) {
            if (slots[2 * i] == high && slots[2 * i + 1] == low) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[2 * i] = high;
        slots[2 * i + 1] = low;
        size++;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if ((old[i] | old[i + 1]) != 0) {
                insert(old[i], old[i + 1]);
            }
        }
    }

    /** Sorts the pairs [from, to) in place: quicksort on a random pivot, insertion sort for short ranges. */
    private static void sort(long[] a, int from, int to) {
        while (to - from > 24) {
            int p = from + ThreadLocalRandom.current().nextInt(to - from);
            long ph = a[2 * p];
            long pl = a[2 * p + 1];
            int i = from;
            int j = to - 1;
            while (i <= j) {
                while (compare(a[2 * i], a[2 * i + 1], ph, pl) < 0) {
                    i++;
                }
                while (compare(a[2 * j], a[2 * j + 1], ph, pl) > 0) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            // the shorter side recursively, the longer one in this loop: the stack stays shallow
            if (j + 1 - from < to - i) {
                sort(a, from, j + 1);
                from = i;
            } else {
                sort(a, i, to);
                to = j + 1;
            }
        }
        for (int i = from + 1; i < to; i++) {
            long h = a[2 * i];
            long l = a[2 * i + 1];
            int j = i - 1;
            while (j >= from && compare(a[2 * j], a[2 * j + 1], h, l) > 0) {
                a[2 * j + 2] = a[2 * j];
                a[2 * j + 3] = a[2 * j + 1];
                j--;
            }
            a[2 * j + 2] = h;
            a[2 * j + 3] = l;
        }
    }

    private static void swap(long[] a, int i, int j) {
        long h = a[2 * i];
        long l = a[2 * i + 1];
        a[2 * i] = a[2 * j];
        a[2 * i + 1] = a[2 * j + 1];
        a[2 * j] = h;
        a[2 * j + 1] = l;
    }
}
