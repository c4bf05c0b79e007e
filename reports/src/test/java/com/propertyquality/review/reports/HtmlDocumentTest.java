package com.propertyquality.review.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.ReportFormat;

/** The HTML form: one continuous document with a cover, a linked contents, SVG charts and a print stylesheet. */
class HtmlDocumentTest {

    static String zh;
    static String en;

    @BeforeAll
    static void render() throws IOException {
        DocumentRenderer renderer = new DocumentRenderer();
        zh = new String(renderer.render(DocumentRendererTest.sample(Lang.ZH), ReportFormat.HTML), StandardCharsets.UTF_8);
        en = new String(renderer.render(DocumentRendererTest.sample(Lang.EN), ReportFormat.HTML), StandardCharsets.UTF_8);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/document-sample.html"), zh); // for a look in a browser
    }

    @Test
    void opensWithTheCoverThenTheContents() {
        String cover = between(zh, "<header class=\"cover\" id=\"cover\">", "</header>");
        assertThat(cover).contains("示例物业管理有限公司", "2025 年度", "<h1>管理评审资料</h1>", "编制：质量管理部");
        assertThat(zh.indexOf("id=\"cover\"")).isLessThan(zh.indexOf("id=\"contents\""));
        assertThat(zh.indexOf("id=\"contents\"")).isLessThan(zh.indexOf("id=\"chapter-1\""));
        assertThat(between(en, "<nav", "</nav>")).contains(">Contents</h2>", ">1. Service performance</a>");
    }

    @Test
    void everyContentsLinkLeadsToAChapterOrSectionOfTheDocument() {
        String contents = between(zh, "<nav class=\"contents\"", "</nav>");
        List<String> targets = all(Pattern.compile("href=\"#([^\"]+)\""), contents);
        Set<String> ids = new LinkedHashSet<>(all(Pattern.compile(" id=\"([^\"]+)\""), zh));
        assertThat(targets).isNotEmpty().allSatisfy(target -> assertThat(ids).contains(target));
        // each chapter and each titled section is listed, linked to its own heading
        assertThat(all(Pattern.compile("<a href=\"#[^\"]+\">([^<]+)</a>"), contents)).containsExactly(
                "一、服务业绩", "（一）调查表回收率", "（二）满意率",
                "二、投诉与表单", "（一）主要因素", "（二）纠正措施", "（三）会议签到记录表",
                "附录", "东湖花园管理处", "南山公寓管理处");
        assertThat(between(zh, "<section id=\"chapter-2-3\">", "</section>")).startsWith("\n<h3>（三）会议签到记录表</h3>");
        assertThat(all(Pattern.compile(" id=\"([^\"]+)\""), zh)).doesNotHaveDuplicates();
    }

    @Test
    void chartsAreInlineSvgWithTheirTextAsText() {
        List<String> charts = all(Pattern.compile("(?s)<figure class=\"chart\">(.*?)</figure>"), zh);
        assertThat(charts).hasSize(2).allSatisfy(chart -> assertThat(chart.strip()).startsWith("<svg")
                .contains("viewBox=\"0 0 515 ", "role=\"img\"", "<text"));
        assertThat(charts.get(0)).contains("aria-label=\"各管理处满意率\"", ">各管理处满意率</text");
        assertThat(charts.get(1)).contains(">投诉排列图</text", ">电梯</text");
        assertThat(zh).doesNotContain("<img", "data:image/");
    }

    @Test
    void oneContinuousDocumentWithoutPageFurniture() {
        assertThat(all(Pattern.compile("<body"), zh)).hasSize(1);
        assertThat(all(Pattern.compile("<section class=\"chapter\""), zh)).hasSize(3);
        // no spacers where A4 pages ended, no repeated page headers or footers, no page numbers
        assertThat(zh).doesNotContain("JR_PAGE_ANCHOR", "第 1 页", "第 2 页", "<td style=\"height:");
        assertThat(all(Pattern.compile("<thead>"), zh)).hasSize(3); // one header per table, not per page
        // tables print their cells through the one formatter; shaded rows stay shaded
        assertThat(zh).contains("<td class=\"number\">80.00%</td>", "<td class=\"number\">-5.10</td>",
                "<td class=\"date\">2025-03-01</td>", "<tr class=\"highlighted\"><td>O02</td>");
        assertThat(zh).contains("<p>本年度无纠正措施。</p>", "<p class=\"note\">回收率要求：不低于 60.00%</p>");
    }

    @Test
    void printsOnA4WithEachChapterOnANewPageAndNoScreenChrome() {
        String print = between(zh, "@media print {", "\n}\n");
        assertThat(print).contains("@page {size: A4;", "section.chapter {break-before: page;}",
                "section.new-page {break-before: page;}", ".screen {display: none;}",
                "thead {display: table-header-group;}");
        // the screen's "back to the contents" links are the chrome the print leaves out
        assertThat(zh).contains("<p class=\"top screen\"><a href=\"#contents\">↑ 目录</a></p>");
        // the appendix's second office starts a page, as in the PDF; its first does not ask twice
        assertThat(zh).contains("<section id=\"chapter-3-2\" class=\"new-page\">", "<section id=\"chapter-3-1\">");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        assertThat(to).as(end).isPositive();
        return text.substring(from + start.length(), to);
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group());
        }
        return found;
    }
}
