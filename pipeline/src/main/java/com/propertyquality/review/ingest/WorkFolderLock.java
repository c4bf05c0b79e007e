package com.propertyquality.review.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a work folder for the length of an ingest: a second ingest on the same folder, from this
 * process or another, is refused instead of interleaving its partition swaps. The operating system releases the
 * lock when a process dies, so a killed run never leaves the folder locked.
 */
public final class WorkFolderLock implements AutoCloseable {

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private WorkFolderLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    public static WorkFolderLock acquire(Path workFolder) {
        try {
            Files.createDirectories(workFolder);
            FileChannel channel = FileChannel.open(workFolder.resolve("ingest.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another ingest is running on the work folder " + workFolder
                        + "; wait for it to finish, then run this one again");
            }
            return new WorkFolderLock(workFolder.toAbsolutePath().normalize(), channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the work folder " + workFolder, e);
        }
    }

    /** The work folder this lock holds. */
    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the work-folder lock", e);
        }
    }
}
