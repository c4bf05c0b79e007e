package com.propertyquality.review.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewPacketRendererTest {

    static final String LONG_NAME = "深圳市南山区蛇口街道海上世界滨海大道一号国际商务中心暨高端住宅综合体第二物业服务管理处";
    static final String RARE_NAME = "喆堃燊苑管理处";

    static final ReviewPacketRenderer renderer = new ReviewPacketRenderer();
    static byte[] pdf;
    static List<String> pages;    // text sorted by position: a table row reads as one line
    static List<String> rawPages; // text in drawing order: a wrapped cell reads as one piece

    /** The packet of the brief: one office under the threshold, one without distribution record, one over 100%. */
    static ReviewPacket samplePacket() {
        return new ReviewPacket("示例物业管理有限公司", 2025, new BigDecimal("0.60"),
                List.of(
                        new ReturnRateRow("O01", "东湖花园管理处", 100L, 80, 0.8, true, null),
                        new ReturnRateRow("O02", "南山公寓管理处", 200L, 90, 0.45, false, null),
                        new ReturnRateRow("O03", LONG_NAME, null, 35, null, false, "no_distribution_record"),
                        new ReturnRateRow("O04", RARE_NAME, 40L, 42, 1.05, false, "returned_exceeds_distributed")),
                List.of(
                        new OfficeSatisfactionRow("O01", "东湖花园管理处", 2, 4, 1, 1, 0.8),
                        new OfficeSatisfactionRow("O02", "南山公寓管理处", 10, 20, 10, 0, 2.0 / 3),
                        new OfficeSatisfactionRow("O03", LONG_NAME, 1, 0, 0, 5, null),
                        new OfficeSatisfactionRow("O04", RARE_NAME, 5, 9, 1, 0, 0.9)),
                List.of(
                        new ItemSatisfactionRow("environment", "环境卫生", "管理", 30, 5, 2, 30.0 / 35),
                        new ItemSatisfactionRow("reception", "接待态度", "服务", 3, 7, 1, 0.3),
                        new ItemSatisfactionRow("greening", "绿化", "管理", 0, 0, 4, null)),
                new CompanySatisfaction(18, 33, 12, 6, 33.0 / 45));
    }

    @BeforeAll
    static void render() throws IOException {
        pdf = renderer.renderPdf(samplePacket());
        // Kept for a look with pdftoppm / pdffonts.
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/review-packet-sample.pdf"), pdf);
        pages = pageTexts(pdf, true);
        rawPages = pageTexts(pdf, false);
    }

    @Test
    void coverCarriesTitleCompanyAndYearButNoPageNumber() {
        String cover = pages.get(0);
        assertThat(cover).contains("管理评审资料", "顾客满意度与调查表回收情况", "示例物业管理有限公司", "2025 年度");
        assertThat(cover).doesNotContain("第 1 页");
    }

    @Test
    void everySectionHeadingIsPresent() {
        assertThat(all()).contains("一、调查表回收率", "二、各管理处满意度", "三、全公司各项目满意度");
    }

    @Test
    void returnSectionStatesThresholdAndFlagsOffices() {
        String text = all();
        assertThat(text).contains("回收率要求：不低于 60.00%", "未达标管理处：3 个");
        assertThat(text).contains("管理处编号", "发放份数", "回收份数", "是否达标", "异常");
        assertThat(line("O01")).contains("100", "80", "80.00%", "达标").doesNotContain("未达标");
        assertThat(line("O02")).contains("45.00%", "未达标");
        assertThat(line("O04")).contains("105.00%", "未达标", "回收数超过发放数");
        assertThat(text).contains("无发放记录", "数据错误");
    }

    @Test
    void officeWithoutDistributionRecordShowsDashes() {
        // O03 has neither a distributed count nor a rate: both cells print "—".
        String row = line("O03");
        assertThat(row).contains("35", "未达标");
        assertThat(row.chars().filter(c -> c == '—').count()).isEqualTo(2);
    }

    @Test
    void satisfactionSectionShowsRatesCompanyLineAndFormula() {
        String text = all();
        assertThat(text).contains("满意率 = 合格项 / (合格项 + 不满意项) × 100%");
        assertThat(text).contains("66.67%", "90.00%", "全公司");
        assertThat(rowStartingWith("全公司")).contains("18", "33", "12", "73.33%");
        assertThat(text).contains("问卷份数", "合格项", "不满意项", "未评项");
    }

    @Test
    void chartTextIsChineseAndSearchable() {
        // Chart text is drawn with the embedded font (not as outlines), after the table on the same page.
        String page = rawPages.stream().filter(p -> p.contains("各管理处满意率")).findFirst().orElseThrow();
        String chart = page.substring(page.indexOf("各管理处满意率")).replaceAll("\\s+", "");
        assertThat(chart).contains("满意率（%）", "0%", "100%", "东湖花园管理处", "南山公寓管理处", RARE_NAME, LONG_NAME);
        assertThat(chart).contains("80.00%", "66.67%", "90.00%");
    }

    @Test
    void itemSectionListsItemsWithLevels() {
        assertThat(line("环境卫生")).contains("管理", "30", "85.71%");
        assertThat(line("接待态度")).contains("服务", "30.00%");
        assertThat(line("绿化")).contains("—");
    }

    @Test
    void rareCharactersAndLongNamesSurviveWhole() {
        String text = all();
        assertThat(text).contains(RARE_NAME, "喆", "堃", "燊");
        // The long name wraps inside its table cells; joined again it must be complete, not cut.
        assertThat(rawPages.get(1).replaceAll("\\s+", "")).contains(LONG_NAME);
        String satisfaction = rawPages.get(2);
        String table = satisfaction.substring(0, satisfaction.indexOf("各管理处满意率"));
        assertThat(table.replaceAll("\\s+", "")).contains(LONG_NAME);
    }

    @Test
    void pagesAfterTheCoverAreNumberedWithCompanyAndYear() {
        for (int i = 1; i < pages.size(); i++) {
            assertThat(pages.get(i)).contains("第 " + (i + 1) + " 页", "示例物业管理有限公司 · 2025 年度管理评审资料");
        }
    }

    @Test
    void pageNumbersRunOnAcrossSectionsOfALongPacket() throws IOException {
        List<ReturnRateRow> returns = new ArrayList<>();
        List<OfficeSatisfactionRow> offices = new ArrayList<>();
        for (int i = 1; i <= 70; i++) {
            String id = String.format("P%03d", i);
            returns.add(new ReturnRateRow(id, "第" + i + "管理处", 100L, 50 + i % 40, (50 + i % 40) / 100.0, i % 40 >= 10, null));
            offices.add(new OfficeSatisfactionRow(id, "第" + i + "管理处", 10, 40, i % 10, 0, 40.0 / (40 + i % 10)));
        }
        ReviewPacket big = new ReviewPacket("大型物业集团", 2024, new BigDecimal("0.6"), returns, offices, List.of(), null);
        byte[] bigPdf = renderer.renderPdf(big);
        Files.write(Path.of("target/review-packet-long.pdf"), bigPdf);
        List<String> texts = pageTexts(bigPdf, true);

        assertThat(texts.size()).isGreaterThanOrEqualTo(6);
        for (int i = 1; i < texts.size(); i++) {
            assertThat(texts.get(i)).contains("第 " + (i + 1) + " 页");
        }
        String text = String.join("\n", texts);
        assertThat(text).contains("未达标管理处：19 个（共 70 个管理处）", "P070");
        // The table header repeats on the continuation pages of the returns table.
        assertThat(texts.get(2)).startsWith("管理处编号");
        // 70 offices make four charts of at most 20 bars; the pages holding only charts carry no table header.
        assertThat(texts).filteredOn(t -> t.contains("各管理处满意率（续）")).hasSize(3)
                .allSatisfy(t -> assertThat(t).doesNotContain("管理处编号"));
    }

    @Test
    void underThresholdRowsAreTintedRed() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(countRedFills(doc.getPage(1))).isGreaterThan(0);
        }
        ReviewPacket allMet = new ReviewPacket("示例物业", 2025, new BigDecimal("0.60"),
                List.of(new ReturnRateRow("O01", "东湖花园管理处", 100L, 80, 0.8, true, null)),
                List.of(), List.of(), null);
        try (PDDocument doc = Loader.loadPDF(renderer.renderPdf(allMet))) {
            assertThat(countRedFills(doc.getPage(1))).isZero();
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

    @Test
    void emptyPacketStillRenders() throws IOException {
        byte[] emptyPdf = renderer.renderPdf(emptyPacket());
        Files.write(Path.of("target/review-packet-empty.pdf"), emptyPdf);
        List<String> texts = pageTexts(emptyPdf, true);
        String text = String.join("\n", texts);
        assertThat(text).contains("一、调查表回收率", "二、各管理处满意度", "三、全公司各项目满意度", "无数据", "未达标管理处：0 个");
        assertThat(text).doesNotContain("各管理处满意率"); // no chart without data
        assertThat(texts.get(texts.size() - 1)).contains("第 " + texts.size() + " 页");
    }

    @Test
    void writesToAPathCreatingParentDirectories(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("a/b/管理评审资料-2025.pdf");
        renderer.renderPdf(samplePacket(), out);
        byte[] written = Files.readAllBytes(out);
        assertThat(new String(written, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pageTexts(written, true)).hasSameSizeAs(pages);
    }

    static ReviewPacket emptyPacket() {
        return new ReviewPacket("空数据物业", 2025, new BigDecimal("0.60"), List.of(), List.of(), List.of(), null);
    }

    static String all() {
        return String.join("\n", pages);
    }

    /** The first extracted line containing {@code marker}: cells of a table row share a line when sorted by position. */
    static String line(String marker) {
        return all().lines().filter(l -> l.contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + marker + " in:\n" + all()));
    }

    /** The first extracted line that starts with {@code first}, e.g. the company line (全公司) of a table. */
    static String rowStartingWith(String first) {
        return all().lines().filter(l -> l.startsWith(first + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + first + " in:\n" + all()));
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
    static long countRedFills(PDPage page) throws IOException {
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
