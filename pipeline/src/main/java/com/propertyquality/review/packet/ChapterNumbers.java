package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.ArrayList;
import java.util.List;

import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Lang;

/**
 * The numbering of chapters and sections as the procedures write it: chapters 一、二、… 十一、 in Chinese, 1. 2. … in
 * English; sections inside a chapter （一）（二）… in Chinese, (1) (2) … in English. Both come from position when the
 * document is assembled ({@link #numbered}), never from the chapter's code.
 */
final class ChapterNumbers {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChapterNumbers() {}

    /** The prefix of the n-th chapter, counted from 1: "一、" or "1. ". */
    static String of(int n, Lang lang) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("chapter number out of range: " + n);
        }
        return text(lang, "number.chapter", numeral(n, lang));
    }

    /** The prefix of the n-th numbered section of a chapter, counted from 1: "（一）" or "(1) ". */
    static String section(int n, Lang lang) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("section number out of range: " + n);
        }
        return text(lang, "number.section", numeral(n, lang));
    }

    /** Chinese numerals in Chinese (the procedures' 一、二、), digits in English. */
    private static String numeral(int n, Lang lang) {
        return lang == Lang.ZH ? chinese(n) : String.valueOf(n);
    }

    /** The chapters numbered by their position, and each one's numbered sections by theirs. */
    static List<Chapter> numbered(List<Chapter> chapters, Lang lang) {
        List<Chapter> out = new ArrayList<>();
        for (int i = 0; i < chapters.size(); i++) {
            out.add(chapters.get(i).withNumbers(of(i + 1, lang), n -> section(n, lang)));
        }
        return out;
    }

    static String chinese(int n) {
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        String tens = n / 10 == 1 ? "十" : DIGITS.charAt(n / 10) + "十";
        return n % 10 == 0 ? tens : tens + DIGITS.charAt(n % 10);
    }
}
