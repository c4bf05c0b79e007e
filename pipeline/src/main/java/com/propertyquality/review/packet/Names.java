package com.propertyquality.review.packet;

import java.util.Locale;

import com.propertyquality.review.contract.CodeList;
import com.propertyquality.review.metrics.Coded;
import com.propertyquality.review.reports.document.Lang;

/**
 * How a code of the procedures is printed: its Chinese name in Chinese reports, the code made readable in English
 * ones ({@code paid_service} → "Paid service"). An unknown code is printed as stored, never dropped.
 */
public final class Names {

    private Names() {}

    public static String of(Coded value, Lang lang) {
        if (value == null) {
            return null;
        }
        return lang == Lang.ZH ? value.chinese() : english(value.code());
    }

    /** The name of {@code code} in a code list of the templates; null stays null. */
    public static String of(CodeList list, String code, Lang lang) {
        if (code == null) {
            return null;
        }
        if (lang == Lang.EN) {
            return english(code);
        }
        try {
            String chinese = list.chinese(code);
            return chinese == null ? code : chinese;
        } catch (RuntimeException unknown) {
            return code;
        }
    }

    /** {@code paid_service} → "Paid service". */
    public static String english(String code) {
        if (code == null || code.isEmpty()) {
            return code;
        }
        String words = code.replace('_', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
