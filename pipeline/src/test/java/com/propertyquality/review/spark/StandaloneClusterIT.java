package com.propertyquality.review.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyquality.review.ReviewApplication;
import com.propertyquality.review.lake.ParquetRows;
import com.propertyquality.review.marts.Mart;
import com.propertyquality.review.marts.Marts;
import com.propertyquality.review.marts.SourceMarts;
import com.propertyquality.review.support.ChildJvm;
import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.SampleReview;

/**
 * The marts on a real Spark standalone cluster equal the marts of local mode, row for row and in order. A master
 * and a worker run Spark's own classes from a Spark distribution laid out from the jars Maven resolved; the sample
 * company is ingested once and aggregated in local mode in this JVM, then on the cluster twice: by the executable
 * jar ({@code java -jar review-pipeline.jar aggregate --spark-master spark://...}, executors seeing Spark's jars
 * only, so no mart may need the app's classes there), and through spark-submit with the spark-submit jar
 * ({@code review}, the main job: ingest, aggregate, packet), whose class path is Spark's jars plus that jar alone.
 * Both runs must have run their tasks on the worker's executor, never in the driver.
 */
class StandaloneClusterIT {

    /** One fixed as-of day for every run: the marts judge open and overdue items at it. */
    private static final String AS_OF = "2026-02-01";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    /**
     * The setting below which a lake is aggregated as a small job (queries interpreted, tables held in memory); 0
     * never.
     */
    private static final String SMALL_LAKE_BELOW = "review.spark.small-lake-below";
    /**
     * The JIT of every JVM this class starts (master, worker, drivers, executors): C1 alone. Each lives for one run on
     * a dozen offices, where C2's compiling takes more of two cores than its code earns back (the class took 264-283 s
     * with both compilers, 212 s with C1 alone). Without C2 the JVM would reserve a code cache of 48 MB, which Spark's
     * generated code can fill, so the 240 MB it reserves with both is kept. The flags are the failsafe JVM's own
     * (the POM's short.run.jit).
     */
    private static List<String> shortRunJit() {
        return List.of(setting("review.it.shortRunJit").trim().split("\\s+"));
    }

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path temp;

    static JarContents sparkSubmitJar;
    static List<JarContents> runtimeJars;
    static SparkDistribution spark;
    static StandaloneCluster cluster;
    /** The lake of the sample, and the marts local mode wrote from it. */
    static Path local;

