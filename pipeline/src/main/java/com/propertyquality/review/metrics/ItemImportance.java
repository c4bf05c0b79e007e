package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.covar_pop;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.var_pop;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;

/**
 * The derived importance of a survey item (for the improvement priorities): how strongly the item's rating moves
 * with the form's other ratings. Over the forms of a scope and year that rated the item and at least one other item,
 * it is the Pearson correlation between the item's score and the mean score of the form's other rated items. A blank
 * item counts nowhere: neither as a pair of its own nor in another item's mean. Null with fewer than
 * {@link #MIN_FORMS} such forms, or when either side does not vary ({@link #missing} says which). The Java forms and
 * the Spark forms ({@code ...Column}) are held equal by a test.
 */
public final class ItemImportance {

    /**
     * Fewer forms give no importance. A correlation's standard error is about 1/√(n−3): at 10 forms it is 0.38
     * already, and below that one form can turn the sign, so the priority matrix would rank items on noise.
     */
    public static final int MIN_FORMS = 10;

    private ItemImportance() {
    }

    /**
     * The ordered score of a rating on the five-point scale of the survey form: 很满意 5, 满意 4, 较满意 3, 不满意 2,
     * 很不满意 1 (equal steps; a correlation does not change when the scores are shifted or stretched, only the
     * order and the equal spacing matter).
     */
    public static int score(Rating rating) {
        return Rating.values().length - rating.ordinal();
    }

    /** The same scores over a rating-code column; null for a blank item. */
    public static Column scoreColumn(Column rating) {
        Column score = lit(null).cast("int");
        for (Rating r : Rating.values()) {
            score = when(rating.equalTo(lit(r.code())), lit(score(r))).otherwise(score);
        }
        return score;
    }

    /**
     * The mean score of a form's rated items other than {@code item}; null when the form left the item blank or
     * rated nothing else (then the form does not count for the item).
     */
    public static Double othersMean(Rating[] form, SurveyItem item) {
        if (form[item.ordinal()] == null) {
            return null;
        }
        long sum = 0;
        long rated = 0;
        for (int i = 0; i < form.length; i++) {
            if (i != item.ordinal() && form[i] != null) {
                sum += score(form[i]);
                rated++;
            }
        }
        return rated == 0 ? null : (double) sum / rated;
    }

    /**
     * The same from a form's score total and rated-item count (over all its items, this one included) and the
     * item's score: (total − score) / (rated − 1).
     */
    public static Column othersMeanColumn(Column formScoreTotal, Column formRated, Column itemScore) {
        return when(itemScore.isNotNull().and(formRated.geq(lit(2))),
                formScoreTotal.minus(itemScore).cast("double").divide(formRated.minus(lit(1)).cast("double")));
    }

    /** A form's score total over its rated items, for {@link #othersMeanColumn}. */
    public static Column formScoreTotalColumn(List<Column> ratings) {
        Column total = lit(0);
        for (Column rating : ratings) {
            total = total.plus(coalesce(scoreColumn(rating), lit(0)));
        }
        return total;
    }

    /** How many items a form rated, for {@link #othersMeanColumn}. */
    public static Column formRatedColumn(List<Column> ratings) {
        Column rated = lit(0);
        for (Column rating : ratings) {
            rated = rated.plus(when(rating.isNotNull(), lit(1)).otherwise(lit(0)));
        }
        return rated;
    }

    /** The number of forms that count for the item: it rated the item and at least one other. */
    public static long forms(List<Rating[]> forms, SurveyItem item) {
        return pairs(forms, item).size();
    }

    /** The item's importance over the forms of one scope and year; null as {@link #missing} explains. */
    public static Double of(List<Rating[]> forms, SurveyItem item) {
        List<double[]> pairs = pairs(forms, item);
        if (missing(pairs) != null) {
            return null;
        }
        int n = pairs.size();
        double meanX = 0;
        double meanY = 0;
        for (double[] p : pairs) {
            meanX += p[0];
            meanY += p[1];
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : pairs) {
            double dx = p[0] - meanX;
            double dy = p[1] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Why the item has no importance ({@code too_few_forms} or {@code no_variance}), or null when it has one. */
    public static ItemPriority missing(List<Rating[]> forms, SurveyItem item) {
        return missing(pairs(forms, item));
    }

    private static ItemPriority missing(List<double[]> pairs) {
        if (pairs.size() < MIN_FORMS) {
            return ItemPriority.TOO_FEW_FORMS;
        }
        boolean itemVaries = pairs.stream().mapToDouble(p -> p[0]).distinct().count() > 1;
        boolean othersVary = pairs.stream().mapToDouble(p -> p[1]).distinct().count() > 1;
        return itemVaries && othersVary ? null : ItemPriority.NO_VARIANCE;
    }

    /** (item score, mean of the others) of each form that counts for the item. */
    private static List<double[]> pairs(List<Rating[]> forms, SurveyItem item) {
        List<double[]> pairs = new ArrayList<>();
        for (Rating[] form : forms) {
            if (form.length != SurveyItem.perForm()) {
                throw new IllegalArgumentException("a form rates " + SurveyItem.perForm() + " items");
            }
            Double others = othersMean(form, item);
            if (others != null) {
                pairs.add(new double[] {score(form[item.ordinal()]), others});
            }
        }
        return pairs;
    }

    /**
     * Aggregate: the forms that count, over rows of (item score, others' mean) where either is null for a form that
     * does not count.
     */
    public static Column formsColumn(Column itemScore, Column othersMean) {
        return count(when(itemScore.isNotNull().and(othersMean.isNotNull()), lit(1)));
    }

    /**
     * Aggregate: the importance, as {@link #of}: cov(x, y) / √(var(x) · var(y)) over the forms that count. Not
     * Spark's {@code corr}: with ANSI arithmetic (Spark's default) it fails the whole query with a division by zero
     * when one side is constant; here that case is {@code no_variance} and the division is never reached.
     */
    public static Column column(Column itemScore, Column othersMean) {
        Column counted = itemScore.isNotNull().and(othersMean.isNotNull());
        Column x = when(counted, itemScore.cast("double"));
        Column y = when(counted, othersMean);
        return when(missingColumn(itemScore, othersMean).isNull(),
                covar_pop(x, y).divide(sqrt(var_pop(x).multiply(var_pop(y)))));
    }

    /** Aggregate: why there is no importance, as {@link #missing}; null when there is one. */
    public static Column missingColumn(Column itemScore, Column othersMean) {
        Column counted = itemScore.isNotNull().and(othersMean.isNotNull());
        Column x = when(counted, itemScore);
        Column y = when(counted, othersMean);
        return when(formsColumn(itemScore, othersMean).lt(lit(MIN_FORMS)), lit(ItemPriority.TOO_FEW_FORMS.code()))
                .when(min(x).equalTo(max(x)).or(min(y).equalTo(max(y))), lit(ItemPriority.NO_VARIANCE.code()));
    }
}
