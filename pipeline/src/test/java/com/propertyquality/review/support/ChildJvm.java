package com.propertyquality.review.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM a test starts (a Spark master, a worker, a driver), its output in a log file. Closing it stops it and every
 * process it started (a worker's executors), even when the test failed.
 */
public final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    /** Kills the tree should this JVM end without closing it (a build interrupted mid-test). */
    private final Thread killOnExit;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.killOnExit = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** The java of the running JVM, so every child runs on the same Java. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Starts {@code java <arguments>} with these variables added to (or, for a null value, removed from) this
     * JVM's environment.
     */
    public static ChildJvm start(String name, List<String> arguments, Map<String, String> environment, Path log) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        environment.forEach((variable, value) -> {
            if (value == null) {
                builder.environment().remove(variable);
            } else {
                builder.environment().put(variable, value);
            }
        });
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            return new ChildJvm(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** Waits until the log holds {@code text}; fails with the log when the JVM ends or the time is up first. */
    public void awaitLog(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended with " + process.exitValue() + " before logging \"" + text
                        + "\":\n" + log());
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not log \"" + text + "\" within " + timeout + ":\n" + log());
    }

    /** Waits for the JVM to end and returns its exit status; stops it and fails with the log when it takes too long. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new AssertionError(name + " did not finish within " + timeout + ":\n" + log());
        }
        return process.exitValue();
    }

    /** Everything the JVM has printed so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Stops the JVM politely first (its shutdown hooks stop what it started: a worker kills its executors), then
     * kills whatever of its process tree is left.
     */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList(); // before the parent goes and they are orphaned
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : tree) {
            child.destroyForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing left for it to do
        }
    }
}
