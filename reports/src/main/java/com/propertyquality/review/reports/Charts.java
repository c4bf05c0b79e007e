package com.propertyquality.review.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.util.function.IntFunction;
import java.util.List;
import java.util.Locale;

import net.sf.jasperreports.charts.renderers.JCommonDrawableRendererImpl;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontUtil;
import net.sf.jasperreports.renderers.Renderable;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

import com.propertyquality.review.reports.document.BarChart;
import com.propertyquality.review.reports.document.ParetoChart;

/**
 * Draws the charts with JFreeChart, in the embedded Noto Sans SC so Chinese labels render, and hands them to Jasper
 * as vector drawings: in the PDF their text stays text (searchable, and checked by the tests); HTML and XLSX get
 * them as images.
 */
final class Charts {

    /** Bars per chart above which the chart gets the tall band (so office names keep room to wrap). */
    static final int TALL_FROM = 9;

    private static final Color MAIN = new Color(0x46, 0x6E, 0xAA);
    private static final Color PALE = new Color(0xB8, 0xC7, 0xDD);
    private static final Color BAR = new Color(0x6F, 0x93, 0xC8);
    private static final Color LINE = new Color(0xC0, 0x50, 0x4D);

    /** How far the axes of the Pareto chart reach beyond 100%: room for the labels above the last points. */
    private static final double HEADROOM = 1.16;
    /** The plot's width in the chart band of chapter.jrxml (515 pt less the two axes). */
    private static final double PLOT_WIDTH = 430;

    private final JasperReportsContext context;
    private final Locale locale;

    Charts(JasperReportsContext context, Locale locale) {
        this.context = context;
        this.locale = locale;
    }

