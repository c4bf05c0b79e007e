package com.propertyquality.review.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.generate.OfficeProfile.SurveyStanding;
import com.propertyquality.review.support.Cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * The generated company through the command line, without loading it: the same seed gives the same bytes, the
 * counts are the scale's and expected.json states them file by file, and the company has the skew the reports
 * need. The load itself is {@link GeneratedCompanyIngestTest}.
 */
class GeneratedCompanyTest {

    @TempDir
    static Path temp;
    static Path company;
    static Cli.Result generated;
    static JsonNode expected;

    @BeforeAll
    static void generateOnce() throws IOException {
        company = temp.resolve("company");
        generated = Cli.run("generate", "--scale", "0.02", "--out", company.toString(), "--seed", "7");
        expected = new ObjectMapper().readTree(company.resolve("expected.json").toFile());
    }

    @Test
    void theSameSeedGivesTheSameBytesWhateverTheThreads() throws IOException {
        Path again = temp.resolve("again");
        Cli.Result result = Cli.run("generate", "--scale", "0.02", "--out", again.toString(), "--seed", "7",
                "--threads", "1");

        assertThat(generated.status()).as(generated.err()).isZero();
        assertThat(result.status()).as(result.err()).isZero();
        assertThat(fileNames(again)).isEqualTo(fileNames(company)).hasSize(33);
        for (String name : fileNames(company)) {
            assertThat(Files.mismatch(company.resolve(name), again.resolve(name))).as(name).isEqualTo(-1L);
        }
    }

    @Test
    void anotherSeedGivesAnotherCompany() throws IOException {
        Path other = temp.resolve("other");
        assertThat(Cli.run("generate", "--scale", "0.02", "--out", other.toString(), "--seed", "8").status())
                .isZero();

        assertThat(fileNames(other)).isEqualTo(fileNames(company));
        for (String name : List.of("offices.csv", "households.csv", "feedback-2025-06.csv", "actions-2025.csv")) {
            assertThat(Files.mismatch(company.resolve(name), other.resolve(name))).as(name).isNotEqualTo(-1L);
        }
    }

    @Test
    void xlsxIsByteForByteTheSameForTheSameSeedToo() throws IOException {
        Path first = temp.resolve("xlsx-1");
        Path second = temp.resolve("xlsx-2");
        assertThat(Cli.run("generate", "--scale", "0.002", "--out", first.toString(), "--format", "xlsx").status())
                .isZero();
        assertThat(Cli.run("generate", "--scale", "0.002", "--out", second.toString(), "--format", "xlsx",
                "--threads", "1").status()).isZero();

        assertThat(fileNames(first)).contains("offices.xlsx", "feedback-2025-01.xlsx", "review-plan-2025.yaml");
        for (String name : fileNames(first)) {
            assertThat(Files.mismatch(first.resolve(name), second.resolve(name))).as(name).isEqualTo(-1L);
        }
    }

    @Test
    void aFractionalScaleHasTheScaledCountsAndAtLeastOneOffice() {
        assertThat(CompanyShape.atScale(1)).isEqualTo(new CompanyShape(1, 200, 150_000, 1_000_000, 150_000, 60_000,
                600_000, 100_000, 10_000));
        assertThat(CompanyShape.atScale(10).offices()).isEqualTo(2000);
        assertThat(CompanyShape.atScale(10).feedback()).isEqualTo(10_000_000);
        assertThat(CompanyShape.atScale(0.01)).isEqualTo(new CompanyShape(0.01, 2, 1500, 10_000, 1500, 600, 6000,
                1000, 100));
        assertThat(CompanyShape.atScale(0.0001).offices()).isEqualTo(1);
    }

