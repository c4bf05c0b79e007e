package com.propertyquality.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.marts.CustomerMarts;
import com.propertyquality.review.marts.QualityMarts;
import com.propertyquality.review.marts.FeedbackMarts;
import com.propertyquality.review.marts.MartRows;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.marts.SurveyMarts;
import com.propertyquality.review.packet.MartRow;
import com.propertyquality.review.packet.TriggerEvidence;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.Percent;
import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.SampleReview;

/**
 * The reports on the sample, through the command line: the packet's chapters are all there and its numbers are
 * the marts' (read back from the PDF's text), an office report holds only its office, the English packet is in
 * English, and XLSX and HTML come out as they should.
 */
class ReportCommandTest {

    static final List<String> CHAPTERS = List.of("一、管理评审计划", "二、质量目标完成情况", "三、服务业绩", "四、客户服务中心",
            "五、客户细分与需求", "六、服务检查（微笑100%）", "七、重大事件、纠正和预防措施", "八、部门报告", "九、输出表单",
            "附录：各管理处", "数据来源");

    static Path work;
    static MartRows marts;
    static List<String> pages;

    @BeforeAll
    static void renderThePacket() throws IOException {
        work = SampleReview.work();
        marts = new MartRows(work.resolve("marts"));
        Cli.Result report = Cli.run("report", "--work", work.toString(), "--year", "2025");
        assertThat(report.status()).as(report.err()).isZero();
        pages = pageTexts(work.resolve("reports/management-review-2025.pdf"));
    }

