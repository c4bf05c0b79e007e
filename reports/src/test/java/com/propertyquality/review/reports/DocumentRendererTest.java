package com.propertyquality.review.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.reports.document.BarChart;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.ParetoChart;
import com.propertyquality.review.reports.document.ReportDocument;
import com.propertyquality.review.reports.document.ReportFormat;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

class DocumentRendererTest {

    static final String LONG_NAME = "深圳市南山区蛇口街道海上世界滨海大道一号国际商务中心暨高端住宅综合体第二物业服务管理处";
    static final String RARE_NAME = "喆堃燊苑管理处";

    static final DocumentRenderer renderer = new DocumentRenderer();
    static byte[] pdf;
    static List<String> pages;    // text sorted by position: a table row reads as one line
    static List<String> rawPages; // text in drawing order: a wrapped cell reads as one piece

    static Table returnRates() {
        return new Table("调查表回收率", List.of(
                Column.text("管理处编号", 10), Column.text("管理处名称", 30), Column.count("发放份数", 10),
                Column.count("回收份数", 10), Column.percent("回收率", 10), Column.text("异常", 20)),
                List.of(
                        Row.of("O01", "东湖花园管理处", 100L, 80L, 0.8, null),
                        Row.shaded("O02", "南山公寓管理处", 200L, 90L, 0.45, null),
                        Row.shaded("O03", LONG_NAME, null, 35L, null, "无发放记录"),
                        Row.shaded("O04", RARE_NAME, 40L, 42L, 1.05, "回收数超过发放数（数据错误）")),
                null, "回收率要求：不低于 60.00%");
    }

    static BarChart rateChart() {
        return new BarChart("各管理处满意率", "满意率（%）", List.of(
                new BarChart.Bar("东湖花园管理处", 0.8), new BarChart.Bar("南山公寓管理处", 2.0 / 3),
                new BarChart.Bar(LONG_NAME, null), new BarChart.Bar(RARE_NAME, 0.9)), 0.7333, "全公司");
    }

    static ParetoChart pareto() {
        return new ParetoChart("投诉排列图", "投诉件数", "累计百分比（%）", List.of(
                new ParetoChart.Bar("电梯", 12, 0.48, true), new ParetoChart.Bar("治安", 8, 0.80, true),
                new ParetoChart.Bar("绿化", 5, 1.0, false)), 0.8);
    }

    static ReportDocument sample(Lang lang) {
        Table signatures = Table.of(List.of(Column.text(lang.pick("姓名", "Name"), 20),
                Column.text(lang.pick("部门", "Department"), 30), Column.signature(lang.pick("签名", "Signature"), 30)),
                List.of(Row.of("张三", "质量管理部", null), Row.of("李四", "客户服务中心", null)));
        Table scores = Table.of(List.of(Column.text("Office", 30), Column.decimal("Score", 10),
                Column.points("Change", 10), Column.date("Inspected on", 15)),
                List.of(Row.of("东湖花园管理处", 4.125, -5.1, LocalDate.of(2025, 3, 1)),
                        Row.of("南山公寓管理处", 3.5, 1.2, null)));
        return new ReportDocument(lang.pick("2025 年度管理评审资料", "Management review 2025"), "示例物业管理有限公司",
                2025, lang, new ReportDocument.Cover(lang.pick("管理评审资料", "Management review"),
                        List.of(lang.pick("编制：质量管理部", "Prepared by the quality department"))),
                true, List.of(
                        Chapter.of(lang.pick("一、服务业绩", "1. Service performance"), "perf",
                                Section.of(lang.pick("（一）调查表回收率", "1.1 Return rates"), returnRates()),
                                Section.of(lang.pick("（二）满意率", "1.2 Satisfaction"), rateChart(), scores)),
                        Chapter.of(lang.pick("二、投诉与表单", "2. Complaints and forms"), "forms",
                                Section.of(lang.pick("（一）主要因素", "2.1 Main factors"), pareto(),
                                        Paragraphs.of(lang.pick("电梯和治安为主要因素。", "Lifts and security are the main factors."))),
                                Section.of(lang.pick("（二）纠正措施", "2.2 Actions"),
                                        Table.of(List.of(Column.text("措施", 1)), List.of())
                                                .withEmptyText(lang.pick("本年度无纠正措施。", "No actions this year."))),
                                Section.of(lang.pick("（三）会议签到记录表", "2.3 Attendance"), signatures)),
                        new Chapter(lang.pick("附录", "Appendix"), "appendix", List.of(
                                Section.onNewPage("东湖花园管理处", Paragraphs.of("回收率 80.00%")),
                                Section.onNewPage("南山公寓管理处", Paragraphs.of("回收率 45.00%"))))));
    }

