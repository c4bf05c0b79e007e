package com.propertyquality.review.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.reports.document.Lang;

/** The renderer's two bundles: the same keys and placeholders, no Chinese in English, each key used and known. */
class ReportTextTest {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    static final Pattern CHINESE = Pattern.compile("[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]");
    static final Pattern USED = Pattern.compile("ReportText\\.text\\(\\s*\\w+,\\s*\"([^\"]+)\"");

    @Test
    void bothBundlesAgree() {
        Set<String> keys = ReportText.MESSAGES.keys(Lang.ZH);
        assertThat(ReportText.MESSAGES.keys(Lang.EN)).containsExactlyInAnyOrderElementsOf(keys);
        for (String key : keys) {
            assertThat(placeholders(ReportText.MESSAGES.pattern(Lang.EN, key)))
                    .as(key).isEqualTo(placeholders(ReportText.MESSAGES.pattern(Lang.ZH, key)));
            assertThat(CHINESE.matcher(ReportText.MESSAGES.pattern(Lang.EN, key)).find()).as(key).isFalse();
        }
    }

    @Test
    void everyKeyTheCodeWritesIsInTheBundlesAndEveryMessageIsWritten() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/com/propertyquality/review/reports"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                USED.matcher(Files.readString(file)).results().forEach(found -> used.add(found.group(1)));
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(ReportText.MESSAGES.keys(Lang.ZH)).containsExactlyInAnyOrderElementsOf(used);
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        PLACEHOLDER.matcher(pattern).results().forEach(result -> found.add(result.group()));
        return found;
    }
}
