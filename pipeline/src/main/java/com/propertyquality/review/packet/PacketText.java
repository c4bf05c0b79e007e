package com.propertyquality.review.packet;

import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Messages;

/**
 * The packet's words: every label, heading and sentence the chapters print, in {@code messages_zh.properties} and
 * {@code messages_en.properties} beside this class. Column headers share one catalogue ({@code column.*} keys):
 * the same header reads the same in every table. Names and recorded text (offices, people, what a customer wrote)
 * come from the data and are printed as recorded.
 */
public final class PacketText {

    /** The bundles' base name. */
    public static final String BUNDLE = "com.propertyquality.review.packet.messages";

    static final Messages MESSAGES = new Messages(BUNDLE);

    private PacketText() {}

    /** The message {@code key} in {@code lang}, {@code {0}}, {@code {1}}… replaced by {@code args}. */
    public static String text(Lang lang, String key, Object... args) {
        return MESSAGES.get(lang, key, args);
    }
}
