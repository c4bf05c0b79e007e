package com.propertyquality.review.ingest;

import static com.propertyquality.review.support.OfficeFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.cli.ReviewCli;
import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.LakeRows;
import com.propertyquality.review.support.OfficeFiles;

/**
 * Every workbook an office hands in loads like its CSV twin: a minimal XLSX package as other systems export it
 * (inline strings, no styles or shared-strings part), a legacy XLS (BIFF8) and Excel serial dates, in date cells
 * and as plain numbers in a date column. Each is loaded through the command line into its own lake and its rows
 * compared with those of the same rows loaded from CSV; workbooks that cannot be read are refused with what they
 * are and what to do.
 */
class WorkbookIngestTest {

    /** Chinese headers, an extra column (楼栋) in the middle, as an office writes them. */
    private static final List<String> HEADER = List.of("问卷编号", "管理处编号", "年度", "回收日期", "楼栋", "环境卫生",
            "绿化", "意见建议");
    /** The CSV twin: what every workbook below holds, cell for cell. */
    private static final List<String> CSV = List.of(String.join(",", HEADER),
            "R1,A01,2025,2025-06-03,3栋,很满意,满意,电梯太旧",
            "R2,A01,2025,2025-06-04,,满意,较满意,",
            "R3,B02,2025,2025-01-01,5栋,不满意,,晚上太吵");

    @TempDir
    Path temp;

    @BeforeEach
    void noPassword() {
        Biff8EncryptionKey.setCurrentUserPassword(null);
    }

    @Test
    void aMinimalXlsxWithInlineStringsAndNoStylesLoadsLikeItsCsvTwin() throws Exception {
        Path input = input("minimal");
        // dates as text, as a plain serial number (2025-06-04 is day 45812) and a year as a number cell
        minimalXlsx(input.resolve("survey-responses-export.xlsx"), List.of(
                HEADER.stream().map(h -> (Object) h).toList(),
                Arrays.asList("R1", "A01", 2025, "2025-06-03", "3栋", "很满意", "满意", "电梯太旧"),
                Arrays.asList("R2", "A01", 2025, 45812, null, "满意", "较满意", null),
                Arrays.asList("R3", "B02", "2025", 45658, "5栋", "不满意", null, "晚上太吵")));
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(input.resolve("survey-responses-export.xlsx").toFile())) {
            assertThat(zip.getEntry("xl/styles.xml")).isNull();
            assertThat(zip.getEntry("xl/sharedStrings.xml")).isNull();
        }

        Cli.Result result = ingest(input, "minimal");

