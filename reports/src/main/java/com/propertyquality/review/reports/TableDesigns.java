package com.propertyquality.review.reports;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.design.JRDesignBand;
import net.sf.jasperreports.engine.fonts.FontUtil;
import net.sf.jasperreports.engine.design.JRDesignConditionalStyle;
import net.sf.jasperreports.engine.design.JRDesignExpression;
import net.sf.jasperreports.engine.design.JRDesignField;
import net.sf.jasperreports.engine.design.JRDesignFrame;
import net.sf.jasperreports.engine.design.JRDesignParameter;
import net.sf.jasperreports.engine.design.JRDesignSection;
import net.sf.jasperreports.engine.design.JRDesignStyle;
import net.sf.jasperreports.engine.design.JRDesignTextField;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.type.HorizontalTextAlignEnum;
import net.sf.jasperreports.engine.type.HyperlinkTypeEnum;
import net.sf.jasperreports.engine.type.ModeEnum;
import net.sf.jasperreports.engine.type.SplitTypeEnum;
import net.sf.jasperreports.engine.type.StretchTypeEnum;
import net.sf.jasperreports.engine.type.TextAdjustEnum;
import net.sf.jasperreports.engine.type.VerticalTextAlignEnum;
import net.sf.jasperreports.engine.type.WhenNoDataTypeEnum;

import com.propertyquality.review.reports.document.CellKind;
import com.propertyquality.review.reports.document.Column;

/**
 * The layout of a table as a Jasper subreport, built in code because every table has its own columns. A layout
 * depends only on the column kinds and widths (headers are parameters), so it is compiled once per JVM and reused by
 * every table of that shape: the office appendix compiles its tables once, however many offices there are.
 */
final class TableDesigns {

    /** The printable width of A4 portrait with the chapter's 40 pt margins. */
    static final int WIDTH = 515;

    static final String HIGHLIGHT_FIELD = "_highlighted";
    /** The anchor a linked table's row points to (the contents: the chapter's heading). */
    static final String LINK_FIELD = "_link";

    /** Jasper's structure tags for a tagged PDF: a table of rows of header or data cells. */
    private static final String TAG = "net.sf.jasperreports.export.pdf.tag.";

    static final float FONT_SIZE = 8.5f;
    private static final float MIN_HEADER_SIZE = 6f;
    static final int PADDING = 3;
    /** Where a heading may break: spaces, and around Chinese characters and punctuation. */
    private static final Pattern BREAKS =
            Pattern.compile("[\\s\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}]+");

    private static final Color HEAD_BACKGROUND = new Color(0xE3, 0xE9, 0xF2);
    private static final Color HIGHLIGHT = new Color(0xFA, 0xDB, 0xD8);
    private static final Color RULE = new Color(0x7F, 0x8A, 0x99);

    private static final Map<String, JasperReport> COMPILED = new ConcurrentHashMap<>();

    private TableDesigns() {}

    static String field(int column) {
        return "c" + column;
    }

    static String header(int column) {
        return "h" + column;
    }

    /**
     * The compiled layout for these columns. {@code typed} fields hold numbers and dates (for XLSX cells);
     * otherwise every field is the printed text of {@link CellText}.
     */
    static JasperReport compiled(List<Column> columns, int[] widths, boolean typed, JasperReportsContext context) {
        return compiled(columns, widths, typed, false, context);
    }

    /** As above; {@code linked}: each row's cells link to the local anchor in its {@link #LINK_FIELD}. */
    static JasperReport compiled(List<Column> columns, int[] widths, boolean typed, boolean linked,
            JasperReportsContext context) {
        float[] headerSizes = headerSizes(columns, widths, context);
        StringBuilder key = new StringBuilder(typed ? "typed" : "text").append(linked ? "|linked" : "");
        for (int i = 0; i < columns.size(); i++) {
            key.append('|').append(columns.get(i).kind()).append(':').append(widths[i])
                    .append(':').append(headerSizes[i]);
        }
        return COMPILED.computeIfAbsent(key.toString(),
                k -> compile(design(columns, widths, typed, linked, headerSizes), context));
    }

