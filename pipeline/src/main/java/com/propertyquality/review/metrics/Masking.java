package com.propertyquality.review.metrics;

/**
 * How personal data appears in a rejected row's record ({@code rejects.csv}), the one place outside the private
 * table where a row holding it is written: a name keeps its first character (王**), a phone its first three and
 * last four digits (138****1111), enough for the office that sent the file to find the row, too little for anyone
 * else. No mart, view or report carries personal data at all, masked or not.
 */
public final class Masking {

    private Masking() {
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        int first = name.codePointAt(0);
        int rest = name.codePointCount(0, name.length()) - 1;
        return new String(Character.toChars(first)) + "*".repeat(Math.max(rest, 1));
    }

    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }
}
