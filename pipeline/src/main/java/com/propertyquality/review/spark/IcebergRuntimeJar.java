package com.propertyquality.review.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where Iceberg's Spark runtime jar is, as a file Spark can serve to its executors. From Maven's class path it is
 * the jar itself; inside the executable Spring Boot jar it is a nested entry (nested:/app.jar/!BOOT-INF/lib/...),
 * copied once per JVM to a temporary file.
 */
final class IcebergRuntimeJar {

    /** A class of the runtime jar. */
    private static final String MARKER = "org.apache.iceberg.spark.SparkCatalog";
    private static String location;

    private IcebergRuntimeJar() {
    }

    static synchronized String location() {
        if (location != null) {
            return location;
        }
        try {
            URL source = Class.forName(MARKER).getProtectionDomain().getCodeSource().getLocation();
            if (source.getProtocol().equals("file")) {
                location = source.toString();
            } else {
                Path copy = Files.createTempFile("iceberg-spark-runtime-", ".jar");
                copy.toFile().deleteOnExit();
                try (InputStream in = source.openStream()) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                location = copy.toUri().toString();
            }
            return location;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Iceberg's Spark runtime is not on the class path", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy Iceberg's Spark runtime for the executors", e);
        }
    }
}
