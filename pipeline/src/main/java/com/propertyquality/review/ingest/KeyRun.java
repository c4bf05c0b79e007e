package com.propertyquality.review.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Key hashes spilled to disk: a file of 16-byte (high, low) pairs in {@link KeySet#compare} order, with what stays
 * in memory to look a key up in it: a {@link KeyBloom} (1.25 bytes a key) and the first key of every block of
 * {@value #BLOCK_KEYS} keys (0.06 bytes a key). A lookup the filter lets through searches one block (4 KB) of the
 * file, which is mapped into memory: the page cache holds it, not the heap, and a lookup is no read call. (Most
 * lookups of the households' register find their key; at scale 10, read with a system call each, they took a
 * fifth of the ingest's time: BENCHMARKS.md, issue 17.) Lookups may run from several threads at once; writing,
 * merging and deleting may not, nor may a lookup run once the run is deleted (it is unmapped).
 */
final class KeyRun {

    static final int BLOCK_KEYS = 256;
    private static final int KEY_BYTES = 16;
    private static final int BUFFER_BYTES = 1 << 16;
    /**
     * A mapping covers at most 2 GB: the file is mapped in segments of 2^30 bytes (1 GB), each a whole number of
     * blocks ({@link #BLOCK_BYTES}, 2^12), so no block spans two.
     */
    static final int SEGMENT_SHIFT = 30;
    static final int BLOCK_BYTES = BLOCK_KEYS * KEY_BYTES;
    /** What unmaps a segment at once ({@link #unmap}). */
    private static final sun.misc.Unsafe UNSAFE = unsafe();

    private final Path file;
    private final FileChannel channel;
    private final long count;
    private final KeyBloom bloom;
    /** The first key of each block, as (high, low) pairs. */
    private final long[] fences;
    /** The file, mapped read-only for lookups. */
    private final MappedByteBuffer[] segments;
    private final int segmentShift;

    private KeyRun(Path file, FileChannel channel, long count, KeyBloom bloom, long[] fences, int segmentShift) {
        this.file = file;
        this.channel = channel;
        this.count = count;
        this.bloom = bloom;
        this.fences = fences;
        this.segmentShift = segmentShift;
        this.segments = map(file, channel, count * KEY_BYTES, segmentShift);
    }

    private static MappedByteBuffer[] map(Path file, FileChannel channel, long bytes, int segmentShift) {
        long segmentBytes = 1L << segmentShift;
        MappedByteBuffer[] segments = new MappedByteBuffer[(int) ((bytes + segmentBytes - 1) >>> segmentShift)];
        try {
            for (int i = 0; i < segments.length; i++) {
                long from = (long) i << segmentShift;
                long length = Math.min(bytes - from, segmentBytes);
                segments[i] = channel.map(FileChannel.MapMode.READ_ONLY, from, length);
            }
            return segments;
        } catch (IOException e) {
            unmap(segments);
            throw new UncheckedIOException("cannot map the key run " + file, e);
        }
    }

    /** Writes the first {@code count} pairs of a sorted array ({@link KeySet#sortedForSpill}) as a run. */
    static KeyRun write(Path file, long[] sorted, int count) {
        return write(file, sorted, count, SEGMENT_SHIFT);
    }

    /** As above, mapped in segments of 2^{@code segmentShift} bytes (at least a block): smaller ones for tests. */
    static KeyRun write(Path file, long[] sorted, int count, int segmentShift) {
        if ((1L << segmentShift) % BLOCK_BYTES != 0) {
            throw new IllegalArgumentException("a segment must hold whole blocks: 2^" + segmentShift);
        }
        Writer writer = new Writer(file, count, segmentShift);
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
        Writer writer = new Writer(file, a.count + b.count, a.segmentShift);
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
        long offset = first * KEY_BYTES;
        // absolute reads only: the segment's position is never moved, so threads may share it
        MappedByteBuffer segment = segments[(int) (offset >>> segmentShift)];
        if (segment == null) {
            throw new IllegalStateException("the key run " + file + " was deleted");
        }
        int base = (int) (offset & ((1L << segmentShift) - 1));
        int from = 0;
        int to = n - 1;
        while (from <= to) {
            int mid = (from + to) >>> 1;
            int at = base + mid * KEY_BYTES;
            int c = KeySet.compare(segment.getLong(at), segment.getLong(at + 8), high, low);
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

    /** Unmaps, closes and removes the file. */
    void delete() {
        unmap(segments);
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the key run " + file, e);
        }
    }

    /**
     * The JDK unmaps a buffer only when the collector finds it unreachable: until then a deleted run would keep its
     * disk space (and on Windows could not be deleted), so the run unmaps its segments itself when deleted.
     */
    private static void unmap(MappedByteBuffer[] segments) {
        for (int i = 0; i < segments.length; i++) {
            if (segments[i] != null) {
                UNSAFE.invokeCleaner(segments[i]);
                segments[i] = null;
            }
        }
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            java.lang.reflect.Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (sun.misc.Unsafe) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
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
        private final int segmentShift;
        private long[] fences;
        private long written;

        Writer(Path file, long expected, int segmentShift) {
            this.segmentShift = segmentShift;
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
            return new KeyRun(file, channel, written, bloom, used, segmentShift);
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
