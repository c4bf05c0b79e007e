package com.propertyquality.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** {@link ExcelDates}: which plain numbers in a workbook's date column are serial dates, and what day they are. */
class ExcelDatesTest {

    @Test
    void aFiveDigitSerialIsTheDayItCountsFromTheEpoch() {
        // 2025-06-03 is 45,811 days after 1899-12-30; in the 1904 system the same number is 2029-06-04
        assertThat(ExcelDates.serialInDateColumn(ExcelDates.EPOCH_1900, "45811")).isEqualTo(LocalDate.of(2025, 6, 3));
        assertThat(ExcelDates.serialInDateColumn(ExcelDates.EPOCH_1904, "45811")).isEqualTo(LocalDate.of(2029, 6, 4));
        assertThat(ExcelDates.serialInDateColumn(ExcelDates.EPOCH_1900, "45811.75"))
                .as("the time of day is dropped").isEqualTo(LocalDate.of(2025, 6, 3));
        assertThat(ExcelDates.serialInDateColumn(ExcelDates.EPOCH_1900, "10000")).isEqualTo(LocalDate.of(1927, 5, 18));
        assertThat(ExcelDates.serialInDateColumn(ExcelDates.EPOCH_1900, "99999")).isEqualTo(LocalDate.of(2173, 10, 13));
    }

    @Test
    void yearsDateNumbersAndTextAreNotSerials() {
        for (String text : new String[] {"2025", "9999", "20250603", "100000", "4581a", "45811.", "-4581", "4.5811",
                "2025-06-03", ""}) {
            assertThat(ExcelDates.serialInDateColumn(ExcelDates.EPOCH_1900, text)).as(text).isNull();
        }
    }

    @Test
    void theChineseBuiltinDateFormatsAreDatesAndTheTimeOnesAreNot() {
        for (int index : new int[] {27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58}) {
            assertThat(ExcelDates.isLocaleBuiltinDate(index)).as("format %d", index).isTrue();
        }
        for (int index : new int[] {0, 14, 26, 32, 33, 34, 35, 37, 49, 55, 56, 59}) {
            assertThat(ExcelDates.isLocaleBuiltinDate(index)).as("format %d", index).isFalse();
        }
    }
}
