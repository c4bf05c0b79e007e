package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.lit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * 主要因素 (procedure 5.1.3, a Pareto view): the feedback areas that together account for most complaints, for each
 * of which corrective and preventive actions are made (纠正和预防措施). Within one scope (the company or one office)
 * and year, the areas are
 * ordered by complaints descending, ties by area code ascending; an area is a main factor when the complaints of
 * the areas before it make up less than {@link #THRESHOLD} (80%) of the scope's complaints. So the areas up to
 * and including the one whose cumulative share crosses 80% are main factors, and when the first area alone has
 * 80% or more it is the only one. The comparison is exact, in decimal arithmetic (before &lt; 0.80 × total), so
 * no floating-point rounding decides a boundary case (4 of 5 before an area is exactly 80%: not a main factor).
 *
 * <p>The one definition, in Java ({@link #flags}, {@link #pareto}) and as a Spark expression ({@link #column},
 * {@link #order}); a test holds the two equal.
 */
public final class MainFactors {

    /** The cumulative share the main factors make up (the 80 of the 80/20 rule). */
    public static final BigDecimal THRESHOLD = new BigDecimal("0.80");

    private MainFactors() {
    }

    /**
     * Whether an action opened on {@code openedOn} addresses the main factors of review year {@code year} (5.1.3:
     * 由管理处和有关部门制定纠正和预防措施): opened in that year, or after it up to the year's review meeting, where
     * the factors are read and the actions decided. Corrective and preventive actions alike; the area and the office
     * are matched by the mart. Without a meeting date only the year itself counts.
     */
    public static boolean addresses(LocalDate openedOn, int year, LocalDate meeting) {
        if (openedOn == null) {
            return false;
        }
        return openedOn.getYear() == year
                || openedOn.getYear() > year && meeting != null && !openedOn.isAfter(meeting);
    }

    /** {@link #addresses} as a Spark boolean expression; never null. */
    public static Column addressesColumn(Column openedOn, Column year, Column meeting) {
        Column sameYear = functions.year(openedOn).equalTo(year);
        Column beforeMeeting = functions.year(openedOn).gt(year).and(openedOn.leq(meeting));
        return functions.coalesce(sameYear.or(functions.coalesce(beforeMeeting, lit(false))), lit(false));
    }

    /** One area of a Pareto view. */
    public record Factor(String area, long complaints, int rank, double share, double cumulativeShare,
                         boolean mainFactor) {
    }

    /** Whether an area is a main factor, given the complaints of the areas ranked before it and the total. */
    public static boolean isMainFactor(long complaintsBefore, long total) {
        if (complaintsBefore < 0 || total <= 0 || complaintsBefore >= total) {
            throw new IllegalArgumentException("need 0 <= complaints before < total, got " + complaintsBefore
                    + " of " + total);
        }
        return BigDecimal.valueOf(complaintsBefore).compareTo(THRESHOLD.multiply(BigDecimal.valueOf(total))) < 0;
    }

    /**
     * The main-factor flags of complaint counts already in Pareto order (non-increasing, every count positive).
     */
    public static List<Boolean> flags(List<Long> countsInOrder) {
        long total = 0;
        long previous = Long.MAX_VALUE;
        for (long count : countsInOrder) {
            if (count <= 0 || count > previous) {
                throw new IllegalArgumentException("counts must be positive and in descending order: "
                        + countsInOrder);
            }
            previous = count;
            total += count;
        }
        List<Boolean> flags = new ArrayList<>(countsInOrder.size());
        long before = 0;
        for (long count : countsInOrder) {
            flags.add(isMainFactor(before, total));
            before += count;
        }
        return flags;
    }

    /** The Pareto view of complaints per area (areas with no complaints left out), in Pareto order. */
    public static List<Factor> pareto(Map<String, Long> complaintsByArea) {
        List<Map.Entry<String, Long>> ordered = complaintsByArea.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .toList();
        List<Boolean> flags = flags(ordered.stream().map(Map.Entry::getValue).toList());
        long total = ordered.stream().mapToLong(Map.Entry::getValue).sum();
        List<Factor> factors = new ArrayList<>(ordered.size());
        long running = 0;
        for (int i = 0; i < ordered.size(); i++) {
            long count = ordered.get(i).getValue();
            running += count;
            factors.add(new Factor(ordered.get(i).getKey(), count, i + 1, (double) count / total,
                    (double) running / total, flags.get(i)));
        }
        return factors;
    }

    /** The Pareto order within a scope: complaints descending, then area code ascending. */
    public static Column[] order(Column complaints, Column area) {
        return new Column[] {complaints.desc(), area.asc()};
    }

    /** {@link #isMainFactor} as a Spark expression over the complaints before an area and the scope's total. */
    public static Column column(Column complaintsBefore, Column total) {
        Column exactBefore = complaintsBefore.cast(DataTypes.createDecimalType(20, 0));
        Column exactLimit = total.cast(DataTypes.createDecimalType(20, 0)).multiply(lit(THRESHOLD));
        return exactBefore.lt(exactLimit);
    }
}
