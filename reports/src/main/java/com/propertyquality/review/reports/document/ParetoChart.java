package com.propertyquality.review.reports.document;

import java.util.List;

/**
 * A Pareto chart (排列图): bars of counts in descending order and the cumulative share as a line on a second axis,
 * with the cut-off (80%) drawn across.
 *
 * @param caption     printed above the chart, or {@code null}
 * @param countAxis   the label of the count axis ("投诉件数")
 * @param shareAxis   the label of the cumulative axis ("累计百分比（%）")
 * @param bars        the bars in order
 * @param cutOff      the cumulative share that makes the main factors, as a fraction (0.8)
 */
public record ParetoChart(String caption, String countAxis, String shareAxis, List<Bar> bars, double cutOff)
        implements Block {

    public ParetoChart {
        bars = List.copyOf(bars);
    }

    /**
     * One bar.
     *
     * @param label           the category (an area)
     * @param count           how many
     * @param cumulativeShare the cumulative share up to and including this bar, as a fraction
     * @param mainFactor      whether it is a main factor (drawn in the main colour)
     */
    public record Bar(String label, long count, double cumulativeShare, boolean mainFactor) {}
}
