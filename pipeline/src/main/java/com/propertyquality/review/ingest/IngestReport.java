package com.propertyquality.review.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.propertyquality.review.lake.Lake;

/**
 * What an ingest run did: every template file with its counts, the files ignored, the partitions replaced per
 * dataset, and where the rejects and the manifest are.
 */
public record IngestReport(String runId, Path input, List<FileLoad> files, List<String> ignored,
                           Map<String, List<Lake.Replacement>> replacedPartitions, Path rejectsFile,
                           Path manifest) {

    /** Partitions this load replaced with half their rows or fewer (a file that holds part of a year only). */
    public List<Lake.Replacement> shrunkPartitions() {
        return replacedPartitions.values().stream().flatMap(List::stream).filter(Lake.Replacement::shrankByHalf)
                .toList();
    }

    public Path warningsFile() {
        return rejectsFile.resolveSibling("warnings.csv");
    }

    public long rejectedRows() {
        return files.stream().mapToLong(FileLoad::rejected).sum();
    }

    public long storedRows() {
        return files.stream().mapToLong(FileLoad::stored).sum();
    }

    /** True when every file loaded and each had loaded before exactly as it is: the lake did not change. */
    public boolean unchanged() {
        return !files.isEmpty() && files.stream().allMatch(f ->
                f.status() == FileLoad.Status.LOADED && f.unchangedSince() != null);
    }

    public List<FileLoad> notLoaded() {
        return files.stream().filter(f -> f.status() != FileLoad.Status.LOADED).toList();
    }
}
