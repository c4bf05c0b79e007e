package com.propertyquality.review.reports;

import java.awt.Font;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

import com.propertyquality.review.reports.document.BarChart;
import com.propertyquality.review.reports.document.Block;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.ParetoChart;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * A chapter as the rows of the {@code chapter.jrxml} template: one slot per table, chart, text or note,
 * each printed by the detail band of its kind; a section's heading and page break come with its slots.
 */
final class ChapterSlots {

    private final JasperReportsContext context;
    private final Lang lang;
    private final boolean typed;
    private final boolean paper;
    private final Charts charts;
    private final Font textFont;
    private final Font noteFont;
    private final Font captionFont;
    private final Font cellFont;

    /**
     * {@code typed}: table cells hold numbers and dates (XLSX) instead of their printed text; {@code paper}: the
     * text is broken into the lines of the page here (see {@link LineBreaks}), for PDF.
     */
    ChapterSlots(JasperReportsContext context, Lang lang, boolean typed, boolean paper) {
        this.context = context;
        this.lang = lang;
        this.typed = typed;
        this.paper = paper;
        this.charts = new Charts(context, lang.locale());
        // The sizes of chapter.jrxml's text, note and caption bands and of the table cells.
        this.textFont = TableDesigns.font(context, Font.PLAIN, 9.5f);
        this.noteFont = TableDesigns.font(context, Font.PLAIN, 8f);
        this.captionFont = TableDesigns.font(context, Font.BOLD, 9.5f);
        this.cellFont = TableDesigns.font(context, Font.PLAIN, TableDesigns.FONT_SIZE);
    }

    List<Map<String, ?>> of(Chapter chapter) {
        return of(chapter, null);
    }

    /**
     * As {@link #of(Chapter)}, each row of the chapter's tables a link to the local anchor of the same index in
     * {@code rowLinks} (the contents: row i to chapter i's heading); {@code null} for no links.
     */
    List<Map<String, ?>> of(Chapter chapter, List<String> rowLinks) {
        List<Map<String, ?>> slots = new ArrayList<>();
        int number = 0;
        int captioned = 0;
        for (Section section : chapter.sections()) {
            List<Map<String, Object>> own = new ArrayList<>();
            for (Block block : section.blocks()) {
                if (block instanceof Table table && table.dataOnly()) {
                    continue; // the XLSX's data sheets carry it; print sheets and the PDF leave it out
                }
                int first = own.size();
                add(block, own, rowLinks);
                // A table's caption is the header of the template's Block group, which starts on a new page
                // rather than print the caption alone at a page's foot. Blocks without a caption start no group.
                String caption = block instanceof Table table ? table.caption() : null;
                if (caption != null) {
                    captioned++;
                }
                for (Map<String, Object> slot : own.subList(first, own.size())) {
                    slot.put("block", captioned);
                    slot.put("blockCaption", caption == null ? null : lines(caption, captionFont, TableDesigns.WIDTH));
                }
            }
            if (own.isEmpty()) {
                Map<String, Object> gap = slot("gap", null); // a section without blocks still prints its heading
                gap.put("block", captioned);
                own.add(gap);
            }
            // Every slot names its section: the template prints the heading (and the page break) as the
            // section's group header, which Jasper keeps together with the section's first block.
            boolean pageBreak = section.newPage() && number > 0;
            for (Map<String, Object> slot : own) {
                slot.put("section", number);
                slot.put("sectionTitle", section.title());
                slot.put("sectionBreak", pageBreak);
            }
            slots.addAll(own);
            number++;
        }
        return slots;
    }

    private void add(Block block, List<Map<String, Object>> slots, List<String> rowLinks) {
        if (block instanceof Table table) {
            table(table, slots, rowLinks);
        } else if (block instanceof Paragraphs text) {
            text.lines().forEach(line -> slots.add(slot("text", lines(line, textFont, TableDesigns.WIDTH))));
        } else if (block instanceof BarChart chart) {
            Map<String, Object> slot = slot(chart.bars().size() >= Charts.TALL_FROM ? "tallchart" : "chart", null);
            slot.put("image", charts.bars(chart));
            // The Figure's alternative text in the tagged PDF; HTML and XLSX show the chart without it.
            slot.put("alt", paper ? ChartText.of(chart, lang) : null);
            slots.add(slot);
        } else if (block instanceof ParetoChart chart) {
            Map<String, Object> slot = slot("chart", null);
            slot.put("image", charts.pareto(chart));
            slot.put("alt", paper ? ChartText.of(chart, lang) : null);
            slots.add(slot);
        } else {
            throw new IllegalArgumentException("unknown block " + block.getClass());
        }
        slots.add(slot("gap", null));
    }

    private void table(Table table, List<Map<String, Object>> slots, List<String> rowLinks) {
        if (table.rows().isEmpty() && table.emptyText() != null) {
            slots.add(slot("text", lines(table.emptyText(), textFont, TableDesigns.WIDTH)));
        } else {
            List<Column> columns = table.columns();
            List<String[]> texts = new ArrayList<>(table.rows().size());
            double[] minimums = new double[columns.size()];
            for (Row row : table.rows()) {
                String[] printed = new String[columns.size()];
                for (int i = 0; i < columns.size(); i++) {
                    printed[i] = CellText.format(columns.get(i).kind(), row.cells().get(i));
                    minimums[i] = Math.max(minimums[i], LineBreaks.widestToken(printed[i], cellFont)
                            + 2 * TableDesigns.PADDING + LineBreaks.SLACK + 1);
                }
                texts.add(printed);
            }
            int[] widths = TableDesigns.widths(columns, minimums);
            float[] headerSizes = TableDesigns.headerSizes(columns, widths, context);
            Map<String, Object> parameters = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                parameters.put(TableDesigns.header(i), lines(columns.get(i).header(),
                        TableDesigns.boldFont(context, headerSizes[i]), widths[i] - 2 * TableDesigns.PADDING));
            }
            parameters.put(JRParameter.REPORT_LOCALE, lang.locale());
            List<Map<String, ?>> rows = new ArrayList<>(table.rows().size());
            for (int r = 0; r < table.rows().size(); r++) {
                Row row = table.rows().get(r);
                Map<String, Object> cells = new HashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    cells.put(TableDesigns.field(i), typed ? CellText.cellValue(columns.get(i).kind(), row.cells().get(i))
                            : lines(texts.get(r)[i], cellFont, widths[i] - 2 * TableDesigns.PADDING));
                }
                cells.put(TableDesigns.HIGHLIGHT_FIELD, row.highlighted());
                if (rowLinks != null) {
                    cells.put(TableDesigns.LINK_FIELD, rowLinks.get(r));
                }
                rows.add(cells);
            }
            Map<String, Object> slot = slot("table", null);
            slot.put("report", TableDesigns.compiled(columns, widths, typed, rowLinks != null, context));
            slot.put("rows", new JRMapCollectionDataSource(rows));
            slot.put("parameters", parameters);
            slots.add(slot);
        }
        if (table.note() != null) {
            slots.add(slot("note", lines(table.note(), noteFont, TableDesigns.WIDTH)));
        }
    }

    /** The text as the page's lines for PDF; as it is for HTML and XLSX, which break lines themselves. */
    private String lines(String text, Font font, double width) {
        return paper ? LineBreaks.wrap(text, font, width) : text;
    }

    private static Map<String, Object> slot(String kind, String text) {
        Map<String, Object> slot = new HashMap<>();
        slot.put("kind", kind);
        slot.put("text", text);
        return slot;
    }
}
