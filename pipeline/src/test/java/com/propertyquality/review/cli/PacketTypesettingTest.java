package com.propertyquality.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.support.PdfLines;
import com.propertyquality.review.support.SampleReview;

/**
 * The sample packet's Chinese read back line by line from the PDF: broken by the usual rules, with record ids whole
 * (issue: 20 lines started with closing punctuation, all 293 masked phones the packet printed then lost their last
 * digit; it prints no phone now, and ids are cut the same way).
 */
class PacketTypesettingTest {

    static final String CLOSING = "。，、；：？！）」』】》,.;:?!)";
    static final String OPENING = "（「『【《(";
    /** Record ids (R2025-DG01-0023, FB2024-DG01-0141, CA-2025-007). */
    static final Pattern TOKENS = Pattern.compile("(?<![0-9A-Z*-])(?:[A-Z]{1,2}\\d{4}-[A-Z]{2}\\d{2}"
            + "-\\d{4}|[A-Z]{2}-\\d{4}-\\d{3})(?![0-9A-Z*-])");

    static List<List<String>> pages;

    @BeforeAll
    static void readPacket() throws IOException {
        Path pdf = SampleReview.work().resolve("reports/management-review-2025.pdf");
        pages = PdfLines.of(Files.readAllBytes(pdf));
    }

    @Test
    void noLineStartsWithClosingOrEndsWithOpeningPunctuation() {
        List<String> wrong = new ArrayList<>();
        for (int page = 0; page < pages.size(); page++) {
            for (String line : pages.get(page)) {
                String text = line.strip();
                if (!text.isEmpty() && (CLOSING.indexOf(text.charAt(0)) >= 0
                        || OPENING.indexOf(text.charAt(text.length() - 1)) >= 0)) {
                    wrong.add("p." + (page + 1) + ": " + text);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyRecordIdIsOnOneLine() {
        long whole = 0;
        List<String> broken = new ArrayList<>();
        for (int page = 0; page < pages.size(); page++) {
            List<String> lines = pages.get(page);
            for (int i = 0; i < lines.size(); i++) {
                whole += TOKENS.matcher(lines.get(i)).results().count();
                if (i + 1 < lines.size()) {
                    // A token broken at this line's end is found again across the two lines.
                    String end = lines.get(i);
                    Matcher across = TOKENS.matcher(end + lines.get(i + 1));
                    while (across.find()) {
                        if (across.start() < end.length() && across.end() > end.length()) {
                            broken.add("p." + (page + 1) + ": " + across.group());
                        }
                    }
                }
            }
        }
        assertThat(whole).as("the packet prints record ids").isPositive();
        assertThat(broken).isEmpty();
    }
}
