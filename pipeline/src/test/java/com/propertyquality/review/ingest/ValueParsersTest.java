package com.propertyquality.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueParsersTest {

    @ParameterizedTest
    @CsvSource({
            "2025-06-03, 2025-06-03",
            "2025/6/3, 2025-06-03",
            "2025/06/03, 2025-06-03",
            "2025/12/31, 2025-12-31",
            "2025年6月3日, 2025-06-03",
            "2025年06月03日, 2025-06-03",
            "2025年12月31日, 2025-12-31",
            "2024-02-29, 2024-02-29",
            "2024/2/29, 2024-02-29"})
    void acceptedDateForms(String text, LocalDate expected) {
        assertThat(ValueParsers.date(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2025-6-3",      // the ISO form must be written in full
            "2025-06-3",
            "2025-6-03",
            "2025-06-31",    // June has 30 days
            "2025-02-29",    // 2025 is no leap year
            "2025/2/29",
            "2025年2月29日",
            "2025-13-01",
            "2025/0/10",
            "2025-06-00",
            "25-06-03",
            "2025.06.03",
            "2025年6月3",     // no 日
            "2025年6-3日",
            "2025/6-3",
            "2025/06/031",
            "2025-06-03T10",
            "20250603",
            "",
            " ",
            "   2025-06-03",
            "abcd-ef-gh"})
    void rejectedDateForms(String text) {
        assertThat(ValueParsers.date(text)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "42, 42", "-3, -3", "+7, 7", "007, 7", "2147483648, 2147483648",
            "999999999999999999, 999999999999999999"})
    void acceptedIntegers(String text, long expected) {
        assertThat(ValueParsers.integer(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.0", "1,000", "", "abc", "12a", "-", "+", "1 000", "1e3",
            "1234567890123456789"}) // 19 digits could overflow a long
    void rejectedIntegers(String text) {
        assertThat(ValueParsers.integer(text)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"12.50, 12.50", "0, 0", "3, 3", "0.01, 0.01", "1234567.8, 1234567.8"})
    void acceptedMoney(String text, BigDecimal expected) {
        assertThat(ValueParsers.money(text)).isEqualByComparingTo(expected);
        assertThat(ValueParsers.money(text).scale()).isLessThanOrEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.234", "0.001", "abc", "", "12,50", "¥12.50"})
    void rejectedMoney(String text) {
        assertThat(ValueParsers.money(text)).isNull();
    }
}