        assertThat(result.out()).containsPattern("survey-responses-export.xlsx\\s+survey-responses\\s+xlsx\\s+3\\s+3\\s+0");
        assertThat(rows("minimal")).isEqualTo(csvTwinRows());
    }

    @Test
    void anXlsWorkbookLoadsLikeItsCsvTwinWithDateCellsSerialsAndFormulas() throws Exception {
        Path input = input("xls");
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("回收问卷");
            CellStyle iso = dateStyle(workbook, "yyyy-mm-dd");
            CellStyle chinese = dateStyle(workbook, "yyyy\"年\"m\"月\"d\"日\"");
            CellStyle builtin = workbook.createCellStyle();
            builtin.setDataFormat((short) 14); // Excel's built-in short date, m/d/yy
            row(sheet, 0, HEADER.toArray());
            Row r1 = row(sheet, 1, "R1", "A01", 2025.0, null, "3栋", "很满意", "满意", null);
            dateCell(r1, 3, LocalDate.of(2025, 6, 3), iso);
            r1.createCell(7).setCellFormula("\"电梯\"&\"太旧\""); // a text formula: its cached result is read
            Row r2 = row(sheet, 2, "R2", "A01", null, null, null, "满意", "较满意", null);
            r2.createCell(2).setCellFormula("2000+25");
            dateCell(r2, 3, LocalDate.of(2025, 6, 4), chinese);
            row(sheet, 3); // an empty row between: not a row of data
            Row r3 = row(sheet, 4, "R3", "B02", 2025.0, 45658.0, "5栋", "不满意", null, "晚上太吵");
            Row blank = sheet.createRow(6);
            blank.createCell(0).setCellStyle(iso); // a formatted blank cell at the bottom
            assertThat(r3.getCell(3).getNumericCellValue()).as("a plain serial, no date format").isEqualTo(45658.0);
            Row r4 = row(sheet, 5, "R4", "B02", 2025.0, null, null, "满意", null, null);
            dateCell(r4, 3, LocalDate.of(2025, 6, 5), builtin);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("only the first sheet is read");
            write(workbook, input.resolve("survey-responses-2025.xls"));
        }

        Cli.Result result = ingest(input, "xls");

        assertThat(result.out()).containsPattern("survey-responses-2025.xls\\s+survey-responses\\s+xls\\s+4\\s+4\\s+0");
        assertThat(rows("xls")).isEqualTo(csvTwinRows("R4,B02,2025,2025-06-05,,满意,,"));
        assertThat(LakeRows.read(temp.resolve("work-xls"), "survey_responses"))
                .filteredOn(r -> r.get("response_id").equals("R3")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("source_row", 5).containsEntry("source_file",
                        "survey-responses-2025.xls"));
    }

    @Test
    void anXlsxWithSerialDatesInDateCellsAndAsPlainNumbersLoadsLikeItsCsvTwin() throws Exception {
        Path input = input("serials");
        OfficeFiles.xlsx(input, "survey-responses.xlsx", "Sheet1", List.of(
                HEADER.stream().map(h -> (Object) h).toList(),
                Arrays.asList("R1", "A01", 2025, LocalDate.of(2025, 6, 3), "3栋", "很满意", "满意", "电梯太旧"),
                Arrays.asList("R2", "A01", 2025, 45812, null, "满意", "较满意", null),
                Arrays.asList("R3", "B02", 2025, 45658, "5栋", "不满意", null, "晚上太吵")));

        Cli.Result result = ingest(input, "serials");

        assertThat(result.out()).containsPattern("survey-responses.xlsx\\s+survey-responses\\s+xlsx\\s+3\\s+3\\s+0");
        assertThat(rows("serials")).isEqualTo(csvTwinRows());
    }

    @Test
    void aYearOrADateNumberInADateColumnIsNotTakenForASerial() throws Exception {
        Path input = input("not-serials");
        minimalXlsx(input.resolve("survey-responses.xlsx"), List.of(
                HEADER.stream().map(h -> (Object) h).toList(),
                Arrays.asList("R1", "A01", 2025, 2025, null, "满意", null, null),
                Arrays.asList("R2", "A01", 2025, 20250603, null, "满意", null, null)));

        Cli.Result result = ingest(input, "not-serials");

        assertThat(result.out()).containsPattern("survey-responses.xlsx\\s+survey-responses\\s+xlsx\\s+2\\s+0\\s+2");
        assertThat(Files.readString(latestRun(temp.resolve("work-not-serials/rejects")).resolve("rejects.csv")))
                .contains("returned_on,2025,\"not a valid date").contains("returned_on,20250603,\"not a valid date");
    }

    @Test
    void aWorkbookThatCannotBeReadIsRefusedWithWhatItIsAndWhatToDo() throws Exception {
        Path input = input("unreadable");
        Path workbooks = Files.createDirectories(temp.resolve("made"));
        Path xls = xls(workbooks.resolve("good.xls"));
        Path xlsx = OfficeFiles.xlsx(workbooks, "good.xlsx", "Sheet1", List.of(
                List.<Object>of("response_id", "office_id", "year", "returned_on"),
                List.<Object>of("R9", "A01", 2025, "2025-06-03")));
        Files.copy(xlsx, input.resolve("survey-responses-renamed.xls"));
        Files.copy(xls, input.resolve("survey-responses-renamed.xlsx"));
        Files.copy(xlsx, input.resolve("survey-responses-workbook.csv"));
        utf8(input, "survey-responses-text.xls", String.join(",", HEADER), "R8,A01,2025,2025-06-03,,满意,,");
        Files.writeString(input.resolve("survey-responses-page.xls"), "<html><body><table><tr><td>问卷编号</td></tr>"
                + "</table></body></html>");
        Files.write(input.resolve("survey-responses-empty.xls"), new byte[0]);
        byte[] whole = Files.readAllBytes(xls);
        Files.write(input.resolve("survey-responses-cut.xls"), Arrays.copyOf(whole, whole.length / 3));
        Biff8EncryptionKey.setCurrentUserPassword("secret");
        try {
            xls(input.resolve("survey-responses-locked.xls"));
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        Files.copy(xls, input.resolve("survey-responses-good.xls"));

        Cli.Result result = Cli.run("ingest", "--input", input.toString(), "--work",
                temp.resolve("work-unreadable").toString());
        // files not loaded: the others load, and the run says so by its exit status
        assertThat(result.status()).as(result.err()).isEqualTo(ReviewCli.FILE_NOT_LOADED);

        assertThat(result.out())
                .containsPattern("survey-responses-renamed.xls\\s+survey-responses\\s+NOT LOADED: it is not an Excel"
                        + " 97–2003 workbook \\(it looks like an XLSX\\): rename it to .xlsx and load it again")
                .containsPattern("survey-responses-renamed.xlsx\\s+survey-responses\\s+NOT LOADED: it is an Excel"
                        + " 97–2003 workbook with an .xlsx name: rename it to .xls and load it again")
                .containsPattern("survey-responses-text.xls\\s+survey-responses\\s+NOT LOADED: it is a text \\(CSV\\)"
                        + " file with an .xls name, not a workbook: rename it to .csv and load it again")
                .containsPattern("survey-responses-page.xls\\s+survey-responses\\s+NOT LOADED: it is a web page")
                .containsPattern("survey-responses-empty.xls\\s+survey-responses\\s+NOT LOADED: the file is empty")
                .containsPattern("survey-responses-cut.xls\\s+survey-responses\\s+NOT LOADED: the workbook cannot be"
                        + " opened: it is damaged or cut short.*save it again as .xlsx or CSV, then load it again")
                .containsPattern("survey-responses-locked.xls\\s+survey-responses\\s+NOT LOADED: the workbook is"
                        + " protected with a password: open it in Excel, remove the password")
                .containsPattern("survey-responses-workbook.csv\\s+survey-responses\\s+NOT LOADED: binary content:"
                        + " it is an Excel workbook with a text file's name: rename it to .xlsx and load it again")
                .containsPattern("survey-responses-good.xls\\s+survey-responses\\s+xls\\s+1\\s+1\\s+0");
        List<String> refusals = result.out().lines().filter(l -> l.contains("NOT LOADED")).toList();
        assertThat(refusals).hasSize(8).allSatisfy(line -> assertThat(line).doesNotContain("null")
                .containsAnyOf("load it again", "ask the office"));
    }

    @Test
    void theRowsOfAnXlsAreRejectedWithTheirSheetRowAndWrittenBackAsXlsx() throws Exception {
        Path input = input("xls-rejects");
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("回收问卷");
            row(sheet, 0, HEADER.toArray());
            row(sheet, 1, "R1", "A01", 2025.0, "2025-06-03", null, "满意", null, null);
            row(sheet, 2, "R2", "A01", 2025.0, "2025-06-31", "3栋", "满意", null, "日期写错");
            write(workbook, input.resolve("survey-responses.xls"));
        }

        Cli.Result result = ingest(input, "xls-rejects");

        assertThat(result.out()).containsPattern("survey-responses.xls\\s+survey-responses\\s+xls\\s+2\\s+1\\s+1");
        Path run = latestRun(temp.resolve("work-xls-rejects/rejects"));
        assertThat(Files.readString(run.resolve("rejects.csv")))
                .contains("survey-responses,survey-responses.xls,回收问卷,3,returned_on,2025-06-31");
        assertThat(RejectedRowsRoundTripTest.readXlsx(run.resolve("survey-responses_rejected.xlsx"))).containsExactly(
                List.of("问卷编号", "管理处编号", "年度", "回收日期", "楼栋", "环境卫生", "绿化", "意见建议",
                        "reject_reason / 退回原因"),
                List.of("R2", "A01", "2025", "2025-06-31", "3栋", "满意", "", "日期写错",
                        "回收日期 (2025-06-31): not a valid date; write yyyy-MM-dd, yyyy/M/d or yyyy年M月d日"));
    }

    // --- the files ---

    private Path input(String name) throws IOException {
        Path input = Files.createDirectories(temp.resolve("input-" + name));
        utf8(input, "offices.csv", "office_id,office_name,city,property_type,households",
                "A01,华侨城管理处,深圳,residential,1200", "B02,喆园雅苑管理处,深圳,住宅,300");
        return input;
    }

    private Cli.Result ingest(Path input, String name) {
        Cli.Result result = Cli.run("ingest", "--input", input.toString(), "--work",
                temp.resolve("work-" + name).toString());
        assertThat(result.status()).as(result.err()).isZero();
        return result;
    }

    /** The CSV twin loaded into a lake of its own. */
    private List<Map<String, Object>> csvTwinRows(String... moreLines) throws IOException {
        Path input = input("csv-twin");
        List<String> lines = new ArrayList<>(CSV);
        lines.addAll(List.of(moreLines));
        utf8(input, "survey-responses.csv", lines.toArray(String[]::new));
        Cli.Result result = ingest(input, "csv-twin");
        int count = lines.size() - 1;
        assertThat(result.out()).containsPattern("survey-responses.csv\\s+survey-responses\\s+UTF-8\\s+" + count
                + "\\s+" + count + "\\s+0");
        return rows("csv-twin");
    }

    /** The stored responses, less where each came from (file name and row), in key order. */
    private List<Map<String, Object>> rows(String name) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : LakeRows.read(temp.resolve("work-" + name), "survey_responses")) {
            Map<String, Object> values = new LinkedHashMap<>(row);
            values.remove("source_file");
            values.remove("source_row");
            rows.add(values);
        }
        rows.sort(Comparator.comparing(r -> (String) r.get("response_id")));
        assertThat(rows).isNotEmpty();
        return rows;
    }

    private static Path xls(Path file) throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Sheet1");
            row(sheet, 0, "response_id", "office_id", "year", "returned_on");
            row(sheet, 1, "R7", "A01", 2025.0, "2025-06-03");
            write(workbook, file);
        }
        return file;
    }

    private static void write(HSSFWorkbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }

    private static CellStyle dateStyle(HSSFWorkbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    private static void dateCell(Row row, int column, LocalDate date, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(date);
        cell.setCellStyle(style);
    }

    /** A row of text cells and number cells (Double); null leaves the cell out. */
    private static Row row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            if (values[c] instanceof Double number) {
                row.createCell(c).setCellValue(number);
            } else if (values[c] != null) {
                row.createCell(c).setCellValue(values[c].toString());
            }
        }
        return row;
    }

    /**
     * An XLSX package as a system without Excel writes it: content types, the workbook and one sheet, strings
     * inline ({@code t="inlineStr"}), numbers as plain {@code <v>} cells; no styles, no shared strings, no
     * document properties.
     */
    static void minimalXlsx(Path file, List<List<Object>> rows) throws IOException {
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 1).append("\">");
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object value = row.get(c);
                String ref = (char) ('A' + c) + String.valueOf(r + 1);
                if (value instanceof Number number) {
                    sheet.append("<c r=\"").append(ref).append("\"><v>").append(number).append("</v></c>");
                } else if (value != null) {
                    sheet.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(value)
                            .append("</t></is></c>");
                }
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.worksheet+xml\"/></Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\""
                + "http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                + "<sheet name=\"export\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
        parts.put("xl/worksheets/sheet1.xml", sheet.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Files.write(file, bytes.toByteArray());
    }

    static Path latestRun(Path folder) throws IOException {
        try (Stream<Path> runs = Files.list(folder)) {
            return runs.filter(Files::isDirectory).max(Comparator.naturalOrder()).orElseThrow();
        }
    }
}
