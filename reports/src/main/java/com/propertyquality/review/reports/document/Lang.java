package com.propertyquality.review.reports.document;

import java.util.Locale;

/** The language a report is written in. Chinese is the procedures' language and the default. */
public enum Lang {
    ZH(Locale.SIMPLIFIED_CHINESE, "zh-CN"),
    EN(Locale.UK, "en-GB");

    private final Locale locale;
    private final String tag;

    Lang(Locale locale, String tag) {
        this.locale = locale;
        this.tag = tag;
    }

    /** The text in this language; both are written side by side where the label is used. */
    public String pick(String chinese, String english) {
        return this == ZH ? chinese : english;
    }

    public Locale locale() {
        return locale;
    }

    /** The BCP 47 tag written into PDF and HTML metadata. */
    public String tag() {
        return tag;
    }
}
