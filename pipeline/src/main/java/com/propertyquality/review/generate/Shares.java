package com.propertyquality.review.generate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits a total into whole shares by weight (largest remainder), so the per-office and per-month counts add up to
 * exactly the shape's totals: expected.json can then state them, not estimate them.
 */
final class Shares {

    private Shares() {
    }

    static int[] split(long total, double[] weights) {
        return split(total, weights, 0);
    }

    /** Each share gets at least {@code minimum} when the total allows it; the rest goes by weight. */
    static int[] split(long total, double[] weights, int minimum) {
        int n = weights.length;
        int[] shares = new int[n];
        if (n == 0 || total <= 0) {
            return shares;
        }
        long floor = (long) minimum * n <= total ? minimum : 0;
        Arrays.fill(shares, (int) floor);
        long rest = total - floor * n;
        double sum = Arrays.stream(weights).sum();
        double[] exact = new double[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            exact[i] = sum > 0 ? rest * weights[i] / sum : (double) rest / n;
            long whole = (long) Math.floor(exact[i]);
            shares[i] += (int) whole;
            given += whole;
        }
        // the largest remainders get one more each; ties go to the earlier share, so the result is stable
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -(exact[i] - Math.floor(exact[i])))
                .thenComparingInt(i -> i));
        for (int k = 0; given < rest; k = (k + 1) % n, given++) {
            shares[order[k]]++;
        }
        return shares;
    }

    /** Running starts: {@code starts[i]} is the sum of the shares before i; {@code starts[n]} the total. */
    static int[] starts(int[] shares) {
        int[] starts = new int[shares.length + 1];
        for (int i = 0; i < shares.length; i++) {
            starts[i + 1] = starts[i] + shares[i];
        }
        return starts;
    }
}
