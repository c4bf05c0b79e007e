package com.propertyquality.review.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.propertyquality.review.ReviewApplication;
import com.propertyquality.review.support.ChildJvm;

/**
 * {@code ingest} in a real second JVM, as a user starts it, with the test JVM's classpath: killed with kill -9,
 * paused and resumed with SIGSTOP and SIGCONT, or left to finish, while the test looks on.
 */
final class ChildIngest implements AutoCloseable {

    private final Process process;
    private final Path work;
    private final Path log;

    private ChildIngest(Process process, Path work, Path log) {
        this.process = process;
        this.work = work;
        this.log = log;
    }

    /** @param environment added to the child's environment: the job repository's SPRING_DATASOURCE_* settings */
    static ChildIngest start(Path input, Path work, Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.java(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), ReviewApplication.class.getName(), "ingest",
                "--input", input.toString(), "--work", work.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new ChildIngest(builder.start(), work, log);
    }

    /** A survey-responses file of {@code rows} forms of offices A01, B02 and C03 in 2025. */
    static void writeResponses(Path file, int rows) throws IOException {
        String[] offices = {"A01", "B02", "C03"};
        String[] ratings = {"very_satisfied", "satisfied", "fairly_satisfied", "dissatisfied", ""};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("response_id,office_id,year,returned_on,environment,greening,maintenance,comment\n");
            for (int i = 0; i < rows; i++) {
                out.write("R" + i + "," + offices[i % 3] + ",2025,2025-06-" + String.format("%02d", i % 28 + 1)
                        + "," + ratings[i % 5] + "," + ratings[(i / 5) % 5] + "," + ratings[(i / 25) % 5]
                        + ",第" + i + "份\n");
            }
        }
    }

    /** Waits until the child has staged rows of its file number {@code fileIndex}: it is in the middle of it. */
    void awaitStagedRows(int fileIndex) throws Exception {
        Path staging = work.resolve("staging");
        String folder = String.format("/files/%04d/", fileIndex);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (hasStagedRows(staging, folder)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the second JVM never staged file " + fileIndex + "; it "
                + (process.isAlive() ? "is still starting" : "ended with " + process.exitValue()) + ":\n" + output());
    }

    private static boolean hasStagedRows(Path staging, String folder) throws IOException {
        if (!Files.isDirectory(staging)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            return files.anyMatch(p -> p.toString().contains(folder) && Files.isRegularFile(p));
        } catch (java.io.UncheckedIOException e) {
            return false; // the other JVM removed a folder while we looked: look again
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hooks, no cleanup, its connections cut; returns its exit status. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the killed JVM did not end");
        }
        return process.exitValue();
    }

    /** SIGSTOP: the child stands still in the middle of its run, holding whatever it holds. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: it goes on where it stood. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** Waits for the child to end on its own; returns its exit status. */
    int waitFor(long seconds) throws InterruptedException, IOException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the second JVM did not finish in " + seconds + " s:\n" + output());
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.isRegularFile(log) ? Files.readString(log) : "";
    }

    /** A child the test left running (it failed half-way) is resumed and killed, never left behind. */
    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            resume();
            kill();
        }
    }
}
