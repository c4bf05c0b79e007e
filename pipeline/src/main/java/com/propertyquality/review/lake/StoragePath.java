package com.propertyquality.review.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;

/**
 * A file or folder of the lake or the marts on any Hadoop file system: the local disk by default, HDFS
 * ({@code hdfs://namenode:8020/review/lake}), S3 ({@code s3a://bucket/review/lake}, with hadoop-aws on the class
 * path) or any other. Spark's executors read the same location, so it must be one they all see.
 *
 * <p>Local paths go through java.nio, as the lake always did: Hadoop's local file system runs a shell command
 * per file to read its permissions when it lists a folder, which made a commit of thousands of partitions slow.
 * Operations fail with an {@link UncheckedIOException} rather than returning false, because Hadoop's
 * {@code rename} and {@code mkdirs} report failure by their result, which is easy to miss.
 */
public record StoragePath(Path path) {

    private static final RawLocalFileSystem LOCAL = localFileSystem();

    /**
     * A location as a user writes it: a URI with a scheme ({@code hdfs://…}, {@code file:/…}) as it is, anything
     * else as a local path, made absolute.
     */
    public static StoragePath of(String location) {
        if (location.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") || location.startsWith("file:")) {
            return new StoragePath(new Path(URI.create(location)));
        }
        return local(Paths.get(location));
    }

    /**
     * A location as Iceberg writes it in a table's metadata (a data file's, a table's): taken literally, as
     * Iceberg's own Hadoop file access takes it, so an escaped partition value ({@code office_id=A%2FB}) stays one
     * folder name.
     */
    public static StoragePath ofTableLocation(String location) {
        return new StoragePath(new Path(location));
    }

    public static StoragePath local(java.nio.file.Path path) {
        return new StoragePath(new Path(path.toAbsolutePath().normalize().toUri()));
    }

    /** A child: one name, or several separated by {@code /} (a partition such as {@code office_id=A01/year=2025}). */
    public StoragePath resolve(String child) {
        return new StoragePath(new Path(path, child));
    }

    public StoragePath parent() {
        return new StoragePath(path.getParent());
    }

    public String name() {
        return path.getName();
    }

    /** True on the local disk, where {@link #localPath} gives the same location as a java.nio path. */
    public boolean isLocal() {
        String scheme = path.toUri().getScheme();
        return scheme == null || scheme.equals("file");
    }

    public java.nio.file.Path localPath() {
        if (!isLocal()) {
            throw new IllegalStateException(path + " is not on the local disk");
        }
        // the decoded path: Hadoop keeps a partition folder's literal '%' (A%2F1) unescaped in its URI
        return Paths.get(path.toUri().getPath());
    }

