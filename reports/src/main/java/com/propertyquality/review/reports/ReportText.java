package com.propertyquality.review.reports;

import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Messages;

/**
 * The renderer's own words (contents, page numbers, data-sheet index, charts' alternative text), in
 * {@code messages_zh.properties} and {@code messages_en.properties} beside this class; the chapters' words are the
 * pipeline's.
 */
final class ReportText {

    static final Messages MESSAGES = new Messages("com.propertyquality.review.reports.messages");

    private ReportText() {}

    static String text(Lang lang, String key, Object... args) {
        return MESSAGES.get(lang, key, args);
    }
}
