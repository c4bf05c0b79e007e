package com.propertyquality.review.ingest;

/**
 * A blocked Bloom filter over key hashes ({@link KeyHash}), so that most lookups of a key that is not in a run on
 * disk never read the disk. Ten bits a key (1.25 bytes), in blocks of 512 bits: a key sets one bit in each of
 * the eight longs of one block, so a lookup touches one cache line, and the bits come from the key's hash itself
 * (no second hashing). About 1% false positives at the planned number of keys.
 */
final class KeyBloom {

    static final int BITS_PER_KEY = 10;

    private final long[] words;
    private final int blocks;

    KeyBloom(long expectedKeys) {
        long bits = Math.max(512, expectedKeys * BITS_PER_KEY);
        long blockCount = (bits + 511) / 512;
        if (blockCount > Integer.MAX_VALUE / 8) {
            throw new IllegalArgumentException("too many keys for one filter: " + expectedKeys);
        }
        blocks = (int) blockCount;
        words = new long[blocks * 8];
    }

    void put(long high, long low) {
        int base = block(high);
        for (int i = 0; i < 8; i++) {
            words[base + i] |= 1L << (low >>> (6 * i));
        }
    }

    boolean mightContain(long high, long low) {
        int base = block(high);
        for (int i = 0; i < 8; i++) {
            if ((words[base + i] & (1L << (low >>> (6 * i)))) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Bytes of memory the filter holds. */
    long bytes() {
        return 8L * words.length;
    }

    /** The block from the top 32 bits of the hash: the low bits choose a key's slot in {@link KeySet}. */
    private int block(long high) {
        return (int) (((high >>> 32) * blocks) >>> 32) * 8;
    }
}
