package com.propertyquality.review.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bundled sample (data/sample) run through {@code review} once per test JVM, as the README's quick start runs
 * it; the test classes that read its marts and reports share the work folder instead of running Spark again.
 */
public final class SampleReview {

    public static final Path SAMPLE = Path.of("../data/sample");

    private static Path work;
    private static Cli.Result result;

    private SampleReview() {
    }

    public static synchronized Path work() {
        run();
        return work;
    }

    public static synchronized Cli.Result result() {
        run();
        return result;
    }

    private static void run() {
        if (work != null) {
            return;
        }
        try {
            work = Files.createTempDirectory("sample-review-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        result = Cli.run("review", "--input", SAMPLE.toString(), "--work", work.toString(), "--year", "2025");
    }
}
