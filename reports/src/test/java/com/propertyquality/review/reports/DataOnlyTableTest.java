package com.propertyquality.review.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.ReportDocument;
import com.propertyquality.review.reports.document.ReportFormat;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/** A data-only table (a list too long to print) is the XLSX's data sheet alone: no PDF page, no HTML, no print sheet. */
class DataOnlyTableTest {

    private static final int ENTRIES = 120;

    private static ReportDocument document() {
        Table counts = Table.of(List.of(Column.text("管理处", 10), Column.count("合计", 5)),
                List.of(Row.of("北区管理处", (long) ENTRIES))).withCaption("各管理处记录数");
        Table full = Table.of(List.of(Column.text("住户编号", 10), Column.text("备注", 10)),
                IntStream.range(0, ENTRIES).mapToObj(i -> Row.of("H-" + (1000 + i), "只在数据表")).toList())
                .withCaption("完整名单").asDataOnly();
        return new ReportDocument("回访跟进", "示例物业管理有限公司", 2025, Lang.ZH, null, false, List.of(
                Chapter.of("一、客户服务中心", "客服", Section.of("（一）需再次回访的住户",
                        Paragraphs.of("全部记录见 XLSX 的数据表。"), counts, full))));
    }

    @Test
    void theTableFlagStaysThroughItsCopies() {
        Table full = document().chapters().get(0).sections().get(0).blocks().stream()
                .filter(Table.class::isInstance).map(Table.class::cast).toList().get(1);
        assertThat(full.dataOnly()).isTrue();
        assertThat(full.withNote("n").withCaption("c").withEmptyText("e").dataOnly()).isTrue();
        assertThat(Table.of(List.of(Column.text("a", 1)), List.of()).dataOnly()).isFalse();
    }

    @Test
    void thePdfAndTheHtmlLeaveItOut() throws IOException {
        DocumentRenderer renderer = new DocumentRenderer();
        String pdf = String.join("\n", PdfLines.of(renderer.render(document(), ReportFormat.PDF)).stream()
                .flatMap(List::stream).toList());
        String html = new String(renderer.render(document(), ReportFormat.HTML), StandardCharsets.UTF_8);

        assertThat(pdf).contains("各管理处记录数", "北区管理处").doesNotContain("完整名单", "H-1000", "只在数据表");
        assertThat(html).contains("各管理处记录数", "北区管理处").doesNotContain("完整名单", "H-1000", "只在数据表");
    }

    @Test
    void theXlsxWritesItAsADataSheetOnly() throws IOException {
        byte[] xlsx = new DocumentRenderer().render(document(), ReportFormat.XLSX);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName)
                    .containsExactly("客服", "数据表目录", "1.1.1 各管理处记录数", "1.1.2 完整名单");
            // the print sheet, laid out like the page, holds the counts and not the list
            String print = String.join(" ", sheets.get(0).read().stream()
                    .flatMap(row -> row.stream().filter(cell -> cell != null).map(Cell::getText)).toList());
            assertThat(print).contains("北区管理处").doesNotContain("H-1000", "只在数据表");
            List<org.dhatim.fastexcel.reader.Row> data = sheets.get(3).read();
            assertThat(data).hasSize(ENTRIES + 1);
            assertThat(data.get(1).getCell(0).getText()).isEqualTo("H-1000");
        }
    }
}
