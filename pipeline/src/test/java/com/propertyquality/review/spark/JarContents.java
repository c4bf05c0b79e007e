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
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/** The entries of a jar, and its text files, read once. */
final class JarContents {

    private static final Pattern MULTI_RELEASE = Pattern.compile("^META-INF/versions/[0-9]+/");

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

    /** Every entry's name, folders and META-INF included. */
    Set<String> entries() {
        return entries;
    }

    /**
     * The names a class loader finds in this jar: classes and resources, a multi-release copy under the name it
     * stands for, without folders, module descriptors and the jar's account of itself under META-INF (manifest,
     * signatures, Maven descriptors, licences, service registrations: every jar has its own, and the shade plugin
     * merges the ones that count) and OSGI-INF (bundle descriptors, some jars keep one per Java version).
     */
    Set<String> loadable() {
        Set<String> names = new TreeSet<>();
        for (String entry : entries) {
            String name = MULTI_RELEASE.matcher(entry).replaceFirst("");
            if (!entry.endsWith("/") && !name.startsWith("META-INF/") && !name.startsWith("OSGI-INF/")
                    && !name.endsWith("module-info.class")) {
                names.add(name);
            }
        }
        return names;
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
