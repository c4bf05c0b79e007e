package com.propertyquality.review.ingest;

import static com.propertyquality.review.support.OfficeFiles.csv;
import static com.propertyquality.review.support.OfficeFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
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
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.lake.LakeCatalog;
import com.propertyquality.review.lake.LakeSchemas;
import com.propertyquality.review.lake.ParquetRows;
import com.propertyquality.review.lake.PartitionPath;
import com.propertyquality.review.lake.StoragePath;
import com.propertyquality.review.marts.LakeTables;
import com.propertyquality.review.support.RunFiles;
import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.OfficeFiles;
import com.propertyquality.review.support.TestSpark;

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Every import template in one load, through the command line on real files as offices hand them in: the
 * households register as GBK CSV with Chinese headers and values, feedback as UTF-8 with a byte-order mark, return
 * visits as XLSX with real date cells, the rest as plain UTF-8; each file with a few bad rows. The printed table,
 * the lake (folders, values, derived year), personal data kept apart, the rejects and warnings files and the
 * manifest are read back. One load serves every test but the reload test, which uses its own work folder.
 */
class AllTemplatesIngestTest {

    private static final Charset GBK = Charset.forName("GBK");

    /** Personal data of the households file: stored rows H1, H2, then the three rejected rows. */
    private static final List<String> NAMES = List.of("张伟明", "李秀英", "王小二", "赵六", "钱七");
    private static final List<String> PHONES = List.of("13811112222", "13933334444", "13755556666", "13666667777",
            "13577778888");

    private static final List<String> DATASETS = List.of("offices", "households", "households_private", "feedback",
            "return_visits", "purchases", "inspections", "actions");

    @TempDir
    static Path temp;
    static Path input;
    static Path work;
    static Path lake;
    static Cli.Result result;

