package com.propertyquality.review.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/** The entries of a jar, and its text files, read once. */
final class JarContents {

    private final Path jar;
    private final Set<String> entries;

    private JarContents(Path jar, Set<String> entries) {
        this.jar = jar;
        this.entries = entries;
    }

    static JarContents of(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Set<String> entries = new TreeSet<>();
            file.stream().map(ZipEntry::getName).forEach(entries::add);
            return new JarContents(jar, Collections.unmodifiableSet(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    Path path() {
        return jar;
    }

    boolean has(String entry) {
        return entries.contains(entry);
    }

    /** Whether any entry starts with this prefix (a package folder such as org/apache/spark/). */
    boolean hasAnyUnder(String prefix) {
        return entries.stream().anyMatch(entry -> entry.startsWith(prefix));
    }

    /** The class files, without module descriptors and multi-release copies (those repeat across jars). */
    Set<String> classes() {
        Set<String> classes = new TreeSet<>();
        for (String entry : entries) {
            if (entry.endsWith(".class") && !entry.startsWith("META-INF/") && !entry.endsWith("module-info.class")) {
                classes.add(entry);
            }
        }
        return classes;
    }

    /** A text entry (UTF-8), if the jar has it. */
    Optional<String> text(String entry) {
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry found = file.getEntry(entry);
            if (found == null) {
                return Optional.empty();
            }
            try (InputStream in = file.getInputStream(found)) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry + " from " + jar, e);
        }
    }
}
