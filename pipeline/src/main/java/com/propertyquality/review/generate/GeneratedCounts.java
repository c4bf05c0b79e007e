package com.propertyquality.review.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;

/**
 * What the generator wrote, to reconcile an ingest with: per file the data rows, the bad rows put in and the rows
 * that will be stored with an unknown-household warning; every bad row with its file, row and column; and a few
 * facts of the valid data (the offices under the return threshold, complaints per area...). Written as
 * {@code expected.json} beside the files. Templates are written side by side, so it is filled from several
 * threads; what it writes is sorted, so the file is the same whatever order they finish in.
 */
public final class GeneratedCounts {

    public static final String FILE_NAME = "expected.json";

    private final List<GeneratedFile> files = new ArrayList<>();
    private final List<BadRow> badRows = new ArrayList<>();
    private final Map<String, Map<String, Object>> facts = new HashMap<>();

    synchronized void file(GeneratedFile file) {
        files.add(file);
    }

    synchronized void badRow(BadRow row) {
        badRows.add(row);
    }

    /** A fact of the valid data of one template (or "survey", "company"), in the order they are given. */
    synchronized void fact(String about, String name, Object value) {
        facts.computeIfAbsent(about, a -> new LinkedHashMap<>()).put(name, value);
    }

    /** The files in name order, the order the ingest loads them in. */
    public synchronized List<GeneratedFile> files() {
        return files.stream().sorted(Comparator.comparing(GeneratedFile::file)).toList();
    }

    public synchronized long rows() {
        return files.stream().mapToLong(GeneratedFile::rows).sum();
    }

    public synchronized long badRows() {
        return files.stream().mapToLong(GeneratedFile::badRows).sum();
    }

    void write(Path folder, CompanyShape shape, long seed, SheetFormat format, int goodRowsPerBadRow,
               String reviewPlan) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("generator", "review-pipeline generate");
        document.put("seed", seed);
        document.put("scale", shape.scale());
        document.put("format", format.name());
        document.put("year", Company.YEAR);
        document.put("good_rows_per_bad_row", goodRowsPerBadRow);
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("offices", shape.offices());
        company.put("households", shape.households());
        company.put("feedback", shape.feedback());
        company.put("survey_responses", shape.surveyResponses());
        company.put("return_visits", shape.returnVisits());
        company.put("purchases", shape.purchases());
        company.put("inspections", shape.inspections());
        company.put("actions", shape.actions());
        document.put("valid_rows_by_shape", company);
        document.put("templates", totals());
        document.put("files", files().stream().map(GeneratedCounts::asMap).toList());
        List<Map<String, Object>> bad = new ArrayList<>();
        synchronized (this) {
            badRows.stream().sorted(Comparator.comparing(BadRow::file).thenComparingLong(BadRow::row))
                    .forEach(row -> bad.add(asMap(row)));
        }
        document.put("bad_rows", bad);
        document.put("review_plan", reviewPlan);
        document.put("facts", orderedFacts());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(folder.resolve(FILE_NAME).toFile(), document);
    }

    /** Per template, in load order: its files, rows, bad rows, valid rows and rows with warnings. */
    private Map<String, Object> totals() {
        Map<String, Object> totals = new LinkedHashMap<>();
        List<GeneratedFile> all = files();
        for (Template template : ImportTemplates.all()) {
            List<GeneratedFile> own = all.stream().filter(f -> f.template().equals(template.name())).toList();
            Map<String, Object> total = new LinkedHashMap<>();
            total.put("files", own.size());
            total.put("rows", own.stream().mapToLong(GeneratedFile::rows).sum());
            total.put("bad_rows", own.stream().mapToLong(GeneratedFile::badRows).sum());
            total.put("valid_rows", own.stream().mapToLong(GeneratedFile::validRows).sum());
            total.put("rows_with_warnings", own.stream().mapToLong(GeneratedFile::rowsWithWarnings).sum());
            totals.put(template.name(), total);
        }
        return totals;
    }

    private synchronized Map<String, Object> orderedFacts() {
        Map<String, Object> ordered = new LinkedHashMap<>();
        facts.keySet().stream().sorted().forEach(about -> ordered.put(about, facts.get(about)));
        return ordered;
    }

    private static Map<String, Object> asMap(GeneratedFile file) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("file", file.file());
        map.put("template", file.template());
        map.put("rows", file.rows());
        map.put("bad_rows", file.badRows());
        map.put("valid_rows", file.validRows());
        map.put("rows_with_warnings", file.rowsWithWarnings());
        return map;
    }

    private static Map<String, Object> asMap(BadRow row) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("file", row.file());
        map.put("row", row.row());
        map.put("key", row.key());
        map.put("column", row.column());
        map.put("value", row.value());
        map.put("what", row.description());
        return map;
    }
}
