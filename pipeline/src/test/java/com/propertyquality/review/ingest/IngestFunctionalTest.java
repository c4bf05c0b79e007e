package com.propertyquality.review.ingest;

import static com.propertyquality.review.support.OfficeFiles.csv;
import static com.propertyquality.review.support.OfficeFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertyquality.review.cli.ReviewCli;
import com.propertyquality.review.support.RunFiles;
import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.OfficeFiles;
import com.propertyquality.review.support.LakeRows;

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * The ingest job end to end, launched from the command line on real files: CSV in each encoding and XLSX go
 * through Spring Batch (H2 job repository) into the Parquet lake; rejects, the manifest and the job repository
 * are read back.
 */
class IngestFunctionalTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String RESPONSES_HEADER = "response_id,office_id,year,household_id,returned_on,environment,"
            + "greening,maintenance,water_power,lift,security,reception,complaint_handling,follow_up,comment";

    @TempDir
    Path temp;
    Path input;
    Path work;

    @BeforeEach
    void folders() throws IOException {
        input = Files.createDirectories(temp.resolve("input"));
        work = temp.resolve("work");
        utf8(input, "offices.csv",
                "office_id,office_name,city,property_type,households",
                "A01,华侨城管理处,深圳,residential,1200",
                "B02,喆园雅苑管理处,深圳,住宅,300",
                "C03,拱北商业步行街管理处,珠海,commercial,");
    }

    @Test
    void loadsEveryEncodingAndXlsxIntoTheLakeAndTheJobRepository() throws Exception {
        csv(input, "survey-distribution.csv", StandardCharsets.UTF_8, true,
                "年度,管理处编号,发放份数", "2025,A01,10", "2025,B02,4");
        csv(input, "survey-responses-gbk.csv", GBK, false,
                "问卷编号,管理处编号,年度,回收日期,环境卫生,绿化,维修保养,供水供电,电梯运行,安全秩序,接待服务,投诉处理,服务跟进,意见建议",
                "R1,A01,2025,2025/6/3,很满意,满意,较满意,不满意,很不满意,,满意,满意,满意,电梯太旧",
                "R2,A01,2025,2025年6月4日,满意,满意,满意,满意,满意,满意,满意,满意,满意,");
        OfficeFiles.xlsx(input, "survey-responses-lifts-missing.xlsx", "回收问卷", List.of(
                List.of("response_id", "office_id", "year", "returned_on", "environment", "greening", "maintenance",
                        "water_power", "security", "reception", "complaint_handling", "follow_up"),
                List.<Object>of("R3", "B02", 2025, LocalDate.of(2025, 6, 5), "very_satisfied", "Satisfied",
                        "dissatisfied", "satisfied", "satisfied", "satisfied", "satisfied", "satisfied"),
                List.<Object>of("R4", "B02", 2025, "2025-06-06", "satisfied", "satisfied", "satisfied",
                        "satisfied", "satisfied", "satisfied", "satisfied", "fairly_satisfied")));

        Cli.Result result = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("survey-distribution.csv\\s+survey-distribution\\s+UTF-8 \\(BOM\\)\\s+2\\s+2\\s+0")
                .containsPattern("survey-responses-gbk.csv\\s+survey-responses\\s+GB18030\\s+2\\s+2\\s+0")
                .containsPattern("survey-responses-lifts-missing.xlsx\\s+survey-responses\\s+xlsx\\s+2\\s+2\\s+0")
                .contains("Stored 9 rows; rejected 0 rows");

        List<Map<String, Object>> responses = LakeRows.read(work, "survey_responses");
        assertThat(responses).extracting(r -> r.get("response_id")).containsExactlyInAnyOrder("R1", "R2", "R3", "R4");
        Map<String, Object> r1 = byKey(responses, "response_id", "R1");
        assertThat(r1).containsEntry("office_id", "A01").containsEntry("year", 2025)
                .containsEntry("returned_on", LocalDate.of(2025, 6, 3))
                .containsEntry("environment", "very_satisfied").containsEntry("maintenance", "fairly_satisfied")
                .containsEntry("water_power", "dissatisfied").containsEntry("lift", "very_dissatisfied")
                .containsEntry("security", null).containsEntry("comment", "电梯太旧")
                .containsEntry("source_file", "survey-responses-gbk.csv").containsEntry("source_row", 2);
        assertThat(byKey(responses, "response_id", "R2")).containsEntry("returned_on", LocalDate.of(2025, 6, 4));
        Map<String, Object> r3 = byKey(responses, "response_id", "R3");
        assertThat(r3).containsEntry("returned_on", LocalDate.of(2025, 6, 5)).containsEntry("greening", "satisfied")
                .containsEntry("lift", null).containsEntry("source_row", 2);
        assertThat(byKey(responses, "response_id", "R4")).containsEntry("returned_on", LocalDate.of(2025, 6, 6))
                .containsEntry("follow_up", "fairly_satisfied");
        // A01's group: the year and its office bucket
        assertThat(work.resolve("lake/quality/survey_responses/data/year=2025/office_id_bucket=6")).isDirectory();

        List<Map<String, Object>> offices = LakeRows.read(work, "offices");
        assertThat(byKey(offices, "office_id", "B02")).containsEntry("property_type", "residential")
                .containsEntry("households", 300);
        assertThat(byKey(offices, "office_id", "C03")).containsEntry("households", null);

        // every file ran as its own Spring Batch job, recorded in the JDBC job repository
        assertThat(completedJobs()).isEqualTo(4);
        JsonNode manifest = manifest();
        for (JsonNode file : manifest.get("files")) {
            assertThat(file.get("rows_read").asLong())
                    .isEqualTo(file.get("rows_stored").asLong() + file.get("rows_rejected").asLong());
            assertThat(file.get("sha256").asText()).hasSize(64);
        }
    }

    @Test
    void rejectsEveryBadRowWithFileLineColumnAndReasonAndCountsItNowhere() throws Exception {
        utf8(input, "survey-distribution.csv", "office_id,year,forms_distributed",
                "A01,2025,10", "Z99,2025,5", "B02,25,4", "B02,2025,0", "A01,2025,12");
        utf8(input, "survey-responses-a.csv", RESPONSES_HEADER,
                "R1,A01,2025,,2025-06-03,satisfied,,,,,,,,,",
                "R2,A01,2025,,2025-06-31,satisfied,,,,,,,,,",
                "R3,A01,2025,,2025-06-03,so-so,,,,,,,,,",
                ",A01,2025,,2025-06-03,satisfied,,,,,,,,,",
                "R1,A01,2025,,2025-06-04,satisfied,,,,,,,,,",
                "R5,A01,2025",
                "R6,B02,2025,,2025-06-03,satisfied,,,,,,,,,,extra");

        Cli.Result result = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("survey-distribution.csv\\s+survey-distribution\\s+UTF-8\\s+5\\s+1\\s+4")
                .containsPattern("survey-responses-a.csv\\s+survey-responses\\s+UTF-8\\s+7\\s+1\\s+6");
        List<CsvRecord> rejects = rejects();
        assertThat(rejects).extracting(r -> r.getField(1) + ":" + r.getField(3) + ":" + r.getField(4))
                .containsExactly(
                        "survey-distribution.csv:3:office_id",
                        "survey-distribution.csv:4:year",
                        "survey-distribution.csv:5:forms_distributed",
                        "survey-distribution.csv:6:office_id+year",
                        "survey-responses-a.csv:3:returned_on",
                        "survey-responses-a.csv:4:environment",
                        "survey-responses-a.csv:5:response_id",
                        "survey-responses-a.csv:6:response_id",
                        "survey-responses-a.csv:7:",
                        "survey-responses-a.csv:8:");
        assertThat(rejects.get(0).getField(5)).isEqualTo("Z99");
        assertThat(rejects.get(0).getField(6)).contains("unknown office");
        assertThat(rejects.get(3).getField(6)).contains("duplicate");
        assertThat(rejects.get(4).getField(5)).isEqualTo("2025-06-31");
        assertThat(rejects.get(8).getField(6)).contains("3 fields where the header has 15");
        assertThat(rejects.get(9).getField(6)).contains("beyond the last header column");

        // only the first occurrence of A01/2025 and R1 is stored; nothing rejected reached the lake
        List<Map<String, Object>> distribution = LakeRows.read(work, "survey_distribution");
        assertThat(distribution).singleElement().satisfies(row ->
                assertThat(row).containsEntry("office_id", "A01").containsEntry("forms_distributed", 10));
        List<Map<String, Object>> responses = LakeRows.read(work, "survey_responses");
        assertThat(responses).singleElement().satisfies(row ->
                assertThat(row).containsEntry("response_id", "R1").containsEntry("returned_on",
                        LocalDate.of(2025, 6, 3)));
    }

    @Test
    void columnsOutsideTheTemplateAreIgnoredWithAWarning() throws Exception {
        utf8(input, "survey-responses.csv", RESPONSES_HEADER + ",楼栋,",
                "R1,A01,2025,,2025-06-03,satisfied,,,,,,,,,,3栋,note without a header");

        Cli.Result result = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("survey-responses.csv\\s+survey-responses\\s+UTF-8\\s+1\\s+1\\s+0")
                .contains("warning: column '楼栋' is not part of the survey-responses template: ignored")
                .contains("warning: column 17 has values but no header: ignored (first at row 2)");
        assertThat(manifest().get("files").get(1).get("warnings")).hasSize(3).anySatisfy(warning ->
                assertThat(warning.asText()).contains("household_id references were not checked"));
    }

    @Test
    void aWrongEncodingOverrideIsReportedAsSuch() throws Exception {
        csv(input, "survey-responses.csv", GBK, false, "问卷编号,管理处编号,年度,回收日期", "R1,A01,2025,2025-06-03");

        Cli.Result forced = Cli.run("ingest", "--input", input.toString(), "--work", work.toString(),
                "--encoding", "UTF-8");
        assertThat(forced.status()).isEqualTo(ReviewCli.FILE_NOT_LOADED);
        assertThat(forced.out()).containsPattern("survey-responses.csv\\s+survey-responses\\s+NOT LOADED: the header"
                + " is not valid UTF-8 text");

        Cli.Result detected = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());
        assertThat(detected.out()).containsPattern("survey-responses.csv\\s+survey-responses\\s+GB18030\\s+1\\s+1\\s+0");
    }

    @Test
    void aFileThatCannotBeReadIsReportedAndTheOthersStillLoad() throws Exception {
        utf8(input, "survey-responses-good.csv", RESPONSES_HEADER, "R1,A01,2025,,2025-06-03,satisfied,,,,,,,,,");
        Files.write(input.resolve("survey-responses-junk.csv"), new byte[] {0, 1, 2, 3, (byte) 0xFF, 0, 0x7F});
        byte[] workbook = Files.readAllBytes(OfficeFiles.xlsx(input, "survey-responses-cut.xlsx", "Sheet1",
                List.of(List.of("response_id", "office_id", "year", "returned_on"),
                        List.<Object>of("R9", "A01", 2025, "2025-06-03"))));
        Files.write(input.resolve("survey-responses-cut.xlsx"), java.util.Arrays.copyOf(workbook, workbook.length / 2));
        utf8(input, "survey-responses-noid.csv", "office_id,year,returned_on", "A01,2025,2025-06-03");
        utf8(input, "notes.txt", "not a template");

        Cli.Result result = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());

        // the rest loads, and the exit status tells the caller that files are missing
        assertThat(result.status()).as(result.err()).isEqualTo(ReviewCli.FILE_NOT_LOADED);
        assertThat(result.err()).isEqualTo("3 file(s) not loaded: survey-responses-cut.xlsx,"
                + " survey-responses-junk.csv, survey-responses-noid.csv; the other files loaded. Correct them and run"
                + " the ingest again." + System.lineSeparator());
        assertThat(result.out())
                .containsPattern("survey-responses-junk.csv\\s+survey-responses\\s+NOT LOADED: binary content")
                .containsPattern("survey-responses-cut.xlsx\\s+survey-responses\\s+NOT LOADED: ")
                .containsPattern("survey-responses-noid.csv\\s+survey-responses\\s+NOT LOADED: required column"
                        + " response_id / 问卷编号 is missing")
                .containsPattern("survey-responses-good.csv\\s+survey-responses\\s+UTF-8\\s+1\\s+1\\s+0")
                .contains("notes.txt: not a template file name, ignored");
        assertThat(LakeRows.read(work, "survey_responses"))
                .extracting(r -> r.get("response_id")).containsExactly("R1");
        assertThat(rejects()).extracting(r -> r.getField(1))
                .contains("survey-responses-junk.csv", "survey-responses-cut.xlsx", "survey-responses-noid.csv");
        assertThat(work.resolve("staging")).doesNotExist();
    }

    @Test
    void aLoadReplacesTheOfficeYearPartitionsItHoldsAndLoadingAgainChangesNothing() throws Exception {
        utf8(input, "survey-responses.csv", RESPONSES_HEADER,
                "R1,A01,2025,,2025-06-03,satisfied,,,,,,,,,",
                "R2,A01,2025,,2025-06-03,satisfied,,,,,,,,,",
                "R3,B02,2025,,2025-06-03,satisfied,,,,,,,,,",
                "R0,A01,2024,,2024-06-03,satisfied,,,,,,,,,");
        Cli.Result firstLoad = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());
        assertThat(firstLoad.status()).isZero();
        assertThat(firstLoad.out()).doesNotContain("same content as loaded in run").doesNotContain("Nothing new");
        List<String> first = responseKeys();
        String firstRun = manifest().get("run").asText();
        Cli.Result again = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());
        assertThat(again.status()).isZero();
        assertThat(again.out()).contains("same content as loaded in run " + firstRun)
                .contains("Nothing new: every file had been loaded before exactly as it is.");
        assertThat(responseKeys()).as("a second identical load").isEqualTo(first)
                .containsExactly("2024/A01/R0", "2025/A01/R1", "2025/A01/R2", "2025/B02/R3");

        // A01 hands in its 2025 survey again, corrected: only that partition changes
        Path corrected = Files.createDirectories(temp.resolve("corrected"));
        utf8(corrected, "survey-responses.csv", RESPONSES_HEADER, "R7,A01,2025,,2025-07-01,satisfied,,,,,,,,,");
        Cli.Result correction = Cli.run("ingest", "--input", corrected.toString(), "--work", work.toString());
        assertThat(correction.status()).isZero();
        assertThat(responseKeys()).containsExactly("2024/A01/R0", "2025/A01/R7", "2025/B02/R3");
        // two forms became one: the load says so, since a partial file would lose rows this way
        assertThat(correction.out()).contains("warning: survey_responses year=2025/office_id=A01 now has 1 rows"
                + " instead of 2");
        assertThat(manifest().get("partitions_shrunk_by_half")).singleElement().satisfies(entry ->
                assertThat(entry.get("rows_before").asLong()).isEqualTo(2));
    }

    @Test
    void aSecondIngestOnTheSameWorkFolderIsRefused() throws Exception {
        utf8(input, "survey-responses.csv", RESPONSES_HEADER, "R1,A01,2025,,2025-06-03,satisfied,,,,,,,,,");
        try (WorkFolderLock held = WorkFolderLock.acquire(work)) {
            Cli.Result refused = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());
            assertThat(refused.status()).isEqualTo(1);
            assertThat(refused.err()).contains("another ingest is running on the work folder");
        }
        assertThat(Cli.run("ingest", "--input", input.toString(), "--work", work.toString()).status()).isZero();
    }

    @Test
    void aRunKilledBeforeItsCommitLeavesTheLakeAsItWasAndTheNextRunCompletes() throws Exception {
        utf8(input, "survey-responses.csv", RESPONSES_HEADER, "R1,A01,2025,,2025-06-03,satisfied,,,,,,,,,");
        assertThat(Cli.run("ingest", "--input", input.toString(), "--work", work.toString()).status()).isZero();
        // what a kill -9 between staging and commit leaves behind: a run's staged files, never committed
        Path leftover = Files.createDirectories(work.resolve(
                "staging/19700101-000000-deadbeef/files/0001/survey_responses/year=2025/office_id=A01"));
        Files.writeString(leftover.resolve("part-0001.parquet"), "half-written");
        assertThat(responseKeys()).containsExactly("2025/A01/R1");

        assertThat(Cli.run("ingest", "--input", input.toString(), "--work", work.toString()).status()).isZero();
        assertThat(responseKeys()).containsExactly("2025/A01/R1");
        assertThat(work.resolve("staging/19700101-000000-deadbeef")).doesNotExist();
    }

    private List<String> responseKeys() {
        List<String> keys = new ArrayList<>();
        for (Map<String, Object> row : LakeRows.read(work, "survey_responses")) {
            keys.add(row.get("year") + "/" + row.get("office_id") + "/" + row.get("response_id"));
        }
        keys.sort(Comparator.naturalOrder());
        return keys;
    }

    private static Map<String, Object> byKey(List<Map<String, Object>> rows, String column, String value) {
        return rows.stream().filter(r -> value.equals(r.get(column))).findFirst().orElseThrow();
    }

    private List<CsvRecord> rejects() throws IOException {
        return RunFiles.readCsv(RunFiles.latestRun(work.resolve("rejects")).resolve("rejects.csv"));
    }

    private JsonNode manifest() throws IOException {
        return RunFiles.manifest(work);
    }

    private long completedJobs() throws SQLException {
        String url = "jdbc:h2:file:" + work.resolve("job-repository/batch");
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e"
                     + " JOIN BATCH_JOB_INSTANCE i ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID"
                     + " WHERE i.JOB_NAME = 'ingestFile' AND e.STATUS = 'COMPLETED'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
