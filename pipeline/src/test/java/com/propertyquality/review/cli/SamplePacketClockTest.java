package com.propertyquality.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.ReviewApplication;
import com.propertyquality.review.support.ChildJvm;
import com.propertyquality.review.support.SampleReview;

/**
 * The sample's 2025 packet is the same text whatever day it is built on: once in this JVM on today's clock (the
 * shared sample review), once in a second JVM whose clock libfaketime sets 400 days later. A review is signed on
 * figures judged at the year's cut-off (31 December 2025), never at the day of the run.
 *
 * <p>Needs {@code faketime} (Debian package {@code faketime}); {@code .ci/run} installs it and sets
 * {@code REVIEW_TEST_FAKETIME_REQUIRED=true}, so on CI the test runs and never skips.
 */
class SamplePacketClockTest {

    private static final String PACKET = "reports/management-review-2025.pdf";

    @TempDir
    Path later;

    @Test
    void thePacketReadsTheSameTodayAndAYearFromNow() throws Exception {
        boolean required = Boolean.parseBoolean(System.getenv("REVIEW_TEST_FAKETIME_REQUIRED"));
        boolean available = onPath("faketime");
        if (!available) {
            assertThat(required).as("faketime is required (REVIEW_TEST_FAKETIME_REQUIRED) but not on the PATH")
                    .isFalse();
            Assumptions.abort("faketime is not installed (apt-get install faketime): the clock test is skipped");
        }
        Path today = SampleReview.work();
        assertThat(SampleReview.result().status()).as(SampleReview.result().out()).isZero();

        Path log = later.resolve("review.log");
        List<String> command = new ArrayList<>(List.of("faketime", "-f", "+400d", ChildJvm.java(), "-Xmx1g"));
        command.addAll(sparkFlags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ReviewApplication.class.getName(),
                "review", "--input", SampleReview.SAMPLE.toString(), "--work", later.resolve("work").toString(),
                "--year", "2025"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // the JVM's timers keep the real monotonic clock; only the wall clock moves
        builder.environment().put("FAKETIME_DONT_FAKE_MONOTONIC", "1");
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("review under faketime did not finish:\n" + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        // the second JVM's clock really was a year and more ahead: its run id carries its date
        LocalDate shifted = LocalDate.now().plusDays(400);
        assertThat(runIds(later.resolve("work"))).as("run ids under faketime").isNotEmpty()
                .allMatch(id -> LocalDate.parse(id.substring(0, 8), java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                        .isAfter(LocalDate.now().plusDays(360)));

        List<String> now = pageTexts(today.resolve(PACKET));
        List<String> then = pageTexts(later.resolve("work").resolve(PACKET));
        assertThat(then).hasSameSizeAs(now);
        for (int page = 0; page < now.size(); page++) {
            assertThat(then.get(page)).as("page %d", page + 1).isEqualTo(now.get(page));
        }
        assertThat(now.get(0)).contains("数据截至 2025-12-31");
        String all = String.join("\n", now);
        assertThat(all).doesNotContain(LocalDate.now().toString()).doesNotContain(shifted.toString());
    }

    private static List<String> runIds(Path work) throws IOException {
        try (var runs = Files.list(work.resolve("runs"))) {
            return runs.filter(Files::isDirectory).map(path -> path.getFileName().toString()).toList();
        }
    }

    /** Spark's module opens, as this JVM was started with them (the parent POM's spark.jvm.flags). */
    private static List<String> sparkFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> flag.startsWith("--add-opens") || flag.startsWith("--add-modules")
                        || flag.startsWith("-XX:+IgnoreUnrecognizedVMOptions") || flag.startsWith("-Djdk.reflect")
                        || flag.startsWith("-Dio.netty"))
                .toList();
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> pageTexts(Path pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
        }
        return pages;
    }
}
