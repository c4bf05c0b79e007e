package com.propertyquality.review.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A folder laid out like a Spark distribution, SPARK_HOME with jars/ holding links to Spark's jars, and the
 * environment Spark's processes need to use it. A worker starts its executors from SPARK_HOME/jars alone, and
 * spark-submit runs a driver on that class path plus the application's jar: whatever the application needs beyond
 * Spark must come with its own jar.
 */
final class SparkDistribution {

    private final Path home;

    private SparkDistribution(Path home) {
        this.home = home;
    }

    /** A distribution in {@code home} made of these jars (links, not copies). */
    static SparkDistribution of(Path home, List<Path> jars) {
        try {
            Path folder = Files.createDirectories(home.resolve("jars"));
            for (Path jar : jars) {
                Path link = folder.resolve(jar.getFileName());
                for (int n = 2; Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS); n++) {
                    link = folder.resolve(n + "-" + jar.getFileName()); // same file name from two groups
                }
                Files.createSymbolicLink(link, jar.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out a Spark distribution in " + home, e);
        }
        return new SparkDistribution(home.toAbsolutePath());
    }

    Path home() {
        return home;
    }

    /** The class path of Spark's own processes: every jar of the distribution. */
    String classPath() {
        return home.resolve("jars") + "/*";
    }

    /**
     * SPARK_HOME; the Scala version (without it a worker looks for a source build and fails with "Cannot find any
     * build directories"); loopback as the address every process binds and advertises; this JVM's Java for the
     * executors; and no Hadoop or YARN configuration of the machine leaking in.
     */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPARK_HOME", home.toString());
        environment.put("SPARK_SCALA_VERSION", "2.13");
        environment.put("SPARK_LOCAL_IP", "127.0.0.1");
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("SPARK_CONF_DIR", null);
        environment.put("HADOOP_CONF_DIR", null);
        environment.put("YARN_CONF_DIR", null);
        return environment;
    }
}
