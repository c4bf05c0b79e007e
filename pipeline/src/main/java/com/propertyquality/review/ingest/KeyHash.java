package com.propertyquality.review.ingest;

/**
 * A key's 128-bit hash, the identity the duplicate-key check keeps instead of the key: MurmurHash3 (x64, 128
 * bits, seed 0) over the key's UTF-16 code units, the same value as Guava's
 * {@code Hashing.murmur3_128().hashUnencodedChars(key)} but computed without allocating. One instance is reused
 * for every key of its owner, so it is not safe to share between threads. (0, 0) marks an empty slot in
 * {@link KeySet}, so that one hash value is folded into (0, 1): one more collision in 2^128.
 */
final class KeyHash {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    /** The first 64 bits (Guava's {@code asLong()}). */
    long high;
    /** The other 64 bits. */
    long low;

    KeyHash of(String key) {
        int length = key.length();
        long h1 = 0;
        long h2 = 0;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long k1 = key.charAt(i) | (long) key.charAt(i + 1) << 16 | (long) key.charAt(i + 2) << 32
                    | (long) key.charAt(i + 3) << 48;
            long k2 = key.charAt(i + 4) | (long) key.charAt(i + 5) << 16 | (long) key.charAt(i + 6) << 32
                    | (long) key.charAt(i + 7) << 48;
            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        if (i < length) {
            long k1 = 0;
            long k2 = 0;
            for (int j = 0; i + j < length; j++) {
                long c = key.charAt(i + j);
                if (j < 4) {
                    k1 |= c << (16 * j);
                } else {
                    k2 |= c << (16 * (j - 4));
                }
            }
            h1 ^= mixK1(k1);
            h2 ^= mixK2(k2);
        }
        long bytes = 2L * length;
        h1 ^= bytes;
        h2 ^= bytes;
        h1 += h2;
        h2 += h1;
        h1 = fmix64(h1);
        h2 = fmix64(h2);
        h1 += h2;
        h2 += h1;
        high = h1;
        low = (h1 | h2) == 0 ? 1 : h2;
        return this;
    }

    private static long mixK1(long k1) {
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        return k1 * C2;
    }

    private static long mixK2(long k2) {
        k2 *= C2;
        k2 = Long.rotateLeft(k2, 33);
        return k2 * C1;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
