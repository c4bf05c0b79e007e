package com.propertyquality.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher ({@code ./review-pipeline}) as a user runs it after {@code ./mvnw package}: it runs the extracted
 * layout with the build's class-data-sharing archive, answers as {@code java -jar} does, passes exit statuses
 * through, and starts quietly without the archive when the archive does not match its jars.
 */
class LauncherIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = ROOT.resolve("review-pipeline");
    private static final Path APP = ROOT.resolve("pipeline/target/app");
    private static final String QUERY =
            "SELECT office_id, office_name, city FROM offices ORDER BY office_id";

    @TempDir
    static Path temp;

    static Path work;

    @BeforeAll
    static void ingestTheSampleThroughTheLauncher() throws Exception {
        work = temp.resolve("work");
        Run ingest = run(LAUNCHER, Map.of(), "ingest", "--input", ROOT.resolve("data/sample").toString(),
                "--work", work.toString());
        assertThat(ingest.status()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("offices");
    }

    @Test
    void aQueryThroughTheLauncherComesFromTheArchiveAndEqualsTheExecutableJars() throws Exception {
        Path classes = temp.resolve("classes.log");
        Run launched = run(LAUNCHER, Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
                "query", "--format", "csv", "--work", work.toString(), QUERY);
        Run plain = run(Path.of(System.getProperty("java.home"), "bin", "java"), Map.of(), "-jar", ROOT.resolve("pipeline/target/review-pipeline.jar")
                .toString(), "query", "--format", "csv", "--work", work.toString(), QUERY);

        assertThat(launched.status()).as(launched.err()).isZero();
        assertThat(plain.status()).as(plain.err()).isZero();
        assertThat(launched.out()).isEqualTo(plain.out());
        assertThat(launched.out().lines().skip(1)).isNotEmpty().allMatch(line -> line.split(",").length == 3);
        assertThat(Files.readString(classes))
                .contains("com.propertyquality.review.workbench.DuckDbDoor source: shared objects file (top)")
                .contains("source: file:" + APP.resolve("lib"));
    }

    @Test
    void aRefusedQueryKeepsItsExitStatusAndItsOneLine() throws Exception {
        Run refused = run(LAUNCHER, Map.of(), "query", "--work", work.toString(), "DROP VIEW offices");

        assertThat(refused.status()).isEqualTo(ReviewCli.USAGE);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err().lines()).singleElement().asString().startsWith("refused: ");
    }

    /**
     * A copy of the launcher and the layout whose jars sit at another path: the archive no longer matches, and the
     * JVM says so on standard output unless told not to. The answer must be the same, with nothing added.
     */
    @Test
    void aStaleArchiveIsIgnoredWithoutAWordOnStandardOutput() throws Exception {
        Path copy = temp.resolve("copy");
        Path app = Files.createDirectories(copy.resolve("pipeline/target/app"));
        Files.copy(LAUNCHER, copy.resolve("review-pipeline"));
        Files.copy(APP.resolve("review-pipeline.jar"), app.resolve("review-pipeline.jar"));
        Files.copy(APP.resolve("review-pipeline.jsa"), app.resolve("review-pipeline.jsa"));
        Files.createSymbolicLink(app.resolve("lib"), APP.resolve("lib"));
        Path classes = temp.resolve("stale-classes.log");

        Run stale = run(copy.resolve("review-pipeline"), Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
                "query", "--format", "csv", "--work", work.toString(), QUERY);
        Run launched = run(LAUNCHER, Map.of(), "query", "--format", "csv", "--work", work.toString(), QUERY);

        assertThat(stale.status()).as(stale.err()).isZero();
        assertThat(stale.out()).isEqualTo(launched.out());
        assertThat(Files.readString(classes))
                .contains("com.propertyquality.review.workbench.DuckDbDoor source: file:")
                .doesNotContain("shared objects file (top)");
    }

    /**
     * On a machine with 8 GB or more, the launcher gives the JVM a 2 GB heap instead of a quarter of the memory
     * (BENCHMARKS.md, issue 17); a heap size in JAVA_OPTS wins.
     */
    @Test
    void theHeapIsTwoGigabytesUnlessJavaOptsSaysOtherwise() throws Exception {
        long memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:")).map(line -> line.replaceAll("\\D", ""))
                .mapToLong(Long::parseLong).findFirst().orElse(0);
        for (String limit : List.of("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes")) {
            Path file = Path.of(limit);
            String value = Files.isReadable(file) ? Files.readString(file).trim() : "";
            if (value.matches("\\d+")) {
                memoryKb = Math.min(memoryKb, Long.parseLong(value) / 1024);
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(memoryKb >= 8L * 1024 * 1024, "a machine (or container) of 8 GB or more");
        Path capped = temp.resolve("heap-capped.log");
        Path asked = temp.resolve("heap-asked.log");

        Run launched = run(LAUNCHER, Map.of("JAVA_OPTS", "-Xlog:gc+init=info:file=" + capped), "--version");
        Run overridden = run(LAUNCHER, Map.of("JAVA_OPTS", "-Xmx3g -Xlog:gc+init=info:file=" + asked), "--version");

        assertThat(launched.status()).as(launched.err()).isZero();
        assertThat(overridden.status()).as(overridden.err()).isZero();
        assertThat(Files.readString(capped)).contains("Heap Max Capacity: 2G");
        assertThat(Files.readString(asked)).contains("Heap Max Capacity: 3G");
    }

    /**
     * {@code aggregate} and {@code review} run with the parallel collector (faster for Spark's batch work,
     * BENCHMARKS.md); other commands keep the JVM's choice, and a collector in JAVA_OPTS wins.
     */
    @Test
    void theAggregatingCommandsRunTheParallelCollectorUnlessJavaOptsNamesOne() throws Exception {
        assertThat(collector("aggregate", "")).isEqualTo("Parallel");
        assertThat(collector("review", "")).isEqualTo("Parallel");
        assertThat(collector("aggregate", "-XX:+UseG1GC")).isEqualTo("G1");
        assertThat(collector("review", "-Xmx3g -XX:+UseSerialGC")).isEqualTo("Serial");
        assertThat(collector("ingest", "")).isNotEqualTo("Parallel");
        assertThat(collector("report", "")).isNotEqualTo("Parallel");
    }

    /**
     * The quick commands start with the serial collector, but one named in JAVA_OPTS wins: the JVM would refuse
     * to start with two ("Multiple garbage collectors selected").
     */
    @Test
    void theQuickCommandsRunTheSerialCollectorUnlessJavaOptsNamesOne() throws Exception {
        assertThat(collector("marts", "")).isEqualTo("Serial");
        assertThat(collector("query", "")).isEqualTo("Serial");
        assertThat(collector("marts", "-XX:+UseG1GC")).isEqualTo("G1");
        assertThat(collector("check-returns", "-XX:+UseParallelGC")).isEqualTo("Parallel");
    }

    /**
     * {@code review} on small data (under 16 MB read) and {@code aggregate} on a small lake (under 48 MB) run C1
     * alone with the full code cache: the sample's review a third faster, the scale-1 aggregate a tenth
     * (BENCHMARKS.md). A larger input or lake, a lake the launcher cannot measure (a URI), and a
     * -XX:TieredStopAtLevel in JAVA_OPTS keep both compilers, C2 for hot code only (20 times the calls before it
     * compiles a method), as do {@code ingest} and {@code report}; a threshold in JAVA_OPTS wins.
     */
    @Test
    void smallDataRunsTheFirstCompilerAloneLargeDataBoth() throws Exception {
        String sample = ROOT.resolve("data/sample").toString();
        Path empty = temp.resolve("no-work-yet");
        Path large = Files.createDirectories(temp.resolve("large-input"));
        byte[] megabyte = new byte[1024 * 1024];
        Arrays.fill(megabyte, (byte) 'x');
        for (int i = 0; i < 17; i++) {
            Files.write(large.resolve("feedback-" + i + ".csv"), megabyte);
        }
        Path largeWork = temp.resolve("large-work");
        Path largeLake = Files.createDirectories(largeWork.resolve("lake"));
        for (int i = 0; i < 17; i++) {
            Files.write(largeLake.resolve("part-" + i + ".parquet"), megabyte);
        }

        List<String> c1 = List.of("1", "251658240", "5000");
        List<String> hotOnly = List.of("4", "251658240", "100000");
        assertThat(jit("", "aggregate", "--work", work.toString())).isEqualTo(c1);
        assertThat(jit("", "review", "--input", sample, "--work", empty.toString())).isEqualTo(c1);
        assertThat(jit("", "review", "--input=" + sample, "--work=" + work)).isEqualTo(c1);
        // review over 16 MB: the input, the lake, or both together
        assertThat(jit("", "review", "--input", large.toString(), "--work", empty.toString())).isEqualTo(hotOnly);
        assertThat(jit("", "review", "--input", sample, "--work", largeWork.toString())).isEqualTo(hotOnly);
        // aggregate: a lake of 17 MB is under its line, one of 49 MB over it
        assertThat(jit("", "aggregate", "--work", largeWork.toString())).isEqualTo(c1);
        for (int i = 17; i < 49; i++) {
            Files.write(largeLake.resolve("part-" + i + ".parquet"), megabyte);
        }
        assertThat(jit("", "aggregate", "--work", largeWork.toString())).isEqualTo(hotOnly);
        // a lake the launcher cannot measure, a choice in JAVA_OPTS, the other batch commands
        assertThat(jit("", "aggregate", "--work", work.toString(), "--lake", "hdfs://namenode:8020/lake"))
                .isEqualTo(hotOnly);
        // both compilers asked for on small data: C2 as the JVM has it
        assertThat(jit("-XX:TieredStopAtLevel=4", "aggregate", "--work", work.toString()))
                .containsExactly("4", "251658240", "5000");
        assertThat(jit("", "ingest", "--input", sample, "--work", work.toString())).isEqualTo(hotOnly);
        assertThat(jit("", "report", "--work", work.toString())).isEqualTo(hotOnly);
        assertThat(jit("-XX:Tier4InvocationThreshold=5000", "ingest", "--input", sample, "--work", work.toString()))
                .containsExactly("4", "251658240", "5000");
        // the quick commands and the rest keep C2's defaults
        assertThat(jit("", "marts").get(2)).isEqualTo("5000");
        assertThat(jit("", "explore", "--work", work.toString()).get(2)).isEqualTo("5000");
    }

    /**
     * TieredStopAtLevel, ReservedCodeCacheSize and Tier4InvocationThreshold of the JVM the launcher starts for
     * {@code arguments}; {@code -version} in JAVA_OPTS makes the JVM print its flags and stop before the application
     * starts.
     */
    private static List<String> jit(String javaOpts, String... arguments) throws Exception {
        Run launched = run(LAUNCHER, Map.of("JAVA_OPTS", (javaOpts + " -XX:+PrintFlagsFinal -version").trim()),
                arguments);
        assertThat(launched.status()).as(launched.err()).isZero();
        List<String> values = new ArrayList<>();
        for (String flag : List.of("TieredStopAtLevel", "ReservedCodeCacheSize", "Tier4InvocationThreshold")) {
            Matcher value = Pattern.compile("\\s" + flag + "\\s+=\\s+(\\d+)").matcher(launched.out());
            assertThat(value.find()).as(flag + " in the JVM's flags").isTrue();
            values.add(value.group(1));
        }
        return values;
    }

    /** The collector the launched JVM says it uses, for {@code command --help}. */
    private static String collector(String command, String javaOpts) throws Exception {
        Path log = Files.createTempFile(temp, "gc", ".log");
        Run launched = run(LAUNCHER, Map.of("JAVA_OPTS", (javaOpts + " -Xlog:gc=info:file=" + log).trim()), command,
                "--help");
        assertThat(launched.status()).as(launched.err()).isZero();
        Matcher using = Pattern.compile("Using (\\w+)").matcher(Files.readString(log));
        assertThat(using.find()).as("the JVM's log names its collector").isTrue();
        return using.group(1);
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(Path program, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("JAVA_OPTS");
        // the JVM that runs the tests is the one whose training run made the archive (both are Maven's)
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within 3 minutes");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
