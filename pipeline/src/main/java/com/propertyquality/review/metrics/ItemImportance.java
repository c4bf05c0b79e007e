package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;

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

    /**
     * A common multiple of every count of other rated items a form can have (1 to {@link SurveyItem#perForm()} − 1):
     * the others' mean times this is a whole number, so every sum behind the correlation is exact.
     */
    static final long OTHERS_SCALE = commonMultipleUpTo(SurveyItem.perForm() - 1);

    private ItemImportance() {
    }

    private static long commonMultipleUpTo(int k) {
        long multiple = 1;
        for (int i = 2; i <= k; i++) {
            multiple = multiple / BigInteger.valueOf(multiple).gcd(BigInteger.valueOf(i)).longValue() * i;
        }
        return multiple;
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
        Long scaled = othersScaled(form, item);
        return scaled == null ? null : (double) scaled / OTHERS_SCALE;
    }

    /** A form's score total over its rated items, for {@link #othersScaledColumn}. */
    public static Column formScoreTotalColumn(List<Column> ratings) {
        Column total = lit(0);
        for (Column rating : ratings) {
            total = total.plus(coalesce(scoreColumn(rating), lit(0)));
        }
        return total;
    }

    /** How many items a form rated, for {@link #othersScaledColumn}. */
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

    /**
     * The item's importance over the forms of one scope and year; null as {@link #missing} explains. Computed from
     * whole-number sums ({@link #othersScaled}), exact in any order, so the figure does not depend on the order of
     * the forms: nor, in Spark, on how the rows are split into tasks.
     */
    public static Double of(List<Rating[]> forms, SurveyItem item) {
        List<long[]> pairs = pairs(forms, item);
        if (missing(pairs) != null) {
            return null;
        }
        long sx = 0;
        long sy = 0;
        long sxy = 0;
        long sxx = 0;
        long syy = 0;
        for (long[] p : pairs) {
            sx += p[0];
            sy += p[1];
            sxy += p[0] * p[1];
            sxx += p[0] * p[0];
            syy += p[1] * p[1];
        }
        return pearson(pairs.size(), sx, sy, sxy, sxx, syy);
    }

    /**
     * r = (n·Σxy − Σx·Σy) / √((n·Σx² − (Σx)²) · (n·Σy² − (Σy)²)): the three differences exact (whole numbers), each
     * rounded once to a double, then divided. The Spark form ({@link #column}) does the same arithmetic.
     */
    static double pearson(long n, long sx, long sy, long sxy, long sxx, long syy) {
        BigInteger count = BigInteger.valueOf(n);
        double covariance = count.multiply(BigInteger.valueOf(sxy))
                .subtract(BigInteger.valueOf(sx).multiply(BigInteger.valueOf(sy))).doubleValue();
        double varianceX = count.multiply(BigInteger.valueOf(sxx))
                .subtract(BigInteger.valueOf(sx).multiply(BigInteger.valueOf(sx))).doubleValue();
        double varianceY = count.multiply(BigInteger.valueOf(syy))
                .subtract(BigInteger.valueOf(sy).multiply(BigInteger.valueOf(sy))).doubleValue();
        return covariance / Math.sqrt(varianceX * varianceY);
    }

    /**
     * The mean score of the form's other rated items times {@link #OTHERS_SCALE}: a whole number however many items
     * the form rated (a correlation does not change when one side is stretched). Null when the form does not count
     * for the item.
     */
    public static Long othersScaled(Rating[] form, SurveyItem item) {
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
        return rated == 0 ? null : sum * (OTHERS_SCALE / rated);
    }

    /** The same from a form's score total and rated-item count and the item's score, as a long column. */
    public static Column othersScaledColumn(Column formScoreTotal, Column formRated, Column itemScore) {
        // OTHERS_SCALE / (rated − 1) is a whole number below 2^53: exact as a double, exact cast back
        return when(itemScore.isNotNull().and(formRated.geq(lit(2))),
                formScoreTotal.minus(itemScore).cast("long")
                        .multiply(lit(OTHERS_SCALE).divide(formRated.minus(lit(1))).cast("long")));
    }

    /** Why the item has no importance ({@code too_few_forms} or {@code no_variance}), or null when it has one. */
    public static ItemPriority missing(List<Rating[]> forms, SurveyItem item) {
        return missing(pairs(forms, item));
    }

    private static ItemPriority missing(List<long[]> pairs) {
        if (pairs.size() < MIN_FORMS) {
            return ItemPriority.TOO_FEW_FORMS;
        }
        boolean itemVaries = pairs.stream().mapToLong(p -> p[0]).distinct().count() > 1;
        boolean othersVary = pairs.stream().mapToLong(p -> p[1]).distinct().count() > 1;
        return itemVaries && othersVary ? null : ItemPriority.NO_VARIANCE;
    }

    /** (item score, {@link #othersScaled}) of each form that counts for the item. */
    private static List<long[]> pairs(List<Rating[]> forms, SurveyItem item) {
        List<long[]> pairs = new ArrayList<>();
        for (Rating[] form : forms) {
            if (form.length != SurveyItem.perForm()) {
                throw new IllegalArgumentException("a form rates " + SurveyItem.perForm() + " items");
            }
            Long others = othersScaled(form, item);
            if (others != null) {
                pairs.add(new long[] {score(form[item.ordinal()]), others});
            }
        }
        return pairs;
    }

    /**
     * Aggregate: the forms that count, over rows of (item score, {@link #othersScaledColumn}) where either is null
     * for a form that does not count.
     */
    public static Column formsColumn(Column itemScore, Column othersScaled) {
        return sums(itemScore, othersScaled).n();
    }

    /**
     * Aggregate: the importance, as {@link #of}, over rows of (item score, {@link #othersScaledColumn}): the sums are
     * longs, exact in any order, the differences exact decimals, so every split of the rows gives the same double.
     * Not Spark's {@code corr} (or covariances of doubles): their running means depend on the order of the rows in
     * their last digits, and with ANSI arithmetic (Spark's default) {@code corr} fails the whole query with a
     * division by zero when one side is constant; here that case is {@code no_variance} and the division is never
     * reached.
     */
    public static Column column(Column itemScore, Column othersScaled) {
        return importance(sums(itemScore, othersScaled));
    }

    /** Aggregate: why there is no importance, as {@link #missing}; null when there is one. */
    public static Column missingColumn(Column itemScore, Column othersScaled) {
        return missing(sums(itemScore, othersScaled));
    }

    /**
     * What the importance is computed from: the counted forms, the sums of the two scores, of their squares and
     * their product, and each score's least and greatest value. Each is a count, a sum, a minimum or a maximum, so
     * the sums of parts ({@link #merged}) are the sums of the whole: a company's from its offices'.
     */
    public record Sums(Column n, Column sx, Column sy, Column sxy, Column sxx, Column syy, Column minX, Column maxX,
                       Column minY, Column maxY) {

        private static final String[] NAMES = {"importance_n", "importance_sx", "importance_sy", "importance_sxy",
            "importance_sxx", "importance_syy", "importance_min_x", "importance_max_x", "importance_min_y",
            "importance_max_y"};

        private Column[] all() {
            return new Column[] {n, sx, sy, sxy, sxx, syy, minX, maxX, minY, maxY};
        }

        /** Each group's sums, under their names ({@link #ofRow} reads them), after the groups' keys. */
        public Dataset<Row> aggregate(RelationalGroupedDataset groups) {
            Column[] all = all();
            for (int i = 0; i < all.length; i++) {
                all[i] = all[i].as(NAMES[i]);
            }
            return groups.agg(all[0], Arrays.copyOfRange(all, 1, all.length));
        }

        /** The sums {@link #aggregate} wrote, read back as columns of a row. */
        public static Sums ofRow() {
            Column[] c = new Column[NAMES.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = col(NAMES[i]);
            }
            return new Sums(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]);
        }

        /** Aggregate over rows of {@link #aggregate}d sums: the sums of their forms together. */
        public static Sums merged() {
            Sums row = ofRow();
            return new Sums(sum(row.n), sum(row.sx), sum(row.sy), sum(row.sxy), sum(row.sxx), sum(row.syy),
                    min(row.minX), max(row.maxX), min(row.minY), max(row.maxY));
        }
    }

    /** Aggregate: the {@link Sums} of rows of (item score, {@link #othersScaledColumn}). */
    public static Sums sums(Column itemScore, Column othersScaled) {
        Column counted = itemScore.isNotNull().and(othersScaled.isNotNull());
        Column x = when(counted, itemScore.cast("long"));
        Column y = when(counted, othersScaled.cast("long"));
        return new Sums(count(x), sum(x), sum(y), sum(x.multiply(y)), sum(x.multiply(x)), sum(y.multiply(y)),
                min(x), max(x), min(y), max(y));
    }

    /** The importance from its {@link Sums}: as {@link #column}. */
    public static Column importance(Sums sums) {
        Column n = exact(sums.n());
        Column sx = exact(sums.sx());
        Column sy = exact(sums.sy());
        Column covariance = n.multiply(exact(sums.sxy())).minus(sx.multiply(sy)).cast("double");
        Column varianceX = n.multiply(exact(sums.sxx())).minus(sx.multiply(sx)).cast("double");
        Column varianceY = n.multiply(exact(sums.syy())).minus(sy.multiply(sy)).cast("double");
        return when(missing(sums).isNull(), covariance.divide(sqrt(varianceX.multiply(varianceY))));
    }

    /** Why there is no importance, from its {@link Sums}: as {@link #missingColumn}. */
    public static Column missing(Sums sums) {
        return when(sums.n().lt(lit(MIN_FORMS)), lit(ItemPriority.TOO_FEW_FORMS.code()))
                .when(sums.minX().equalTo(sums.maxX()).or(sums.minY().equalTo(sums.maxY())),
                        lit(ItemPriority.NO_VARIANCE.code()));
    }

    /** A whole-number sum as a decimal of 38 digits: its products and differences above stay exact. */
    private static Column exact(Column wholeNumber) {
        return wholeNumber.cast("decimal(38,0)");
    }
}
