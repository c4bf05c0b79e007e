package com.propertyquality.review.packet;

import com.propertyquality.review.reports.document.Lang;

/** The numbering of chapters as the procedures write it: 一、二、… 十一、 in Chinese, 1. 2. … in English. */
final class ChapterNumbers {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChapterNumbers() {}

    /** The prefix of the n-th chapter, counted from 1: "一、" or "1. ". */
    static String of(int n, Lang lang) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("chapter number out of range: " + n);
        }
        return lang == Lang.ZH ? chinese(n) + "、" : n + ". ";
    }

    static String chinese(int n) {
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        String tens = n / 10 == 1 ? "十" : DIGITS.charAt(n / 10) + "十";
        return n % 10 == 0 ? tens : tens + DIGITS.charAt(n % 10);
    }
}
