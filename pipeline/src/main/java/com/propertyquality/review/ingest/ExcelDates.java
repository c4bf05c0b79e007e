package com.propertyquality.review.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Excel's dates, the same for XLSX and XLS: a number cell is a date when its number format shows one, and its
 * value counts days from the workbook's epoch. Both readers turn such a cell into yyyy-MM-dd text.
 */
final class ExcelDates {

    /** Day 0 of the 1900 date system: 1899-12-30 (valid from March 1900 on, past Excel's phantom 1900-02-29). */
    static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    /** Day 0 of the 1904 date system (old Mac workbooks). */
    static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);

    private ExcelDates() {
    }

    /** The date a serial number stands for; the time of day (the fraction) is dropped. */
    static LocalDate date(LocalDate epoch, BigDecimal serial) {
        return epoch.plusDays(serial.longValue());
    }

    static LocalDate date(LocalDate epoch, double serial) {
        return epoch.plusDays((long) Math.floor(serial));
    }

    /**
     * A plain number in a date column of a workbook, as another system's export writes a date without a date
     * format: the date it stands for when it is a serial of five digits before any decimals (1927-05-18 to
     * 2173-10-13), else null. Four digits would be a year and eight a yyyyMMdd number: those stay as written and
     * the row check rejects them.
     */
    static LocalDate serialInDateColumn(LocalDate epoch, String text) {
        int point = text.indexOf('.');
        int digits = point < 0 ? text.length() : point;
        if (digits != 5) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && i != point) {
                return null;
            }
        }
        if (point == text.length() - 1) {
            return null;
        }
        return date(epoch, new BigDecimal(text));
    }

    /**
     * A number format that shows a date: it has y or d outside quoted text, escaped characters (backslash,
     * underscore and asterisk escapes) and colour/locale brackets.
     */
    static boolean isDateFormat(String format) {
        if (format == null) {
            return false;
        }
        String lower = format.toLowerCase(Locale.ROOT);
        boolean quoted = false;
        boolean bracket = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '[') {
                bracket = true;
            } else if (c == ']') {
                bracket = false;
            } else if (!quoted && !bracket && (c == '\\' || c == '_' || c == '*')) {
                i++; // the next character is literal text or padding, not a date part
            } else if (!quoted && !bracket && (c == 'y' || c == 'd' || c == '年' || c == '日')) {
                return true;
            }
        }
        return false;
    }

    /**
     * The built-in formats Excel keeps per locale (27-36 and 50-58) and that a workbook may use without writing
     * them out: in a Chinese Excel these are yyyy"年"m"月", m"月"d"日", yyyy"年"m"月"d"日" and the like (dates) and
     * h"时"mm"分" and the like (times: 32-35, 55 and 56).
     */
    static boolean isLocaleBuiltinDate(int formatIndex) {
        return (formatIndex >= 27 && formatIndex <= 31) || formatIndex == 36
                || (formatIndex >= 50 && formatIndex <= 54) || formatIndex == 57 || formatIndex == 58;
    }
}
