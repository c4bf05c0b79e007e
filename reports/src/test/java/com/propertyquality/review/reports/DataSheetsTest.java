package com.propertyquality.review.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.ReportDocument;
import com.propertyquality.review.reports.document.ReportFormat;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/** The XLSX's data sheets: one per table of the document, to filter and sort. */
class DataSheetsTest {

    static byte[] xlsx;
    static Map<String, String> parts;

    @BeforeAll
    static void render() throws IOException {
        xlsx = new DocumentRenderer().render(DocumentRendererTest.sample(Lang.ZH), ReportFormat.XLSX);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/document-sample-data.xlsx"), xlsx);
        parts = unzip(xlsx);
    }

    @Test
    void printSheetsFirstThenAnIndexAndOneDataSheetPerTable() throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheets().map(Sheet::getName).toList()).containsExactly(
                    "perf", "forms", "appendix", "数据表目录",
                    "1.1 调查表回收率", "1.2 （二）满意率", "2.2 （二）纠正措施", "2.3 （三）会议签到记录表");
            List<org.dhatim.fastexcel.reader.Row> index = workbook.findSheet("数据表目录").orElseThrow().read();
            assertThat(index.get(0).stream().map(Cell::getText)).containsExactly("工作表", "章", "节", "表", "行数");
            assertThat(index.get(1).stream().map(c -> c == null ? null : c.getText()))
                    .containsExactly("1.1 调查表回收率", "一、服务业绩", "（一）调查表回收率", "调查表回收率", "4");
        }
    }

    @Test
    void dataSheetsHaveTheHeaderRowAndTheDocumentsValuesAsTypedCells() throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            List<org.dhatim.fastexcel.reader.Row> rates = workbook.findSheet("1.1 调查表回收率").orElseThrow().read();
            assertThat(rates).hasSize(5);
            assertThat(rates.get(0).stream().map(Cell::getText))
                    .containsExactly("管理处编号", "管理处名称", "发放份数", "回收份数", "回收率", "异常");
            org.dhatim.fastexcel.reader.Row o04 = rates.get(4);
            assertThat(o04.getCell(0).getText()).isEqualTo("O04");
            assertThat(o04.getCell(2).getType()).isEqualTo(CellType.NUMBER);
            assertThat(o04.getCell(2).asNumber()).isEqualByComparingTo("40");
            assertThat(o04.getCell(2).getDataFormatString()).isEqualTo("0");
            // a rate is the fraction itself, shown through a percent format: 1.05 shows as 105.00%
            assertThat(o04.getCell(4).getType()).isEqualTo(CellType.NUMBER);
            assertThat(o04.getCell(4).asNumber()).isEqualByComparingTo("1.05");
            assertThat(o04.getCell(4).getDataFormatString()).isEqualTo("0.00%");
            // a missing value is an empty cell, not the printed dash
            org.dhatim.fastexcel.reader.Row o03 = rates.get(3);
            assertThat(o03.getCellAsString(2)).isEmpty();
            assertThat(o03.getCell(5).getText()).isEqualTo("无发放记录");

            List<org.dhatim.fastexcel.reader.Row> scores = workbook.findSheet("1.2 （二）满意率").orElseThrow().read();
            Cell score = scores.get(1).getCell(1);
            assertThat(score.getType()).isEqualTo(CellType.NUMBER);
            assertThat(score.asNumber()).isEqualTo(new BigDecimal("4.125")); // the value, not the printed 4.13
            assertThat(scores.get(1).getCell(2).asNumber()).isEqualTo(new BigDecimal("-5.1"));
            Cell inspected = scores.get(1).getCell(3);
            assertThat(inspected.getType()).isEqualTo(CellType.NUMBER);
            assertThat(inspected.getDataFormatString()).isEqualTo("yyyy\\-mm\\-dd");
            assertThat(inspected.asDate().toLocalDate()).isEqualTo(LocalDate.of(2025, 3, 1));

            // a table without rows keeps its header; a signature column is for paper and stays out
            assertThat(workbook.findSheet("2.2 （二）纠正措施").orElseThrow().read()).hasSize(1);
            List<org.dhatim.fastexcel.reader.Row> attendance =
                    workbook.findSheet("2.3 （三）会议签到记录表").orElseThrow().read();
            assertThat(attendance.get(0).stream().filter(Objects::nonNull).map(Cell::getText))
                    .containsExactly("姓名", "部门");
        }
    }

    @Test
    void everyDataSheetHasAFrozenHeaderAnAutofilterOverAllRowsAndNoMergedCells() {
        Map<String, String> expected = Map.of(
                "data1.xml", "A1:E5", // the index: header and four tables
                "data2.xml", "A1:F5", "data3.xml", "A1:D3", "data4.xml", "A1:A1", "data5.xml", "A1:B3");
        assertThat(parts.keySet().stream().filter(p -> p.startsWith("xl/worksheets/data")))
                .hasSize(expected.size());
        expected.forEach((part, range) -> {
            String sheet = parts.get("xl/worksheets/" + part);
            assertThat(sheet).as(part).contains("<autoFilter ref=\"" + range + "\"/>")
                    .contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>")
                    .doesNotContain("mergeCell");
        });
        assertThat(parts.get("xl/workbook.xml"))
                .contains("localSheetId=\"4\"", ">'1.1 调查表回收率'!$A$1:$F$5</definedName>");
        // the print sheets still carry their page layout
        assertThat(parts.get("xl/worksheets/sheet1.xml")).contains("mergeCell");
    }

    @Test
    void sheetNamesAreValidUniqueAndTraceableToTheTable() {
        Table table = Table.of(List.of(Column.text("a", 1)), List.of(Row.of("x")));
        String longTitle = "（一）各管理处满意度：[物业服务]/客户*评价?与\\回访 及其他很长很长的说明文字";
        ReportDocument document = new ReportDocument("t", "c", 2025, Lang.ZH, null, false, List.of(
                Chapter.of("一、满意度", "1.1 A", Section.of(null, table.withCaption("a"))),
                Chapter.of("二、满意度", "2", Section.of(longTitle, table, table), Section.of(longTitle, table))));
        List<String> names = DataSheets.of(document).stream().map(DataSheets.DataSheet::name).toList();
        assertThat(names).allSatisfy(name -> assertThat(name).hasSizeLessThanOrEqualTo(31)
                .doesNotContainPattern("[\\[\\]:*?/\\\\]"));
        assertThat(names).doesNotHaveDuplicates();
        // "1.1 a" would be the print sheet "1.1 A" to Excel, which ignores case
        assertThat(names.get(0)).isEqualTo("1.1 a~2");
        assertThat(names.get(1)).isEqualTo("2.1.1 （一）各管理处满意度： 物业服务 客户 评价 与");
        assertThat(names.get(2)).startsWith("2.1.2 （一）各管理处满意度");
        assertThat(names.get(3)).startsWith("2.2 （一）各管理处满意度");
        assertThat(DataSheets.sheetName("1.1 " + "很".repeat(40))).hasSize(31);
        // a sign-off table (signature columns only) has nothing to filter: no data sheet
        Table signOff = Table.of(List.of(Column.signature("签名", 1)), List.of(Row.of((Object) null)));
        assertThat(DataSheets.of(new ReportDocument("t", "c", 2025, Lang.ZH, null, false,
                List.of(Chapter.of("一", "1", Section.of(null, signOff)))))).isEmpty();
        assertThat(DataSheets.columnName(0) + DataSheets.columnName(25) + DataSheets.columnName(26))
                .isEqualTo("AZAA");
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> parts = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                parts.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }
}
