package com.propertyquality.review.lake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A data file's name in the lake: the SHA-256 of its rows as written, that is of everything in the Parquet file
 * before its footer (the pages, with their values and statistics), and of the schema it was written with. Not of
 * the footer: parquet-mr lists a column's encodings from a hash set, in an order that changes from one JVM to the
 * next, so the same rows give files that differ in a few footer bytes. Hashing the rows and the schema, a partition
 * loaded again from the same input gets the same name in any process, which is how a load sees that it has nothing
 * to commit and how a rerun finds the files a killed run had put in place.
 */
final class ContentName {

    /** A Parquet file ends with its footer, the footer's length (4 bytes, little-endian) and "PAR1". */
    private static final int TAIL = 8;

    private ContentName() {
    }

    static String of(Path file, String schema) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        long size = Files.size(file);
        long pages = size - TAIL - footerLength(file, size);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            long left = pages;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException("the Parquet file " + file + " ended early");
                }
                digest.update(buffer, 0, read);
                left -= read;
            }
        }
        digest.update(schema.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static long footerLength(Path file, long size) throws IOException {
        ByteBuffer tail = ByteBuffer.allocate(TAIL).order(ByteOrder.LITTLE_ENDIAN);
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(size - TAIL);
            while (tail.hasRemaining() && channel.read(tail) > 0) {
                // read the whole tail
            }
        }
        if (size < 12 || !new String(tail.array(), 4, 4, StandardCharsets.US_ASCII).equals("PAR1")) {
            throw new IOException(file + " is not a Parquet file");
        }
        return Integer.toUnsignedLong(tail.getInt(0));
    }
}
