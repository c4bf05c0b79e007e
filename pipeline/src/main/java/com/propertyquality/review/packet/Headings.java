package com.propertyquality.review.packet;

import com.propertyquality.review.reports.document.Lang;

/**
 * Section headings inside a chapter, numbered as the packet's Chinese documents are ("（一）", "（二）"…; "1.", "2."…
 * in English). Chapters are numbered by the assembler, not here.
 */
final class Headings {

    private static final String[] CHINESE_NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private Headings() {}

    static String numbered(Lang lang, int number, String chinese, String english) {
        if (lang == Lang.EN) {
            return number + ". " + english;
        }
        String digit = number >= 1 && number <= CHINESE_NUMBERS.length
                ? CHINESE_NUMBERS[number - 1] : Integer.toString(number);
        return "（" + digit + "）" + chinese;
    }
}
