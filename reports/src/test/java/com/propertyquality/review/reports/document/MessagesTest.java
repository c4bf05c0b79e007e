package com.propertyquality.review.reports.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class MessagesTest {

    static final Messages MESSAGES = new Messages("com.propertyquality.review.reports.document.test_messages");

    @Test
    void aMessageInEachLanguageWithItsArgumentsAsWritten() {
        assertThat(MESSAGES.get(Lang.ZH, "greeting", "华侨城")).isEqualTo("你好，华侨城");
        assertThat(MESSAGES.get(Lang.EN, "greeting", 60.5)).isEqualTo("Hello, 60.5");
        assertThat(MESSAGES.get(Lang.EN, "repeat", "x")).isEqualTo("x and x");
    }

    @Test
    void anApostropheIsPrintedAsWrittenAndNoArgumentIsReadAsAPattern() {
        // MessageFormat would drop the apostrophe and read {1} in an argument as a placeholder
        assertThat(MESSAGES.get(Lang.EN, "apostrophe", "{1} $1")).isEqualTo("The office's return rate {1} $1");
        assertThat(MESSAGES.get(Lang.EN, "greeting", (Object) null)).isEqualTo("Hello, null");
    }

    @Test
    void aMissingKeyOrArgumentFailsNamingIt() {
        assertThatThrownBy(() -> MESSAGES.get(Lang.EN, "no.such.key"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no.such.key")
                .hasMessageContaining("en-GB");
        assertThatThrownBy(() -> MESSAGES.get(Lang.ZH, "greeting", new Object[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MESSAGES.get(Lang.ZH, "repeat"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{0}");
    }

    @Test
    void englishNeverFallsBackToChineseNorToTheMachinesLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            Messages messages = new Messages("com.propertyquality.review.reports.document.test_messages");
            assertThat(messages.get(Lang.EN, "greeting", "A")).isEqualTo("Hello, A");
            assertThat(messages.has(Lang.EN, "only.zh")).isFalse();
            assertThatThrownBy(() -> messages.get(Lang.EN, "only.zh")).isInstanceOf(IllegalArgumentException.class);
        } finally {
            Locale.setDefault(before);
        }
    }
}
