package com.propertyquality.review.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import com.propertyquality.review.contract.CodeList;

/**
 * Values with the share each one is drawn with: the skew of real data (most complaints about maintenance, most
 * forms satisfied, ...). Immutable; {@link #reweighted} gives a variant (summer, an estate without lifts).
 */
final class Weighted<T> {

    private final List<T> values;
    private final double[] weights;
    private final double[] cumulative;

    private Weighted(List<T> values, double[] weights) {
        if (values.isEmpty() || values.size() != weights.length) {
            throw new IllegalArgumentException("values and weights must pair up");
        }
        this.values = List.copyOf(values);
        this.weights = weights.clone();
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("negative weight for " + values.get(i));
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("every weight is zero");
        }
    }

    /** Pairs of (value, weight). */
    @SuppressWarnings("unchecked")
    static <T> Weighted<T> of(Object... valueAndWeight) {
        List<T> values = new ArrayList<>();
        double[] weights = new double[valueAndWeight.length / 2];
        for (int i = 0; i + 1 < valueAndWeight.length; i += 2) {
            values.add((T) valueAndWeight[i]);
            weights[i / 2] = ((Number) valueAndWeight[i + 1]).doubleValue();
        }
        return new Weighted<>(values, weights);
    }

    /**
     * Pairs of (English code, weight) of a code list of the contract: a code the list does not hold fails at
     * once, so the generator cannot drift from what the ingest accepts.
     */
    static Weighted<String> codes(CodeList list, Object... codeAndWeight) {
        Weighted<String> weighted = of(codeAndWeight);
        for (String code : weighted.values) {
            if (!code.equals(list.resolve(code))) {
                throw new IllegalStateException("'" + code + "' is not a code of " + list.name());
            }
        }
        return weighted;
    }

    /** The same values with each weight multiplied by a factor (0 leaves a value out). */
    Weighted<T> reweighted(ToDoubleFunction<T> factor) {
        double[] changed = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            changed[i] = weights[i] * factor.applyAsDouble(values.get(i));
        }
        return new Weighted<>(values, changed);
    }

    T pick(double unit) {
        double target = unit * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, target);
        index = index >= 0 ? index + 1 : -index - 1;
        // a zero weight never wins, even on a boundary
        while (index < weights.length - 1 && weights[index] == 0) {
            index++;
        }
        return values.get(Math.min(index, values.size() - 1));
    }

    List<T> values() {
        return values;
    }
}
