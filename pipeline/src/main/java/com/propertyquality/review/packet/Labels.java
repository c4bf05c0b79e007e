package com.propertyquality.review.packet;

import java.util.Arrays;

import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Row;

/**
 * The few words every chapter of the packet prints the same way (section numbers, yes/no, an office, an empty
 * year), so that the chapters written by different hands read as one document.
 */
final class Labels {

    private static final String NUMERALS = "一二三四五六七八九十";

    private Labels() {}

    /** "（三）标题" in Chinese, "(3) Title" in English: the numbering of a section inside its chapter. */
    static String heading(int number, String chinese, String english, Lang lang) {
        if (lang == Lang.ZH) {
            String numeral = number >= 1 && number <= NUMERALS.length()
                    ? NUMERALS.substring(number - 1, number) : Integer.toString(number);
            return "（" + numeral + "）" + chinese;
        }
        return "(" + number + ") " + english;
    }

    /**
     * A row that is shaded when {@code highlighted}. {@code Row.of(boolean, Object...)} cannot be called with a
     * boolean expression: javac finds it ambiguous with {@code Row.of(Object...)}.
     */
    static Row row(boolean highlighted, Object... cells) {
        return new Row(Arrays.asList(cells), highlighted);
    }

    /** 是 / 否; null (not known) stays null and prints "—". */
    static String yesNo(Boolean value, Lang lang) {
        return value == null ? null : value ? lang.pick("是", "Yes") : lang.pick("否", "No");
    }

    /** The office as the mart names it; its id when the register has no name for it. */
    static String office(MartRow row) {
        String name = row.text("office_name");
        return name != null ? name : row.text("office_id");
    }

    /** The company-wide line or scope (全公司). */
    static String company(Lang lang) {
        return lang.pick("全公司", "Company");
    }

    /** A year without any row for a table. */
    static String noRecords(int year, Lang lang) {
        return lang.pick(year + " 年度无记录。", "No records for " + year + ".");
    }
}