    @BeforeAll
    static void startClusterAndAggregateInLocalMode() throws Exception {
        sparkSubmitJar = JarContents.of(Path.of(setting("review.it.sparkSubmitJar")));
        runtimeJars = runtimeJars();
        spark = SparkDistribution.of(temp.resolve("spark-home"), sparkJars());
        cluster = StandaloneCluster.start(spark, clusterJvmFlags(), temp.resolve("cluster"));

        local = temp.resolve("local");
        Cli.Result ingest = Cli.run("ingest", "--input", sample(), "--work", local.toString());
        assertThat(ingest.status()).as(ingest.err()).isZero();
        // compiled and scanned here (Spark's default), interpreted over tables held in memory on the cluster (the
        // sample's lake is small: QueryCompilation, LakeTables): the marts compared below are each mart's figures
        // both ways
        System.setProperty(SMALL_LAKE_BELOW, "0");
        Cli.Result aggregate;
        try {
            aggregate = Cli.run("aggregate", "--work", local.toString(), "--as-of", AS_OF, "--spark-master",
                    "local[2]");
        } finally {
            System.clearProperty(SMALL_LAKE_BELOW);
        }
        assertThat(aggregate.status()).as(aggregate.err()).isZero();
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theExecutableJarAggregatesOnTheClusterToTheMartsOfLocalMode() throws Exception {
        Path work = temp.resolve("executable-jar");
        copy(local.resolve("lake"), work.resolve("lake"));
        Path events = Files.createDirectories(temp.resolve("events-executable-jar"));
        Map<String, String> environment = new LinkedHashMap<>(spark.environment());
        // the documented way to hand the session any Spark setting (review.spark.conf)
        environment.put("SPRING_APPLICATION_JSON", new ObjectMapper().writeValueAsString(
                Map.of("review", Map.of("spark", Map.of("conf", clusterSettings(events))))));
        List<String> command = new ArrayList<>(shortRunJit());
        command.addAll(List.of("-Xmx1g", "-jar", setting("review.it.executableJar"), "aggregate", "--work",
                work.toString(), "--as-of", AS_OF, "--spark-master", cluster.masterUrl()));
        try (ChildJvm driver = ChildJvm.start("java -jar review-pipeline.jar aggregate", command, environment,
                temp.resolve("executable-jar.log"))) {
            int status = driver.awaitExit(RUN_TIMEOUT);
            assertThat(status).as(driver.log()).isZero();
        }
        assertRanOnTheCluster(EventLog.read(events));
        assertSameMartsAsLocalMode(work.resolve("marts"), true);
    }

    @Test
    void sparkSubmitRunsTheReviewFromTheSparkSubmitJarOnTheCluster() throws Exception {
        Path work = temp.resolve("spark-submit");
        Path events = Files.createDirectories(temp.resolve("events-spark-submit"));
        List<String> command = new ArrayList<>(clusterJvmFlags());
        command.addAll(List.of("-Xmx1g", "-cp", spark.classPath(), "org.apache.spark.deploy.SparkSubmit",
                "--master", cluster.masterUrl(), "--deploy-mode", "client",
                "--class", ReviewApplication.class.getName()));
        clusterSettings(events).forEach((key, value) -> command.addAll(List.of("--conf", key + "=" + value)));
        command.addAll(List.of(sparkSubmitJar.path().toString(), "review", "--input", sample(),
                "--work", work.toString(), "--year", "2025", "--as-of", AS_OF));
        try (ChildJvm driver = ChildJvm.start("spark-submit review-pipeline-spark.jar review", command,
                spark.environment(), temp.resolve("spark-submit.log"))) {
            int status = driver.awaitExit(RUN_TIMEOUT);
            assertThat(status).as(driver.log()).isZero();
        }
        assertRanOnTheCluster(EventLog.read(events));
        assertSameMartsAsLocalMode(work.resolve("marts"), false);
        // the packet's font came through the merged Jasper extension file
        try (PDDocument packet = Loader.loadPDF(work.resolve("reports/management-review-2025.pdf").toFile())) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : packet.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.getName()).contains("NotoSansSC");
                assertThat(font.isEmbedded()).isTrue();
            });
        }
    }

    @Test
    void theSparkSubmitJarHoldsTheAppAndEveryLibraryASparkDistributionLacksButNothingItHas() {
        assertThat(sparkSubmitJar.has("com/propertyquality/review/ReviewApplication.class")).isTrue();
        assertThat(sparkSubmitJar.has("com/propertyquality/review/reports/DocumentRenderer.class")).isTrue();
        assertThat(sparkSubmitJar.has("fonts/notosanssc/fonts.xml")).isTrue();
        assertThat(sparkSubmitJar.has("application.yml")).isTrue();
        // the app's logging gives way to Spark's log4j2 on a cluster, and its HikariCP is relocated (Hive's 2.5 comes
        // first on the driver's class path); POI's SparseBitSet (com/zaxxer/sparsebits) is not HikariCP
        for (String leftOut : List.of("ch/qos/logback/", "com/zaxxer/hikari/")) {
            assertThat(sparkSubmitJar.hasAnyUnder(leftOut)).as(leftOut).isFalse();
        }
        // a signature copied from a signed jar (ecj's) would not match this jar, and the JVM refuses such a jar
        assertThat(sparkSubmitJar.entries()).noneMatch(entry -> entry.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"));
        // Nothing Spark's jars hold, class or resource, name for name: a copy here would shadow Spark's or be shadowed
        // by it. Exact names, not packages: Iceberg's own Catalyst extensions live under org/apache/spark, and Spark
        // lacks them.
        List<Path> sparkJars = sparkJars();
        Set<String> sparkEntries = new HashSet<>();
        for (Path jar : sparkJars) {
            sparkEntries.addAll(JarContents.of(jar).loadable());
        }
        assertThat(sparkEntries).as("Spark's jars").contains("org/apache/spark/SparkContext.class",
                "org/apache/spark/sql/SparkSession.class", "scala/Option.class");
        assertThat(sparkSubmitJar.has("org/apache/spark/sql/catalyst/analysis/IcebergAnalysisException.class"))
                .isTrue();
        Set<String> twice = new TreeSet<>(sparkSubmitJar.loadable());
        twice.retainAll(sparkEntries);
        // the AOP Alliance interfaces: spring-aop and Spark's hk2 each carry the same standard API
        twice.removeIf(name -> name.startsWith("org/aopalliance/"));
        // the licence texts at the root: Iceberg's runtime (bundled) and Scala's library each carry their own
        twice.removeAll(Set.of("LICENSE", "NOTICE"));
        assertThat(twice).as("entries both in the spark-submit jar and in Spark's jars").isEmpty();
        // every class of every other library, but those Spark has (Iceberg's runtime bundles a few of Spark's)
        for (JarContents jar : runtimeJars) {
            if (!sparkJars.contains(jar.path()) && !isAppLogging(jar.path()) && !isExplorerServer(jar.path())) {
                Set<String> missing = new TreeSet<>(jar.classes());
                missing.removeIf(name -> sparkSubmitJar.has(relocated(name)) || sparkEntries.contains(name));
                assertThat(missing).as("classes of " + jar.path().getFileName() + " missing from the spark-submit jar")
                        .isEmpty();
            }
        }
    }

    @Test
    void springAndJasperRegistrationsOfEveryBundledJarSurviveTheMerge() throws IOException {
        String imports = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";
        Set<String> mergedImports = lines(sparkSubmitJar.text(imports).orElse(""));
        Properties mergedFactories = properties(sparkSubmitJar.text("META-INF/spring.factories").orElse(""));
        Properties mergedJasper = properties(sparkSubmitJar.text("jasperreports_extension.properties").orElse(""));
        int importFiles = 0;
        int jasperFiles = 0;
        for (JarContents jar : runtimeJars) {
            if (!bundled(jar)) {
                continue;
            }
            String name = jar.path().getFileName().toString();
            if (jar.text(imports).isPresent()) {
                importFiles++;
                assertThat(mergedImports).as(name).containsAll(lines(jar.text(imports).get()));
            }
            Properties factories = properties(jar.text("META-INF/spring.factories").orElse(""));
            for (String key : factories.stringPropertyNames()) {
                assertThat(values(mergedFactories.getProperty(key))).as(name + " " + key)
                        .containsAll(values(factories.getProperty(key)));
            }
            Properties jasper = properties(jar.text("jasperreports_extension.properties").orElse(""));
            jasperFiles += jasper.isEmpty() ? 0 : 1;
            for (String key : jasper.stringPropertyNames()) {
                assertThat(mergedJasper.getProperty(key)).as(name + " " + key).isEqualTo(jasper.getProperty(key));
            }
        }
        assertThat(importFiles).as("jars with auto-configurations").isGreaterThan(1);
        assertThat(jasperFiles).as("jars with Jasper extensions").isGreaterThan(1);
        assertThat(mergedImports).anyMatch(line -> line.endsWith("BatchJdbcAutoConfiguration")
                || line.endsWith("BatchAutoConfiguration"));
        assertThat(mergedJasper.getProperty("net.sf.jasperreports.extension.simple.font.families.notosanssc"))
                .isEqualTo("fonts/notosanssc/fonts.xml");
    }

    /** The settings both cluster runs give the session: loopback, small executors, Spark's opens, an event log. */
    private static Map<String, String> clusterSettings(Path events) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spark.driver.host", "127.0.0.1");
        settings.put("spark.executor.memory", "512m");
        settings.put("spark.executor.extraJavaOptions", String.join(" ", clusterJvmFlags()));
        settings.put("spark.eventLog.enabled", "true");
        settings.put("spark.eventLog.dir", events.toUri().toString());
        settings.put("spark.eventLog.rolling.enabled", "false"); // one plain JSON file, not a folder of zstd parts
        settings.put("spark.eventLog.compress", "false");
        return settings;
    }

    /** The master ran the application and the worker's executor ran every task: nothing ran in the driver. */
    private static void assertRanOnTheCluster(EventLog log) throws IOException {
        assertThat(log.master()).isEqualTo(cluster.masterUrl());
        assertThat(log.executors()).isNotEmpty().doesNotContain("driver");
        assertThat(log.tasksByExecutor()).isNotEmpty().doesNotContainKey("driver");
        assertThat(log.tasksByExecutor().keySet()).isSubsetOf(log.executors());
        List<Path> executorLogs = cluster.executorLogs(log.appId());
        assertThat(executorLogs).as("executors the worker launched for " + log.appId() + "\n" + cluster.logs())
                .isNotEmpty();
        assertThat(Files.readString(executorLogs.get(0))).contains("Spark Executor Command")
                .contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
    }

    /**
     * Every mart of the registry, written by the cluster run, holds the rows of local mode in the same order. A run
     * that loaded a lake of its own ({@code sameLake} false) read other snapshots of other loads: its data sources
     * are compared without them, by file, checksum and counts.
     */
    private static void assertSameMartsAsLocalMode(Path marts, boolean sameLake) {
        Path reference = local.resolve("marts");
        List<String> names = Marts.all().stream().map(Mart::name).sorted().toList();
        assertThat(martFolders(reference)).isEqualTo(names);
        assertThat(martFolders(marts)).isEqualTo(names);
        for (String mart : names) {
            List<Map<String, Object>> expected = ParquetRows.read(reference.resolve(mart));
            List<Map<String, Object>> actual = ParquetRows.read(marts.resolve(mart));
            if (!sameLake && mart.equals(SourceMarts.DATA_SOURCES)) {
                expected = withoutLoadIdentity(expected);
                actual = withoutLoadIdentity(actual);
                assertThat(expected).isNotEmpty();
            }
            assertThat(actual).as(mart).containsExactlyElementsOf(expected);
        }
    }

    /** Data-source rows without what names one load of one lake (snapshots, run, moments). */
    private static List<Map<String, Object>> withoutLoadIdentity(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> {
            Map<String, Object> kept = new java.util.LinkedHashMap<>(row);
            List.of("snapshot_id", "committed_at", "added_by_snapshot", "run_id", "loaded_at").forEach(kept::remove);
            return kept;
        }).toList();
    }

    private static List<String> martFolders(Path marts) {
        try (Stream<Path> folders = Files.list(marts)) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString())
                    .filter(name -> !name.startsWith("_") && !name.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a Spark distribution holds: the runtime jars of Spark SQL and everything it depends on, directly or not
     * (Maven's resolution of them for this module), plus two jars of Spark's binary distributions: the log4j2
     * binding for SLF4J, which the app's own dependencies leave out, and Hive's HikariCP 2.5, older than the app's
     * and first on the driver's class path.
     */
    private static List<Path> sparkJars() {
        Set<String> spark = DependencyTree.read(Path.of(setting("review.it.dependencyTree")))
                .closure("org.apache.spark:spark-sql_2.13");
        List<Path> jars = new ArrayList<>();
        for (JarContents jar : runtimeJars) {
            if (DependencyTree.isOneOf(jar.path(), spark)) {
                jars.add(jar.path());
            }
        }
        try (Stream<Path> extras = Files.list(Path.of(setting("review.it.distributionExtras")))) {
            extras.filter(file -> file.toString().endsWith(".jar")).sorted().forEach(jars::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jars;
    }

    /**
     * The app's logging, which a cluster replaces: Logback and the log4j2-to-SLF4J bridge give way to Spark's log4j2,
     * and Commons Logging to Spark's jcl-over-slf4j, which holds the same API.
     */
    private static boolean isAppLogging(Path jar) {
        String path = jar.toString().replace('\\', '/');
        return path.contains("/ch/qos/logback/") || path.contains("/log4j-to-slf4j/")
                || path.contains("/commons-logging/commons-logging/");
    }

    /**
     * The explorer's embedded Tomcat, left out on purpose: {@code explore} never runs under spark-submit, and Tomcat's
     * own copy of the Servlet API (6.1) must not shadow the one Spark's UI needs (5.0).
     */
    private static boolean isExplorerServer(Path jar) {
        return jar.toString().replace('\\', '/').contains("/org/apache/tomcat/embed/");
    }

    /** Whether the spark-submit jar took this jar in (it holds its classes). */
    private static boolean bundled(JarContents jar) {
        return jar.classes().stream().anyMatch(name -> sparkSubmitJar.has(relocated(name)));
    }

    /** Where the spark-submit jar holds a class: HikariCP is relocated (see the shade plugin's relocations). */
    private static String relocated(String name) {
        return name.startsWith("com/zaxxer/hikari/")
                ? "com/propertyquality/review/shaded/hikari/" + name.substring("com/zaxxer/hikari/".length()) : name;
    }

    /** The runtime class path Maven resolved (the jars of main's dependencies, no test libraries). */
    private static List<JarContents> runtimeJars() throws IOException {
        String classPath = Files.readString(Path.of(setting("review.it.runtimeClasspath"))).strip();
        return Arrays.stream(classPath.split(java.io.File.pathSeparator)).map(Path::of)
                .filter(Files::isRegularFile).map(JarContents::of).toList();
    }

    /** Spark's module opens (the parent POM's spark.jvm.flags), for every Spark JVM and the executors. */
    private static List<String> sparkJvmFlags() {
        return List.of(setting("review.it.sparkJvmFlags").trim().split("\\s+"));
    }

    /** Spark's opens and the short run's JIT: the flags of every Spark JVM this class starts. */
    private static List<String> clusterJvmFlags() {
        List<String> flags = new ArrayList<>(sparkJvmFlags());
        flags.addAll(shortRunJit());
        return flags;
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set: run the integration tests with Maven (./mvnw verify)");
        }
        return value;
    }

    private static String sample() {
        return SampleReview.SAMPLE.toAbsolutePath().normalize().toString();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static Set<String> lines(String text) {
        Set<String> lines = new TreeSet<>();
        text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(lines::add);
        return lines;
    }

    private static Properties properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static List<String> values(String commaSeparated) {
        return commaSeparated == null ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