    @Test
    void expectedJsonStatesTheValidRowsOfTheScaleAndEveryFilesRowsAsWritten() throws IOException {
        CompanyShape shape = CompanyShape.atScale(0.02);
        JsonNode templates = expected.get("templates");
        Map<String, Integer> valid = Map.of("offices", shape.offices(), "households", shape.households(),
                "survey-responses", shape.surveyResponses(), "feedback", shape.feedback(),
                "return-visits", shape.returnVisits(), "purchases", shape.purchases(),
                "inspections", shape.inspections(), "actions", shape.actions());
        valid.forEach((template, rows) -> assertThat(templates.get(template).get("valid_rows").asLong())
                .as(template).isEqualTo(rows.longValue()));
        assertThat(templates.get("feedback").get("files").asInt()).isEqualTo(12);
        assertThat(templates.get("purchases").get("files").asInt()).isEqualTo(12);

        long badRows = 0;
        for (JsonNode file : expected.get("files")) {
            String name = file.get("file").asText();
            long rows = file.get("rows").asLong();
            assertThat(dataRows(company.resolve(name))).as(name).isEqualTo(rows);
            assertThat(file.get("bad_rows").asLong()).as(name).isEqualTo(1); // one per file at a small scale
            assertThat(file.get("valid_rows").asLong()).as(name).isEqualTo(rows - 1);
            badRows += file.get("bad_rows").asLong();
        }
        assertThat(expected.get("bad_rows")).hasSize((int) badRows);
        // some references to households the customer records lack: stored with a warning
        assertThat(templates.get("feedback").get("rows_with_warnings").asLong()).isPositive();
        assertThat(templates.get("households").get("rows_with_warnings").asLong()).isZero();
    }

    @Test
    void everyBadRowIsWhereExpectedJsonSaysWithTheKeyItNames() throws IOException {
        for (JsonNode bad : expected.get("bad_rows")) {
            Path file = company.resolve(bad.get("file").asText());
            Template template = ImportTemplates.forFileName(file.getFileName().toString()).orElseThrow();
            CsvRecord record = record(file, bad.get("row").asLong());
            String key = String.join("|", template.key().stream()
                    .map(column -> record.getField(template.indexOf(column))).toList());
            assertThat(key).as(bad.toString()).isEqualTo(bad.get("key").asText());
            if (!bad.get("column").asText().contains("+") && !bad.get("value").asText().isEmpty()) {
                assertThat(record.getField(template.indexOf(bad.get("column").asText()))).as(bad.toString())
                        .isEqualTo(bad.get("value").asText());
            }
        }
    }

    @Test
    void theCommandPrintsEveryFileAndTheTotals() {
        assertThat(generated.out())
                .contains("Generated a company at scale 0.02 (seed 7, csv): 4 offices, 3,000 households")
                .containsPattern("feedback-2025-07.csv\\s+feedback\\s+\\d+\\s+1\\s+\\d+\\R")
                .containsPattern("Wrote [\\d,]+ rows \\(31 bad\\) in 31 files")
                .contains("expected.json");
    }

    @Test
    void aFolderThatIsNotEmptyOrABadScaleIsAUsageError() {
        Cli.Result notEmpty = Cli.run("generate", "--scale", "0.01", "--out", company.toString());
        Cli.Result zero = Cli.run("generate", "--scale", "0", "--out", temp.resolve("zero").toString());

        assertThat(notEmpty.status()).isEqualTo(2);
        assertThat(notEmpty.err()).contains("is not an empty folder");
        assertThat(zero.status()).isEqualTo(2);
        assertThat(zero.err()).contains("the scale must be above 0");
        assertThat(temp.resolve("zero")).doesNotExist();
    }

    // -------------------------------------------------------------------------------------- the company's skew

