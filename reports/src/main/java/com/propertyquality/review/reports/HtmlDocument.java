package com.propertyquality.review.reports;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.Graphics2DRenderable;
import net.sf.jasperreports.renderers.Renderable;

import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.w3c.dom.Element;

import com.propertyquality.review.reports.document.BarChart;
import com.propertyquality.review.reports.document.Block;
import com.propertyquality.review.reports.document.CellKind;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.ParetoChart;
import com.propertyquality.review.reports.document.ReportDocument;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * A {@link ReportDocument} as one continuous HTML document, written from the document model rather than from the
 * A4 pages: the cover, a contents linked to every chapter and section, the chapters with their tables (cells printed
 * as in the PDF, through {@link CellText}), the charts drawn as inline SVG by the same JFreeChart code as the PDF's,
 * and a print stylesheet (A4, each chapter on a new page, the table header repeated, no screen navigation).
 * {@link HtmlPage} then embeds the font.
 */
final class HtmlDocument {

    /** The chart bands of chapter.jrxml, in points: the SVG's viewBox, so a chart is drawn as the PDF draws it. */
    private static final Dimension CHART = new Dimension(515, 262);
    private static final Dimension TALL_CHART = new Dimension(515, 432);

    private static final String STYLE = """
            body {margin: 0; background: #eef1f5; color: #222; font-family: 'Noto Sans SC', sans-serif;
              font-size: 10.5pt; line-height: 1.6; line-break: strict;}
            .document {box-sizing: border-box; max-width: 210mm; margin: 24px auto; padding: 18mm 16mm; background: #fff;
              box-shadow: 0 1px 4px rgba(0, 0, 0, .15);}
            .cover {text-align: center; padding: 120px 0 140px; margin-bottom: 40px; border-bottom: 1px solid #466EAA;}
            .cover .company {font-size: 18pt; margin: 0;}
            .cover .year {font-size: 16pt; margin: 8px 0 0;}
            .cover h1 {font-size: 30pt; margin: 24px 0; line-height: 1.3;}
            .cover .lines {border-top: 1px solid #466EAA; width: 50%; margin: 0 auto; padding-top: 16px; font-size: 13pt;}
            .cover .lines p {margin: 4px 0;}
            nav.contents {margin-bottom: 40px;}
            nav.contents ol {list-style: none; padding-left: 0; margin: 0;}
            nav.contents ol ol {padding-left: 2em;}
            nav.contents li {margin: 2px 0;}
            nav.contents a {color: #1F3864; text-decoration: none;}
            nav.contents a:hover {text-decoration: underline;}
            h2 {font-size: 15pt; color: #1F3864; border-bottom: 1px solid #466EAA; padding-bottom: 4px; margin: 40px 0 12px;}
            h3 {font-size: 12pt; margin: 24px 0 8px;}
            figure {margin: 12px 0 16px;}
            figcaption {font-weight: bold; margin-bottom: 4px;}
            table {border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 1.4;}
            th {background: #E3E9F2; font-weight: bold; text-align: center;}
            th, td {border: 0.5pt solid #7F8A99; padding: 3px 5px; vertical-align: top;}
            td.number {text-align: right; white-space: nowrap;}
            td.date {white-space: nowrap;}
            td.signature {height: 2.5em;}
            tr.highlighted td {background: #FADBD8;}
            .note {font-size: 8pt; color: #555; margin: 4px 0 0;}
            figure.chart svg {display: block; width: 100%; height: auto; max-width: 170mm; margin: 0 auto;}
            .top {display: block; text-align: right; font-size: 9pt; margin-top: 8px;}
            .top a {color: #466EAA; text-decoration: none;}
            @media print {
              @page {size: A4; margin: 18mm 16mm;}
              body {background: none; font-size: 10pt;}
              .document {max-width: none; margin: 0; padding: 0; box-shadow: none;}
              .screen {display: none;}
              .cover {border: none; margin: 0; padding-top: 70mm; break-after: page;}
              nav.contents {break-after: page;}
              section.chapter {break-before: page;}
              section.chapter > h2 {margin-top: 0;}
              section.new-page {break-before: page;}
              h2, h3, figcaption {break-after: avoid;}
              thead {display: table-header-group;}
              tr, figure.chart {break-inside: avoid;}
              a {color: inherit; text-decoration: none;}
              th, tr.highlighted td {-webkit-print-color-adjust: exact; print-color-adjust: exact;}
            }
            """;

