package com.propertyquality.review.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * The rating scale of the customer survey (顾客意见调查表). Procedure 5.1.6: very satisfied, satisfied and
 * fairly satisfied are qualified items (合格项); dissatisfied and very dissatisfied are unsatisfied (不满意项);
 * a blank item is neither and has no constant here.
 */
public enum Rating implements Coded {
    VERY_SATISFIED("very_satisfied", "很满意", true),
    SATISFIED("satisfied", "满意", true),
    FAIRLY_SATISFIED("fairly_satisfied", "较满意", true),
    DISSATISFIED("dissatisfied", "不满意", false),
    VERY_DISSATISFIED("very_dissatisfied", "很不满意", false);

    private final String code;
    private final String chinese;
    private final boolean qualified;

    Rating(String code, String chinese, boolean qualified) {
        this.code = code;
        this.chinese = chinese;
        this.qualified = qualified;
    }

    /** The code stored in the lake (English, lower case). */
    @Override
    public String code() {
        return code;
    }

    @Override
    public String chinese() {
        return chinese;
    }

    public boolean isQualified() {
        return qualified;
    }

    public static List<String> qualifiedCodes() {
        return Arrays.stream(values()).filter(Rating::isQualified).map(Rating::code).toList();
    }

    public static List<String> unsatisfiedCodes() {
        return Arrays.stream(values()).filter(r -> !r.isQualified()).map(Rating::code).toList();
    }
}
