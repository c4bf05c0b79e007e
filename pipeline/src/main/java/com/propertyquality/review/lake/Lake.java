package com.propertyquality.review.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.propertyquality.review.contract.Template;

/**
 * The Parquet data lake: one dataset folder per template, Hive-style partitions, data files written by the
 * ingest. A load stages every file apart, then {@link #commit} swaps in whole partitions: a partition is
 * replaced by exactly what the load holds for it, and partitions the load does not touch stay as they were.
 */
public final class Lake {

    private static final String STAGING = "_staging";

    private final Path root;

    public Lake(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path datasetDir(Template template) {
        return root.resolve(template.dataset());
    }

    /** A staging area for the rows of one input file; {@code fileIndex} orders the files of a run. */
    public StagedFile stage(String runId, int fileIndex, Template template) {
        Path folder = root.resolve(STAGING).resolve(runId).resolve("files")
                .resolve(String.format("%04d", fileIndex)).resolve(template.dataset());
        return new StagedFile(template, folder, String.format("part-%04d.parquet", fileIndex));
    }

    /**
     * Moves the staged files of one template into the lake. Each partition they touch is first assembled in
     * staging from every file's part, then swapped in by directory renames, replacing the old partition whole.
     *
     * @return the partitions replaced, as relative folders
     */
    public List<String> commit(String runId, Template template, List<StagedFile> files) {
        TreeSet<String> partitions = new TreeSet<>();
        files.forEach(file -> partitions.addAll(file.partitions()));
        Path runFolder = root.resolve(STAGING).resolve(runId);
        Path assembled = runFolder.resolve("commit").resolve(template.dataset());
        Path replaced = runFolder.resolve("replaced").resolve(template.dataset());
        try {
            for (String partition : partitions) {
                Path next = assembled.resolve(partition);
                Files.createDirectories(next);
                for (StagedFile file : files) {
                    Path part = file.folder().resolve(partition).resolve(file.partName());
                    if (Files.exists(part)) {
                        Files.move(part, next.resolve(file.partName()), StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                Path target = datasetDir(template).resolve(partition);
                Files.createDirectories(target.getParent());
                if (Files.exists(target)) {
                    Path old = replaced.resolve(partition);
                    Files.createDirectories(old.getParent());
                    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(next, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit " + template.dataset() + " into the lake", e);
        }
        return List.copyOf(partitions);
    }

    /**
     * Removes what runs killed before their commit left in staging. Only safe while holding the work-folder
     * lock, when no other run can be staging.
     */
    public void dropAbandonedStaging() {
        deleteTree(root.resolve(STAGING));
    }

    /** Removes what a run staged (after a commit, or after a failed or killed run). */
    public void dropStaging(String runId) {
        deleteTree(root.resolve(STAGING).resolve(runId));
    }

    /** Every row of a dataset, for small datasets (the offices register). */
    public List<Map<String, Object>> readAll(Template template) {
        return ParquetRows.read(datasetDir(template));
    }

    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}
