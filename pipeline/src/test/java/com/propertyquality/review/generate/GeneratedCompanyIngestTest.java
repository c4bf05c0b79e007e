package com.propertyquality.review.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.support.Cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

/**
 * A small generated company goes through the real ingest, as CSV and as XLSX: every file loads, each with exactly
 * the rows expected.json states read, stored and rejected; rejects.csv holds exactly the bad rows put in (file,
 * row, column and value), and warnings.csv exactly the rows naming unknown households.
 */
class GeneratedCompanyIngestTest {

    @TempDir
    Path temp;

    @Test
    void aGeneratedCsvCompanyLoadsWithExactlyTheBadRowsRejected() throws IOException {
        loadAndReconcile("0.01", "csv", "UTF-8");
    }

    @Test
    void aGeneratedXlsxCompanyLoadsToo() throws IOException {
        loadAndReconcile("0.005", "xlsx", "xlsx");
    }

    /**
     * A bad row after every good row: with four offices every kind of bad row of every template is there, and
     * each is rejected on its own, with one line in rejects.csv under the column expected.json names.
     */
    @Test
    void everyKindOfBadRowIsRejectedOnItsOwn() throws IOException {
        JsonNode expected = loadAndReconcile("0.02", "csv", "UTF-8", "--bad-every", "1");

        Map<String, Set<String>> kinds = new TreeMap<>();
        for (JsonNode row : expected.get("bad_rows")) {
            String template = ImportTemplates.forFileName(row.get("file").asText()).orElseThrow().name();
            kinds.computeIfAbsent(template, t -> new TreeSet<>()).add(row.get("what").asText());
        }
        assertThat(kinds).hasSize(9);
        assertThat(kinds.get("offices")).hasSize(3);
        assertThat(kinds.get("survey-distribution")).hasSize(3);
        assertThat(kinds.get("survey-responses")).hasSize(5);
        assertThat(kinds.get("feedback")).hasSize(6);
        assertThat(kinds.get("actions")).hasSize(4);
    }

    private JsonNode loadAndReconcile(String scale, String format, String encoding, String... options)
            throws IOException {
        Path input = temp.resolve("company");
        Path work = temp.resolve("work");
        List<String> arguments = new ArrayList<>(List.of("generate", "--scale", scale, "--out", input.toString(),
                "--format", format));
        arguments.addAll(List.of(options));
        Cli.Result generated = Cli.run(arguments.toArray(String[]::new));
        assertThat(generated.status()).as(generated.err()).isZero();
        JsonNode expected = new ObjectMapper().readTree(input.resolve("expected.json").toFile());

        Cli.Result ingest = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());

        assertThat(ingest.status()).as(ingest.err()).isZero();
        String out = ingest.out();
        assertThat(out).doesNotContain("NOT LOADED");
        long stored = 0;
        long rejected = 0;
        long warned = 0;
        for (JsonNode file : expected.get("files")) {
            String name = file.get("file").asText();
            assertThat(name).endsWith("." + format);
            assertThat(file.get("bad_rows").asLong()).as(name).isPositive();
            long valid = file.get("valid_rows").asLong();
            long bad = file.get("bad_rows").asLong();
            assertThat(out).as(name).containsPattern(Pattern.quote(name) + "\\s+" + file.get("template").asText()
                    + "\\s+" + Pattern.quote(encoding) + "\\s+" + (valid + bad) + "\\s+" + valid + "\\s+" + bad
                    + "\\R");
            long warnings = file.get("rows_with_warnings").asLong();
            if (warnings > 0) {
                assertThat(out).as(name).containsPattern(Pattern.quote(name) + "[^\\n]*\\R\\s+" + warnings
                        + " stored rows with warnings");
            }
            stored += valid;
            rejected += bad;
            warned += warnings;
        }
        // the review plan is one more stored row
        assertThat(out).containsPattern("review-plan-2025.yaml\\s+review-plan\\s+UTF-8 \\(YAML\\)\\s+1\\s+1\\s+0")
                .contains("Stored " + (stored + 1) + " rows; rejected " + rejected + " rows");

        Path run = onlyRun(work.resolve("rejects"));
        List<String> rejects = new ArrayList<>();
        for (NamedCsvRecord row : read(run.resolve("rejects.csv"))) {
            rejects.add(row.getField("file") + " " + row.getField("row") + " " + row.getField("column") + " "
                    + row.getField("value"));
        }
        List<String> bad = new ArrayList<>();
        for (JsonNode row : expected.get("bad_rows")) {
            bad.add(row.get("file").asText() + " " + row.get("row").asLong() + " " + row.get("column").asText() + " "
                    + row.get("value").asText());
        }
        assertThat(rejects).containsExactlyElementsOf(bad);
        assertThat(read(run.resolve("warnings.csv"))).hasSize((int) warned)
                .allSatisfy(row -> assertThat(row.getField("column")).isEqualTo("household_id"));
        return expected;
    }

    private static List<NamedCsvRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
            return csv.stream().toList();
        }
    }

    private static Path onlyRun(Path rejects) throws IOException {
        try (Stream<Path> runs = Files.list(rejects)) {
            List<Path> all = runs.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
