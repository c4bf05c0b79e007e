package com.propertyquality.review.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Which file contents have loaded, by SHA-256, and in which run: {@code <work>/runs/ledger.json}. It lets an
 * ingest say that a file is unchanged since an earlier run. Loading it again changes nothing in the lake (a
 * load replaces the partitions it holds with the same rows); the ledger only makes that visible.
 */
final class LoadLedger {

    private static final TypeReference<Map<String, Entry>> TYPE = new TypeReference<>() {
    };

    /** One loaded content: its template, the file name it had and the run that loaded it. */
    record Entry(String template, String file, String run) {
    }

    private final Path path;
    private final Map<String, Entry> bySha256;

    private LoadLedger(Path path, Map<String, Entry> bySha256) {
        this.path = path;
        this.bySha256 = bySha256;
    }

    static LoadLedger open(Path path) {
        if (!Files.exists(path)) {
            return new LoadLedger(path, new HashMap<>());
        }
        try {
            return new LoadLedger(path, new HashMap<>(new ObjectMapper().readValue(path.toFile(), TYPE)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the load ledger " + path, e);
        }
    }

    /** The run that last loaded this content for this template, or null. */
    String loadedBy(String sha256, String template) {
        Entry entry = bySha256.get(sha256);
        return entry != null && entry.template().equals(template) ? entry.run() : null;
    }

    void record(String sha256, String template, String file, String run) {
        bySha256.put(sha256, new Entry(template, file, run));
    }

    void save() {
        try {
            Files.createDirectories(path.getParent());
            Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(temporary.toFile(), bySha256);
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the load ledger " + path, e);
        }
    }

    /** The SHA-256 of a file's bytes, in hex. */
    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
