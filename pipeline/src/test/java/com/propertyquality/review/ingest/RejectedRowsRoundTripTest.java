package com.propertyquality.review.ingest;

import static com.propertyquality.review.support.OfficeFiles.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertyquality.review.support.RunFiles;
import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.OfficeFiles;
import com.propertyquality.review.support.LakeRows;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * A rejected row is kept whole, corrected by the office in the file written for it, and loaded again. The
 * written file has the input's own header, encoding and cells, plus the reasons; it is loaded beside the
 * office's original file (a load replaces each office-year it holds, so the corrected rows alone would replace
 * the office's year with themselves): every row is then stored once, and the counts reconcile.
 */
class RejectedRowsRoundTripTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String REASON = "reject_reason / 退回原因";
    /** Chinese headers with a column the template does not have (楼栋) in the middle. */
    private static final String HEADER = "问卷编号,管理处编号,年度,回收日期,楼栋,环境卫生,绿化,意见建议";
    private static final List<String> ORIGINAL = List.of(HEADER,
            "R1,A01,2025,2025-06-03,3栋,很满意,满意,电梯太旧",
            "R2,A01,2025,2025-06-31,5栋,满意,较满意,日期写错了",
            "R3,B02,2025,2025/6/5,,一般,满意,\"评价写了\"\"一般\"\"\"",
            "R1,A01,2025,2025-06-07,7栋,满意,满意,编号重复",
            "R4,A01,2025");

    @TempDir
    Path temp;
    Path input;
    Path work;

    @BeforeEach
    void offices() throws IOException {
        input = Files.createDirectories(temp.resolve("input"));
        work = temp.resolve("work");
        OfficeFiles.utf8(input, "offices.csv", "office_id,office_name,city,property_type,households",
                "A01,华侨城管理处,深圳,residential,1200", "B02,喆园雅苑管理处,深圳,住宅,300");
    }

    @Test
    void aGbkFilesRejectedRowsAreWrittenInItsLayoutCorrectedAndLoadedWithTheOriginal() throws Exception {
        csv(input, "survey-responses-2025.csv", GBK, false, ORIGINAL.toArray(String[]::new));
        csv(input, "survey-distribution.csv", StandardCharsets.UTF_8, true,
                "年度,管理处编号,发放份数", "2025,A01,10", "2025,B02,零");

        Cli.Result first = ingest();
        assertThat(first.out())
                .containsPattern("survey-responses-2025.csv\\s+survey-responses\\s+GB18030\\s+5\\s+1\\s+4")
                .containsPattern("survey-distribution.csv\\s+survey-distribution\\s+UTF-8 \\(BOM\\)\\s+2\\s+1\\s+1");
        Path run = RunFiles.latestRun(work.resolve("rejects"));

        // the rejected rows in the file's own layout: same header, same GBK bytes for the same cells
        Path rejected = run.resolve("survey-responses-2025_rejected.csv");
        byte[] bytes = Files.readAllBytes(rejected);
        assertThat(bytes[0]).as("no byte-order mark: the input had none").isEqualTo("问".getBytes(GBK)[0]);
        List<List<String>> written = readCsv(new String(bytes, GBK));
        assertThat(written.get(0)).isEqualTo(fields(HEADER + "," + REASON));
        assertThat(written).hasSize(5);
        for (int i = 1; i < 5; i++) {
            List<String> original = fields(ORIGINAL.get(i + 1));
            assertThat(written.get(i).subList(0, original.size())).as("row %d's cells", i).isEqualTo(original);
        }
        assertThat(written.get(1).get(8)).isEqualTo(
                "回收日期 (2025-06-31): not a valid date; write yyyy-MM-dd, yyyy/M/d or yyyy年M月d日");
        assertThat(written.get(2).get(8)).startsWith("环境卫生 (一般): not an allowed value");
        assertThat(written.get(3).get(8)).startsWith("问卷编号 (R1): duplicate key");
        // a short line keeps its three cells; the missing ones are blank so the reason stays in its column
        assertThat(written.get(4)).containsExactly("R4", "A01", "2025", "", "", "", "", "", "the row has 3 fields"
                + " where the header has 8");
        // rejects.csv keeps each row whole too
        List<CsvRecord> rejects = rejects(run);
        assertThat(rejects).filteredOn(r -> r.getField(3).equals("4")).singleElement()
                .satisfies(r -> assertThat(fields(r.getField(7))).isEqualTo(fields(ORIGINAL.get(3))));
        assertThat(rejects).filteredOn(r -> r.getField(1).equals("survey-responses-2025.csv"))
                .allSatisfy(r -> assertThat(fields(r.getField(7)))
                        .isEqualTo(fields(ORIGINAL.get(Integer.parseInt(r.getField(3)) - 1))));

        // a UTF-8 file with a byte-order mark gets one back
        Path distribution = run.resolve("survey-distribution_rejected.csv");
        assertThat(Files.readAllBytes(distribution)).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(Files.readString(distribution, StandardCharsets.UTF_8).substring(1))
                .startsWith("年度,管理处编号,发放份数," + REASON + "\r\n2025,B02,零,发放份数 (零): not a whole number");

        // the office corrects the rows where they are, leaves the reasons, and saves the file as it came
        List<List<String>> corrected = new ArrayList<>(written);
        corrected.set(1, with(written.get(1), 3, "2025-06-30"));
        corrected.set(2, with(written.get(2), 5, "满意"));
        corrected.set(3, with(written.get(3), 0, "R5"));
        corrected.set(4, List.of("R4", "A01", "2025", "2025-06-08", "", "", "", "", ""));
        Files.move(rejected, input.resolve(rejected.getFileName()));
        Files.write(input.resolve(rejected.getFileName()), toCsv(corrected).getBytes(GBK));
        csv(input, "survey-distribution_rejected.csv", StandardCharsets.UTF_8, true,
                "年度,管理处编号,发放份数," + REASON, "2025,B02,4,");

        // loaded beside the originals: the originals' good rows and the corrected rows, each once
        Cli.Result second = ingest();
        assertThat(second.out())
                .containsPattern("survey-responses-2025.csv\\s+survey-responses\\s+GB18030\\s+5\\s+1\\s+4")
                .containsPattern("survey-responses-2025_rejected.csv\\s+survey-responses\\s+GB18030\\s+4\\s+4\\s+0")
                .containsPattern("survey-distribution_rejected.csv\\s+survey-distribution\\s+UTF-8 \\(BOM\\)\\s+1\\s+1\\s+0")
                .contains("warning: column '" + REASON + "' is not part of the survey-responses template: ignored")
                .doesNotContain("a file of rejected rows loaded without");
        List<Map<String, Object>> responses = LakeRows.read(work, "survey_responses");
        assertThat(responses).extracting(r -> r.get("response_id") + "@" + r.get("source_file"))
                .containsExactlyInAnyOrder("R1@survey-responses-2025.csv", "R2@survey-responses-2025_rejected.csv",
                        "R3@survey-responses-2025_rejected.csv", "R4@survey-responses-2025_rejected.csv",
                        "R5@survey-responses-2025_rejected.csv");
        assertThat(responses).filteredOn(r -> r.get("response_id").equals("R2")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("returned_on", LocalDate.of(2025, 6, 30)));
        assertThat(LakeRows.read(work, "survey_distribution"))
                .extracting(r -> r.get("office_id") + "=" + r.get("forms_distributed"))
                .containsExactlyInAnyOrder("A01=10", "B02=4");
        JsonNode manifest = manifest();
        long read = 0;
        long stored = 0;
        for (JsonNode file : manifest.get("files")) {
            assertThat(file.get("rows_read").asLong())
                    .isEqualTo(file.get("rows_stored").asLong() + file.get("rows_rejected").asLong());
            if (file.get("template").asText().equals("survey-responses")) {
                read += file.get("rows_read").asLong();
                stored += file.get("rows_stored").asLong();
            }
        }
        assertThat(stored).as("stored responses").isEqualTo(responses.size());
        assertThat(read - stored).as("the originals' rejected rows, rejected again").isEqualTo(4);

        // loaded alone, the file would replace each office-year with its own rows: the load says so
        Path alone = Files.createDirectories(temp.resolve("alone"));
        Files.copy(input.resolve("survey-responses-2025_rejected.csv"), alone.resolve("survey-responses-2025_rejected.csv"));
        Cli.Result aloneLoad = Cli.run("ingest", "--input", alone.toString(), "--work", temp.resolve("work-alone").toString());
        assertThat(aloneLoad.out()).contains("warning: a file of rejected rows loaded without the office's own"
                + " survey-responses file");
    }

    @Test
    void anXlsxFilesRejectedRowsComeBackAsXlsxAndLoadWithTheOriginal() throws Exception {
        OfficeFiles.xlsx(input, "survey-responses-b02.xlsx", "回收问卷", List.of(
                List.<Object>of("response_id", "office_id", "year", "returned_on", "environment", "note"),
                List.<Object>of("R1", "B02", 2025, LocalDate.of(2025, 6, 5), "satisfied", "ok"),
                List.<Object>of("R2", "B02", 2025, LocalDate.of(2025, 6, 6), "so-so", "评价"),
                Arrays.asList("R3", "Z99", 2025, "2025-06-07", "satisfied", null)));

        Cli.Result first = ingest();
        assertThat(first.out()).containsPattern("survey-responses-b02.xlsx\\s+survey-responses\\s+xlsx\\s+3\\s+1\\s+2");
        Path run = RunFiles.latestRun(work.resolve("rejects"));
        Path rejected = run.resolve("survey-responses-b02_rejected.xlsx");
        List<List<String>> written = readXlsx(rejected);
        assertThat(written).containsExactly(
                List.of("response_id", "office_id", "year", "returned_on", "environment", "note", REASON),
                List.of("R2", "B02", "2025", "2025-06-06", "so-so", "评价",
                        "environment (so-so): not an allowed value; allowed: " + allowedRatings()),
                List.of("R3", "Z99", "2025", "2025-06-07", "satisfied", "",
                        "office_id (Z99): unknown office: not in the offices register"));
        assertThat(manifest().get("files").get(1).get("rejected_rows_file").asText()).isEqualTo(rejected.toString());

        // corrected in the written workbook and handed in beside the original
        OfficeFiles.xlsx(input, "survey-responses-b02_rejected.xlsx", "回收问卷", List.of(
                new ArrayList<>(written.get(0)),
                List.<Object>of("R2", "B02", "2025", "2025-06-06", "satisfied", "评价", written.get(1).get(6)),
                List.<Object>of("R3", "B02", "2025", "2025-06-07", "satisfied", "", written.get(2).get(6))));
        Cli.Result second = ingest();
        assertThat(second.out())
                .containsPattern("survey-responses-b02.xlsx\\s+survey-responses\\s+xlsx\\s+3\\s+1\\s+2")
                .containsPattern("survey-responses-b02_rejected.xlsx\\s+survey-responses\\s+xlsx\\s+2\\s+2\\s+0");
        assertThat(LakeRows.read(work, "survey_responses"))
                .extracting(r -> r.get("response_id") + "/" + r.get("office_id") + "/" + r.get("returned_on"))
                .containsExactlyInAnyOrder("R1/B02/2025-06-05", "R2/B02/2025-06-06", "R3/B02/2025-06-07");
    }

    private static String allowedRatings() {
        return com.propertyquality.review.contract.ImportTemplates.SURVEY_RESPONSES.columns().stream()
                .filter(c -> c.name().equals("environment")).findFirst().orElseThrow().codes().describe();
    }

    private Cli.Result ingest() {
        Cli.Result result = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());
        assertThat(result.status()).as(result.err()).isZero();
        return result;
    }

    private static List<String> with(List<String> row, int index, String value) {
        List<String> copy = new ArrayList<>(row);
        copy.set(index, value);
        return copy;
    }

    private static List<String> fields(String line) {
        return readCsv(line).get(0);
    }

    private static List<List<String>> readCsv(String text) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(new StringReader(text))) {
            return reader.stream().map(r -> List.copyOf(r.getFields())).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String toCsv(List<List<String>> rows) {
        java.io.StringWriter text = new java.io.StringWriter();
        try (de.siegmar.fastcsv.writer.CsvWriter writer = de.siegmar.fastcsv.writer.CsvWriter.builder().build(text)) {
            rows.forEach(writer::writeRecord);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Every row of an XLSX's first sheet as text, a missing cell as "". */
    static List<List<String>> readXlsx(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
             Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            sheet.forEach(row -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null || cell.getText() == null ? "" : cell.getText());
                }
                rows.add(cells);
            });
        }
        return rows;
    }

    private List<CsvRecord> rejects(Path run) throws IOException {
        return RunFiles.readCsv(run.resolve("rejects.csv"));
    }

    private JsonNode manifest() throws IOException {
        return RunFiles.manifest(work);
    }

}