    /** Horizontal bars, one per label, 0–100%, each labelled with its rate as the tables print it. */
    Renderable bars(BarChart chart) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int position = 0;
        for (BarChart.Bar bar : chart.bars()) {
            // Two offices may share a name; the key keeps them apart while the label shows the name.
            data.addValue(bar.value() == null ? null : bar.value() * 100, "rate", new Label(position++, bar.label()));
        }
        CategoryAxis categories = new CategoryAxis();
        categories.setMaximumCategoryLabelLines(2);
        categories.setMaximumCategoryLabelWidthRatio(0.32f);
        categories.setTickLabelFont(font(Font.PLAIN, 7.5f));
        NumberAxis values = new NumberAxis(chart.valueAxis());
        values.setRange(0, 100);
        values.setTickUnit(new NumberTickUnit(20));
        values.setNumberFormatOverride(new DecimalFormat("0'%'"));
        values.setLabelFont(font(Font.PLAIN, 8f));
        values.setTickLabelFont(font(Font.PLAIN, 7.5f));

        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.08);
        renderer.setSeriesPaint(0, BAR);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(font(Font.PLAIN, 7f));
        renderer.setDefaultItemLabelGenerator(new ValueLabels(column -> Percent.format(chart.bars().get(column).value())));
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.INSIDE3, TextAnchor.CENTER_RIGHT));
        renderer.setPositiveItemLabelPositionFallback(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));

        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (chart.reference() != null) {
            ValueMarker marker = new ValueMarker(chart.reference() * 100, LINE, new BasicStroke(1.2f));
            marker.setLabel(chart.referenceLabel() == null ? null
                    : chart.referenceLabel() + " " + Percent.format(chart.reference()));
            marker.setLabelFont(font(Font.PLAIN, 7.5f));
            marker.setAlpha(1f); // opaque: PDF/A-1 allows no transparency
            marker.setLabelBackgroundColor(Color.WHITE);
            marker.setLabelPaint(LINE);
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addRangeMarker(marker, Layer.FOREGROUND);
        }
        return drawing(plot, chart.caption());
    }

    /**
     * Bars of counts, main factors dark, and the cumulative share as a line with the cut-off. As Pareto charts are
     * drawn, the count axis runs to the total where the share axis reaches 100%: a bar is then never taller than the
     * line's point above it (a bar's share is at most the cumulative share), so the share labels, set above and left
     * of their points (clear of the line, which rises to the right), stand on white and never on a bar. Both axes
     * go {@link #HEADROOM} beyond, so the labels near 100% stay inside the frame.
     */
    Renderable pareto(ParetoChart chart) {
        DefaultCategoryDataset counts = new DefaultCategoryDataset();
        DefaultCategoryDataset cumulative = new DefaultCategoryDataset();
        boolean[] main = new boolean[chart.bars().size()];
        String[] printed = new String[chart.bars().size()];
        CategoryAxis categories = categoryAxis(chart.bars().stream().map(ParetoChart.Bar::label).toList(), printed);
        long total = 0;
        int position = 0;
        for (ParetoChart.Bar bar : chart.bars()) {
            Label label = new Label(position, printed[position]);
            main[position++] = bar.mainFactor();
            counts.addValue(bar.count(), "count", label);
            cumulative.addValue(bar.cumulativeShare() * 100, "share", label);
            total += bar.count();
        }
        NumberAxis countAxis = new NumberAxis(chart.countAxis());
        countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        countAxis.setRange(0, Math.max(total, 1) * HEADROOM);
        countAxis.setLabelFont(font(Font.PLAIN, 8f));
        countAxis.setTickLabelFont(font(Font.PLAIN, 7.5f));

        BarRenderer bars = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return column < main.length && main[column] ? MAIN : PALE;
            }

            /** The first bar carries the line's first point on its top: its count goes inside, in a contrasting colour. */
            @Override
            public ItemLabelPosition getPositiveItemLabelPosition(int row, int column) {
                return column == 0 ? new ItemLabelPosition(ItemLabelAnchor.INSIDE12, TextAnchor.TOP_CENTER)
                        : super.getPositiveItemLabelPosition(row, column);
            }

            @Override
            public Paint getItemLabelPaint(int row, int column) {
                return column == 0 && main.length > 0 && main[0] ? Color.WHITE : Color.BLACK;
            }
        };
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setMaximumBarWidth(0.12);
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(font(Font.PLAIN, 7f));
        bars.setDefaultItemLabelGenerator(new ValueLabels(column -> Long.toString(chart.bars().get(column).count())));
        bars.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));

        CategoryPlot plot = new CategoryPlot(counts, categories, countAxis, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);

        NumberAxis shareAxis = new NumberAxis(chart.shareAxis());
        shareAxis.setRange(0, 100 * HEADROOM);
        shareAxis.setTickUnit(new NumberTickUnit(20));
        shareAxis.setNumberFormatOverride(new DecimalFormat("0'%'"));
        shareAxis.setLabelFont(font(Font.PLAIN, 8f));
        shareAxis.setTickLabelFont(font(Font.PLAIN, 7.5f));
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, LINE);
        line.setSeriesStroke(0, new BasicStroke(1.5f));
        line.setDefaultItemLabelsVisible(true);
        line.setDefaultItemLabelFont(font(Font.PLAIN, 6.5f));
        line.setDefaultItemLabelPaint(LINE);
        line.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE11, TextAnchor.BOTTOM_RIGHT));
        line.setItemLabelAnchorOffset(3);
        line.setDefaultItemLabelGenerator(
                new ValueLabels(column -> Percent.format(chart.bars().get(column).cumulativeShare())));
        plot.setRangeAxis(1, shareAxis);
        plot.setDataset(1, cumulative);
        plot.setRenderer(1, line);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

        // The cut-off's label at the right end, above its line: over the smallest bars, below the line's last points.
        ValueMarker cutOff = new ValueMarker(chart.cutOff() * 100, LINE, new BasicStroke(0.8f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 3f}, 0f));
        cutOff.setLabel(Percent.format(chart.cutOff()));
        cutOff.setLabelFont(font(Font.PLAIN, 7f));
        cutOff.setAlpha(1f);
        cutOff.setLabelBackgroundColor(Color.WHITE);
        cutOff.setLabelPaint(LINE);
        cutOff.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        cutOff.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(1, cutOff, Layer.FOREGROUND);
        return drawing(plot, chart.caption());
    }

    /**
     * The Pareto chart's category axis and the labels it prints. Labels are never broken inside a word: on one line
     * when they fit their category's width; else on two, broken at a space or, in Chinese, between two-character
     * words (维修/保养), in a font made smaller if need be; else all at 45°, each on one line. Horizontal labels stay
     * searchable text in the PDF, which angled ones do not.
     */
    private CategoryAxis categoryAxis(List<String> labels, String[] printed) {
        CategoryAxis axis = new CategoryAxis();
        axis.setLowerMargin(0.05); // room left of the first bar for its share label
        axis.setUpperMargin(0.03);
        axis.setCategoryMargin(0.15);
        // What JFreeChart gives a label under its bar, with a point to spare.
        double room = PLOT_WIDTH * (1 - 0.08) * (1 - 0.15) / Math.max(1, labels.size()) * 0.9 - 1;
        for (float size : new float[] {7.5f, 7f, 6.5f}) {
            Font font = font(Font.PLAIN, size);
            boolean fits = true;
            for (int i = 0; i < labels.size() && fits; i++) {
                printed[i] = twoLines(labels.get(i), font, room);
                fits = printed[i] != null;
            }
            if (fits) {
                axis.setTickLabelFont(font);
                axis.setMaximumCategoryLabelLines(2);
                axis.setMaximumCategoryLabelWidthRatio(1f);
                return axis;
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            printed[i] = labels.get(i);
        }
        axis.setTickLabelFont(font(Font.PLAIN, 7.5f));
        axis.setMaximumCategoryLabelLines(1);
        axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return axis;
    }

    /** The label on at most two lines of {@code room} points, broken between words; null if it cannot be. */
    private static String twoLines(String label, Font font, double room) {
        if (label == null || LineBreaks.width(font, label) <= room) {
            return label;
        }
        String[] halves;
        int space = label.lastIndexOf(' ', label.length() / 2 + 1);
        if (label.indexOf(' ') > 0) {
            // Break at the space nearest the middle.
            int after = label.indexOf(' ', label.length() / 2);
            int at = space <= 0 || (after > 0 && after - label.length() / 2 < label.length() / 2 - space) ? after : space;
            halves = at <= 0 ? new String[] {label} : new String[] {label.substring(0, at), label.substring(at + 1)};
        } else if (label.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                && label.length() >= 3) {
            // Chinese area names are compounds of two-character words: 维修保养, 环境卫生, 供水供电.
            int at = Math.max(2, 2 * Math.round(label.length() / 4f));
            halves = new String[] {label.substring(0, at), label.substring(at)};
        } else {
            return null;
        }
        for (String half : halves) {
            if (halves.length < 2 || LineBreaks.width(font, half) > room) {
                return null;
            }
        }
        return halves[0] + "\n" + halves[1];
    }

    private Renderable drawing(CategoryPlot plot, String caption) {
        JFreeChart chart = new JFreeChart(null, font(Font.BOLD, 10f), plot, false);
        if (caption != null) {
            chart.setTitle(new TextTitle(caption, font(Font.BOLD, 10f)));
        }
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return new JCommonDrawableRendererImpl(chart);
    }

    /**
     * The embedded font from the font extension. In the PDF Jasper maps it back to the embedded Noto Sans SC
     * subset; in images it is drawn from the same TrueType file.
     */
    private Font font(int style, float size) {
        return FontUtil.getInstance(context).getAwtFontFromBundles(DocumentRenderer.FONT, style, size, locale,
                true);
    }

    /**
     * Labels each bar or point from the document's own value (not the plotted percent, which is the fraction
     * times 100 in binary and could round differently), so a chart prints exactly what the tables print.
     * JFreeChart's interface has three methods, hence no lambda.
     */
    private record ValueLabels(IntFunction<String> byColumn) implements CategoryItemLabelGenerator {
        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            return dataset.getValue(row, column) == null ? "" : byColumn.apply(column);
        }

        @Override
        public String generateRowLabel(CategoryDataset dataset, int row) {
            return dataset.getRowKey(row).toString();
        }

        @Override
        public String generateColumnLabel(CategoryDataset dataset, int column) {
            return dataset.getColumnKey(column).toString();
        }
    }

    /** A category: its position keeps equal names apart, its text is what the axis prints. */
    private record Label(int position, String text) implements Comparable<Label> {
        @Override
        public int compareTo(Label other) {
            return Integer.compare(position, other.position);
        }

        @Override
        public String toString() {
            return text == null ? "" : text;
        }
    }
}