    @BeforeAll
    static void render() throws IOException {
        pdf = renderer.render(sample(Lang.ZH), ReportFormat.PDF);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/document-sample.pdf"), pdf); // kept for a look with pdftoppm / pdffonts
        pages = pageTexts(pdf, true);
        rawPages = pageTexts(pdf, false);
    }

    @Test
    void coverCarriesTitleCompanyAndYearButNoPageNumber() {
        assertThat(pages.get(0)).contains("管理评审资料", "示例物业管理有限公司", "2025 年度", "编制：质量管理部")
                .doesNotContain("第 1 页");
    }

    @Test
    void contentsListEveryChapterWithThePageItStartsOn() {
        String contents = pages.get(1);
        assertThat(contents).contains("目录", "章节", "页码");
        for (String chapter : List.of("一、服务业绩", "二、投诉与表单", "附录")) {
            String line = contents.lines().filter(l -> l.startsWith(chapter)).findFirst().orElseThrow();
            int listed = Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1).trim());
            assertThat(pages.get(listed - 1)).as(chapter).startsWith(chapter);
        }
    }

    /** The packet keeps its first fills when short; filled again chapter by chapter, it reads the same. */
    @Test
    void aPacketFilledAgainForItsExportReadsTheSameAsOneFilledOnce() throws IOException {
        byte[] filledAgain = new DocumentRenderer(0).render(sample(Lang.ZH), ReportFormat.PDF);

        assertThat(pages.size()).isGreaterThan(3).isLessThanOrEqualTo(DocumentRenderer.KEPT_PAGES);
        assertThat(pageTexts(filledAgain, true)).isEqualTo(pages);
        assertThat(pageTexts(filledAgain, false)).isEqualTo(rawPages);
    }

    @Test
    void pagesAfterTheCoverAreNumberedWithCompanyAndTitle() {
        for (int i = 1; i < pages.size(); i++) {
            assertThat(pages.get(i)).contains("第 " + (i + 1) + " 页", "示例物业管理有限公司 · 2025 年度管理评审资料");
        }
    }

    @Test
    void cellsPrintThroughTheOneFormatter() {
        assertThat(line("O01")).contains("东湖花园管理处", "100", "80", "80.00%");
        assertThat(line("O02")).contains("45.00%");
        assertThat(line("O04")).contains("105.00%"); // over 100% is shown as it is, with its (wrapped) label
        assertThat(rawPages.get(2).replaceAll("\\s+", "")).contains("回收数超过发放数（数据错误）");
        // O03 has neither a distributed count nor a rate: both cells print "—".
        assertThat(line("O03").chars().filter(c -> c == '—').count()).isEqualTo(2);
        assertThat(line("东湖花园管理处 4.13")).contains("-5.10", "2025-03-01");
        assertThat(line("南山公寓管理处 3.50")).contains("+1.20", "—");
        assertThat(all()).contains("回收率要求：不低于 60.00%");
    }

    @Test
    void highlightedRowsAreTintedAndOthersAreNot() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(countHighlightFills(doc.getPage(2))).isEqualTo(3 * 6); // three rows of six cells
            assertThat(countHighlightFills(doc.getPage(1))).isZero();
        }
    }

    @Test
    void chartTextIsChineseAndSearchable() {
        String page = rawPages.stream().filter(p -> p.contains("各管理处满意率")).findFirst().orElseThrow();
        String chart = page.substring(page.indexOf("各管理处满意率")).replaceAll("\\s+", "");
        assertThat(chart).contains("满意率（%）", "0%", "100%", "东湖花园管理处", "南山公寓管理处", RARE_NAME, LONG_NAME);
        assertThat(chart).contains("80.00%", "66.67%", "90.00%", "全公司73.33%");
    }

    @Test
    void paretoChartHasCountsCumulativeSharesAndCutOff() {
        String page = rawPages.stream().filter(p -> p.contains("投诉排列图")).findFirst().orElseThrow();
        String chart = page.replaceAll("\\s+", "");
        // The axis titles are drawn rotated (checked by eye); the horizontal text is read back.
        assertThat(chart).contains("电梯", "治安", "绿化", "12", "48.00%", "80.00%", "100.00%");
    }

    @Test
    void emptyTablesSayWhyAndSignatureRowsStayBlank() {
        assertThat(all()).contains("本年度无纠正措施。");
        assertThat(all().lines()).doesNotContain("措施"); // no empty table under it
        assertThat(line("张三")).contains("质量管理部").doesNotContain("—");
    }

    @Test
    void rareCharactersAndLongNamesSurviveWhole() {
        assertThat(all()).contains(RARE_NAME, "喆", "堃", "燊");
        // The long name wraps inside its cell; joined again it must be complete, not cut.
        assertThat(rawPages.get(2).replaceAll("\\s+", "")).contains(LONG_NAME);
    }

    @Test
    void sectionsOnANewPageStartOne() {
        assertThat(pages).filteredOn(p -> p.contains("回收率 80.00%")).hasSize(1)
                .allSatisfy(p -> assertThat(p).doesNotContain("回收率 45.00%"));
        assertThat(pages.get(pages.size() - 1)).contains("南山公寓管理处", "回收率 45.00%");
    }

    @Test
    void chaptersAndSectionsAreInThePdfOutline() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> titles = new ArrayList<>();
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                titles.add(item.getTitle());
                item.children().forEach(child -> titles.add("  " + child.getTitle()));
            }
            assertThat(titles).contains("一、服务业绩", "  （一）调查表回收率", "  （二）满意率", "二、投诉与表单",
                    "  （三）会议签到记录表", "附录", "  东湖花园管理处");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("2025 年度管理评审资料");
        }
    }

    @Test
    void everyFontIsEmbeddedNotoSansScAndNeverHelvetica() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                collectFonts(page.getResources(), fonts, new HashSet<>());
            }
            assertThat(fonts).isNotEmpty();
            for (PDFont font : fonts) {
                assertThat(font.isEmbedded()).as("embedded: " + font.getName()).isTrue();
                assertThat(font.getName()).contains("NotoSansSC").doesNotContainIgnoringCase("Helvetica");
            }
        }
    }

    /**
     * PDF 1.5 with object streams, the font descriptors' update a cross-reference stream, and no font descriptor
     * left with a CID set: what the export and PdfArchive make, read back by another library.
     */
    @Test
    void theFileKeepsItsObjectsInStreamsAndItsFontsWithoutCidSets() throws IOException {
        String bytes = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(bytes).startsWith("%PDF-1.5").contains("/ObjStm");
        // the last section, after the export's own %%EOF: the descriptors and the cross-reference stream
        String update = bytes.substring(bytes.lastIndexOf("%%EOF", bytes.length() - 7));
        assertThat(update).contains("/FontDescriptor").contains("/XRef").contains("/Prev").doesNotContain("/CIDSet");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                collectFonts(page.getResources(), fonts, new HashSet<>());
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.getFontDescriptor().getCOSObject()
                    .containsKey(COSName.getPDFName("CIDSet"))).as(font.getName()).isFalse());
        }
    }

    @Test
    void isValidPdfA2a() throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_2_A);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_A, false)) {
            ValidationResult result = validator.validate(parser);
            assertThat(result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
                    .map(a -> a.getRuleId().getClause() + " " + a.getMessage()).distinct().toList()).isEmpty();
            assertThat(result.isCompliant()).isTrue();
        }
    }

    @Test
    void pdfIsTaggedWithHeadingsTablesAndFiguresInReadingOrder() throws IOException {
        TaggedPdf tagged = TaggedPdf.read(pdf, List.of(2));
        assertThat(tagged.marked()).isTrue();
        assertThat(tagged.lang()).isEqualTo("zh-CN");
        // contents; chapter 1: two sections, a table, a chart and a table; chapter 2: a chart, a section whose table
        // is empty (a sentence instead) and the signature table; the appendix: two sections of text.
        assertThat(tagged.outlineOfTypes()).containsExactly(
                "H1", "Table",
                "H1", "H2", "Table", "H2", "Figure", "Table",
                "H1", "H2", "Figure", "H2", "H2", "Table",
                "H1", "H2", "H2");
    }

    @Test
    void tablesStartWithAHeaderRowAndEveryRowHasACellPerColumn() throws IOException {
        List<TaggedPdf.Element> elements = TaggedPdf.read(pdf, List.of(2)).elements();
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            TaggedPdf.Element table = elements.get(i);
            if (!table.type().equals("Table")) {
                continue;
            }
            assertThat(table.kidTypes()).isNotEmpty().containsOnly("TR");
            List<List<String>> rows = new ArrayList<>();
            for (int j = i + 1; j < elements.size() && elements.get(j).depth() > table.depth(); j++) {
                if (elements.get(j).depth() == table.depth() + 1) {
                    rows.add(elements.get(j).kidTypes());
                }
            }
            assertThat(rows.get(0)).containsOnly("TH");
            assertThat(rows.subList(1, rows.size())).isNotEmpty().allSatisfy(row -> assertThat(row)
                    .hasSize(rows.get(0).size()).containsOnly("TD"));
            columns.add(rows.get(0).size());
        }
        assertThat(columns).containsExactly(2, 6, 4, 3); // contents, return rates, scores, attendance
    }

    @Test
    void everyChartIsAFigureThatSaysWhatItShows() throws IOException {
        assertThat(TaggedPdf.read(pdf, List.of(2)).ofType("Figure")).extracting(TaggedPdf.Element::alt)
                .containsExactly("柱状图：各管理处满意率。满意率（%）：东湖花园管理处 80.00%；南山公寓管理处 66.67%；"
                                + LONG_NAME + " —；" + RARE_NAME + " 90.00%。参考线：全公司 73.33%。",
                        "帕累托图：投诉排列图。电梯 12（累计 48.00%）；治安 8（累计 80.00%）；绿化 5（累计 100.00%）。"
                                + "主要因素（累计至 80.00%）：电梯、治安。");
    }

    @Test
    void everyContentsEntryLinksToItsChaptersFirstPage() throws IOException {
        TaggedPdf tagged = TaggedPdf.read(pdf, List.of(2));
        Map<String, Integer> chapters = new LinkedHashMap<>(tagged.chapters());
        assertThat(chapters.remove("目录")).isEqualTo(2);
        assertThat(chapters).containsOnlyKeys("一、服务业绩", "二、投诉与表单", "附录").containsEntry("一、服务业绩", 3);
        chapters.forEach((title, page) -> {
            assertThat(tagged.contentsLinks()).as(title).contains(new TaggedPdf.Link(title, page),
                    new TaggedPdf.Link(String.valueOf(page), page));
        });
        assertThat(tagged.contentsLinks()).hasSize(2 * chapters.size());
    }

    @Test
    void englishPdfIsTaggedInEnglishAndValidPdfA2a() throws Exception {
        byte[] english = renderer.render(sample(Lang.EN), ReportFormat.PDF);
        TaggedPdf tagged = TaggedPdf.read(english, List.of(2));
        assertThat(tagged.lang()).isEqualTo("en-GB");
        assertThat(tagged.ofType("Figure")).extracting(TaggedPdf.Element::alt)
                .satisfiesExactly(alt -> assertThat(alt).startsWith("Bar chart: 各管理处满意率. 满意率（%）: 东湖花园管理处 80.00%;")
                                .endsWith(" Reference line: 全公司 73.33%."),
                        alt -> assertThat(alt).endsWith("Main factors (to 80.00% cumulative): 电梯, 治安."));
        assertThat(tagged.contentsLinks()).contains(new TaggedPdf.Link("1. Service performance", 3));
        assertThat(TaggedPdf.veraPdfFailures(english, PDFAFlavour.PDFA_2_A)).isEmpty();
    }

    /** A table of 150 offices over several pages, then a chapter of one line. */
    static ReportDocument longTable() {
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            rows.add(Row.shadedIf(i % 7 == 0, String.format("P%03d", i), "第" + i + "管理处", (long) (50 + i % 40),
                    (50 + i % 40) / 100.0));
        }
        Table table = Table.of(List.of(Column.text("管理处编号", 1), Column.text("管理处名称", 3),
                Column.count("回收份数", 1), Column.percent("回收率", 1)), rows);
        return new ReportDocument("大型物业集团 2024", "大型物业集团", 2024, Lang.ZH, null, false,
                List.of(Chapter.of("一、回收率", "returns", Section.of(null, table)),
                        Chapter.of("二、其它", "other", Section.of(null, Paragraphs.of("完")))));
    }

    @Test
    void longTablesRepeatTheirHeaderAndPageNumbersRunOn() throws IOException {
        byte[] bigPdf = renderer.render(longTable(), ReportFormat.PDF);
        List<String> texts = pageTexts(bigPdf, true);
        assertThat(texts.size()).isGreaterThanOrEqualTo(4);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(texts.get(i)).contains("第 " + (i + 1) + " 页");
        }
        // Continuation pages repeat the header: page header line (chapter title), then the table header.
        assertThat(texts.get(1).lines().skip(1).findFirst().orElseThrow()).startsWith("管理处编号");
        String text = String.join("\n", texts);
        assertThat(text).contains("P150", "第150管理处");
        assertThat(texts.get(texts.size() - 1)).startsWith("二、其它");

        // Tagged, each page's part is a table of its own that starts with its header row: the page's footer and the
        // next page's header stay outside the tables, and the 150 rows are all data rows.
        List<TaggedPdf.Element> elements = TaggedPdf.read(bigPdf, List.of()).elements();
        List<TaggedPdf.Element> tables = elements.stream().filter(e -> e.type().equals("Table")).toList();
        assertThat(tables).hasSizeGreaterThanOrEqualTo(texts.size() - 1)
                .allSatisfy(t -> assertThat(t.kidTypes()).containsOnly("TR"));
        assertThat(elements.stream().filter(e -> e.type().equals("TR") && e.kidTypes().contains("TH")))
                .hasSize(tables.size()).allSatisfy(tr -> assertThat(tr.kidTypes()).containsOnly("TH").hasSize(4));
        assertThat(elements.stream().filter(e -> e.type().equals("TR") && e.kidTypes().contains("TD"))).hasSize(150);
    }

    /**
     * The tags of a page's finished tables are written to the file as the pages are, not kept to the end (the PDF
     * library would hold 10,000 pages' tags in memory): every table under the top element but the last has its kids in an
     * indirect array. The tree still reads back whole (the test above) and the file is still PDF/A-2a.
     */
    @Test
    void finishedTagsAreWrittenAsThePagesAreAndTheFileStaysPdfA2a() throws Exception {
        byte[] bigPdf = renderer.render(longTable(), ReportFormat.PDF);
        try (PDDocument document = Loader.loadPDF(bigPdf)) {
            PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
            assertThat(root.getKids()).hasSize(1); // Jasper's top element, All, holds the rest
            PDStructureElement documentTag = (PDStructureElement) root.getKids().get(0);
            List<COSDictionary> tables = new ArrayList<>();
            COSArray children = documentTag.getCOSObject().getCOSArray(COSName.K);
            for (int i = 0; i < children.size(); i++) {
                if (children.getObject(i) instanceof COSDictionary child
                        && COSName.getPDFName("Table").equals(child.getCOSName(COSName.S))) {
                    tables.add(child);
                }
            }
            assertThat(tables).hasSizeGreaterThanOrEqualTo(document.getNumberOfPages() - 1);
            assertThat(tables.subList(0, tables.size() - 1))
                    .allSatisfy(table -> assertThat(table.getItem(COSName.K)).isInstanceOf(COSObject.class));
        }
        assertThat(TaggedPdf.veraPdfFailures(bigPdf, PDFAFlavour.PDFA_2_A)).isEmpty();
    }

    @Test
    void englishDocumentHasEnglishFurniture() throws IOException {
        List<String> english = pageTexts(renderer.render(sample(Lang.EN), ReportFormat.PDF), true);
        assertThat(english.get(0)).contains("Year 2025", "Management review");
        assertThat(english.get(1)).contains("Contents", "Chapter", "Page 2");
        String all = String.join("\n", english);
        assertThat(all).contains("Page 3", "1. Service performance", "No actions this year.")
                .doesNotContain("第 ", "目录", "页码");
    }

    @Test
    void narrowEnglishHeadingsShrinkRatherThanSplitAWord() throws IOException {
        Table narrow = Table.of(List.of(Column.text("Office", 36), Column.count("Unsatisfied", 9),
                Column.count("Qualified", 8), Column.percent("Satisfaction", 9), Column.text("Note", 38)),
                List.of(Row.of("East Lake", 3L, 40L, 0.9, null)));
        ReportDocument document = new ReportDocument("Narrow", "Company", 2025, Lang.EN, null, false,
                List.of(Chapter.of("1. Narrow", "narrow", Section.of(null, narrow))));
        String text = pageTexts(renderer.render(document, ReportFormat.PDF), true).get(0);
        assertThat(text).contains("Unsatisfied", "Qualified", "Satisfaction");
    }

    @Test
    void chineseLinesBreakByTheRulesAndKeepIdsAndPhonesWhole() throws IOException {
        String sentences = LineBreaksTest.SENTENCES;
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            rows.add(Row.of(String.format("FB2025-DG01-%04d", i), String.format("1%02d****%04d", 30 + i, 1000 + i * 7),
                    sentences.substring(0, 20 + i * 9), "管理处回复：已处理，关联编号R2025-DG01-00" + (10 + i) + "。"));
        }
        // Narrow columns: by weight the id and phone columns get less than they need to print them on one line.
        Table narrow = Table.of(List.of(Column.text("关联编号", 6), Column.text("电话", 5), Column.text("投诉内容", 18),
                Column.text("处理情况（含回访）", 8)), rows);
        ReportDocument document = new ReportDocument("排版", "示例物业管理有限公司", 2025, Lang.ZH, null, false,
                List.of(Chapter.of("一、排版", "typesetting", Section.of("（一）长句", Paragraphs.of(sentences + sentences,
                        sentences.repeat(3)), narrow))));
        byte[] bytes = renderer.render(document, ReportFormat.PDF);
        Files.write(Path.of("target/document-typesetting.pdf"), bytes);
        List<String> lines = PdfLines.of(bytes).stream().flatMap(List::stream).map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        assertThat(lines).allSatisfy(line -> {
            assertThat(LineBreaks.CLOSING.indexOf(line.charAt(0))).as("starts with closing punctuation: " + line)
                    .isNegative();
            assertThat(LineBreaks.OPENING.indexOf(line.charAt(line.length() - 1)))
                    .as("ends with opening punctuation: " + line).isNegative();
        });
        // Every masked phone and record id the document prints is found whole on one line.
        long printed = 5 * tokens(sentences) + rows.stream().flatMap(r -> r.cells().stream())
                .mapToLong(c -> tokens((String) c)).sum();
        assertThat(lines.stream().mapToLong(DocumentRendererTest::tokens).sum()).isEqualTo(printed);
        // Nothing invisible was added: the extracted text is the text, and searchable across line ends.
        String text = String.join("", lines);
        assertThat(text).doesNotContain("\u2060", "\u200b", "\ufeff").contains(sentences);
    }

    static final java.util.regex.Pattern TOKENS = java.util.regex.Pattern.compile(
            "(?<![0-9A-Z*-])(?:1\\d{2}\\*{4}\\d{4}|[A-Z]{1,2}\\d{4}-[A-Z]{2}\\d{2}-\\d{4}|[A-Z]{2}-\\d{4}-\\d{3})(?![0-9A-Z*-])");

    /** Masked phones (158****6455) and record ids (FB2025-DG01-0012, R2025-DG01-0001, CA-2025-007) in the text. */
    static long tokens(String text) {
        return TOKENS.matcher(text).results().count();
    }

    @Test
    void aCaptionNeverStandsAloneAtTheFootOfAPage() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            rows.add(Row.of(String.format("R%03d", i), "东湖花园管理处", (long) i));
        }
        Table table = new Table("验证无效的措施", List.of(Column.text("编号", 1), Column.text("管理处", 3),
                Column.count("件数", 1)), rows, null, null);
        // Filler paragraphs of one line each move the caption down the page, 16 pt a step, through the page's foot.
        for (int filler = 30; filler <= 46; filler++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < filler; i++) {
                lines.add("第" + (i + 1) + "行");
            }
            ReportDocument document = new ReportDocument("标题", "公司", 2025, Lang.ZH, null, false, List.of(
                    Chapter.of("一、章", "chapter", Section.of(null, Paragraphs.of(lines.toArray(String[]::new)),
                            table))));
            List<String> texts = pageTexts(renderer.render(document, ReportFormat.PDF), true);
            String captionPage = texts.stream().filter(t -> t.contains("验证无效的措施")).findFirst().orElseThrow();
            assertThat(captionPage).as("%d lines before the table", filler).contains("R001", "管理处");
        }
    }

    @Test
    void paretoCategoryLabelsAreNeverBrokenInsideAWord() throws IOException {
        for (Lang lang : Lang.values()) {
            List<String> labels = lang == Lang.ZH
                    ? List.of("维修保养", "停车", "环境卫生", "电梯", "供水供电", "收费", "投诉处理", "安全秩序", "绿化",
                            "接待服务", "经营服务", "服务跟进", "其它")
                    // six: thirteen English labels are angled, which PDFBox does not read back
                    : List.of("Maintenance", "Parking", "Complaint handling", "Environment", "Water power", "Fees");
            List<ParetoChart.Bar> bars = new ArrayList<>();
            int n = labels.size();
            long total = n * (n + 1) / 2;
            long cumulative = 0;
            for (int i = 0; i < n; i++) {
                cumulative += n - i;
                bars.add(new ParetoChart.Bar(labels.get(i), n - i, (double) cumulative / total, i < 4));
            }
            ReportDocument document = new ReportDocument("Pareto", "Company", 2025, lang, null, false, List.of(
                    Chapter.of("1. Pareto", "pareto", Section.of(null, new ParetoChart("Complaints by area",
                            "Complaints", "Cumulative share (%)", bars, 0.8)))));
            String chart = pageTexts(renderer.render(document, ReportFormat.PDF), false).get(0);
            for (String label : labels) {
                // English words, and the two-character words Chinese area names are made of (维修 保养)
                String[] words = lang == Lang.ZH ? label.split("(?<=\\G..)") : label.split(" ");
                for (String word : words) {
                    assertThat(chart).as(lang + " label " + label).contains(word);
                }
            }
            assertThat(chart).contains("100.00%", "80.00%");
        }
    }

    @Test
    void xlsxHasOneSheetPerChapterWithNumericCells() throws IOException {
        byte[] xlsx = renderer.render(sample(Lang.ZH), ReportFormat.XLSX);
        Files.write(Path.of("target/document-sample.xlsx"), xlsx);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            // the print sheets, one per chapter, come first; the data sheets follow (DataSheetsTest)
            assertThat(sheets.subList(0, 3)).extracting(Sheet::getName).containsExactly("perf", "forms", "appendix");
            List<org.dhatim.fastexcel.reader.Row> rows = sheets.get(0).read();
            org.dhatim.fastexcel.reader.Row o01 = rows.stream()
                    .filter(r -> r.getCellCount() > 0 && r.stream().anyMatch(c -> c != null && "O01".equals(c.getText())))
                    .findFirst().orElseThrow();
            List<Cell> numbers = o01.stream().filter(c -> c != null && c.getType() == CellType.NUMBER).toList();
            assertThat(numbers).extracting(c -> c.asNumber().doubleValue()).containsExactly(100.0, 80.0, 0.8);
            // The page furniture (footer with page numbers) stays out of the sheets.
            assertThat(rows.stream().flatMap(org.dhatim.fastexcel.reader.Row::stream)
                    .filter(c -> c != null && c.getText() != null).map(Cell::getText))
                    .noneMatch(t -> t.startsWith("第 ")).contains("一、服务业绩");
        }
    }

    @Test
    void htmlOpensInABrowserWithTablesAndEmbeddedCharts() {
        String html = new String(renderer.render(sample(Lang.ZH), ReportFormat.HTML), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html").contains("charset=UTF-8", "</html>");
        assertThat(html).contains("一、服务业绩", "东湖花园管理处", "80.00%", "105.00%", RARE_NAME);
        // charts drawn as SVG, not embedded as images (HtmlDocumentTest); no page furniture
        assertThat(html).contains("<svg").doesNotContain("data:image/").doesNotContain("第 2 页");
        assertThat(html).contains("<html lang=\"zh-CN\">", "<title>示例物业管理有限公司 · 2025 年度管理评审资料</title>");
    }

    @Test
    void htmlCarriesASubsetOfTheFontThatABrowserAccepts() throws IOException {
        String html = new String(renderer.render(sample(Lang.ZH), ReportFormat.HTML), StandardCharsets.UTF_8);
        java.util.regex.Matcher faces = java.util.regex.Pattern
                .compile("@font-face \\{font-family: 'Noto Sans SC'; font-weight: (\\w+); src: url\\(data:font/ttf;base64,"
                        + "([A-Za-z0-9+/=]+)\\)").matcher(html);
        List<String> weights = new ArrayList<>();
        while (faces.find()) {
            weights.add(faces.group(1));
            byte[] font = java.util.Base64.getDecoder().decode(faces.group(2));
            // a subset, not the 10 MB font, that still maps the page's characters, including rare ones
            assertThat(font.length).isLessThan(1_000_000);
            try (org.apache.fontbox.ttf.TrueTypeFont parsed = new org.apache.fontbox.ttf.TTFParser()
                    .parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(font))) {
                org.apache.fontbox.ttf.CmapLookup cmap = parsed.getUnicodeCmapLookup();
                for (int c : "服务业绩喆堃燊80%".codePoints().toArray()) {
                    assertThat(cmap.getGlyphId(c)).as("glyph of %c", c).isPositive();
                }
                // the layout tables name glyphs of the full font: browsers refuse a subset that keeps them
                assertThat(parsed.getTableMap().keySet()).doesNotContain("GSUB", "GPOS", "vhea", "vmtx");
            }
        }
        assertThat(weights).containsExactly("normal", "bold");
    }

    @Test
    void writesToAPathCreatingParentDirectories(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("a/b/管理评审资料-2025.pdf");
        renderer.render(sample(Lang.ZH), ReportFormat.PDF, out);
        byte[] written = Files.readAllBytes(out);
        assertThat(new String(written, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pageTexts(written, true)).hasSameSizeAs(pages);
    }

    static String all() {
        return String.join("\n", pages);
    }

    /** The first extracted line containing {@code marker}: cells of a table row share a line when sorted by position. */
    static String line(String marker) {
        return all().lines().filter(l -> l.contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + marker + " in:\n" + all()));
    }

    static List<String> pageTexts(byte[] bytes, boolean sortByPosition) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(sortByPosition);
            List<String> texts = new ArrayList<>();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                texts.add(stripper.getText(doc));
            }
            return texts;
        }
    }

    /** Fonts of a page and of the form XObjects it draws (charts may sit in one). */
    static void collectFonts(PDResources resources, List<PDFont> out, Set<Object> seen) throws IOException {
        if (resources == null || !seen.add(resources.getCOSObject())) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            out.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject xObject = resources.getXObject(name);
            if (xObject instanceof PDFormXObject form) {
                collectFonts(form.getResources(), out, seen);
            }
        }
    }

    /** Counts fill colours set to the highlight #FADBD8 in a page's content stream. */
    static long countHighlightFills(PDPage page) throws IOException {
        List<Object> tokens = new PDFStreamParser(page).parse();
        long count = 0;
        for (int i = 3; i < tokens.size(); i++) {
            if (tokens.get(i) instanceof Operator op && op.getName().equals("rg")
                    && near(tokens.get(i - 3), 0xFA) && near(tokens.get(i - 2), 0xDB) && near(tokens.get(i - 1), 0xD8)) {
                count++;
            }
        }
        return count;
    }

    static boolean near(Object token, int byteValue) {
        return token instanceof COSNumber n && Math.abs(n.floatValue() - byteValue / 255f) < 0.005;
    }
}
