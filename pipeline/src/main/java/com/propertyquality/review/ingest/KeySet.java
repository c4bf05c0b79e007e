package com.propertyquality.review.ingest;

import java.nio.charset.StandardCharsets;

import com.google.common.hash.HashCode;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;

/**
 * The unique keys seen in one load, kept as 128-bit hashes in open-addressed arrays: about 32 bytes a key
 * instead of the hundred a set of strings costs, so ten million keys fit in a small heap. Two different keys
 * sharing a 128-bit hash is a chance of about 10^-24 for ten million keys: negligible next to a typing error.
 */
final class KeySet {

    private static final HashFunction HASH = Hashing.murmur3_128();

    private long[] high = new long[1 << 10];
    private long[] low = new long[1 << 10];
    private boolean[] used = new boolean[1 << 10];
    private int size;

    /** Adds a key; false when it was there already. */
    boolean add(String key) {
        HashCode hash = HASH.hashString(key, StandardCharsets.UTF_8);
        byte[] bytes = hash.asBytes();
        long h = toLong(bytes, 0);
        long l = toLong(bytes, 8);
        if ((size + 1) * 2 > used.length) {
            grow();
        }
        return insert(h, l);
    }

    boolean contains(String key) {
        byte[] bytes = HASH.hashString(key, StandardCharsets.UTF_8).asBytes();
        long h = toLong(bytes, 0);
        long l = toLong(bytes, 8);
        int mask = used.length - 1;
        for (int i = (int) h & mask; used[i]; i = (i + 1) & mask) {
            if (high[i] == h && low[i] == l) {
                return true;
            }
        }
        return false;
    }

    /** Adds every key of another set. */
    void addAll(KeySet other) {
        for (int i = 0; i < other.used.length; i++) {
            if (other.used[i]) {
                if ((size + 1) * 2 > used.length) {
                    grow();
                }
                insert(other.high[i], other.low[i]);
            }
        }
    }

    int size() {
        return size;
    }

    private boolean insert(long h, long l) {
        int mask = used.length - 1;
        int i = (int) h & mask;
        while (used[i]) {
            if (high[i] == h && low[i] == l) {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        high[i] = h;
        low[i] = l;
        size++;
        return true;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        boolean[] oldUsed = used;
        high = new long[oldUsed.length * 2];
        low = new long[oldUsed.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                insert(oldHigh[i], oldLow[i]);
            }
        }
    }

    private static long toLong(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }
}