    @Test
    void theContentsListEveryChapterAtThePageItStartsOn() {
        String contents = pages.get(1);
        for (String chapter : CHAPTERS) {
            String line = contents.lines().filter(l -> l.startsWith(chapter)).findFirst()
                    .orElseThrow(() -> new AssertionError(chapter + " not in the contents:\n" + contents));
            int page = Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1).trim());
            assertThat(pages.get(page - 1)).as(chapter).startsWith(chapter);
        }
    }

    @Test
    void everyPageAfterTheCoverIsNumberedAndNamesCompanyAndYear() {
        for (int i = 1; i < pages.size(); i++) {
            assertThat(pages.get(i)).contains("第 " + (i + 1) + " 页", "示例物业管理有限公司 · 2025 年度管理评审资料");
        }
    }

    @Test
    void returnRatesAndSatisfactionAreTheMarts() {
        String performance = chapter("三、服务业绩");
        for (Map<String, Object> office : marts.readYear(SurveyMarts.SURVEY_RETURNS, 2025)) {
            assertThat(performance).as("%s", office).contains(office.get("forms_returned") + " "
                    + Percent.format((Double) office.get("return_rate")));
        }
        for (Map<String, Object> office : marts.readYear(SurveyMarts.SATISFACTION_BY_OFFICE, 2025)) {
            // one table row: forms, qualified, unsatisfied, unrated, rate (a long name wraps onto lines of its own)
            assertThat(performance).as("%s", office).contains(office.get("forms") + " " + office.get("qualified") + " "
                    + office.get("unsatisfied") + " " + office.get("unrated") + " "
                    + Percent.format((Double) office.get("satisfaction_rate")));
            assertThat(performance.replaceAll("\\s+", "")).contains((String) office.get("office_name"));
        }
        Map<String, Object> company = marts.readYear(SurveyMarts.SATISFACTION_COMPANY, 2025).get(0);
        assertThat(performance).contains("573 4390 524 243 " + Percent.format((Double) company.get("satisfaction_rate")));
        // a rate over 100% is shown as it is and called a data error
        assertThat(performance).contains("110.00%", "无发放记录");
        assertThat(performance.replaceAll("\\s+", "")).contains("回收数超过发放数（数据错误）"); // wraps in its cell
    }

    @Test
    void theParetoTableIsTheMartsCompanyRows() {
        String performance = chapter("三、服务业绩");
        List<Map<String, Object>> areas = marts.readYear(FeedbackMarts.COMPLAINT_PARETO, 2025).stream()
                .filter(row -> row.get("office_id") == null && Boolean.TRUE.equals(row.get("main_factor"))).toList();
        assertThat(areas).isNotEmpty();
        for (Map<String, Object> area : areas) {
            assertThat(lineWith(performance, area.get("rank") + " " + area.get("area_name") + " "))
                    .as("%s", area).contains(area.get("complaints") + " " + Percent.format((Double) area.get("share"))
                            + " " + Percent.format((Double) area.get("cumulative_share")));
        }
    }

    @Test
    void objectivesAreJudgedAsTheMartJudgesThem() {
        String objectives = chapter("二、质量目标完成情况");
        for (Map<String, Object> objective : marts.readYear(ReviewMarts.REVIEW_OBJECTIVES_STATUS, 2025)) {
            String line = lineWith(objectives, (String) objective.get("name"));
            assertThat(line).as("%s", objective).isNotNull()
                    .contains(Percent.format((Double) objective.get("target")),
                            Percent.format((Double) objective.get("actual")),
                            Boolean.TRUE.equals(objective.get("met")) ? "达成" : "未达成");
        }
    }

    @Test
    void returnVisitChecksAreTheMarts() {
        String service = chapter("四、客户服务中心");
        for (Map<String, Object> office : marts.readYear(QualityMarts.RETURN_VISIT_VERIFICATION, 2025)) {
            // checks attempted beside checks reached, then the forms those reached checks verified
            assertThat(service).as("%s", office).contains(office.get("forms_returned") + " "
                    + office.get("survey_checks") + " " + office.get("survey_checks_reached") + " "
                    + office.get("forms_verified") + " " + Percent.format((Double) office.get("verified_share")));
        }
        // the company line: 573 forms, 172 checks attempted, 152 reached and 152 forms verified (the 20 unreachable
        // checks verify nothing), authenticity 139 / 152
        assertThat(service).contains("全公司 573 172 152 152 " + Percent.format(152.0 / 573) + " 139 13 20 "
                + Percent.format(139.0 / 152));
    }

    @Test
    void theOutputFormsArePrefilled() {
        String forms = chapter("九、输出表单");
        assertThat(forms).contains("《管理评审报告》", "《管理评审改进措施及验证记录表》", "《会议签到记录表》");
        // every action that failed verification is listed for its improvement
        for (Map<String, Object> action : marts.read(QualityMarts.ACTIONS_FAILED_VERIFICATION)) {
            assertThat(forms).contains((String) action.get("action_id"));
        }
        // every attendee of the plan has a line to sign
        for (String attendee : List.of("陈志远", "林晓燕")) {
            assertThat(forms).contains(attendee);
        }
    }

    @Test
    void theAppendixHasAPageForEveryOffice() {
        String appendix = chapter("附录：各管理处");
        for (Map<String, Object> office : marts.readYear(SurveyMarts.SURVEY_RETURNS, 2025)) {
            assertThat(appendix).contains(office.get("office_name") + "（" + office.get("office_id") + "）");
        }
    }

    @Test
    void anOfficeReportHoldsOnlyItsOffice() throws IOException {
        Cli.Result result = Cli.run("report", "--office", "SZ01", "--work", work.toString());
        assertThat(result.status()).as(result.err()).isZero();
        Path pdf = work.resolve("reports/office-SZ01-2025.pdf");
        assertThat(result.out()).contains("Office report SZ01 2025: " + pdf);
        String text = String.join("\n", pageTexts(pdf));
        List<Map<String, Object>> offices = marts.readYear(SurveyMarts.SURVEY_RETURNS, 2025);
        Map<String, Object> own = offices.stream().filter(o -> "SZ01".equals(o.get("office_id"))).findFirst().orElseThrow();
        assertThat(text).contains((String) own.get("office_name"), Percent.format((Double) own.get("return_rate")));
        for (Map<String, Object> other : offices) {
            if (!"SZ01".equals(other.get("office_id"))) {
                assertThat(text).as("no trace of %s", other.get("office_id"))
                        .doesNotContain((String) other.get("office_id"), (String) other.get("office_name"));
            }
        }
    }

    @Test
    void anUnknownOfficeIsRefusedWithItsId() {
        Cli.Result result = Cli.run("report", "--office", "NOPE9", "--work", work.toString());
        assertThat(result.status()).isEqualTo(ReviewCli.FAILURE);
        assertThat(result.err()).contains("NOPE9");
        assertThat(work.resolve("reports/office-NOPE9-2025.pdf")).doesNotExist();
    }

    @Test
    void aYearWithoutDataIsRefusedInEveryKindAndFormatAndNothingIsWritten() throws IOException {
        List<String> before = reportFiles();
        String refusal = "error: no data for 1999: the marts hold no survey record, feedback entry or review plan of"
                + " that year; nothing was written" + System.lineSeparator();
        for (List<String> options : List.of(List.<String>of(), List.of("--kind", "returns"),
                List.of("--format", "xlsx"), List.of("--format", "html", "--lang", "en"), List.of("--office", "SZ01"))) {
            List<String> args = new ArrayList<>(List.of("report", "--year", "1999", "--work", work.toString()));
            args.addAll(options);
            Cli.Result result = Cli.run(args.toArray(String[]::new));
            assertThat(result.status()).as("%s", options).isEqualTo(ReviewCli.FAILURE);
            assertThat(result.err()).as("%s", options).isEqualTo(refusal);
            assertThat(result.out()).as("%s", options).isEmpty();
        }
        assertThat(reportFiles()).isEqualTo(before).noneMatch(name -> name.contains("1999"));
    }

    @Test
    void anOfficeWithoutDataInTheYearIsRefusedAndOneWithDataIsNot() throws IOException {
        // 2024 holds feedback entries only: SZ01 has three of them, SZ02 none
        Cli.Result refused = Cli.run("report", "--office", "SZ02", "--year", "2024", "--work", work.toString());
        assertThat(refused.status()).isEqualTo(ReviewCli.FAILURE);
        assertThat(refused.err()).isEqualTo("error: no data for office SZ02 in 2024: the marts hold no survey record"
                + " or feedback entry of that office in that year; nothing was written" + System.lineSeparator());
        assertThat(work.resolve("reports/office-SZ02-2024.pdf")).doesNotExist();

        Cli.Result written = Cli.run("report", "--office", "SZ01", "--year", "2024", "--work", work.toString());
        assertThat(written.status()).as(written.err()).isZero();
        assertThat(work.resolve("reports/office-SZ01-2024.pdf")).isNotEmptyFile();
    }

    @Test
    void theEnglishPacketIsInEnglish() throws IOException {
        Cli.Result result = Cli.run("report", "--lang", "en", "--work", work.toString());
        assertThat(result.status()).as(result.err()).isZero();
        List<String> english = pageTexts(work.resolve("reports/management-review-2025-en.pdf"));
        String text = String.join("\n", english);
        assertThat(english.get(1)).contains("Contents", "Service performance", "Quality objectives", "Appendix");
        assertThat(text).contains("Page 2", "Satisfaction", "Return rate", "Main factors");
        // the labels are English; only the data (names, descriptions, evidence as recorded) stays as written
        assertThat(text).doesNotContain("第 2 页", "目录", "页码", "满意率（%）", "管理处名称", "一、", "（一）", "未达标");
        assertThat(pages.size()).isPositive();
    }

    @Test
    void theEnglishPacketWordsTheTriggersEvidenceInEnglishKeepingOnlyWhatPeopleWrote() throws IOException {
        int worded = 0;
        for (String mart : List.of(ReviewMarts.REVIEW_TRIGGERS, ReviewMarts.REVIEW_ATTENTION_ITEMS)) {
            for (Map<String, Object> row : marts.read(mart)) {
                String english = TriggerEvidence.of(new MartRow(row), Lang.EN);
                String words = english;
                for (String recorded : List.of("evidence_text", "evidence_department")) {
                    if (row.containsKey(recorded) && row.get(recorded) != null) {
                        words = words.replace((String) row.get(recorded), "");
                    }
                }
                assertThat(words).as(mart + ": " + english).doesNotContainPattern("\\p{IsHan}");
                worded++;
            }
        }
        assertThat(worded).as("the sample's triggers and attention items").isEqualTo(10 + 22);
        Cli.Result result = Cli.run("report", "--lang", "en", "--work", work.toString());
        assertThat(result.status()).as(result.err()).isZero();
        String text = String.join("", pageTexts(work.resolve("reports/management-review-2025-en.pdf")))
                .replaceAll("\\s", "");
        // none of the sentences the marts used to store
        assertThat(text).contains("Seriouscustomercomplaint·", "nonconformities(limit5", "Returnrate")
                .doesNotContain("顾客严重投诉·", "（限值", "外部检查任一项", "措施验证无效（", "上次评审", "，低于0.6", "个百分点（");
    }

    @Test
    void theReturnsCheckListsTheOfficesUnderTheThresholdFirstOnOnePage() throws IOException {
        Cli.Result result = Cli.run("report", "--kind", "returns", "--work", work.toString());
        assertThat(result.status()).as(result.err()).isZero();
        Path pdf = work.resolve("reports/return-rates-2025.pdf");
        assertThat(result.out()).contains("Return-rate check 2025: " + pdf);
        List<String> text = pageTexts(pdf);
        assertThat(text).hasSize(1);
        assertThat(text.get(0)).contains("2025 年度调查表回收率检查", "回收率要求：不低于 60.00%", "未达标管理处：5 个",
                "45.00%", "110.00%", "无发放记录");
        // the five offices under 60% (in office order), then the others
        List<String> order = List.of("DG01", "DG02", "GZ03", "SZ04", "ZH01", "GZ01", "SZ02", "ZH03");
        for (int i = 1; i < order.size(); i++) {
            assertThat(text.get(0).indexOf(order.get(i - 1))).as(order.get(i - 1) + " before " + order.get(i))
                    .isLessThan(text.get(0).indexOf(order.get(i)));
        }
    }

    @Test
    void xlsxHasASheetPerChapterWithRatesAsNumbers() throws IOException {
        Cli.Result result = Cli.run("report", "--format", "xlsx", "--work", work.toString());
        assertThat(result.status()).as(result.err()).isZero();
        Path xlsx = work.resolve("reports/management-review-2025.xlsx");
        double company = (Double) marts.readYear(SurveyMarts.SATISFACTION_COMPANY, 2025).get(0).get("satisfaction_rate");
        try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx.toFile())) {
            List<Sheet> sheets = workbook.getSheets().toList();
            // the print sheets, one per chapter, come first; the index and the data sheets follow
            assertThat(sheets.size()).isGreaterThan(CHAPTERS.size() + 1);
            assertThat(sheets.get(CHAPTERS.size()).getName()).isEqualTo("数据表目录");
            List<Double> numbers = new ArrayList<>();
            for (org.dhatim.fastexcel.reader.Row row : sheets.get(2).read()) {
                row.stream().filter(Objects::nonNull).filter(c -> c.getType() == CellType.NUMBER)
                        .map(Cell::asNumber).forEach(n -> numbers.add(n.doubleValue()));
            }
            assertThat(numbers).contains(company, 573.0, 4390.0);
        }
    }

    /**
     * Beside the print sheets, one sheet per table of the packet to filter: a header row, frozen, under an autofilter
     * over every row, no merged cells, the marts' numbers as numbers, rates as fractions with a percent format and
     * dates as dates.
     */
    @Test
    void xlsxHasADataSheetPerTableToFilter() throws IOException {
        Cli.Result result = Cli.run("report", "--format", "xlsx", "--work", work.toString());
        assertThat(result.status()).as(result.err()).isZero();
        Path xlsx = work.resolve("reports/management-review-2025.xlsx");
        Map<String, String> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(xlsx))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                parts.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Map<String, Object> company = marts.readYear(SurveyMarts.SATISFACTION_COMPANY, 2025).get(0);
        List<Cell> rates = new ArrayList<>();
        List<Cell> dates = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx.toFile(), new ReadingOptions(true, false))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            List<Sheet> data = sheets.subList(CHAPTERS.size() + 1, sheets.size());
            assertThat(data).hasSizeGreaterThan(CHAPTERS.size());
            for (int i = 0; i < data.size(); i++) {
                Sheet sheet = data.get(i);
                assertThat(sheet.getName()).hasSizeLessThanOrEqualTo(31).doesNotContainPattern("[\\[\\]:*?/\\\\]");
                List<org.dhatim.fastexcel.reader.Row> rows = sheet.read();
                org.dhatim.fastexcel.reader.Row header = rows.get(0);
                assertThat(header.stream()).as(sheet.getName()).allSatisfy(c -> assertThat(c.getText()).isNotBlank());
                int lastRow = rows.get(rows.size() - 1).getRowNum();
                // data1.xml is the index; the data sheets follow in order
                String part = parts.get("xl/worksheets/data" + (i + 2) + ".xml");
                assertThat(part).as(sheet.getName())
                        .contains("<autoFilter ref=\"A1:" + column(header.getCellCount() - 1) + lastRow + "\"/>")
                        .contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>")
                        .doesNotContain("mergeCell");
                for (org.dhatim.fastexcel.reader.Row row : rows.subList(1, rows.size())) {
                    row.stream().filter(c -> c != null && c.getType() == CellType.NUMBER).forEach(c -> {
                        if ("0.00%".equals(c.getDataFormatString())) {
                            rates.add(c);
                        } else if ("yyyy\\-mm\\-dd".equals(c.getDataFormatString())) {
                            dates.add(c);
                        }
                    });
                }
            }
        }
        // the company's satisfaction rate is the mart's double itself, not its printed rounding
        assertThat(rates).extracting(Cell::asNumber)
                .anySatisfy(n -> assertThat(n.doubleValue()).isEqualTo((Double) company.get("satisfaction_rate")));
        assertThat(dates).isNotEmpty().allSatisfy(c -> assertThat(c.asDate().getYear()).isBetween(2024, 2026));
    }

    /**
     * Head office's follow-up list: a page of its own with the entries counted per office and the oldest ones; the
     * whole list (every row of the mart's year) only in the XLSX's data sheet, no household of it elsewhere in the
     * PDF.
     */
    @Test
    void theFollowUpListIsOnePageOfCountsInThePacketAndWholeInTheXlsx() throws IOException {
        int entries = marts.readYear(CustomerMarts.FOLLOW_UP_LIST, 2025).size();
        assertThat(entries).isGreaterThan(100);
        // the section's heading page: the last page naming it (the contents name it too) before the next chapter
        int next = -1;
        for (int i = pages.size() - 1; i >= 2; i--) {
            if (pages.get(i).startsWith("五、客户细分与需求")) {
                next = i; // every page of a chapter starts with its running header: the first one is its start
            }
        }
        int first = -1;
        for (int i = 2; i < next; i++) {
            if (pages.get(i).contains("（三）需再次回访的住户")) {
                first = i;
            }
        }
        assertThat(first).isPositive();
        assertThat(next - first).as("pages of the follow-up section").isEqualTo(1);
        String page = pages.get(first);
        assertThat(page).contains("2025 年度共 " + entries + " 条需再次回访的记录", "各管理处需再次回访的记录数",
                "全公司最早的 8 条", "report --office", "XLSX");
        // the company line of the counts adds up to every entry of the year
        assertThat(page.lines().filter(line -> line.startsWith("全公司 "))).singleElement()
                .satisfies(line -> assertThat(line).endsWith(" " + entries));
        // the entries the page prints are the eight oldest at most, and the survey forms among all entries are
        // named nowhere else in the packet: the list itself is not printed
        List<Map<String, Object>> year = marts.readYear(CustomerMarts.FOLLOW_UP_LIST, 2025);
        long onThePage = year.stream().map(row -> (String) row.get("ref_id")).distinct().filter(page::contains).count();
        assertThat(onThePage).isBetween(1L, 8L);
        String packet = String.join("\n", pages);
        long formsPrinted = year.stream().filter(row -> "survey".equals(row.get("source")))
                .map(row -> (String) row.get("ref_id")).filter(packet::contains).count();
        assertThat(formsPrinted).isLessThanOrEqualTo(8);
        // no contact at all: the mart holds none
        assertThat(packet).doesNotContainPattern("1\\d{2}\\*{4}\\d{4}");

        Cli.Result result = Cli.run("report", "--format", "xlsx", "--work", work.toString());
        assertThat(result.status()).as(result.err()).isZero();
        try (ReadableWorkbook workbook = new ReadableWorkbook(
                work.resolve("reports/management-review-2025.xlsx").toFile(), new ReadingOptions(true, false))) {
            Sheet full = workbook.getSheets().filter(sheet -> sheet.getName().contains("需再次回访的住户（完整名单）"))
                    .findFirst().orElseThrow();
            List<org.dhatim.fastexcel.reader.Row> rows = full.read();
            assertThat(rows.get(0).stream().map(Cell::getText))
                    .containsExactly("管理处", "住户编号", "日期", "原因", "关联编号", "明细", "备注");
            assertThat(rows).hasSize(entries + 1);
        }
    }

    private static String column(int index) {
        StringBuilder name = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            name.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return name.toString();
    }

    @Test
    void htmlOpensInABrowser() throws IOException {
        Cli.Result result = Cli.run("report", "--format", "html", "--kind", "returns", "--work", work.toString());
        assertThat(result.status()).as(result.err()).isZero();
        String html = Files.readString(work.resolve("reports/return-rates-2025.html"), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html").contains("charset=UTF-8", "2025 年度调查表回收率检查", "110.00%",
                "</html>");
    }

    /** The packet as HTML: one document with its cover, a contents linked to every chapter, charts as SVG. */
    @Test
    void htmlPacketIsOneDocumentWithALinkedContents() throws IOException {
        Cli.Result result = Cli.run("report", "--format", "html", "--work", work.toString());
        assertThat(result.status()).as(result.err()).isZero();
        String html = Files.readString(work.resolve("reports/management-review-2025.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<header class=\"cover\" id=\"cover\">", "示例物业管理有限公司", "@media print {");
        String contents = html.substring(html.indexOf("<nav class=\"contents\""), html.indexOf("</nav>"));
        Set<String> ids = new LinkedHashSet<>();
        Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        while (id.find()) {
            assertThat(ids.add(id.group(1))).as("id %s once", id.group(1)).isTrue();
        }
        Matcher link = Pattern.compile("<a href=\"#([^\"]+)\">([^<]+)</a>").matcher(contents);
        List<String> linked = new ArrayList<>();
        while (link.find()) {
            assertThat(ids).as(link.group(2)).contains(link.group(1));
            linked.add(link.group(2));
        }
        assertThat(linked).containsAll(CHAPTERS).hasSizeGreaterThan(CHAPTERS.size());
        // charts drawn as SVG, none as an image; no page gaps or page numbers of the A4 layout
        List<String> charts = Pattern.compile("<figure class=\"chart\">\\s*<svg[^>]*aria-label=\"([^\"]+)\"")
                .matcher(html).results().map(m -> m.group(1)).toList();
        assertThat(charts).contains("各管理处满意率", "顾客投诉排列图（全公司）");
        assertThat(Pattern.compile("<svg").matcher(html).results().count()).isEqualTo(charts.size());
        assertThat(html).doesNotContain("<img", "data:image/png", "JR_PAGE_ANCHOR", "第 2 页");
    }

    /**
     * The text of a chapter: from the page it starts on to the page the next chapter starts on (continuation pages
     * also start with their chapter's title, in the page header).
     */
    static String chapter(String title) {
        int start = -1;
        int end = pages.size();
        for (int i = 2; i < pages.size(); i++) {
            if (start < 0 && pages.get(i).startsWith(title)) {
                start = i;
            } else if (start >= 0 && !pages.get(i).startsWith(title)
                    && CHAPTERS.stream().anyMatch(pages.get(i)::startsWith)) {
                end = i;
                break;
            }
        }
        assertThat(start).as(title).isNotNegative();
        return String.join("\n", pages.subList(start, end));
    }

    static List<String> reportFiles() throws IOException {
        try (var files = Files.list(work.resolve("reports"))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    static String lineWith(String text, String marker) {
        return text.lines().filter(l -> l.contains(marker)).findFirst().orElse(null);
    }

    static List<String> pageTexts(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            List<String> texts = new ArrayList<>();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                texts.add(stripper.getText(doc));
            }
            return texts;
        }
    }
}
