package com.propertyquality.review.reports.document;

import java.util.List;

/**
 * A bar chart of rates (satisfaction per office, inspection scores): one bar per label, values as fractions and
 * shown as percentages.
 *
 * @param caption        printed above the chart, or {@code null}
 * @param valueAxis      the label of the value axis ("满意率（%）")
 * @param bars           the bars in order; a null value draws no bar
 * @param reference      a horizontal reference line (the company figure, the 60% threshold), as a fraction, or
 *                       {@code null}
 * @param referenceLabel the legend of the reference line
 */
public record BarChart(String caption, String valueAxis, List<Bar> bars, Double reference, String referenceLabel)
        implements Block {

    public BarChart {
        bars = List.copyOf(bars);
    }

    /** One bar: its category label (an office name, wrapped under the bar) and its value as a fraction. */
    public record Bar(String label, Double value) {}
}
