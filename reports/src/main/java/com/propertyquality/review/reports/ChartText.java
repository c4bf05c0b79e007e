package com.propertyquality.review.reports;

import java.util.ArrayList;
import java.util.List;

import com.propertyquality.review.reports.document.BarChart;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.ParetoChart;

/**
 * A chart said in words: the alternative text of its Figure in the tagged PDF, read out by a screen reader in place
 * of the picture. It names the kind of chart and what it shows, then gives every bar's value as the chart prints it.
 */
final class ChartText {

    private ChartText() {}

    /** "Pareto chart: Complaints by area. Repairs 120 (cumulative 48.00%); … Main factors (to 80.00%): Repairs, …" */
    static String of(ParetoChart chart, Lang lang) {
        List<String> bars = new ArrayList<>();
        List<String> main = new ArrayList<>();
        for (ParetoChart.Bar bar : chart.bars()) {
            bars.add(ReportText.text(lang, "chartText.cumulative", bar.label(), bar.count(),
                    Percent.format(bar.cumulativeShare())));
            if (bar.mainFactor()) {
                main.add(bar.label());
            }
        }
        String what = chart.caption() != null ? chart.caption() : chart.countAxis();
        String cutOff = Percent.format(chart.cutOff());
        String factors = main.isEmpty() ? "" : ReportText.text(lang, "chartText.main_factors_cumulative", cutOff,
                String.join(ReportText.text(lang, "chartText.enumeration_comma"), main));
        return ReportText.text(lang, "chartText.pareto_chart", what, String.join(
                ReportText.text(lang, "chartText.semicolon"), bars),
                factors);
    }

    /** "Bar chart: Satisfaction by office. Satisfaction (%): North 92.00%; … Reference line: Company 90.00%." */
    static String of(BarChart chart, Lang lang) {
        List<String> bars = new ArrayList<>();
        for (BarChart.Bar bar : chart.bars()) {
            bars.add(bar.label() + " " + Percent.format(bar.value()));
        }
        String what = chart.caption() != null ? chart.caption() : chart.valueAxis();
        String reference = chart.reference() == null ? ""
                : ReportText.text(lang, "chartText.reference_line", chart.referenceLabel(),
                        Percent.format(chart.reference()));
        String list = String.join(ReportText.text(lang, "chartText.semicolon"), bars);
        return ReportText.text(lang, "chartText.bar_chart", what, chart.valueAxis(), list, reference);
    }
}
