package com.propertyquality.review.lake;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local Parquet file read through a {@link FileChannel}. Parquet's own {@code LocalInputFile} reads a byte array
 * one byte (one system call) at a time, which made copying row groups between files spend most of its time in the
 * kernel.
 */
final class ChannelInputFile implements InputFile {

    private final Path path;

    ChannelInputFile(Path path) {
        this.path = path;
    }

    @Override
    public long getLength() throws IOException {
        return Files.size(path);
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        return new SeekableInputStream() {
            private long position;

            @Override
            public int read() throws IOException {
                ByteBuffer one = ByteBuffer.allocate(1);
                return read(one) <= 0 ? -1 : one.get(0) & 0xFF;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                return length == 0 ? 0 : read(ByteBuffer.wrap(bytes, offset, length));
            }

            @Override
            public int read(ByteBuffer buffer) throws IOException {
                int read = channel.read(buffer, position);
                if (read > 0) {
                    position += read;
                }
                return read;
            }

            @Override
            public void readFully(byte[] bytes) throws IOException {
                readFully(ByteBuffer.wrap(bytes));
            }

            @Override
            public void readFully(byte[] bytes, int offset, int length) throws IOException {
                readFully(ByteBuffer.wrap(bytes, offset, length));
            }

            @Override
            public void readFully(ByteBuffer buffer) throws IOException {
                while (buffer.hasRemaining()) {
                    if (read(buffer) < 0) {
                        throw new EOFException("unexpected end of " + path);
                    }
                }
            }

            @Override
            public long getPos() {
                return position;
            }

            @Override
            public void seek(long newPosition) {
                position = newPosition;
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }
}
