package com.propertyquality.review.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.propertyquality.review.lake.Lake;

/**
 * Where the key runs of one load go ({@link KeyRun}): the folder given, or a temporary folder, created when the
 * first run is written; {@link #close} removes it with everything in it.
 */
final class SpillFolder implements AutoCloseable {

    private final Path given;
    private Path folder;
    private int files;

    /** @param folder the folder to use (removed on close), or null for a temporary one */
    SpillFolder(Path folder) {
        this.given = folder;
    }

    synchronized Path newFile() {
        try {
            if (folder == null) {
                folder = given != null ? Files.createDirectories(given) : Files.createTempDirectory("review-keys-");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for key runs " + given, e);
        }
        return folder.resolve(String.format("keys-%06d.run", ++files));
    }

    /** The folder, or null while no run was written. */
    synchronized Path folder() {
        return folder;
    }

    @Override
    public synchronized void close() {
        if (folder != null) {
            Lake.deleteFolder(folder);
            folder = null;
        }
    }
}