    @Test
    void atScaleOneTheCompanyHasBigAndSmallOfficesAndTheSurveyAnomalies() {
        Company company = Company.build(CompanyShape.atScale(1), 1);
        int n = company.offices().size();
        int[] households = IntStream.range(0, n).map(company::households).sorted().toArray();

        assertThat(Arrays.stream(households).sum()).isEqualTo(150_000);
        assertThat(households[n - 1]).isGreaterThan(5 * households[n / 2]); // a few very big offices
        assertThat(households[0]).isLessThan(households[n / 2] / 3);
        assertThat(company.offices().stream().map(o -> o.city().name()).distinct().count()).isGreaterThan(5);
        assertThat(company.offices().stream().map(OfficeProfile::propertyType).distinct())
                .containsExactlyInAnyOrder("residential", "commercial", "mixed");
        assertThat(company.offices().stream().filter(OfficeProfile::struggling).count()).isEqualTo(16);

        Map<SurveyStanding, Long> standings = new TreeMap<>();
        for (int o = 0; o < n; o++) {
            standings.merge(company.standing(o), 1L, Long::sum);
        }
        assertThat(standings).containsEntry(SurveyStanding.UNDER_THRESHOLD, 20L)
                .containsEntry(SurveyStanding.NO_DISTRIBUTION_RECORD, 2L)
                .containsEntry(SurveyStanding.RETURNED_EXCEEDS_DISTRIBUTED, 1L);
        for (int o = 0; o < n; o++) {
            int returned = company.formsReturned(o);
            int distributed = company.formsDistributed(o);
            // 60% in whole numbers: returned / distributed >= 3 / 5
            switch (company.standing(o)) {
                case UNDER_THRESHOLD -> assertThat(5L * returned).isLessThan(3L * distributed);
                case MEETS_THRESHOLD -> {
                    assertThat(5L * returned).isGreaterThanOrEqualTo(3L * distributed);
                    assertThat(returned).isLessThanOrEqualTo(distributed);
                }
                case RETURNED_EXCEEDS_DISTRIBUTED -> assertThat(returned).isGreaterThan(distributed);
                case NO_DISTRIBUTION_RECORD -> assertThat(distributed).isZero();
            }
        }
        // per-month registers add up to the year's
        assertThat(IntStream.range(0, n).map(company::feedback).sum()).isEqualTo(1_000_000);
        assertThat(IntStream.range(0, n).map(company::purchases).sum()).isEqualTo(600_000);
    }

    @Test
    void fourAreasDrawMostComplaintsAndTheSummerHasTheMostEntries() {
        JsonNode areas = expected.get("facts").get("feedback").get("complaints_by_area");
        List<String> order = new ArrayList<>();
        areas.fieldNames().forEachRemaining(order::add);
        long all = 0;
        long topFour = 0;
        for (int i = 0; i < order.size(); i++) {
            long count = areas.get(order.get(i)).asLong();
            all += count;
            topFour += i < 4 ? count : 0;
        }
        // four main factors: the first three hold under 80% of the complaints, the first four over it
        assertThat(order.subList(0, 4)).containsExactlyInAnyOrder("maintenance", "parking", "environment", "lift");
        assertThat((double) topFour / all).isBetween(0.82, 0.9);
        assertThat((double) (topFour - areas.get(order.get(3)).asLong()) / all).isLessThan(0.78);

        JsonNode files = expected.get("files");
        long february = rowsOf(files, "feedback-2025-02.csv");
        long july = rowsOf(files, "feedback-2025-07.csv");
        assertThat(july).isGreaterThan(february * 3 / 2);
    }

    private static long rowsOf(JsonNode files, String name) {
        for (JsonNode file : files) {
            if (file.get("file").asText().equals(name)) {
                return file.get("rows").asLong();
            }
        }
        throw new AssertionError("no " + name);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** Records after the header (a quoted line break would make it differ from the line count: there is none). */
    private static long dataRows(Path file) throws IOException {
        assertThat(file.getFileName().toString()).endsWith(".csv");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(reader)) {
            long records = csv.stream().count() - 1;
            assertThat(Files.lines(file, StandardCharsets.UTF_8).count() - 1).isEqualTo(records);
            return records;
        }
    }

    /** The record at a CSV line (header = line 1). */
    private static CsvRecord record(Path file, long line) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(reader)) {
            return csv.stream().skip(line - 1).findFirst().orElseThrow();
        }
    }
}
