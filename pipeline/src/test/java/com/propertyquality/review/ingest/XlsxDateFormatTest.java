package com.propertyquality.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link XlsxRowSource#isDateFormat}: which number formats turn a number cell into a yyyy-MM-dd date. */
class XlsxDateFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "yyyy-mm-dd",
            "m/d/yy",
            "mm-dd-yy",
            "d-mmm-yy",
            "YYYY/M/D",
            "yyyy\"年\"m\"月\"d\"日\"",
            "[$-804]yyyy年m月d日",
            "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"",
            "m\"月\"d\"日\"",
            "yyyy-mm-dd h:mm:ss",
            "[$-F800]dddd, mmmm dd, yyyy"})
    void dateFormatsAreDates(String format) {
        assertThat(XlsxRowSource.isDateFormat(format)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "General",
            "0.00",
            "#,##0",
            "#,##0.00_);[Red](#,##0.00)",
            "[Red]0.00",        // the d of "Red" is inside a colour bracket
            "\"day\"0",         // quoted text is not a date part
            "0\" days\"",
            "[$¥-804]#,##0.00",
            "@",
            "h:mm:ss",
            "[h]:mm",
            ""})
    void otherFormatsAreNotDates(String format) {
        assertThat(XlsxRowSource.isDateFormat(format)).isFalse();
    }

    @Test
    void noFormatIsNotADate() {
        assertThat(XlsxRowSource.isDateFormat(null)).isFalse();
    }

    @Test
    void quotedChineseDateWordsAloneDoNotMakeADate() {
        // only the quoted 年/日 literals, no y or d code: a number shown with a unit
        assertThat(XlsxRowSource.isDateFormat("0\"年\"")).isFalse();
        assertThat(XlsxRowSource.isDateFormat("0\"日\"")).isFalse();
    }

    @Test
    void bracketSectionEndsAtItsClosingBracket() {
        assertThat(XlsxRowSource.isDateFormat("[Red]d")).isTrue();
        assertThat(XlsxRowSource.isDateFormat("[Red]\"d\"0")).isFalse();
    }

    @Test
    void backslashEscapedLiteralIsNotADatePart() {
        // in Excel a backslash makes the next character literal text, exactly like quoting it: 0\日 shows "5日"
        assertThat(XlsxRowSource.isDateFormat("0\\日")).isFalse();
        assertThat(XlsxRowSource.isDateFormat("0\\d")).isFalse();
        assertThat(XlsxRowSource.isDateFormat("#,##0\\ \\d\\a\\y\\s")).isFalse();
    }
}
