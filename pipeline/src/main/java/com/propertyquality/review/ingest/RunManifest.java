package com.propertyquality.review.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.propertyquality.review.lake.Lake;

/**
 * The run manifest, {@code <work>/runs/<run>/manifest.json}: per file its checksum, encoding, status and counts
 * (read = stored + rejected), then the files ignored and the partitions replaced. Field by field in
 * data/README.md.
 */
final class RunManifest {

    private RunManifest() {
    }

    static void write(IngestReport report) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("run", report.runId());
        manifest.put("input", report.input().toString());
        List<Map<String, Object>> files = new ArrayList<>();
        for (FileLoad load : report.files()) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("file", load.fileName());
            file.put("template", load.template().name());
            file.put("sha256", load.sha256());
            file.put("unchanged_since_run", load.unchangedSince());
            file.put("encoding", load.encoding());
            file.put("status", load.status().name().toLowerCase());
            file.put("error", load.error());
            file.put("rows_read", load.read());
            file.put("rows_stored", load.stored());
            file.put("rows_rejected", load.rejected());
            file.put("rows_with_warnings", load.rowsWithWarnings());
            file.put("blank_rows_skipped", load.blankRowsSkipped());
            file.put("rejected_rows_file", load.rejectedRowsFile() == null ? null : load.rejectedRowsFile().toString());
            file.put("warnings", load.warnings());
            file.put("seconds", Math.round(load.seconds() * 1000) / 1000.0);
            files.add(file);
        }
        manifest.put("files", files);
        manifest.put("ignored_files", report.ignored());
        Map<String, List<String>> partitions = new LinkedHashMap<>();
        List<Map<String, Object>> shrunk = new ArrayList<>();
        report.replacedPartitions().forEach((dataset, replacements) -> {
            partitions.put(dataset, replacements.stream().map(Lake.Replacement::partition).toList());
            replacements.stream().filter(Lake.Replacement::shrankByHalf).forEach(r -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("dataset", r.dataset());
                entry.put("partition", r.partition());
                entry.put("rows_before", r.rowsBefore());
                entry.put("rows_after", r.rowsAfter());
                shrunk.add(entry);
            });
        });
        manifest.put("partitions_replaced", partitions);
        manifest.put("partitions_shrunk_by_half", shrunk);
        manifest.put("rejects_file", report.rejectsFile().toString());
        manifest.put("warnings_file", report.warningsFile().toString());
        Path path = report.manifest();
        try {
            Files.createDirectories(path.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(path.toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run manifest " + path, e);
        }
    }

}
