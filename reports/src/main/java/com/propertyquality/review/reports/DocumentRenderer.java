package com.propertyquality.review.reports;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.export.ExporterInputItem;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleExporterInputItem;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;

import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.ReportDocument;
import com.propertyquality.review.reports.document.ReportFormat;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * Lays a {@link ReportDocument} out on A4 with JasperReports and writes it as PDF, XLSX or HTML. Each chapter is
 * filled on its own from one template ({@code chapter.jrxml}) and the chapters are exported together, so page
 * numbers run on; the table of contents is filled last, when the chapters' first pages are known. HTML is written
 * from the model itself as one continuous document ({@link HtmlDocument}), not from the pages. Thread-safe.
 */
public class DocumentRenderer {

    /** The font family registered by the font extension in this module (fonts/notosanssc/fonts.xml). */
    public static final String FONT = "Noto Sans SC";

    private static final String TEMPLATES = "com/propertyquality/review/reports/";

    private static final JasperReportsContext CONTEXT = createContext();

    /**
     * A packet up to this many pages keeps every chapter's filled pages from the count to the export (the sample's
     * packet has 73); a longer one fills each chapter again when it is exported, one at a time. A single chapter of
     * a large company's packet (the office appendix) holds more pages than this while it is exported anyway.
     */
    static final int KEPT_PAGES = 400;

    private final int keptPages;

    public DocumentRenderer() {
        this(KEPT_PAGES);
    }

    /** A renderer that keeps the first fills of a packet up to {@code keptPages} pages (0: never). */
    DocumentRenderer(int keptPages) {
        this.keptPages = keptPages;
    }

    /** Compiled once per JVM: compiling costs about a second, filling a few milliseconds. */
    private static final Map<String, JasperReport> COMPILED = new ConcurrentHashMap<>();