    @BeforeAll
    static void loadEveryTemplate() throws IOException {
        input = Files.createDirectories(temp.resolve("input"));
        work = temp.resolve("work");
        lake = work.resolve("lake");
        writeOfficeFiles(input);

        result = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());
    }

    static void writeOfficeFiles(Path folder) {
        utf8(folder, "offices.csv",
                "office_id,office_name,city,property_type,households",
                "A01,华侨城管理处,深圳,residential,1200",
                "B02,喆园雅苑管理处,深圳,住宅,300");
        csv(folder, "households-gbk.csv", GBK, false,
                "住户编号,管理处编号,客户类别,户主年龄,职业,爱好,家庭人数,子女数,老人数,入住日期,应缴月数,按时缴费月数,姓名,电话",
                "H1,A01,业委会成员,45,教师,书法；摄影,3,1,0,2019/3/1,12,11,张伟明,13811112222",
                "H2,B02,普通白领,33,工程师,,2,0,0,2021年5月6日,12,12,李秀英,13933334444",
                "H3,A01,Z,50,,,,,,,,,王小二,13755556666", // line 4: unknown category
                "H4,A01,商人,15,,,,,,,,,赵六,13666667777", // line 5: head of household too young
                "H5,A01,G,60,,,,,,,6,7,钱七,13577778888"); // line 6: paid on time more months than billed
        csv(folder, "feedback.csv", StandardCharsets.UTF_8, true,
                "登记编号,管理处编号,登记日期,住户编号,反馈渠道,类型,涉及方面,严重程度,原件保管,处理状态,关闭日期,纠正措施编号,内容摘要",
                "F1,A01,2025-03-02,H1,来电,投诉,电梯,,是,已关闭,2025-03-05,CA1,电梯停运两小时",
                "F2,B02,2025/4/1,,信函,意见,绿化,重大,否,处理中,,,草坪枯黄",
                "F3,A01,2024-12-30,H9,来访,表扬,接待服务,,,处理中,,,前台服务热情", // line 4: unknown household
                "F4,A01,2025-03-02,,来电,投诉,电梯,,,已关闭,,,未填关闭日期", // line 5: closed without closed_on
                "F5,A01,2025-03-02,,email,投诉,电梯,,,处理中,,,渠道写错", // line 6: unknown channel
                "F1,A01,2025-03-09,,来电,投诉,电梯,,,处理中,,,重复登记"); // line 7: duplicate record_id
        OfficeFiles.xlsx(folder, "return-visits.xlsx", "回访记录", List.of(
                List.<Object>of("回访编号", "office_id", "回访日期", "household_id", "purpose", "ref_id", "回访结果", "note"),
                Arrays.<Object>asList("V1", "A01", LocalDate.of(2025, 4, 1), "H1", "survey_check", "R1", "属实", null),
                Arrays.<Object>asList("V2", "B02", LocalDate.of(2025, 5, 2), "H2", "有偿服务", "WO-7", "满意", "换锁"),
                // row 4: satisfied is no result of a survey check; row 5: no such date
                Arrays.<Object>asList("V3", "A01", LocalDate.of(2025, 5, 3), null, "survey_check", "R3", "satisfied", null),
                Arrays.<Object>asList("V4", "A01", "2025-13-01", null, "complaint", "F1", "satisfied", null)));
        utf8(folder, "purchases.csv",
                "purchase_id,household_id,office_id,purchased_on,category,amount",
                "P1,H1,A01,2025-05-01,家政,12.50",
                "P2,H2,B02,2025-06-15,有偿维修,300",
                "P3,H7,A01,2025-07-01,生鲜,8.8", // line 4: unknown household
                "P4,H1,A01,2025-07-02,生鲜,-3.00", // line 5: negative amount
                "P5,,A01,2025-07-03,生鲜,5.00", // line 6: no household
                "P6,H1,A01,2025-07-04,生鲜,1.234"); // line 7: three decimals
        utf8(folder, "inspections.csv",
                "inspection_id,office_id,inspected_on,level,score,nonconformities,note",
                "I1,A01,2025-06-10,mystery_shopper,87.5,2,前台无人",
                "I2,B02,2025-06-11,质量管理部月检,92,0,",
                "I3,A01,2025-06-12,external,100.5,0,", // line 4: score above 100
                "I4,C09,2025-06-12,external,80,0,"); // line 5: unknown office
        utf8(folder, "actions.csv",
                "action_id,office_id,opened_on,source,area,type,owner_department,due_on,closed_on,verification,"
                        + "verified_on,description",
                "CA1,A01,2025-03-05,feedback,lift,corrective,工程部,2025-04-05,2025-04-01,effective,2025-04-20,更换电梯主板",
                "CA2,,2025-01-10,review,other,preventive,品质部,2025-06-30,,,,修订服务标准", // head office
                "CA3,A01,2025-02-01,audit,fees,corrective,财务部,2025-03-01,,effective,,补充收费公示", // line 4
                "CA4,Z99,2025-02-01,audit,fees,corrective,财务部,2025-03-01,,,,不存在的管理处"); // line 5
    }

    // ------------------------------------------------------------------------------------------ the table

    @Test
    void printsReadStoredAndRejectedPerFile() {
        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("offices.csv\\s+offices\\s+UTF-8\\s+2\\s+2\\s+0\\R")
                .containsPattern("households-gbk.csv\\s+households\\s+GB18030\\s+5\\s+2\\s+3\\R")
                .containsPattern("feedback.csv\\s+feedback\\s+UTF-8 \\(BOM\\)\\s+6\\s+3\\s+3\\R")
                .containsPattern("return-visits.xlsx\\s+return-visits\\s+xlsx\\s+4\\s+2\\s+2\\R")
                .containsPattern("purchases.csv\\s+purchases\\s+UTF-8\\s+6\\s+3\\s+3\\R")
                .containsPattern("inspections.csv\\s+inspections\\s+UTF-8\\s+4\\s+2\\s+2\\R")
                .containsPattern("actions.csv\\s+actions\\s+UTF-8\\s+4\\s+2\\s+2\\R")
                .contains("Stored 16 rows; rejected 15 rows")
                .doesNotContain("NOT LOADED")
                .doesNotContain("not a template file name");
    }

    @Test
    void printsTheStoredRowsWithWarningsUnderTheirFile() {
        String out = result.out();
        assertThat(out).contains("1 stored rows with warnings");
        assertThat(out.lines().filter(l -> l.contains("stored rows with warnings")).toList()).hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("warnings.csv"));
        // each warning line follows its own file's line of the table
        assertThat(out).containsPattern("feedback.csv[^\\n]*\\R\\s+1 stored rows with warnings")
                .containsPattern("purchases.csv[^\\n]*\\R\\s+1 stored rows with warnings");
    }

    // ------------------------------------------------------------------------------------------- the lake

    @Test
    void everyTemplateHasItsDatasetAndPartitions() throws IOException {
        assertThat(datasetFolders(lake)).containsExactlyInAnyOrderElementsOf(DATASETS);
        // A01 and B02 share office bucket 6: a file per year holds both
        assertThat(groupFolders("households")).containsExactly("office_id_bucket=6");
        assertThat(groupFolders("households_private")).containsExactly("office_id_bucket=6");
        assertThat(groupFolders("feedback")).containsExactly("year=2024/office_id_bucket=6",
                "year=2025/office_id_bucket=6");
        assertThat(groupFolders("actions")).containsExactly("year=2025/office_id_bucket=6",
                "year=2025/office_id_bucket=null");
        assertThat(new Lake(lake).currentFiles(ImportTemplates.FEEDBACK, "feedback")).hasSize(2);

        assertThat(partitions("offices")).containsExactly("office_id=A01", "office_id=B02");
        assertThat(partitions("households")).containsExactly("office_id=A01", "office_id=B02");
        assertThat(partitions("households_private")).containsExactly("office_id=A01", "office_id=B02");
        assertThat(partitions("feedback")).containsExactly(
                "year=2024/office_id=A01", "year=2025/office_id=A01", "year=2025/office_id=B02");
        assertThat(partitions("return_visits")).containsExactly("year=2025/office_id=A01", "year=2025/office_id=B02");
        assertThat(partitions("purchases")).containsExactly("year=2025/office_id=A01", "year=2025/office_id=B02");
        assertThat(partitions("inspections")).containsExactly("year=2025/office_id=A01", "year=2025/office_id=B02");
        assertThat(partitions("actions")).containsExactly(
                "year=2025/office_id=A01", "year=2025/office_id=" + PartitionPath.NULL_VALUE);
        assertThat(lake.resolveSibling("staging")).doesNotExist();
    }

    @Test
    void householdsAreStoredWithTypedValuesAndWithoutPersonalData() {
        List<Map<String, Object>> households = new Lake(lake).readAll("households");

        assertThat(households).extracting(r -> r.get("household_id")).containsExactlyInAnyOrder("H1", "H2");
        assertThat(byKey(households, "household_id", "H1"))
                .containsEntry("office_id", "A01").containsEntry("category", "A").containsEntry("head_age", 45)
                .containsEntry("occupation", "教师").containsEntry("hobbies", "书法；摄影")
                .containsEntry("family_size", 3).containsEntry("children", 1).containsEntry("elderly", 0)
                .containsEntry("moved_in_on", LocalDate.of(2019, 3, 1))
                .containsEntry("fee_months_billed", 12).containsEntry("fee_months_on_time", 11)
                .containsEntry("source_file", "households-gbk.csv").containsEntry("source_row", 2);
        assertThat(byKey(households, "household_id", "H2"))
                .containsEntry("office_id", "B02").containsEntry("category", "H")
                .containsEntry("moved_in_on", LocalDate.of(2021, 5, 6)).containsEntry("hobbies", null);
        assertThat(households).allSatisfy(row -> assertThat(row).doesNotContainKeys("name", "phone"));
    }

    @Test
    void personalDataIsOnlyInTheHouseholdsPrivateDataset() throws IOException {
        List<Map<String, Object>> personal = new Lake(lake).readAll("households_private");
        assertThat(personal).hasSize(2).allSatisfy(row -> assertThat(row.keySet()).containsExactlyInAnyOrder(
                "household_id", "name", "phone", "office_id", "source_file", "source_row"));
        assertThat(byKey(personal, "household_id", "H1"))
                .containsEntry("name", "张伟明").containsEntry("phone", "13811112222").containsEntry("office_id", "A01");
        assertThat(byKey(personal, "household_id", "H2"))
                .containsEntry("name", "李秀英").containsEntry("phone", "13933334444").containsEntry("office_id", "B02");

        // every other dataset, value by value: no name or phone column, no name or phone in any value
        for (String dataset : datasetFolders(lake)) {
            if (dataset.equals("households_private")) {
                continue;
            }
            List<Map<String, Object>> rows = new Lake(lake).readAll(dataset);
            assertThat(rows).as(dataset).isNotEmpty();
            for (Map<String, Object> row : rows) {
                assertThat(row).as(dataset).doesNotContainKeys("name", "phone");
                for (Object value : row.values()) {
                    assertThat(String.valueOf(value)).as(dataset + " " + row)
                            .doesNotContain(NAMES.toArray(String[]::new))
                            .doesNotContain(PHONES.toArray(String[]::new));
                }
            }
        }
        // the rejected households' personal data is nowhere, not even in the private dataset
        assertThat(personal.toString()).doesNotContain("王小二", "赵六", "钱七", "13755556666", "13666667777",
                "13577778888");
        // and the raw bytes of every file outside the private dataset (a plain-text check: any hit is a leak)
        try (Stream<Path> files = Files.walk(lake)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (lake.relativize(file).startsWith(LakeCatalog.PRIVATE_NAMESPACE)) {
                    continue;
                }
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : concat(NAMES, PHONES)) {
                    assertThat(bytes).as(file.toString())
                            .doesNotContain(new String(secret.getBytes(StandardCharsets.UTF_8),
                                    StandardCharsets.ISO_8859_1));
                }
            }
        }
    }

    @Test
    void theRejectsAndWarningsFilesHoldNoPersonalData() throws IOException {
        Path run = RunFiles.latestRun(work.resolve("rejects"));
        for (Path file : List.of(run.resolve("rejects.csv"), run.resolve("warnings.csv"))) {
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString())
                    .doesNotContain(NAMES.toArray(String[]::new))
                    .doesNotContain(PHONES.toArray(String[]::new));
        }
    }

    @Test
    void rejectedHouseholdsAreKeptWholeMaskedInTheRunsLogsAndAsReadInTheOfficesOwnLayout() throws IOException {
        Path run = RunFiles.latestRun(work.resolve("rejects"));
        // rejects.csv keeps each row whole, its name and phone masked as everywhere outside the private dataset
        assertThat(RunFiles.readCsv(run.resolve("rejects.csv")))
                .filteredOn(r -> r.getField(1).equals("households-gbk.csv"))
                .extracting(r -> r.getField(3) + ":" + r.getField(7)).containsExactly(
                        "4:H3,A01,Z,50,,,,,,,,,王**,137****6666",
                        "5:H4,A01,商人,15,,,,,,,,,赵*,136****7777",
                        "6:H5,A01,G,60,,,,,,,6,7,钱*,135****8888");
        // the file that goes back to the office holds its rows as it wrote them, in GBK like its own file
        List<String> returned = Files.readAllLines(run.resolve("households-gbk_rejected.csv"), GBK);
        assertThat(returned.get(0)).isEqualTo("住户编号,管理处编号,客户类别,户主年龄,职业,爱好,家庭人数,子女数,老人数,"
                + "入住日期,应缴月数,按时缴费月数,姓名,电话,reject_reason / 退回原因");
        assertThat(returned).hasSize(4);
        // (a reason with a comma is quoted)
        assertThat(returned.get(1).replace("\"", ""))
                .startsWith("H3,A01,Z,50,,,,,,,,,王小二,13755556666,客户类别 (Z): not an allowed value");
        assertThat(returned.get(2).replace("\"", ""))
                .startsWith("H4,A01,商人,15,,,,,,,,,赵六,13666667777,户主年龄 (15): out of range");
        assertThat(returned.get(3).replace("\"", ""))
                .startsWith("H5,A01,G,60,,,,,,,6,7,钱七,13577778888,按时缴费月数 (7): ");
    }

    @Test
    void feedbackIsStoredWithEnglishCodesDatesAndTheYearOfReceivedOn() {
        List<Map<String, Object>> feedback = new Lake(lake).readAll("feedback");

        assertThat(feedback).extracting(r -> r.get("record_id")).containsExactlyInAnyOrder("F1", "F2", "F3");
        assertThat(byKey(feedback, "record_id", "F1"))
                .containsEntry("year", 2025).containsEntry("office_id", "A01")
                .containsEntry("received_on", LocalDate.of(2025, 3, 2)).containsEntry("household_id", "H1")
                .containsEntry("channel", "phone").containsEntry("kind", "complaint").containsEntry("area", "lift")
                .containsEntry("severity", "normal").containsEntry("original_kept", true)
                .containsEntry("status", "closed").containsEntry("closed_on", LocalDate.of(2025, 3, 5))
                .containsEntry("action_id", "CA1").containsEntry("summary", "电梯停运两小时")
                .containsEntry("source_file", "feedback.csv").containsEntry("source_row", 2);
        assertThat(byKey(feedback, "record_id", "F2"))
                .containsEntry("year", 2025).containsEntry("office_id", "B02")
                .containsEntry("received_on", LocalDate.of(2025, 4, 1)).containsEntry("channel", "letter")
                .containsEntry("kind", "opinion").containsEntry("area", "greening").containsEntry("severity", "major")
                .containsEntry("original_kept", false).containsEntry("status", "open").containsEntry("closed_on", null);
        // the year partition comes from received_on: a December 2024 entry is in 2024
        assertThat(byKey(feedback, "record_id", "F3"))
                .containsEntry("year", 2024).containsEntry("received_on", LocalDate.of(2024, 12, 30))
                .containsEntry("household_id", "H9").containsEntry("channel", "visit")
                .containsEntry("kind", "praise").containsEntry("area", "reception").containsEntry("source_row", 4);
    }

    @Test
    void returnVisitsFromXlsxDateCellsAreStoredAsDates() {
        List<Map<String, Object>> visits = new Lake(lake).readAll("return_visits");

        assertThat(visits).extracting(r -> r.get("visit_id")).containsExactlyInAnyOrder("V1", "V2");
        assertThat(byKey(visits, "visit_id", "V1"))
                .containsEntry("year", 2025).containsEntry("office_id", "A01")
                .containsEntry("visited_on", LocalDate.of(2025, 4, 1)).containsEntry("household_id", "H1")
                .containsEntry("purpose", "survey_check").containsEntry("ref_id", "R1")
                .containsEntry("result", "confirmed").containsEntry("note", null)
                .containsEntry("source_file", "return-visits.xlsx").containsEntry("source_row", 2);
        assertThat(byKey(visits, "visit_id", "V2"))
                .containsEntry("visited_on", LocalDate.of(2025, 5, 2)).containsEntry("purpose", "paid_service")
                .containsEntry("result", "satisfied").containsEntry("note", "换锁");
    }

    @Test
    void purchasesKeepTheirAmountsAsDecimalsInYuanAndFen() {
        List<Map<String, Object>> purchases = new Lake(lake).readAll("purchases");

        assertThat(purchases).extracting(r -> r.get("purchase_id")).containsExactlyInAnyOrder("P1", "P2", "P3");
        assertThat(byKey(purchases, "purchase_id", "P1"))
                .containsEntry("amount", new BigDecimal("12.50")).containsEntry("household_id", "H1")
                .containsEntry("purchased_on", LocalDate.of(2025, 5, 1)).containsEntry("category", "家政")
                .containsEntry("year", 2025).containsEntry("office_id", "A01");
        assertThat(byKey(purchases, "purchase_id", "P2")).containsEntry("amount", new BigDecimal("300.00"));
        // stored although the household is not in the register (with a warning)
        assertThat(byKey(purchases, "purchase_id", "P3"))
                .containsEntry("amount", new BigDecimal("8.80")).containsEntry("household_id", "H7");
    }

    @Test
    void inspectionsKeepTheirScoresAsDoubles() {
        List<Map<String, Object>> inspections = new Lake(lake).readAll("inspections");

        assertThat(inspections).extracting(r -> r.get("inspection_id")).containsExactlyInAnyOrder("I1", "I2");
        assertThat(byKey(inspections, "inspection_id", "I1"))
                .containsEntry("score", 87.5).containsEntry("level", "mystery_shopper")
                .containsEntry("nonconformities", 2).containsEntry("inspected_on", LocalDate.of(2025, 6, 10))
                .containsEntry("note", "前台无人").containsEntry("year", 2025);
        assertThat(byKey(inspections, "inspection_id", "I2"))
                .containsEntry("score", 92.0).containsEntry("level", "quality_monthly")
                .containsEntry("nonconformities", 0).containsEntry("office_id", "B02");
    }

    @Test
    void actionsOfTheHeadOfficeHaveNoOfficeAndVerificationDefaultsToPending() {
        List<Map<String, Object>> actions = new Lake(lake).readAll("actions");

        assertThat(actions).extracting(r -> r.get("action_id")).containsExactlyInAnyOrder("CA1", "CA2");
        assertThat(byKey(actions, "action_id", "CA1"))
                .containsEntry("office_id", "A01").containsEntry("year", 2025)
                .containsEntry("opened_on", LocalDate.of(2025, 3, 5)).containsEntry("source", "feedback")
                .containsEntry("area", "lift").containsEntry("type", "corrective")
                .containsEntry("owner_department", "工程部").containsEntry("due_on", LocalDate.of(2025, 4, 5))
                .containsEntry("closed_on", LocalDate.of(2025, 4, 1)).containsEntry("verification", "effective")
                .containsEntry("verified_on", LocalDate.of(2025, 4, 20));
        assertThat(byKey(actions, "action_id", "CA2"))
                .containsEntry("office_id", null).containsEntry("year", 2025)
                .containsEntry("source", "review").containsEntry("area", "other").containsEntry("type", "preventive")
                .containsEntry("verification", "pending").containsEntry("verified_on", null)
                .containsEntry("closed_on", null);
    }

    @Test
    void sparkReadsTheDerivedYearAsAnIntAndNoPersonalDataAnywhere() {
        LakeTables tables = new LakeTables(TestSpark.session(), lake);

        Dataset<Row> feedback = tables.read(ImportTemplates.FEEDBACK);
        assertThat(feedback.schema().apply("year").dataType()).isEqualTo(DataTypes.IntegerType);
        assertThat(feedback.columns()).doesNotContain("name", "phone");
        Map<String, Row> byRecord = new LinkedHashMap<>();
        for (Row row : feedback.collectAsList()) {
            byRecord.put(row.getAs("record_id"), row);
        }
        assertThat(byRecord).containsOnlyKeys("F1", "F2", "F3");
        assertThat((Object) byRecord.get("F1").getAs("year")).isEqualTo(2025);
        assertThat((Object) byRecord.get("F3").getAs("year")).isEqualTo(2024);
        assertThat(String.valueOf((Object) byRecord.get("F1").getAs("received_on"))).isEqualTo("2025-03-02");
        assertThat((Object) byRecord.get("F1").getAs("office_id")).isEqualTo("A01");

        for (Template template : ImportTemplates.all()) {
            assertThat(tables.read(template).columns()).as(template.name()).doesNotContain("name", "phone");
        }
        Dataset<Row> households = tables.read(ImportTemplates.HOUSEHOLDS);
        assertThat(households.count()).isEqualTo(2);
        assertThat(households.collectAsList().toString()).doesNotContain(NAMES.toArray(String[]::new))
                .doesNotContain(PHONES.toArray(String[]::new));

        List<Row> headOffice = tables.read(ImportTemplates.ACTIONS).where("action_id = 'CA2'").collectAsList();
        assertThat(headOffice).singleElement().satisfies(row -> {
            assertThat((Object) row.getAs("office_id")).isNull();
            assertThat((Object) row.getAs("year")).isEqualTo(2025);
        });
        Row purchase = tables.read(ImportTemplates.PURCHASES).where("purchase_id = 'P1'").first();
        assertThat((BigDecimal) purchase.getAs("amount")).isEqualByComparingTo("12.50");
    }

    // ---------------------------------------------------------------------------- rejects, warnings, manifest

    @Test
    void rejectsFileHasEveryBadRowWithFileRowColumnAndReason() throws IOException {
        List<CsvRecord> rejects = RunFiles.readCsv(
                RunFiles.latestRun(work.resolve("rejects")).resolve("rejects.csv"));

        // one line per violation, files in name order (as they were read), rows in file order
        assertThat(rejects).extracting(AllTemplatesIngestTest::describe).containsExactly(
                "actions|actions.csv||4|verified_on|",
                "actions|actions.csv||5|office_id|Z99",
                "feedback|feedback.csv||5|closed_on|",
                "feedback|feedback.csv||6|channel|email",
                "feedback|feedback.csv||7|record_id|F1",
                "households|households-gbk.csv||4|category|Z",
                "households|households-gbk.csv||5|head_age|15",
                "households|households-gbk.csv||6|fee_months_on_time|7",
                "inspections|inspections.csv||4|score|100.5",
                "inspections|inspections.csv||5|office_id|C09",
                "purchases|purchases.csv||5|amount|-3.00",
                "purchases|purchases.csv||6|household_id|",
                "purchases|purchases.csv||7|amount|1.234",
                "return-visits|return-visits.xlsx|回访记录|4|result|satisfied",
                "return-visits|return-visits.xlsx|回访记录|5|visited_on|2025-13-01");

        assertThat(reason(rejects, "households-gbk.csv", "4")).startsWith("not an allowed value").contains("A 业委会成员");
        assertThat(reason(rejects, "households-gbk.csv", "5")).isEqualTo("out of range: must be between 16 and 120");
        assertThat(reason(rejects, "households-gbk.csv", "6"))
                .isEqualTo("fee_months_on_time is above fee_months_billed (6)");
        assertThat(reason(rejects, "feedback.csv", "5")).isEqualTo("required when status is closed");
        assertThat(reason(rejects, "feedback.csv", "6")).startsWith("not an allowed value");
        assertThat(reason(rejects, "feedback.csv", "7")).startsWith("duplicate key");
        assertThat(reason(rejects, "return-visits.xlsx", "4"))
                .isEqualTo("not a result of a survey_check purpose; allowed: confirmed, not_confirmed, unreachable");
        assertThat(reason(rejects, "return-visits.xlsx", "5")).startsWith("not a valid date");
        assertThat(reason(rejects, "purchases.csv", "5")).isEqualTo("out of range: must be at least 0");
        assertThat(reason(rejects, "purchases.csv", "6")).isEqualTo("required value is missing");
        assertThat(reason(rejects, "purchases.csv", "7")).isEqualTo("not an amount in yuan with at most two decimals");
        assertThat(reason(rejects, "inspections.csv", "4")).isEqualTo("out of range: must be between 0 and 100");
        assertThat(reason(rejects, "inspections.csv", "5")).contains("unknown office");
        assertThat(reason(rejects, "actions.csv", "4")).isEqualTo("required when verification is effective");
        assertThat(reason(rejects, "actions.csv", "5")).contains("unknown office");
    }

    @Test
    void warningsFileBesideTheRejectsListsTheRowsReferringToUnknownHouseholds() throws IOException {
        Path run = RunFiles.latestRun(work.resolve("rejects"));
        assertThat(run.resolve("rejects.csv")).isRegularFile();
        List<CsvRecord> warnings = RunFiles.readCsv(run.resolve("warnings.csv"));

        assertThat(warnings).extracting(AllTemplatesIngestTest::describe).containsExactly(
                "feedback|feedback.csv||4|household_id|H9",
                "purchases|purchases.csv||4|household_id|H7");
        assertThat(warnings).allSatisfy(w -> assertThat(w.getField(6)).contains("unknown household"));
    }

    @Test
    void manifestReconcilesEveryFileAndCountsTheRowsWithWarnings() throws IOException {
        JsonNode manifest = RunFiles.manifest(work);

        Map<String, JsonNode> files = new TreeMap<>();
        manifest.get("files").forEach(file -> files.put(file.get("file").asText(), file));
        assertThat(files).containsOnlyKeys("offices.csv", "households-gbk.csv", "feedback.csv", "return-visits.xlsx",
                "purchases.csv", "inspections.csv", "actions.csv");
        for (JsonNode file : files.values()) {
            assertThat(file.get("status").asText()).as(file.toString()).isEqualTo("loaded");
            assertThat(file.get("rows_read").asLong()).as(file.toString())
                    .isEqualTo(file.get("rows_stored").asLong() + file.get("rows_rejected").asLong());
            long expectedWarned = file.get("file").asText().matches("feedback.csv|purchases.csv") ? 1 : 0;
            assertThat(file.get("rows_with_warnings").asLong()).as(file.toString()).isEqualTo(expectedWarned);
        }
        assertThat(files.get("households-gbk.csv").get("rows_read").asLong()).isEqualTo(5);
        assertThat(files.get("households-gbk.csv").get("rows_stored").asLong()).isEqualTo(2);
        assertThat(files.get("households-gbk.csv").get("encoding").asText()).isEqualTo("GB18030");
        assertThat(files.get("feedback.csv").get("encoding").asText()).isEqualTo("UTF-8 (BOM)");
        assertThat(files.get("return-visits.xlsx").get("encoding").asText()).isEqualTo("xlsx");
        assertThat(manifest.get("warnings_file").asText()).endsWith("warnings.csv");
        JsonNode replaced = manifest.get("partitions_replaced");
        // by dataset name, whatever order the templates loading side by side committed in
        List<String> datasets = new ArrayList<>();
        replaced.fieldNames().forEachRemaining(datasets::add);
        assertThat(datasets).contains("actions", "feedback", "households", "households_private", "offices")
                .isSorted();
        assertThat(texts(replaced.get("actions"))).containsExactlyInAnyOrder(
                "year=2025/office_id=A01", "year=2025/office_id=" + PartitionPath.NULL_VALUE);
        assertThat(texts(replaced.get("households_private")))
                .containsExactlyInAnyOrder("office_id=A01", "office_id=B02");
    }

    // ------------------------------------------------------------------------------------------- reloading

    @Test
    void aSecondIdenticalLoadLeavesEveryDatasetAsItWas(@TempDir Path own) throws IOException {
        Path files = Files.createDirectories(own.resolve("input"));
        Path ownWork = own.resolve("work");
        writeOfficeFiles(files);

        Cli.Result first = Cli.run("ingest", "--input", files.toString(), "--work", ownWork.toString());
        assertThat(first.status()).as(first.err()).isZero();
        Map<String, List<String>> before = snapshot(ownWork.resolve("lake"));
        Cli.Result second = Cli.run("ingest", "--input", files.toString(), "--work", ownWork.toString());
        assertThat(second.status()).as(second.err()).isZero();
        Map<String, List<String>> after = snapshot(ownWork.resolve("lake"));

        assertThat(before.keySet()).containsExactlyInAnyOrderElementsOf(DATASETS);
        assertThat(after).isEqualTo(before);
        assertThat(before.get("feedback")).hasSize(3);
        assertThat(before.get("households_private")).hasSize(2);
        assertThat(second.out()).contains("Stored 16 rows; rejected 15 rows")
                .containsPattern("feedback.csv\\s+feedback\\s+UTF-8 \\(BOM\\)\\s+6\\s+3\\s+3\\R");
    }

    // --------------------------------------------------------------------------------------------- helpers

    /** Every dataset's rows, each row as its columns in name order, sorted: comparable between loads. */
    private static Map<String, List<String>> snapshot(Path lakeFolder) throws IOException {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String dataset : datasetFolders(lakeFolder)) {
            List<String> canonical = new ArrayList<>();
            for (Map<String, Object> row : new Lake(lakeFolder).readAll(dataset)) {
                canonical.add(new TreeMap<>(row).toString());
            }
            canonical.sort(Comparator.naturalOrder());
            rows.put(dataset, canonical);
        }
        return rows;
    }

    /** The datasets the lake has a table of, in name order. */
    private static List<String> datasetFolders(Path lakeFolder) {
        Lake read = new Lake(lakeFolder);
        List<String> datasets = new ArrayList<>();
        for (Template template : Lake.templates()) {
            for (LakeSchemas.LakeDataset dataset : LakeSchemas.datasets(template)) {
                if (read.tableOf(template, dataset.name()).isPresent()) {
                    datasets.add(dataset.name());
                }
            }
        }
        return datasets.stream().sorted().toList();
    }

    /** The partition folders (relative to the table's data folder, '/'-separated) of its current files. */
    /** The folders of a table's current files, under its data folder: its file groups. */
    private static List<String> groupFolders(String dataset) {
        Lake read = new Lake(lake);
        Template template = Lake.templateOf(dataset);
        Path data = StoragePath.ofTableLocation(read.tableOf(template, dataset).orElseThrow().location())
                .resolve("data").localPath();
        return read.currentFiles(template, dataset).stream()
                .map(file -> data.relativize(file.localPath().getParent()).toString().replace('\\', '/'))
                .distinct().sorted().toList();
    }

    /** The partitions a table's rows are in, in folder notation, from the rows' partition columns. */
    private static List<String> partitions(String dataset) {
        Lake read = new Lake(lake);
        Template template = Lake.templateOf(dataset);
        return ParquetRows.readFiles(read.currentFiles(template, dataset)).stream()
                .map(row -> PartitionPath.of(template.partitionBy(),
                        template.partitionBy().stream().map(row::get).toArray()))
                .distinct().sorted().toList();
    }

    private static Map<String, Object> byKey(List<Map<String, Object>> rows, String column, String value) {
        return rows.stream().filter(r -> value.equals(r.get(column))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + " = " + value + " in " + rows));
    }

    private static String describe(CsvRecord record) {
        return String.join("|", record.getFields().subList(0, 6));
    }

    private static String reason(List<CsvRecord> rejects, String file, String row) {
        return rejects.stream().filter(r -> r.getField(1).equals(file) && r.getField(3).equals(row))
                .map(r -> r.getField(6)).findFirst()
                .orElseThrow(() -> new AssertionError("no reject for " + file + " row " + row));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