    /** The file system holding this location (shared; never closed here). */
    public FileSystem fileSystem() {
        if (isLocal()) {
            return LOCAL;
        }
        try {
            return path.getFileSystem(HadoopConf.SHARED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the file system of " + path, e);
        }
    }

    public boolean exists() {
        if (isLocal()) {
            return Files.exists(localPath());
        }
        try {
            return fileSystem().exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look at " + path, e);
        }
    }

    public boolean isDirectory() {
        if (isLocal()) {
            return Files.isDirectory(localPath());
        }
        try {
            return fileSystem().getFileStatus(path).isDirectory();
        } catch (java.io.FileNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look at " + path, e);
        }
    }

    public void mkdirs() {
        try {
            if (isLocal()) {
                Files.createDirectories(localPath());
                return;
            }
            if (!fileSystem().mkdirs(path)) {
                throw new IOException("mkdirs returned false");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + path, e);
        }
    }

    /**
     * Makes this folder and everything in it readable by its owner only: folders rwx------, files rw-------.
     * For personal data, whatever the process's umask. Nothing happens when it does not exist.
     */
    public void restrictToOwner() {
        try {
            if (isLocal()) {
                restrictLocal(localPath());
                return;
            }
            FileSystem fs = fileSystem();
            if (fs.exists(path)) {
                restrictRemote(fs, fs.getFileStatus(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + path + " to its owner", e);
        }
    }

    /** Creates this folder (and its parents) and restricts it to its owner. */
    public void mkdirsForOwner() {
        mkdirs();
        restrictToOwner();
    }

    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_FOLDER =
            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------");
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_FILE =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");

    private static void restrictLocal(java.nio.file.Path start) throws IOException {
        if (!Files.exists(start)) {
            return;
        }
        try (java.util.stream.Stream<java.nio.file.Path> paths = Files.walk(start)) {
            for (java.nio.file.Path each : (Iterable<java.nio.file.Path>) paths::iterator) {
                Files.setPosixFilePermissions(each, Files.isDirectory(each) ? OWNER_FOLDER : OWNER_FILE);
            }
        }
    }

    private static void restrictRemote(FileSystem fs, org.apache.hadoop.fs.FileStatus status) throws IOException {
        if (status.isDirectory()) {
            fs.setPermission(status.getPath(), new org.apache.hadoop.fs.permission.FsPermission((short) 0700));
            for (org.apache.hadoop.fs.FileStatus child : fs.listStatus(status.getPath())) {
                restrictRemote(fs, child);
            }
        } else {
            fs.setPermission(status.getPath(), new org.apache.hadoop.fs.permission.FsPermission((short) 0600));
        }
    }

    /** Removes the file or the folder with everything in it; nothing happens when it does not exist. */
    public void delete() {
        if (isLocal()) {
            Lake.deleteTree(localPath());
            return;
        }
        try {
            fileSystem().delete(path, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    /** The entries of a folder, in name order; empty when it does not exist. */
    public List<StoragePath> list() {
        if (isLocal()) {
            if (!Files.isDirectory(localPath())) {
                return List.of();
            }
            try (Stream<java.nio.file.Path> entries = Files.list(localPath())) {
                return entries.sorted().map(StoragePath::local).toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + path, e);
            }
        }
        try {
            FileStatus[] statuses = fileSystem().listStatus(path);
            List<StoragePath> entries = new ArrayList<>();
            for (FileStatus status : statuses) {
                entries.add(new StoragePath(status.getPath()));
            }
            entries.sort((a, b) -> a.path.getName().compareTo(b.path.getName()));
            return entries;
        } catch (java.io.FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
    }

    /** Every file under this folder, at any depth, in path order; empty when it does not exist. */
    public List<StoragePath> files() {
        if (isLocal()) {
            if (!Files.isDirectory(localPath())) {
                return List.of();
            }
            try (Stream<java.nio.file.Path> found = Files.walk(localPath())) {
                return found.filter(Files::isRegularFile).sorted().map(StoragePath::local).toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + path, e);
            }
        }
        try {
            List<StoragePath> files = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> found = fileSystem().listFiles(path, true);
            while (found.hasNext()) {
                files.add(new StoragePath(found.next().getPath()));
            }
            files.sort((a, b) -> a.path.toString().compareTo(b.path.toString()));
            return files;
        } catch (java.io.FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
    }

    /** The path of {@code descendant} below this folder ({@code office_id=A01/part-0001.parquet}). */
    public String relativize(StoragePath descendant) {
        String base = path.toUri().getPath();
        String full = descendant.path.toUri().getPath();
        if (!full.startsWith(base)) {
            throw new IllegalArgumentException(descendant + " is not below " + this);
        }
        String relative = full.substring(base.length());
        return relative.startsWith("/") ? relative.substring(1) : relative;
    }

    /** This file's content as UTF-8 text. */
    public String readString() {
        try (InputStream in = fileSystem().open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** For Parquet's readers; a local file through a FileChannel (Hadoop's local streams are slower). */
    public InputFile inputFile() {
        if (isLocal()) {
            return new ChannelInputFile(localPath());
        }
        try {
            return HadoopInputFile.fromPath(path, HadoopConf.SHARED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path, e);
        }
    }

    /** The location as a user wrote it: a local path as a path, anything else as its URI. */
    public String display() {
        return isLocal() ? localPath().toString() : path.toString();
    }

    /** The location as Spark and Hadoop read it: {@code file:/…}, {@code hdfs://…}. */
    @Override
    public String toString() {
        return path.toString();
    }

    private static RawLocalFileSystem localFileSystem() {
        RawLocalFileSystem fs = new RawLocalFileSystem();
        try {
            fs.initialize(URI.create("file:///"), HadoopConf.SHARED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local file system", e);
        }
        return fs;
    }
}
