package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * The quadrant of the priority matrix a survey item falls in within its scope (the company or one office, one
 * year): its importance ({@link ItemImportance}) against the mean importance of the scope's items that have one, its
 * satisfaction rate ({@link SatisfactionRate}) against the scope's own rate. Equal to the reference counts as high.
 * The last two values say why an item has no importance and so no quadrant.
 */
public enum ItemPriority implements Coded {
    KEEP_UP("keep_up", "保持"),
    IMPROVE_FIRST("improve_first", "优先改进"),
    WATCH("watch", "关注"),
    LOWER_PRIORITY("lower_priority", "次要"),
    TOO_FEW_FORMS("too_few_forms", "样本不足"),
    NO_VARIANCE("no_variance", "评分无差异");

    private final String code;
    private final String chinese;

    ItemPriority(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String chinese() {
        return chinese;
    }

    /** The quadrant; null when any of the four figures is null. */
    public static ItemPriority of(Double importance, Double meanImportance, Double satisfaction,
                                  Double scopeSatisfaction) {
        if (importance == null || meanImportance == null || satisfaction == null || scopeSatisfaction == null) {
            return null;
        }
        boolean important = importance >= meanImportance;
        boolean satisfied = satisfaction >= scopeSatisfaction;
        if (important) {
            return satisfied ? KEEP_UP : IMPROVE_FIRST;
        }
        return satisfied ? LOWER_PRIORITY : WATCH;
    }

    /** The same as a Spark expression giving the code; a comparison with a null gives null. */
    public static Column column(Column importance, Column meanImportance, Column satisfaction,
                                Column scopeSatisfaction) {
        Column important = importance.geq(meanImportance);
        Column satisfied = satisfaction.geq(scopeSatisfaction);
        return when(important.and(satisfied), lit(KEEP_UP.code()))
                .when(important.and(not(satisfied)), lit(IMPROVE_FIRST.code()))
                .when(not(important).and(not(satisfied)), lit(WATCH.code()))
                .when(not(important).and(satisfied), lit(LOWER_PRIORITY.code()));
    }
}
