package com.propertyquality.review.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One benchmarked stage run as its own JVM ({@code java -jar review-pipeline.jar ...}), so its wall time includes
 * the JVM start a user sees and its peak memory is its own: the resident set's high-water mark (VmHWM), read from
 * /proc while it runs. Started through the launcher ({@code ./review-pipeline bench}), the jar is the build's
 * extracted layout, and each stage also gets the class-data-sharing archive the launcher gives it, so a stage
 * starts as a user's does.
 */
final class ChildProcess {

    /** What a stage took: wall seconds, peak resident set in bytes (0 where /proc is missing), its output. */
    record Measured(double seconds, long peakRssBytes, int exitCode, String output) {

        double peakRssMb() {
            return peakRssBytes / (1024.0 * 1024.0);
        }
    }

    private ChildProcess() {
    }

    /** The jar this JVM was started from; the benchmark runs each stage from it. */
    static Path selfJar() {
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
            throw new IllegalStateException("run the benchmark from the packaged jar: java -jar "
                    + "pipeline/target/review-pipeline.jar bench ... (class path is " + classPath + ")");
        }
        return Path.of(classPath).toAbsolutePath();
    }

    static Measured run(List<String> jvmOptions, List<String> arguments, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path jar = selfJar();
        command.addAll(jvmOptions);
        command.addAll(sharedArchive(jar));
        command.addAll(collector(arguments));
        command.addAll(compilers(arguments));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            long peak = 0;
            Path status = Path.of("/proc", Long.toString(process.pid()), "status");
            while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, highWaterMark(status));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Measured(seconds, peak, process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /**
     * The launcher's class-data-sharing options when the archive the build trained lies beside the jar (the
     * extracted layout); none for the executable jar. The JVM checks the archive and starts without it when it
     * does not match, as under the launcher.
     */
    static List<String> sharedArchive(Path jar) {
        Path archive = jar.resolveSibling("review-pipeline.jsa");
        if (!Files.isRegularFile(archive)) {
            return List.of();
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /**
     * The collector the launcher gives the command: the parallel collector to {@code aggregate} and {@code review}
     * (Spark's aggregation, faster with it than with G1), and to the plain Spark SQL peer that computes the same
     * figures, so both sides of that comparison run alike; none (the JVM's default) to the rest.
     */
    static List<String> collector(List<String> arguments) {
        boolean aggregates = !arguments.isEmpty() && List.of("aggregate", "review").contains(arguments.get(0));
        boolean sqlPeer = arguments.size() > 1 && arguments.get(0).equals("bench-peer")
                && arguments.get(1).equals("spark-figures");
        return aggregates || sqlPeer ? List.of("-XX:+UseParallelGC") : List.of();
    }

    /** Under this many bytes read (its input and the lake), the launcher runs {@code review} with C1 alone. */
    static final long SMALL_DATA_BYTES = 16L * 1024 * 1024;

    /** Under this many bytes of lake, the launcher runs {@code aggregate} with C1 alone. */
    static final long SMALL_LAKE_BYTES = 48L * 1024 * 1024;

    /**
     * HotSpot's second compiler (C2) for hot code only: a method is compiled by it after 20 times the calls, and a
     * loop after 20 times the iterations, of the JVM's defaults, as the launcher asks for its batch commands.
     */
    static final List<String> C2_FOR_HOT_CODE_ONLY = List.of("-XX:Tier4InvocationThreshold=100000",
            "-XX:Tier4MinInvocationThreshold=12000", "-XX:Tier4CompileThreshold=300000",
            "-XX:Tier4BackEdgeThreshold=800000");

    /**
     * The compilers the launcher gives the command: C1 alone, with the code cache both compilers reserve, to
     * {@code review} when what it reads (its input and the lake) is under 16 MB and to {@code aggregate} when the
     * lake is under 48 MB; otherwise, to them and to {@code ingest} and {@code report}, C2 for hot code only. This
     * counts the files' bytes where the launcher's {@code du} counts disk blocks, a little more: the two can
     * disagree only near the line (by up to a block per file). The Spark peers get C2 for hot code only too, so that
     * ours and theirs compile alike; the other commands and DuckDB's peer keep the JVM's defaults.
     */
    static List<String> compilers(List<String> arguments) {
        String command = arguments.isEmpty() ? "" : arguments.get(0);
        boolean sparkPeer = command.equals("bench-peer") && arguments.size() > 1
                && arguments.get(1).startsWith("spark-");
        if (sparkPeer || command.equals("ingest") || command.equals("report")) {
            return C2_FOR_HOT_CODE_ONLY;
        }
        if (!command.equals("aggregate") && !command.equals("review")) {
            return List.of();
        }
        String work = option(arguments, "--work", System.getenv().getOrDefault("REVIEW_WORK", "./work"));
        String lake = option(arguments, "--lake", Path.of(work, "lake").toString());
        String input = command.equals("review") ? option(arguments, "--input", null) : "";
        if (lake.contains("://") || input == null || input.contains("://")) {
            return C2_FOR_HOT_CODE_ONLY;
        }
        long read;
        try {
            read = bytesUnder(Path.of(lake)) + (input.isEmpty() ? 0 : bytesUnder(Path.of(input)));
        } catch (IOException | UncheckedIOException unreadable) {
            return C2_FOR_HOT_CODE_ONLY; // a size it cannot measure keeps both compilers, as under the launcher
        }
        long line = command.equals("aggregate") ? SMALL_LAKE_BYTES : SMALL_DATA_BYTES;
        return read < line ? List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m")
                : C2_FOR_HOT_CODE_ONLY;
    }

    private static String option(List<String> arguments, String name, String otherwise) {
        for (int i = 1; i < arguments.size(); i++) {
            if (arguments.get(i).equals(name) && i + 1 < arguments.size()) {
                return arguments.get(i + 1);
            }
            if (arguments.get(i).startsWith(name + "=")) {
                return arguments.get(i).substring(name.length() + 1);
            }
        }
        return otherwise;
    }

    /** The bytes of the files under a folder (or of one file); 0 when it does not exist yet. */
    private static long bytesUnder(Path path) throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        try (var files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    /** VmHWM in bytes, or 0 when the process has gone or /proc is not there. */
    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // the process ended between two reads; its last reading stands
        }
        return 0;
    }
}