    /** Renders the document and writes it to {@code out}, creating missing parent directories. */
    public void render(ReportDocument document, ReportFormat format, Path out) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (format == ReportFormat.PDF) {
                // straight to disk: a packet of thousands of pages is hundreds of megabytes, which a byte array
                // would hold twice while growing (BENCHMARKS.md, issue 17)
                Path exported = out.resolveSibling(out.getFileName() + ".part");
                try {
                    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(exported))) {
                        exportPdf(document, paged(document), file);
                    }
                    PdfArchive.withoutCidSets(exported, out);
                } finally {
                    Files.deleteIfExists(exported);
                }
                return;
            }
            Files.write(out, render(document, format));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + out, e);
        } catch (JRException e) {
            throw new IllegalStateException("Could not render " + document.title(), e);
        }
    }

    public byte[] render(ReportDocument document, ReportFormat format) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(format, "format");
        try {
            return switch (format) {
                case PDF -> pdf(document, paged(document));
                case XLSX -> xlsx(document, sheets(document));
                case HTML -> html(document);
            };
        } catch (JRException e) {
            throw new IllegalStateException("Could not render " + document.title(), e);
        }
    }

    /**
     * Cover, contents and chapters with their page numbers; for PDF, where pages exist. The chapters are filled once
     * to count their pages (the contents lists each chapter's first page, and is exported before them), then again,
     * one at a time, as the exporter reaches them: a packet of thousands of pages never holds more than one
     * chapter's filled pages (BENCHMARKS.md, issue 17). A packet of at most {@link #KEPT_PAGES} pages keeps its
     * first fills instead: filling again would give the same pages (their page numbers included: the offset is the same).
     */
    private List<ExporterInputItem> paged(ReportDocument document) throws JRException {
        List<JasperPrint> front = new ArrayList<>();
        if (document.cover() != null) {
            front.add(cover(document));
        }
        int before = pages(front);
        ChapterSlots slots = new ChapterSlots(CONTEXT, document.lang(), false, true);
        List<Chapter> chapters = document.chapters();
        int contentsPages = 0;
        if (document.contents()) {
            // The contents' length depends only on the number of chapters: fill it once to count its pages, then
            // again with the real page numbers.
            contentsPages = contents(document, new int[chapters.size()], before).getPages().size();
        }
        int[] offsets = new int[chapters.size()];
        int[] counted = new int[chapters.size()];
        JasperPrint[] kept = new JasperPrint[chapters.size()];
        int page = before + contentsPages;
        for (int i = 0; i < chapters.size(); i++) {
            offsets[i] = page;
            JasperPrint print = chapter(document, chapters.get(i), slots, true, page);
            counted[i] = print.getPages().size();
            page += counted[i];
            if (page <= keptPages) {
                kept[i] = print;
            } else {
                Arrays.fill(kept, null); // a long packet: each chapter is filled again as the exporter reaches it
            }
        }
        if (document.contents()) {
            int[] firstPages = new int[chapters.size()];
            for (int i = 0; i < chapters.size(); i++) {
                firstPages[i] = offsets[i] + 1;
            }
            front.add(contents(document, firstPages, before));
        }
        return new ChaptersAsExported(front, i -> {
            if (kept[i] != null) {
                JasperPrint first = kept[i];
                kept[i] = null;
                return first;
            }
            JasperPrint print = chapter(document, chapters.get(i), slots, true, offsets[i]);
            if (print.getPages().size() != counted[i]) {
                // the contents would point to the wrong pages
                throw new IllegalStateException("Chapter " + chapters.get(i).title() + " filled to "
                        + print.getPages().size() + " pages, counted " + counted[i]);
            }
            return print;
        }, chapters.size());
    }

    /** Fills one chapter, the {@code i}th, for the exporter. */
    @FunctionalInterface
    private interface ChapterFill {
        JasperPrint fill(int i) throws JRException;
    }

    /**
     * The exporter's input: the prints filled before the chapters (cover, contents), then each chapter filled when
     * the exporter asks for it and kept only until it asks for the next one. JasperReports' PDF exporter asks for
     * each item once, in order (and for the first once more, before it starts).
     */
    private static final class ChaptersAsExported extends AbstractList<ExporterInputItem> {
        private final List<JasperPrint> front;
        private final ChapterFill fill;
        private final int chapters;
        private int lastIndex = -1;
        private ExporterInputItem last;

        ChaptersAsExported(List<JasperPrint> front, ChapterFill fill, int chapters) {
            this.front = front;
            this.fill = fill;
            this.chapters = chapters;
        }

        @Override
        public ExporterInputItem get(int index) {
            if (index < front.size()) {
                return new SimpleExporterInputItem(front.get(index));
            }
            if (index != lastIndex) {
                last = null; // the previous chapter's pages go before the next one's are filled
                try {
                    last = new SimpleExporterInputItem(fill.fill(index - front.size()));
                } catch (JRException e) {
                    throw new IllegalStateException("Could not fill chapter " + (index - front.size() + 1), e);
                }
                lastIndex = index;
            }
            return last;
        }

        @Override
        public int size() {
            return front.size() + chapters;
        }
    }

    /**
     * Fills the chapters for XLSX: cells hold numbers, and there is no page header or footer (a sheet has no pages,
     * so no page numbers either).
     */
    private List<JasperPrint> sheets(ReportDocument document) throws JRException {
        ChapterSlots slots = new ChapterSlots(CONTEXT, document.lang(), true, false);
        List<JasperPrint> prints = new ArrayList<>();
        for (Chapter chapter : document.chapters()) {
            prints.add(chapter(document, chapter, slots, false, 0));
        }
        return prints;
    }

    private JasperPrint chapter(ReportDocument document, Chapter chapter, ChapterSlots slots, boolean paper,
            int pageOffset) throws JRException {
        return chapter(document, chapter, slots.of(chapter), paper, pageOffset);
    }

    private JasperPrint chapter(ReportDocument document, Chapter chapter, List<Map<String, ?>> slots, boolean paper,
            int pageOffset) throws JRException {
        Lang lang = document.lang();
        Map<String, Object> params = new HashMap<>();
        params.put("CHAPTER_TITLE", chapter.title());
        params.put("HEADER_TEXT", footer(document));
        params.put("PAGE_TEXT", ReportText.text(lang, "documentRenderer.page_number"));
        params.put("PAGE_OFFSET", pageOffset);
        params.put("PAPER", paper);
        params.put(JRParameter.REPORT_LOCALE, lang.locale());
        JasperPrint print = JasperFillManager.getInstance(CONTEXT).fill(compiled("chapter"), params,
                new JRMapCollectionDataSource(slots));
        print.setName(chapter.sheet());
        return print;
    }

    /**
     * The contents: each entry links to its chapter's heading, whose anchor is the chapter's title (the same anchor
     * names the chapter's bookmark). Anchors, unlike page numbers, resolve across the chapters' separate fills.
     */
    private JasperPrint contents(ReportDocument document, int[] firstPages, int pageOffset) throws JRException {
        Lang lang = document.lang();
        List<Row> rows = new ArrayList<>();
        List<String> anchors = new ArrayList<>();
        for (int i = 0; i < document.chapters().size(); i++) {
            rows.add(Row.of(document.chapters().get(i).title(), (long) firstPages[i]));
            anchors.add(document.chapters().get(i).title());
        }
        Table table = Table.of(List.of(Column.text(ReportText.text(lang, "column.contents_chapter"), 85),
                Column.count(ReportText.text(lang, "column.page"), 15)), rows);
        Chapter contents = Chapter.of(ReportText.text(lang, "common.contents"),
                ReportText.text(lang, "common.contents"),
                Section.of(null, table));
        return chapter(document, contents, new ChapterSlots(CONTEXT, lang, false, true).of(contents, anchors), true,
                pageOffset);
    }

    private JasperPrint cover(ReportDocument document) throws JRException {
        Lang lang = document.lang();
        Map<String, Object> params = new HashMap<>();
        params.put("COMPANY_NAME", document.companyName());
        params.put("YEAR_LINE", ReportText.text(lang, "common.year", document.year()));
        params.put("TITLE", document.cover().title());
        params.put("LINES", String.join("\n", document.cover().lines()));
        params.put(JRParameter.REPORT_LOCALE, lang.locale());
        return JasperFillManager.getInstance(CONTEXT).fill(compiled("cover"), params, new JREmptyDataSource());
    }

    /** The line at the foot of every page: company, year and title. */
    private static String footer(ReportDocument document) {
        return document.companyName() + " · " + document.title();
    }

    private static int pages(List<JasperPrint> prints) {
        return prints.stream().mapToInt(p -> p.getPages().size()).sum();
    }

    private byte[] pdf(ReportDocument document, List<ExporterInputItem> prints) throws JRException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        exportPdf(document, prints, bytes);
        return PdfArchive.withoutCidSets(bytes.toByteArray());
    }

    private void exportPdf(ReportDocument document, List<ExporterInputItem> prints, OutputStream out)
            throws JRException {
        JRPdfExporter exporter = new JRPdfExporter(CONTEXT);
        exporter.setExporterInput(new SimpleExporterInput(prints));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
        config.setMetadataTitle(document.title());
        config.setMetadataAuthor(document.companyName());
        config.setMetadataCreator("review-pipeline");
        config.setDisplayMetadataTitle(true);
        config.setTagLanguage(document.lang().tag());
        // A digital document: tagged (headings, tables, figures with alternative text, in reading order), so a
        // screen reader or a reflowing viewer can follow it. Archivable and accessible: PDF/A-2a (PDF/A-2's rules,
        // every font embedded, sRGB output intent, XMP metadata, plus the tagging and the language).
        config.setTagged(true);
        config.setPdfaConformance(PdfaConformanceEnum.PDFA_2A);
        config.setIccProfilePath(SrgbProfile.path());
        // PDF 1.5's object streams (PDF/A-2 allows them): the tags' small dictionaries, most of a packet's objects,
        // are stored compressed, and the cross-reference section is a binary stream rather than a line of text per
        // object, which OpenPDF formats one by one (a tenth of the packet's time). The scale-1 packet: 14 MB, not 54.
        config.setCompressed(true);
        exporter.setConfiguration(config);
        exporter.exportReport();
    }

    /**
     * One print sheet per chapter, named by the chapter, numbers and dates as typed cells with their formats; then
     * the data sheets, one per table (see {@link DataSheets}).
     */
    private byte[] xlsx(ReportDocument document, List<JasperPrint> prints) throws JRException {
        JRXlsxExporter exporter = new JRXlsxExporter(CONTEXT);
        exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(bytes));
        SimpleXlsxReportConfiguration config = new SimpleXlsxReportConfiguration();
        config.setOnePagePerSheet(false);
        config.setDetectCellType(true);
        config.setRemoveEmptySpaceBetweenRows(true);
        config.setRemoveEmptySpaceBetweenColumns(true);
        config.setWhitePageBackground(false);
        config.setIgnoreGraphics(false);
        config.setCollapseRowSpan(true);
        config.setSheetNames(prints.stream().map(JasperPrint::getName).toArray(String[]::new));
        exporter.setConfiguration(config);
        exporter.exportReport();
        return DataSheets.append(bytes.toByteArray(), document);
    }

    /** One continuous document that opens in a browser and prints on A4 (see {@link HtmlDocument}). */
    private byte[] html(ReportDocument document) {
        return HtmlPage.finish(HtmlDocument.write(document, CONTEXT), document);
    }

    private static JasperReport compiled(String template) {
        return COMPILED.computeIfAbsent(template, DocumentRenderer::compile);
    }

    private static JasperReport compile(String template) {
        String resource = TEMPLATES + template + ".jrxml";
        try (InputStream in = DocumentRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Template not on the classpath: " + resource);
            }
            return JasperCompileManager.getInstance(CONTEXT).compile(in);
        } catch (IOException | JRException e) {
            throw new IllegalStateException("Could not compile " + resource, e);
        }
    }

    /**
     * Jasper's defaults are SansSerif/Helvetica/Cp1252, which would neither show nor embed Chinese; every element
     * falls back to Noto Sans SC instead. JDT compiles the templates because javac cannot see classes nested in a
     * Spring Boot jar.
     */
    private static JasperReportsContext createContext() {
        SimpleJasperReportsContext context = new SimpleJasperReportsContext();
        context.setProperty("net.sf.jasperreports.default.font.name", FONT);
        context.setProperty("net.sf.jasperreports.default.pdf.font.name", FONT);
        context.setProperty("net.sf.jasperreports.default.pdf.encoding", "Identity-H");
        context.setProperty("net.sf.jasperreports.default.pdf.embedded", "true");
        // Draw chart text with the embedded font instead of as outlines, so it stays searchable and small.
        context.setProperty("net.sf.jasperreports.export.pdf.force.svg.shapes", "false");
        // Break lines in the PDF where the fill did (java.text.BreakIterator): left to itself the PDF library breaks
        // Chinese before any character, so lines started with 。，、 although the fill had kept them in place.
        context.setProperty("net.sf.jasperreports.export.pdf.force.linebreak.policy", "true");
        // Alternative text in Chinese survives in the tagged PDF (see TaggedPdfProducerFactory).
        context.setProperty("net.sf.jasperreports.export.pdf.producer.factory",
                TaggedPdfProducerFactory.class.getName());
        context.setProperty("net.sf.jasperreports.compiler.java", "net.sf.jasperreports.jdt.JRJdtCompiler");
        return context;
    }
}
