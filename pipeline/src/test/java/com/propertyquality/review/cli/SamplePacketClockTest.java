package com.propertyquality.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.SampleReview;

/**
 * The sample's 2025 packet is the same text whatever day it is built on: once on today's clock (the shared sample
 * review of this JVM), once with the application's clock ({@code review.clock}) 400 days later. A review is signed
 * on figures judged at the year's cut-off (31 December 2025), never at the day of the run. That no code reads the
 * time behind the clock's back is {@link NoWallClockTest}'s job.
 */
class SamplePacketClockTest {

    private static final String PACKET = "reports/management-review-2025.pdf";

    @TempDir
    Path later;

    @Test
    void thePacketReadsTheSameTodayAndAYearFromNow() throws Exception {
        Path today = SampleReview.work();
        assertThat(SampleReview.result().status()).as(SampleReview.result().out()).isZero();

        Instant shifted = Instant.now().plus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Cli.Result result;
        System.setProperty("review.clock", shifted.toString());
        try {
            result = Cli.run("review", "--input", SampleReview.SAMPLE.toString(), "--work", later.toString(),
                    "--year", "2025");
        } finally {
            System.clearProperty("review.clock");
        }
        assertThat(result.status()).as(result.out() + result.err()).isZero();
        // the second run really ran on the later clock: its run id carries the day
        LocalDate shiftedDay = LocalDate.ofInstant(shifted, ZoneId.systemDefault());
        assertThat(runIds(later)).singleElement().asString()
                .startsWith(shiftedDay.toString().replace("-", ""));

        List<String> now = pageTexts(today.resolve(PACKET));
        List<String> then = pageTexts(later.resolve(PACKET));
        assertThat(then).hasSameSizeAs(now);
        // the last pages, 数据来源, record when and by which run each table was loaded: the one place a run's
        // moment belongs. Every figure before them reads the same; on them, the same input files and checksums.
        int sources = firstPageOf(now, "数据来源");
        assertThat(firstPageOf(then, "数据来源")).isEqualTo(sources);
        for (int page = 0; page < sources; page++) {
            assertThat(then.get(page)).as("page %d", page + 1).isEqualTo(now.get(page));
        }
        assertThat(fileChecksums(then.subList(sources, then.size())))
                .isEqualTo(fileChecksums(now.subList(sources, now.size()))).isNotEmpty();
        assertThat(now.get(0)).contains("数据截至 2025-12-31");
        String all = String.join("\n", now.subList(0, sources));
        assertThat(all).doesNotContain(LocalDate.now().toString()).doesNotContain(shiftedDay.toString());
    }

    /** Where the last pages begin that all carry the heading (a chapter repeats its title on each page). */
    private static int firstPageOf(List<String> pages, String heading) {
        for (int page = pages.size() - 1; page >= 0; page--) {
            if (!pages.get(page).contains(heading)) {
                return page + 1;
            }
        }
        return 0;
    }

    /** The SHA-256 checksums the pages print, in order. */
    private static List<String> fileChecksums(List<String> pages) {
        List<String> sums = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("[0-9a-f]{64}")
                .matcher(String.join("\n", pages).replaceAll("\\s+", ""));
        while (matcher.find()) {
            sums.add(matcher.group());
        }
        return sums;
    }

    private static List<String> runIds(Path work) throws IOException {
        try (var runs = Files.list(work.resolve("runs"))) {
            return runs.filter(Files::isDirectory).map(path -> path.getFileName().toString()).toList();
        }
    }

    /** The text of every page of a PDF, page by page (PDFBox's stripper). */
    static List<String> pageTexts(Path pdf) throws IOException {
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