    private final JasperReportsContext context;
    private final Charts charts;
    private final Lang lang;
    private final StringBuilder html = new StringBuilder(1 << 16);
    private int chartCount;

    private HtmlDocument(JasperReportsContext context, Lang lang) {
        this.context = context;
        this.lang = lang;
        this.charts = new Charts(context, lang.locale());
    }

    /** The document as HTML, its title, language and font still to be filled in by {@link HtmlPage#finish}. */
    static byte[] write(ReportDocument document, JasperReportsContext context) {
        return new HtmlDocument(context, document.lang()).document(document).toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The id of a chapter, and of a section within it: the contents links to these. */
    static String chapterId(int chapter) {
        return "chapter-" + (chapter + 1);
    }

    static String sectionId(int chapter, int section) {
        return chapterId(chapter) + "-" + (section + 1);
    }

    private StringBuilder document(ReportDocument document) {
        html.append("<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title></title>\n<style type=\"text/css\">\n").append(STYLE).append("</style>\n</head>\n")
                .append("<body>\n<div class=\"document\">\n");
        cover(document);
        if (document.contents()) {
            contents(document);
        }
        html.append("<main>\n");
        for (int c = 0; c < document.chapters().size(); c++) {
            chapter(document.chapters().get(c), c, document.contents());
        }
        html.append("</main>\n</div>\n</body>\n</html>\n");
        return html;
    }

    private void cover(ReportDocument document) {
        html.append("<header class=\"cover\" id=\"cover\">\n");
        html.append("<p class=\"company\">").append(escape(document.companyName())).append("</p>\n");
        html.append("<p class=\"year\">").append(escape(ReportText.text(lang, "common.year", document.year())))
                .append("</p>\n");
        if (document.cover() != null) {
            html.append("<h1>").append(escape(document.cover().title())).append("</h1>\n");
            if (!document.cover().lines().isEmpty()) {
                html.append("<div class=\"lines\">");
                document.cover().lines().forEach(line -> html.append("<p>").append(escape(line)).append("</p>"));
                html.append("</div>\n");
            }
        } else {
            html.append("<h1>").append(escape(document.title())).append("</h1>\n");
        }
        html.append("</header>\n");
    }

    private void contents(ReportDocument document) {
        html.append("<nav class=\"contents\" id=\"contents\" aria-labelledby=\"contents-title\">\n")
                .append("<h2 id=\"contents-title\">").append(escape(
                        ReportText.text(lang, "common.contents"))).append("</h2>\n<ol>\n");
        for (int c = 0; c < document.chapters().size(); c++) {
            Chapter chapter = document.chapters().get(c);
            html.append("<li>").append(link(chapterId(c), chapter.title()));
            StringBuilder sections = new StringBuilder();
            for (int s = 0; s < chapter.sections().size(); s++) {
                String title = chapter.sections().get(s).title();
                if (title != null) {
                    sections.append("<li>").append(link(sectionId(c, s), title)).append("</li>\n");
                }
            }
            if (!sections.isEmpty()) {
                html.append("\n<ol>\n").append(sections).append("</ol>\n");
            }
            html.append("</li>\n");
        }
        html.append("</ol>\n</nav>\n");
    }

    private void chapter(Chapter chapter, int c, boolean contents) {
        html.append("<section class=\"chapter\" id=\"").append(chapterId(c)).append("\">\n<h2>")
                .append(escape(chapter.title())).append("</h2>\n");
        for (int s = 0; s < chapter.sections().size(); s++) {
            Section section = chapter.sections().get(s);
            // As in the PDF, a section asking for a new page gets one unless it opens the chapter.
            html.append("<section id=\"").append(sectionId(c, s)).append('"')
                    .append(section.newPage() && s > 0 ? " class=\"new-page\"" : "").append(">\n");
            if (section.title() != null) {
                html.append("<h3>").append(escape(section.title())).append("</h3>\n");
            }
            // a data-only table is the XLSX's alone: the HTML, like the PDF, shows its printed summary
            section.blocks().stream().filter(block -> !(block instanceof Table table && table.dataOnly()))
                    .forEach(this::block);
            html.append("</section>\n");
        }
        if (contents) {
            html.append("<p class=\"top screen\">").append(link("contents",
                    ReportText.text(lang, "htmlDocument.contents")))
                    .append("</p>\n");
        }
        html.append("</section>\n");
    }

    private void block(Block block) {
        if (block instanceof Table table) {
            table(table);
        } else if (block instanceof Paragraphs text) {
            text.lines().forEach(line -> html.append("<p>").append(escape(line)).append("</p>\n"));
        } else if (block instanceof BarChart chart) {
            chart(charts.bars(chart), chart.bars().size() >= Charts.TALL_FROM ? TALL_CHART : CHART, chart.caption());
        } else if (block instanceof ParetoChart chart) {
            chart(charts.pareto(chart), CHART, chart.caption());
        } else {
            throw new IllegalArgumentException("unknown block " + block.getClass());
        }
    }

    private void table(Table table) {
        if (table.rows().isEmpty() && table.emptyText() != null) {
            html.append("<p>").append(escape(table.emptyText())).append("</p>\n");
            note(table.note());
            return;
        }
        html.append("<figure class=\"table\">\n");
        if (table.caption() != null) {
            html.append("<figcaption>").append(escape(table.caption())).append("</figcaption>\n");
        }
        html.append("<table>\n<thead><tr>");
        for (Column column : table.columns()) {
            html.append("<th scope=\"col\">").append(escape(column.header())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Row row : table.rows()) {
            html.append(row.highlighted() ? "<tr class=\"highlighted\">" : "<tr>");
            for (int i = 0; i < table.columns().size(); i++) {
                CellKind kind = table.columns().get(i).kind();
                String type = switch (kind) {
                    case COUNT, DECIMAL, PERCENT, POINTS -> " class=\"number\"";
                    case DATE -> " class=\"date\"";
                    case SIGNATURE -> " class=\"signature\"";
                    case TEXT -> "";
                };
                html.append("<td").append(type).append('>')
                        .append(escape(CellText.format(kind, row.cells().get(i)))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (table.note() != null) {
            note(table.note());
        }
        html.append("</figure>\n");
    }

    private void note(String note) {
        if (note != null) {
            html.append("<p class=\"note\">").append(escape(note)).append("</p>\n");
        }
    }

    /** The chart drawn into SVG, its text kept as text in the page's font; its caption is its accessible name. */
    private void chart(Renderable chart, Dimension size, String caption) {
        int number = ++chartCount;
        SVGGeneratorContext generator = SVGGeneratorContext.createDefault(
                GenericDOMImplementation.getDOMImplementation().createDocument(
                        "http://www.w3.org/2000/svg", "svg", null));
        generator.setEmbeddedFontsOn(false);
        // Several charts share one page: their clip paths and gradients need ids of their own.
        generator.setIDGenerator(new SVGIDGenerator() {
            @Override
            public String generateID(String prefix) {
                return super.generateID("chart" + number + "-" + prefix);
            }
        });
        generator.setComment(null);
        SVGGraphics2D graphics = new SVGGraphics2D(generator, false);
        graphics.setSVGCanvasSize(size);
        try {
            ((Graphics2DRenderable) chart).render(context, graphics, new Rectangle2D.Double(0, 0, size.width, size.height));
        } catch (JRException e) {
            throw new IllegalStateException("Could not draw the chart " + caption, e);
        }
        Element svg = graphics.getRoot();
        svg.removeAttribute("width");
        svg.removeAttribute("height");
        svg.setAttribute("viewBox", "0 0 " + size.width + " " + size.height);
        svg.setAttribute("role", "img");
        if (caption != null) {
            svg.setAttribute("aria-label", caption);
        }
        StringWriter out = new StringWriter();
        try {
            graphics.stream(svg, out, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String markup = out.toString();
        // Inline in HTML: no XML declaration or doctype of its own; Batik names its shared definitions the same in
        // every chart, and its default font (what no text of the chart uses) would be Java's logical "Dialog".
        markup = markup.substring(markup.indexOf("<svg"))
                .replace("id=\"genericDefs\"", "id=\"chart" + number + "-genericDefs\"")
                .replace("font-family:'Dialog'", "font-family:'" + DocumentRenderer.FONT + "'");
        // The chart draws its caption as its title, so the figure has no figcaption of its own.
        html.append("<figure class=\"chart\">\n").append(markup.strip()).append("\n</figure>\n");
    }

    private static String link(String id, String text) {
        return "<a href=\"#" + id + "\">" + escape(text) + "</a>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
