package com.propertyquality.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.OfficeFiles;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

/**
 * A generated company through the real ingest with only 100 keys per template in memory, so that the duplicate
 * check and the household register live mostly on disk: exactly the bad rows and warnings expected.json states
 * are reported, and nothing of the key runs is left behind.
 */
class SpillingIngestTest {

    private static final String KEYS_IN_MEMORY = "review.ingest.keys-in-memory";

    @TempDir
    Path temp;

    @Test
    void aLoadWhoseKeysSpillToDiskReportsExactlyTheExpectedRows() throws IOException {
        Path input = temp.resolve("company");
        Path work = temp.resolve("work");
        Cli.Result generated = Cli.run("generate", "--scale", "0.01", "--out", input.toString());
        assertThat(generated.status()).as(generated.err()).isZero();
        JsonNode expected = new ObjectMapper().readTree(input.resolve("expected.json").toFile());

        Cli.Result ingest;
        System.setProperty(KEYS_IN_MEMORY, "100");
        try {
            ingest = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());
        } finally {
            System.clearProperty(KEYS_IN_MEMORY);
        }

        assertThat(ingest.status()).as(ingest.err()).isZero();
        long stored = 0;
        long rejected = 0;
        long warned = 0;
        long households = 0;
        for (JsonNode file : expected.get("files")) {
            stored += file.get("valid_rows").asLong();
            rejected += file.get("bad_rows").asLong();
            warned += file.get("rows_with_warnings").asLong();
            if (file.get("template").asText().equals("households")) {
                households += file.get("valid_rows").asLong();
            }
        }
        assertThat(households).as("the register spills too").isGreaterThan(1_000);
        assertThat(ingest.out()).doesNotContain("NOT LOADED")
                .contains("Stored " + (stored + 1) + " rows; rejected " + rejected + " rows");
        Path run;
        try (Stream<Path> runs = Files.list(work.resolve("rejects"))) {
            run = runs.findFirst().orElseThrow();
        }
        List<String> rejects = new ArrayList<>();
        for (NamedCsvRecord row : read(run.resolve("rejects.csv"))) {
            rejects.add(row.getField("file") + " " + row.getField("row") + " " + row.getField("column") + " "
                    + row.getField("value") + " " + row.getField("reason").startsWith("duplicate key"));
        }
        List<String> bad = new ArrayList<>();
        long duplicates = 0;
        for (JsonNode row : expected.get("bad_rows")) {
            boolean duplicate = row.get("column").asText().contains("+") || row.get("what").asText()
                    .startsWith("duplicate");
            duplicates += duplicate ? 1 : 0;
            bad.add(row.get("file").asText() + " " + row.get("row").asLong() + " " + row.get("column").asText() + " "
                    + row.get("value").asText() + " " + duplicate);
        }
        assertThat(duplicates).isPositive();
        assertThat(rejects).containsExactlyElementsOf(bad);
        assertThat(read(run.resolve("warnings.csv"))).hasSize((int) warned);
        assertThat(work.resolve("staging")).as("the key runs went with the run's staging").doesNotExist();

        // the register is read column-only, in batches: the same ids as the households' rows hold
        List<String> ids = new ArrayList<>();
        List<Integer> batchSizes = new ArrayList<>();
        Lake lake = new Lake(work.resolve("lake"));
        lake.readColumn(ImportTemplates.HOUSEHOLDS, "household_id", 7, batch -> {
            ids.addAll(batch);
            batchSizes.add(batch.size());
        });
        assertThat(ids).hasSize((int) households).containsExactlyElementsOf(lake.readAll(ImportTemplates.HOUSEHOLDS)
                .stream().map(row -> (String) row.get("household_id")).toList());
        assertThat(batchSizes.subList(0, batchSizes.size() - 1)).containsOnly(7);
        new Lake(work.resolve("no-such-lake")).readColumn(ImportTemplates.HOUSEHOLDS, "household_id", 7,
                batch -> ids.add("unexpected"));
        assertThat(ids).doesNotContain("unexpected");
    }

    /** The setting reaches the load's scope: a number of keys that cannot work stops the run at its start. */
    @Test
    void theNumberOfKeysInMemoryIsTakenFromTheSettings() throws IOException {
        Path input = Files.createDirectories(temp.resolve("input"));
        OfficeFiles.utf8(input, "offices.csv", "office_id,office_name,city,property_type,households",
                "A01,华侨城管理处,深圳,residential,1200");
        Cli.Result ingest;
        System.setProperty(KEYS_IN_MEMORY, "0");
        try {
            ingest = Cli.run("ingest", "--input", input.toString(), "--work", temp.resolve("work").toString());
        } finally {
            System.clearProperty(KEYS_IN_MEMORY);
        }
        assertThat(ingest.status()).isEqualTo(1);
        assertThat(ingest.err()).contains("keysInMemory must be positive: 0");
    }

    private static List<NamedCsvRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
            return csv.stream().toList();
        }
    }
}
