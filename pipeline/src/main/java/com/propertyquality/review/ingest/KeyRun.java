package com.propertyquality.review.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Key hashes spilled to disk: a file of 16-byte (high, low) pairs in {@link KeySet#compare} order, with what stays
 * in memory to look a key up in it: a {@link KeyBloom} (1.25 bytes a key) and the first key of every block of
 * {@value #BLOCK_KEYS} keys (0.06 bytes a key). A lookup the filter lets through reads one block (4 KB) with a
 * positional read. Lookups may run from several threads at once; writing, merging and deleting may not.
 */
final class KeyRun {

    static final int BLOCK_KEYS = 256;
    private static final int KEY_BYTES = 16;
    private static final int BUFFER_BYTES = 1 << 16;

    /** One block buffer per thread, outside the heap: a read goes straight into it, and nothing is allocated. */
    private static final ThreadLocal<ByteBuffer> BLOCK =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(BLOCK_KEYS * KEY_BYTES));

    private final Path file;
    private final FileChannel channel;
    private final long count;
    private final KeyBloom bloom;
    /** The first key of each block, as (high, low) pairs. */
    private final long[] fences;

    private KeyRun(Path file, FileChannel channel, long count, KeyBloom bloom, long[] fences) {
        this.file = file;
        this.channel = channel;
        this.count = count;
        this.bloom = bloom;
        this.fences = fences;
    }

    /** Writes the first {@code count} pairs of a sorted array ({@link KeySet#sortedForSpill}) as a run. */
    static KeyRun write(Path file, long[] sorted, int count) {
        Writer writer = new Writer(file, count);
        try {
            for (int i = 0; i < count; i++) {
                writer.put(sorted[2 * i], sorted[2 * i + 1]);
            }
            return writer.finish();
        } catch (RuntimeException e) {
            writer.abandon();
            throw e;
        }
    }

    /** One run holding the keys of two, written to {@code file}; the two are left as they were. */
    static KeyRun merge(KeyRun a, KeyRun b, Path file) {
        Writer writer = new Writer(file, a.count + b.count);
        try {
            Reader ra = new Reader(a);
            Reader rb = new Reader(b);
            boolean hasA = ra.next();
            boolean hasB = rb.next();
            while (hasA || hasB) {
                int c = !hasB ? -1 : !hasA ? 1 : KeySet.compare(ra.high, ra.low, rb.high, rb.low);
                if (c <= 0) {
                    writer.put(ra.high, ra.low);
                    if (c == 0) {
                        hasB = rb.next();
                    }
                    hasA = ra.next();
                } else {
                    writer.put(rb.high, rb.low);
                    hasB = rb.next();
                }
            }
            return writer.finish();
        } catch (RuntimeException e) {
            writer.abandon();
            throw e;
        }
    }

    long size() {
        return count;
    }

    Path file() {
        return file;
    }

    /** Memory the run keeps for its lookups. */
    long memoryBytes() {
        return bloom.bytes() + 8L * fences.length;
    }

    boolean contains(long high, long low) {
        if (!bloom.mightContain(high, low)) {
            return false;
        }
        // the last block whose first key is not above the key
        int lo = 0;
        int hi = fences.length / 2 - 1;
        if (hi < 0 || KeySet.compare(high, low, fences[0], fences[1]) < 0) {
            return false;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (KeySet.compare(fences[2 * mid], fences[2 * mid + 1], high, low) <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        long first = (long) lo * BLOCK_KEYS;
        int n = (int) Math.min(BLOCK_KEYS, count - first);
        ByteBuffer block = BLOCK.get();
        block.clear().limit(n * KEY_BYTES);
        readFully(block, first * KEY_BYTES);
        int from = 0;
        int to = n - 1;
        while (from <= to) {
            int mid = (from + to) >>> 1;
            int c = KeySet.compare(block.getLong(mid * KEY_BYTES), block.getLong(mid * KEY_BYTES + 8), high, low);
            if (c == 0) {
                return true;
            }
            if (c < 0) {
                from = mid + 1;
            } else {
                to = mid - 1;
            }
        }
        return false;
    }

    /** Closes and removes the file. */
    void delete() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the key run " + file, e);
        }
    }

    private void readFully(ByteBuffer buffer, long position) {
        try {
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position + buffer.position());
                if (read < 0) {
                    throw new IOException("the key run ends early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key run " + file, e);
        }
    }

    /** Writes a run key by key, in order, building its filter and block index on the way. */
    private static final class Writer {
        private final Path file;
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        private final KeyBloom bloom;
        private long[] fences;
        private long written;

        Writer(Path file, long expected) {
            this.file = file;
            this.bloom = new KeyBloom(expected);
            this.fences = new long[2 * (int) ((expected + BLOCK_KEYS - 1) / BLOCK_KEYS)];
            try {
                this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.READ);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the key run " + file, e);
            }
        }

        void put(long high, long low) {
            if (written % BLOCK_KEYS == 0) {
                int block = (int) (written / BLOCK_KEYS);
                if (2 * block >= fences.length) {
                    fences = Arrays.copyOf(fences, Math.max(2, fences.length * 2));
                }
                fences[2 * block] = high;
                fences[2 * block + 1] = low;
            }
            bloom.put(high, low);
            buffer.putLong(high).putLong(low);
            if (!buffer.hasRemaining()) {
                flush();
            }
            written++;
        }

        KeyRun finish() {
            flush();
            int blocks = (int) ((written + BLOCK_KEYS - 1) / BLOCK_KEYS);
            long[] used = fences.length == 2 * blocks ? fences : Arrays.copyOf(fences, 2 * blocks);
            return new KeyRun(file, channel, written, bloom, used);
        }

        void abandon() {
            try {
                channel.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the run folder goes when the scope closes
            }
        }

        private void flush() {
            buffer.flip();
            try {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the key run " + file, e);
            }
            buffer.clear();
        }
    }

    /** Reads a run from the start, key by key. */
    private static final class Reader {
        private final KeyRun run;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        private long position;
        private long left;
        long high;
        long low;

        Reader(KeyRun run) {
            this.run = run;
            this.left = run.count;
            buffer.limit(0);
        }

        boolean next() {
            if (left == 0) {
                return false;
            }
            if (!buffer.hasRemaining()) {
                buffer.clear();
                buffer.limit((int) Math.min(BUFFER_BYTES, left * KEY_BYTES));
                run.readFully(buffer, position);
                position += buffer.limit();
                buffer.flip();
            }
            high = buffer.getLong();
            low = buffer.getLong();
            left--;
            return true;
        }
    }
}