    /**
     * The font size of each column heading: the normal size, or smaller when a word of the heading (a Latin word
     * such as "Unsatisfied"; Chinese breaks between any two characters) would not fit the column and be split.
     */
    static float[] headerSizes(List<Column> columns, int[] widths, JasperReportsContext context) {
        float[] sizes = new float[columns.size()];
        FontRenderContext measure = new FontRenderContext(null, true, true);
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = FONT_SIZE;
            double room = widths[i] - 2 * PADDING - LineBreaks.SLACK;
            for (String word : BREAKS.split(columns.get(i).header())) {
                while (!word.isEmpty() && sizes[i] > MIN_HEADER_SIZE && boldFont(context, sizes[i])
                        .getStringBounds(word, measure).getWidth() > room) {
                    sizes[i] -= 0.5f;
                }
            }
        }
        return sizes;
    }

    static Font boldFont(JasperReportsContext context, float size) {
        return font(context, Font.BOLD, size);
    }

    static Font font(JasperReportsContext context, int style, float size) {
        return FontUtil.getInstance(context).getAwtFontFromBundles(DocumentRenderer.FONT, style, size,
                Locale.ROOT, true);
    }

    private static JasperReport compile(JasperDesign design, JasperReportsContext context) {
        try {
            return JasperCompileManager.getInstance(context).compile(design);
        } catch (JRException e) {
            throw new IllegalStateException("Could not compile the table layout " + design.getName(), e);
        }
    }

    /** The widths in points: the page width shared by weight, the rounding rest given to the last column. */
    static int[] widths(List<Column> columns) {
        return widths(columns, new double[columns.size()]);
    }

    /**
     * The widths in points, each column at least its {@code minimum} (the widest record id, masked phone or number
     * it prints, so that none is broken): a column given more than its share takes the difference from the columns
     * with room to spare, in proportion to that room. Minimums that together exceed the page are not all met.
     */
    static int[] widths(List<Column> columns, double[] minimums) {
        int total = columns.stream().mapToInt(Column::width).sum();
        double[] shares = new double[columns.size()];
        double missing = 0;
        double spare = 0;
        for (int i = 0; i < shares.length; i++) {
            shares[i] = (double) WIDTH * columns.get(i).width() / total;
            double need = Math.ceil(minimums[i]);
            if (need > shares[i]) {
                missing += need - shares[i];
            } else {
                spare += shares[i] - need;
            }
        }
        if (missing > 0 && spare > 0) {
            double taken = Math.min(1, missing / spare);
            for (int i = 0; i < shares.length; i++) {
                double need = Math.ceil(minimums[i]);
                shares[i] = need > shares[i] ? shares[i] + (need - shares[i]) * Math.min(1, spare / missing)
                        : shares[i] - (shares[i] - need) * taken;
            }
        }
        int[] widths = new int[columns.size()];
        int used = 0;
        for (int i = 0; i < widths.length - 1; i++) {
            widths[i] = (int) shares[i];
            used += widths[i];
        }
        widths[widths.length - 1] = WIDTH - used;
        return widths;
    }

    static JasperDesign design(List<Column> columns, int[] widths, boolean typed, boolean linked,
            float[] headerSizes) {
        try {
            JasperDesign design = new JasperDesign();
            design.setName("table_" + columns.size());
            design.setPageWidth(WIDTH);
            design.setColumnWidth(WIDTH);
            design.setPageHeight(842);
            design.setLeftMargin(0);
            design.setRightMargin(0);
            design.setTopMargin(0);
            design.setBottomMargin(0);
            design.setWhenNoDataType(WhenNoDataTypeEnum.ALL_SECTIONS_NO_DETAIL);

            JRDesignStyle base = style("Base", false, null);
            base.setDefault(true);
            JRDesignStyle head = style("Head", true, HEAD_BACKGROUND);
            head.setBold(true);
            JRDesignStyle cell = style("Cell", false, null);
            JRDesignConditionalStyle highlighted = new JRDesignConditionalStyle();
            highlighted.setConditionExpression(new JRDesignExpression("$F{" + HIGHLIGHT_FIELD + "}"));
            highlighted.setMode(ModeEnum.OPAQUE);
            highlighted.setBackcolor(HIGHLIGHT);
            cell.addConditionalStyle(highlighted);
            design.addStyle(base);
            design.addStyle(head);
            design.addStyle(cell);

            JRDesignField highlight = new JRDesignField();
            highlight.setName(HIGHLIGHT_FIELD);
            highlight.setValueClass(Boolean.class);
            design.addField(highlight);
            if (linked) {
                JRDesignField link = new JRDesignField();
                link.setName(LINK_FIELD);
                link.setValueClass(String.class);
                design.addField(link);
            }

            boolean signatures = columns.stream().anyMatch(c -> c.kind() == CellKind.SIGNATURE);
            int rowHeight = signatures ? 30 : 16;
            JRDesignBand headBand = new JRDesignBand();
            headBand.setHeight(20);
            headBand.setSplitType(SplitTypeEnum.PREVENT);
            JRDesignBand rowBand = new JRDesignBand();
            rowBand.setHeight(rowHeight);
            rowBand.setSplitType(SplitTypeEnum.PREVENT);

            int x = 0;
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                JRDesignParameter parameter = new JRDesignParameter();
                parameter.setName(header(i));
                parameter.setValueClass(String.class);
                design.addParameter(parameter);
                JRDesignField field = new JRDesignField();
                field.setName(field(i));
                field.setValueClass(typed ? typedClass(column.kind()) : String.class);
                design.addField(field);

                JRDesignTextField title = text(x, widths[i], 20, "$P{" + header(i) + "}", head);
                title.setHorizontalTextAlign(HorizontalTextAlignEnum.CENTER);
                cellTags(title, "th", i, columns.size());
                if (i == 0) {
                    title.getPropertiesMap().setProperty(TAG + "table", "start");
                }
                if (headerSizes[i] != FONT_SIZE) {
                    title.setFontSize(headerSizes[i]);
                }
                headBand.addElement(title);

                JRDesignTextField value = text(x, widths[i], rowHeight, "$F{" + field(i) + "}", cell);
                value.setHorizontalTextAlign(alignment(column.kind()));
                value.setBlankWhenNull(true);
                if (typed) {
                    value.setPattern(pattern(column.kind()));
                }
                cellTags(value, "td", i, columns.size());
                if (linked) {
                    value.setHyperlinkType(HyperlinkTypeEnum.LOCAL_ANCHOR);
                    value.setHyperlinkAnchorExpression(new JRDesignExpression("$F{" + LINK_FIELD + "}"));
                }
                rowBand.addElement(value);
                x += widths[i];
            }
            design.setColumnHeader(headBand);
            ((JRDesignSection) design.getDetailSection()).addBand(rowBand);
            // Each page's part of the table is a table of its own in the structure tree: it opens at its header row
            // (the column header, repeated on every page) and closes at the column footer, which ends every page's
            // part; so the page's footer and the next page's header never fall inside a table. The footer takes no
            // room and follows the last row.
            design.setColumnFooter(tableEnd());
            design.setFloatColumnFooter(true);
            return design;
        } catch (JRException e) {
            throw new IllegalStateException("Could not lay out a table of " + columns.size() + " columns", e);
        }
    }

    /** Tags a cell as a header (th) or data (td) cell, its row opened at the first column and closed at the last. */
    private static void cellTags(JRDesignTextField cell, String kind, int column, int columns) {
        cell.getPropertiesMap().setProperty(TAG + kind, "full");
        if (column == 0) {
            cell.getPropertiesMap().setProperty(TAG + "tr", columns == 1 ? "full" : "start");
        } else if (column == columns - 1) {
            cell.getPropertiesMap().setProperty(TAG + "tr", "end");
        }
    }

    /** A band of no height holding an empty frame that closes the table's structure element. */
    private static JRDesignBand tableEnd() {
        JRDesignFrame frame = new JRDesignFrame();
        frame.setX(0);
        frame.setY(0);
        frame.setWidth(1);
        frame.setHeight(0);
        frame.getPropertiesMap().setProperty(TAG + "table", "end");
        JRDesignBand band = new JRDesignBand();
        band.setHeight(0);
        band.addElement(frame);
        return band;
    }

    private static JRDesignStyle style(String name, boolean opaque, Color background) {
        JRDesignStyle style = new JRDesignStyle();
        style.setName(name);
        style.setFontName(DocumentRenderer.FONT);
        style.setFontSize(FONT_SIZE);
        style.setVerticalTextAlign(VerticalTextAlignEnum.MIDDLE);
        if (opaque) {
            style.setMode(ModeEnum.OPAQUE);
            style.setBackcolor(background);
        }
        style.getLineBox().getPen().setLineWidth(0.5f);
        style.getLineBox().getPen().setLineColor(RULE);
        style.getLineBox().setTopPadding(2);
        style.getLineBox().setBottomPadding(2);
        style.getLineBox().setLeftPadding(PADDING);
        style.getLineBox().setRightPadding(PADDING);
        return style;
    }

    /** A cell that wraps its text and grows with the tallest cell of its row, so long names are never cut. */
    private static JRDesignTextField text(int x, int width, int height, String expression, JRDesignStyle style) {
        JRDesignTextField field = new JRDesignTextField();
        field.setX(x);
        field.setY(0);
        field.setWidth(width);
        field.setHeight(height);
        field.setStyle(style);
        field.setExpression(new JRDesignExpression(expression));
        field.setTextAdjust(TextAdjustEnum.STRETCH_HEIGHT);
        field.setStretchType(StretchTypeEnum.CONTAINER_HEIGHT);
        return field;
    }

    private static Class<?> typedClass(CellKind kind) {
        return switch (kind) {
            case PERCENT, DECIMAL, POINTS -> Double.class;
            case COUNT -> Long.class;
            case DATE -> java.util.Date.class;
            case TEXT, SIGNATURE -> String.class;
        };
    }

    /** Excel number formats, converted by Jasper's XLSX exporter; percentages show two decimals as in the PDF. */
    private static String pattern(CellKind kind) {
        return switch (kind) {
            case PERCENT -> "0.00%";
            case DECIMAL -> "0.00";
            case POINTS -> "+0.00;-0.00";
            case COUNT -> "0";
            case DATE -> "yyyy-MM-dd";
            case TEXT, SIGNATURE -> null;
        };
    }

    private static HorizontalTextAlignEnum alignment(CellKind kind) {
        return switch (kind) {
            case PERCENT, DECIMAL, POINTS, COUNT -> HorizontalTextAlignEnum.RIGHT;
            case DATE -> HorizontalTextAlignEnum.CENTER;
            case TEXT, SIGNATURE -> HorizontalTextAlignEnum.LEFT;
        };
    }
}
