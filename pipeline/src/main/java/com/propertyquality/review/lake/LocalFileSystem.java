package com.propertyquality.review.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system for the lake's catalog, setting permissions through java.nio. Without Hadoop's native
 * library, {@link RawLocalFileSystem} forks a {@code chmod} process for every file and folder it creates: the
 * catalog's metadata, manifests and version hints cost 127 processes in an ingest at scale 1 (a profile of the
 * run), each a fork of a JVM of several gigabytes.
 */
public class LocalFileSystem extends RawLocalFileSystem {

    @Override
    public void setPermission(Path path, FsPermission permission) throws IOException {
        Files.setPosixFilePermissions(pathToFile(path).toPath(),
                PosixFilePermissions.fromString(permission.toString()));
    }
}
