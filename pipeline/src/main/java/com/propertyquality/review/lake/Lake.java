package com.propertyquality.review.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.propertyquality.review.contract.Template;
import com.propertyquality.review.lake.LakeSchemas.LakeDataset;

/**
 * The Parquet data lake: one dataset folder per template (and a private one for personal data), Hive-style
 * partitions, data files written by the ingest. A load stages every file apart, then {@link #commit} swaps in
 * whole partitions: a partition is replaced by exactly what the load holds for it, and partitions the load does
 * not touch stay as they were.
 *
 * <p>A commit is crash-safe. It first assembles every new partition in staging, then writes a journal of the
 * swaps, then swaps each partition by two directory renames. A process killed before the journal leaves the
 * lake as it was; one killed after it is rolled forward by the next ingest ({@link #recover}), which completes
 * the swaps from the fully staged partitions. A reader never sees a half-written partition: it sees the old one
 * or the new one (or, for the instant between the two renames of a swap, none).
 */
public final class Lake {

    private static final String STAGING = "_staging";
    private static final String JOURNAL = "journal";

    /**
     * Rows of one input file held in memory before a sorted run is spilled to disk: about 30 MB of rows, which
     * bounds the ingest's memory whatever the size of a file.
     */
    public static final int DEFAULT_BUFFER_ROWS = 100_000;

    private final Path root;
    private final int bufferRows;

    public Lake(Path root) {
        this(root, DEFAULT_BUFFER_ROWS);
    }

    /** A lake whose staging spills after {@code bufferRows} rows of a file (tests use a small number). */
    public Lake(Path root, int bufferRows) {
        this.root = root.toAbsolutePath().normalize();
        this.bufferRows = bufferRows;
    }

    public Path root() {
        return root;
    }

    public Path datasetDir(Template template) {
        return root.resolve(template.dataset());
    }

    /** A staging area for the rows of one input file; {@code fileIndex} orders the files of a run. */
    public StagedFile stage(String runId, int fileIndex, Template template) {
        Path folder = runFolder(runId).resolve("files").resolve(String.format("%04d", fileIndex));
        return new StagedFile(template, folder, String.format("part-%04d.parquet", fileIndex), bufferRows);
    }

    /**
     * One partition a commit replaced, with its row counts before and after (0 before for a new partition).
     */
    public record Replacement(String dataset, String partition, long rowsBefore, long rowsAfter) {

        /** Half the rows it had or fewer: worth a word, since a load replaces whole partitions. */
        public boolean shrankByHalf() {
            return rowsBefore > 0 && rowsAfter * 2 <= rowsBefore;
        }
    }

    /**
     * Moves the staged files of one template into the lake, for each of its datasets.
     *
     * @return the partitions replaced, per dataset
     */
    public Map<String, List<Replacement>> commit(String runId, Template template, List<StagedFile> files) {
        Path commit = runFolder(runId).resolve("commit-" + template.dataset());
        Map<String, List<Replacement>> replaced = new LinkedHashMap<>();
        List<String> journal = new ArrayList<>();
        try {
            for (LakeDataset dataset : LakeSchemas.datasets(template)) {
                TreeSet<String> partitions = new TreeSet<>();
                files.forEach(file -> partitions.addAll(file.partitions(dataset.name())));
                List<Replacement> replacements = new ArrayList<>();
                for (String partition : partitions) {
                    Path next = commit.resolve("assembled").resolve(dataset.name()).resolve(partition);
                    Files.createDirectories(next);
                    List<Path> parts = files.stream().map(file -> file.part(dataset.name(), partition))
                            .filter(Files::exists).toList(); // in the run's file order
                    PartitionFiles.assemble(parts, next);
                    journal.add(dataset.name() + "\t" + partition);
                    replacements.add(new Replacement(dataset.name(), partition,
                            ParquetRows.countRows(root.resolve(dataset.name()).resolve(partition)),
                            ParquetRows.countRows(next)));
                }
                replaced.put(dataset.name(), replacements);
            }
            // from here on the swaps are decided: a crash is rolled forward, never back
            Path temporary = commit.resolve(JOURNAL + ".tmp");
            Files.createDirectories(commit);
            Files.write(temporary, journal, StandardCharsets.UTF_8);
            Files.move(temporary, commit.resolve(JOURNAL), StandardCopyOption.ATOMIC_MOVE);
            swap(commit, journal);
            deleteTree(commit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit " + template.dataset() + " into the lake", e);
        }
        return replaced;
    }

    /** Performs the journal's swaps that are not done yet; safe to repeat. */
    private void swap(Path commit, List<String> journal) throws IOException {
        for (String entry : journal) {
            int tab = entry.indexOf('\t');
            String dataset = entry.substring(0, tab);
            String partition = entry.substring(tab + 1);
            Path next = commit.resolve("assembled").resolve(dataset).resolve(partition);
            if (!Files.exists(next)) {
                continue; // swapped before a crash
            }
            Path target = root.resolve(dataset).resolve(partition);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Path old = commit.resolve("replaced").resolve(dataset).resolve(partition);
                Files.createDirectories(old.getParent());
                deleteTree(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(next, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * Brings the lake to a consistent state after runs that were killed: completes every commit that had written
     * its journal, then removes everything runs left in staging. Only safe while holding the work-folder lock,
     * when no other run can be staging or committing.
     *
     * @return the number of interrupted commits completed
     */
    public int recover() {
        Path staging = root.resolve(STAGING);
        if (!Files.isDirectory(staging)) {
            return 0;
        }
        int completed = 0;
        try (Stream<Path> journals = Files.find(staging, 3, (path, attributes) ->
                path.getFileName().toString().equals(JOURNAL) && attributes.isRegularFile())) {
            for (Path journal : journals.sorted().toList()) {
                swap(journal.getParent(), Files.readAllLines(journal, StandardCharsets.UTF_8));
                completed++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot complete an interrupted commit in " + staging, e);
        }
        deleteTree(staging);
        return completed;
    }

    /** Removes what a run staged (after its commits, or after it failed). */
    public void dropStaging(String runId) {
        deleteTree(runFolder(runId));
        try {
            Files.deleteIfExists(root.resolve(STAGING)); // only when no other run's folder is in it
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // another run is staging
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + root.resolve(STAGING), e);
        }
    }

    /** Every row of a dataset, for small datasets (the offices register). */
    public List<Map<String, Object>> readAll(Template template) {
        return ParquetRows.read(datasetDir(template));
    }

    /** The values of one text column over a dataset (nulls left out), for the registers the rules check against. */
    public List<String> readColumn(Template template, String column) {
        List<String> values = new ArrayList<>();
        readColumn(template, column, 10_000, values::addAll);
        return values;
    }

    /** The values of one text column, a batch at a time: for a register too big to hold as rows. */
    public void readColumn(Template template, String column, int batchSize, Consumer<List<String>> batches) {
        ParquetRows.readColumn(datasetDir(template), column, batchSize, batches);
    }

    private Path runFolder(String runId) {
        return root.resolve(STAGING).resolve(runId);
    }

    /** Deletes a folder and everything in it; nothing happens when it does not exist. */
    public static void deleteFolder(Path folder) {
        deleteTree(folder);
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
