package com.propertyquality.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Figures never depend on the day of the run: no main code reads the time of day except through the application's
 * one {@code Clock} ({@code config/ReviewClock}), and that clock only names runs. Durations ({@code nanoTime}) are
 * fine. A call such as {@code LocalDate.now()} anywhere else fails this test with its file and line.
 */
class NoWallClockTest {

    /** Reading the wall clock directly; {@code now(clock)} with an argument is the allowed form. */
    private static final Pattern WALL_CLOCK = Pattern.compile(
            "\\b(LocalDate|LocalDateTime|LocalTime|Instant|ZonedDateTime|OffsetDateTime|Year|YearMonth|MonthDay)"
                    + "\\.now\\(\\s*\\)|System\\.currentTimeMillis\\(|new (java\\.util\\.)?Date\\(\\s*\\)"
                    + "|Clock\\.system(DefaultZone|UTC)?\\(|Calendar\\.getInstance\\(");

    /** The one place the system clock is taken. */
    private static final Set<String> ALLOWED = Set.of("config/ReviewClock.java");

    @Test
    void noMainCodeReadsTheClockBehindTheApplicationsClock() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../reports/src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String relative = file.toString().replace('\\', '/');
                    if (ALLOWED.stream().anyMatch(relative::endsWith)) {
                        continue;
                    }
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        if (WALL_CLOCK.matcher(lines.get(i)).find()) {
                            found.add(relative + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertThat(found).as("main code reading the wall clock").isEmpty();
    }

    @Test
    void thePatternCatchesTheFormsItIsMeantToCatch() {
        assertThat(WALL_CLOCK.matcher("LocalDate today = LocalDate.now();").find()).isTrue();
        assertThat(WALL_CLOCK.matcher("long t = System.currentTimeMillis();").find()).isTrue();
        assertThat(WALL_CLOCK.matcher("Instant.now( )").find()).isTrue();
        assertThat(WALL_CLOCK.matcher("LocalDateTime.now(clock)").find()).isFalse();
        assertThat(WALL_CLOCK.matcher("long t = System.nanoTime();").find()).isFalse();
    }
}
