package com.propertyquality.review.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.metrics.CustomerValue;
import com.propertyquality.review.metrics.HouseholdProfile;
import com.propertyquality.review.metrics.SurveyReturnRate;
import com.propertyquality.review.reports.document.Lang;

/** The packet's two bundles say the same things: same keys, same placeholders, English in English, all used. */
class PacketTextTest {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    /** A key written in the code: text(lang, "key" … */
    static final Pattern USED = Pattern.compile("text\\(\\s*\\w+,\\s*\"([^\"]+)\"");
    /** Any string that reads like a key ("common.met" chosen by a condition, then printed). */
    static final Pattern KEY_LIKE = Pattern.compile("\"([a-zA-Z]+(?:\\.[a-zA-Z0-9_]+)+)\"");
    static final Path SOURCES = Path.of("src/main/java/com/propertyquality/review/packet");
    /** Keys the code builds from a code or a number ({@link ReviewTerms#key}, the months). */
    static final List<String> BUILT = List.of("term.", "reviewTerms.month.");

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() {
        Set<String> zh = PacketText.MESSAGES.keys(Lang.ZH);
        assertThat(PacketText.MESSAGES.keys(Lang.EN)).containsExactlyInAnyOrderElementsOf(zh);
        for (String key : zh) {
            Set<String> inZh = placeholders(PacketText.MESSAGES.pattern(Lang.ZH, key));
            assertThat(placeholders(PacketText.MESSAGES.pattern(Lang.EN, key))).as(key).isEqualTo(inZh);
            for (int i = 0; i < inZh.size(); i++) {
                assertThat(inZh).as(key + ": placeholders numbered from 0 without a gap").contains("{" + i + "}");
            }
        }
    }

    @Test
    void theEnglishBundleHoldsNoChinese() {
        for (String key : PacketText.MESSAGES.keys(Lang.EN)) {
            assertThat(DocumentText.CHINESE.matcher(PacketText.MESSAGES.pattern(Lang.EN, key)).find())
                    .as(key + " in English").isFalse();
        }
    }

    @Test
    void everyKeyTheCodeWritesExistsAndEveryMessageIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        Set<String> mentioned = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                USED.matcher(code).results().forEach(key -> used.add(key.group(1)));
                KEY_LIKE.matcher(code).results().forEach(key -> mentioned.add(key.group(1)));
            }
        }
        assertThat(used).as("keys in the code").hasSizeGreaterThan(100);
        // a key the code completes ("reviewTerms.month." + month) is checked by the terms' tests
        List<String> missing = used.stream().filter(key -> !key.endsWith("."))
                .filter(key -> !PacketText.MESSAGES.has(Lang.ZH, key)).toList();
        assertThat(missing).as("keys the code writes that the bundles lack").isEmpty();
        List<String> unused = new ArrayList<>();
        for (String key : PacketText.MESSAGES.keys(Lang.ZH)) {
            if (!used.contains(key) && !mentioned.contains(key) && BUILT.stream().noneMatch(key::startsWith)) {
                unused.add(key);
            }
        }
        assertThat(unused).as("messages no code prints").isEmpty();
    }

    @Test
    void everyCodeTheMartsWriteHasItsTermInBothLanguages() {
        List<String> keys = new ArrayList<>();
        CustomerValue.segments().forEach(code -> keys.add(ReviewTerms.key(ReviewTerms.VALUE_SEGMENT, code)));
        HouseholdProfile.AGE_BANDS_IN_ORDER.forEach(code -> keys.add(ReviewTerms.key(ReviewTerms.PROFILE_SEGMENT, code)));
        Stream.of("three_generations", "with_children", "with_elderly", "single", "couple", "other",
                HouseholdProfile.UNKNOWN).forEach(code -> keys.add(ReviewTerms.key(ReviewTerms.PROFILE_SEGMENT, code)));
        Stream.of(ReviewMarts.MAJOR_COMPLAINT, ReviewMarts.SERIOUS_NONCONFORMITY)
                .forEach(code -> keys.add(ReviewTerms.key(ReviewTerms.TRIGGER, code)));
        Stream.of(ReviewMarts.REVIEW_OVERDUE, ReviewMarts.RETURN_RATE_BELOW_THRESHOLD, ReviewMarts.SATISFACTION_DROP,
                ReviewMarts.ACTION_NOT_EFFECTIVE, ReviewMarts.INSPECTION_NONCONFORMITIES, ReviewMarts.OTHER_EVENT)
                .forEach(code -> keys.add(ReviewTerms.key(ReviewTerms.ATTENTION_ITEM, code)));
        Stream.of("survey_dissatisfied", "paid_service_dissatisfied", "complaint_followup_dissatisfied")
                .forEach(code -> keys.add(ReviewTerms.key(ReviewTerms.FOLLOW_UP_REASON, code)));
        "abcdefg".chars().forEach(c -> keys.add(ReviewTerms.key(ReviewTerms.CLAUSE, String.valueOf((char) c))));
        for (String key : keys) {
            assertThat(PacketText.MESSAGES.has(Lang.ZH, key) && PacketText.MESSAGES.has(Lang.EN, key)).as(key).isTrue();
        }
    }

    @Test
    void theCustomerCategoriesReadAsTheTemplateNamesThem() {
        // the bundle repeats the code list's Chinese names so that one lookup serves both languages; held equal here
        for (String code : "ABCDEFGHI".split("")) {
            assertThat(ReviewTerms.category(code, Lang.ZH))
                    .isEqualTo(code + " " + ImportTemplates.CUSTOMER_CATEGORIES.chinese(code));
            assertThat(ReviewTerms.category(code, Lang.EN)).startsWith(code + " ").doesNotContain("term.");
        }
        assertThat(ReviewTerms.category("Z", Lang.EN)).isEqualTo("Z");
        for (String anomaly : List.of(SurveyReturnRate.NO_DISTRIBUTION_RECORD, SurveyReturnRate.RETURNED_EXCEEDS_DISTRIBUTED)) {
            assertThat(ReviewTerms.returnAnomaly(anomaly, Lang.ZH)).isEqualTo(SurveyReturnRate.anomalyChinese(anomaly));
            assertThat(ReviewTerms.returnAnomaly(anomaly, Lang.EN)).doesNotContain("term.").isNotEqualTo(anomaly);
        }
        assertThat(ReviewTerms.returnAnomaly("odd_code", Lang.ZH)).isEqualTo("odd_code");
        assertThat(ReviewTerms.attentionItem(ReviewMarts.SATISFACTION_DROP, Lang.EN)).doesNotContain("{");
        assertThat(ReviewTerms.month(3, Lang.ZH)).isEqualTo("3月");
        assertThat(ReviewTerms.month(3, Lang.EN)).isEqualTo("Mar");
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        PLACEHOLDER.matcher(pattern).results().forEach(result -> found.add(result.group()));
        return found;
    }
}
