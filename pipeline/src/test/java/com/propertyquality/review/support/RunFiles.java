package com.propertyquality.review.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/** What an ingest leaves in its work folder, as the tests read it: the latest run's folders, manifest and CSVs. */
public final class RunFiles {

    private RunFiles() {
    }

    /** The latest run's folder under {@code runs/} or {@code rejects/}: run ids sort by their time. */
    public static Path latestRun(Path folder) throws IOException {
        try (Stream<Path> runs = Files.list(folder)) {
            return runs.filter(Files::isDirectory).max(Comparator.naturalOrder()).orElseThrow();
        }
    }

    /** The latest run's {@code manifest.json}. */
    public static JsonNode manifest(Path work) throws IOException {
        return new ObjectMapper().readTree(latestRun(work.resolve("runs")).resolve("manifest.json").toFile());
    }

    /** A CSV the ingest wrote (byte-order mark and header line skipped), record by record. */
    public static List<CsvRecord> readCsv(Path file) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().detectBomHeader(true).ofCsvRecord(file)) {
            return reader.stream().skip(1).toList();
        }
    }
}
