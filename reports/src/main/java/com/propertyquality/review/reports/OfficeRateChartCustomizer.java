package com.propertyquality.review.reports;

import java.text.DecimalFormat;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;

/**
 * Adjusts the office satisfaction bar chart where the JRXML cannot: long office names wrap onto two lines
 * instead of being cut to one line, flat bars, a 0–100% axis, and rate labels inside the bar end (outside when too short).
 * Jasper instantiates it by the class name given in the template, so it must stay public with a no-arg constructor.
 */
public class OfficeRateChartCustomizer implements JRChartCustomizer {

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        CategoryPlot plot = chart.getCategoryPlot();
        CategoryAxis categories = plot.getDomainAxis();
        categories.setMaximumCategoryLabelLines(2);
        categories.setMaximumCategoryLabelWidthRatio(0.32f);

        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT); // the percent scale under the bars, as usual
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        values.setRange(0, 100);
        values.setTickUnit(new NumberTickUnit(20));
        values.setNumberFormatOverride(new DecimalFormat("0'%'"));

        if (plot.getRenderer() instanceof BarRenderer bars) {
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setMaximumBarWidth(0.08);
            bars.setDefaultPositiveItemLabelPosition(
                    new ItemLabelPosition(ItemLabelAnchor.INSIDE3, TextAnchor.CENTER_RIGHT));
            bars.setPositiveItemLabelPositionFallback(
                    new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        }
    }
}
