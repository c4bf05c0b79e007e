package com.propertyquality.review.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * partitions, data files written by the ingest. The lake lives on any Hadoop file system ({@link StoragePath}: the
 * local disk by default, HDFS, S3); a load stages every file apart on the local disk, then {@link #commit} swaps in
 * whole partitions: a partition is replaced by exactly what the load holds for it, and partitions the load does not
 * touch stay as they were.
 *
 * <p>A commit is crash-safe. It first assembles every new partition in the lake's {@code _staging} folder, then
 * writes a journal of the swaps there, then swaps each partition by two directory renames. A process killed before
 * the journal leaves the lake as it was; one killed after it is rolled forward by the next ingest
 * ({@link #recover}), which completes the swaps from the fully assembled partitions. A reader never sees a
 * half-written partition: it sees the old one or the new one (or, for the instant between the two renames of a
 * swap, none). This rests on atomic renames: local disks and HDFS have them; object stores such as S3 copy
 * instead, so there a reader can see a partition half-swapped (the journal still completes it).
 */
public final class Lake {

    private static final String STAGING = "_staging";
    private static final String JOURNAL = "journal";

    /**
     * Rows of one input file held in memory before a sorted run is spilled to disk: about 30 MB of rows, which
     * bounds the ingest's memory whatever the size of a file.
     */
    public static final int DEFAULT_BUFFER_ROWS = 100_000;

    private final StoragePath root;
    private final Path localStaging;
    private final int bufferRows;

    /** A lake on the local disk that stages in its own {@code _staging} folder (tests). */
    public Lake(Path root) {
        this(StoragePath.local(root), root.resolve(STAGING), DEFAULT_BUFFER_ROWS);
    }

    /** A lake on the local disk that stages in its own {@code _staging} folder, spilling after {@code bufferRows}. */
    public Lake(Path root, int bufferRows) {
        this(StoragePath.local(root), root.resolve(STAGING), bufferRows);
    }

    /**
     * @param root         the lake, on any file system
     * @param localStaging a folder on the local disk for the runs' staged files (removed as runs end)
     * @param bufferRows   rows of a file held in memory before a sorted run is spilled (tests use a small number)
     */
    public Lake(StoragePath root, Path localStaging, int bufferRows) {
        this.root = root;
        this.localStaging = localStaging.toAbsolutePath().normalize();
        this.bufferRows = bufferRows;
    }

    public StoragePath root() {
        return root;
    }

    public StoragePath datasetDir(Template template) {
        return root.resolve(template.dataset());
    }

    /** The run's folder on the local disk, for what it stages (its files, the duplicate check's spilled keys). */
    public Path localRunFolder(String runId) {
        return localStaging.resolve(runId);
    }

    /** A staging area for the rows of one input file; {@code fileIndex} orders the files of a run. */
    public StagedFile stage(String runId, int fileIndex, Template template) {
        // the run's staged files hold personal data until they are committed: the owner's alone
        Path run = localRunFolder(runId);
        if (!Files.isDirectory(run)) {
            StoragePath.local(run).mkdirsForOwner();
        }
        Path folder = localRunFolder(runId).resolve("files").resolve(String.format("%04d", fileIndex));
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
        StoragePath commit = root.resolve(STAGING).resolve(runId).resolve("commit-" + template.dataset());
        Map<String, List<Replacement>> replaced = new LinkedHashMap<>();
        List<String> journal = new ArrayList<>();
        try {
            for (LakeDataset dataset : LakeSchemas.datasets(template)) {
                boolean personal = dataset.name().equals(template.privateDataset());
                if (personal) {
                    // personal data is the owner's alone at every step: assembled, swapped in, and in the lake
                    commit.resolve("assembled").resolve(dataset.name()).mkdirsForOwner();
                    root.resolve(dataset.name()).mkdirsForOwner();
                }
                TreeSet<String> partitions = new TreeSet<>();
                files.forEach(file -> partitions.addAll(file.partitions(dataset.name())));
                List<Replacement> replacements = new ArrayList<>();
                for (String partition : partitions) {
                    StoragePath next = commit.resolve("assembled").resolve(dataset.name()).resolve(partition);
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
            writeJournal(commit, journal);
            swap(commit, journal);
            if (template.hasPrivateData()) {
                root.resolve(template.privateDataset()).restrictToOwner();
            }
            commit.delete();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit " + template.dataset() + " into the lake", e);
        }
        return replaced;
    }

    /** The journal appears whole or not at all: written aside, then renamed. */
    private static void writeJournal(StoragePath commit, List<String> journal) {
        StoragePath temporary = commit.resolve(JOURNAL + ".tmp");
        temporary.writeString(String.join("\n", journal));
        temporary.renameTo(commit.resolve(JOURNAL));
    }

    private static List<String> readJournal(StoragePath journal) {
        String text = journal.readString();
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /** Performs the journal's swaps that are not done yet; safe to repeat. */
    private void swap(StoragePath commit, List<String> journal) {
        for (String entry : journal) {
            int tab = entry.indexOf('\t');
            String dataset = entry.substring(0, tab);
            String partition = entry.substring(tab + 1);
            StoragePath next = commit.resolve("assembled").resolve(dataset).resolve(partition);
            if (!next.exists()) {
                continue; // swapped before a crash
            }
            StoragePath target = root.resolve(dataset).resolve(partition);
            if (target.exists()) {
                StoragePath old = commit.resolve("replaced").resolve(dataset).resolve(partition);
                old.delete();
                target.renameTo(old);
            }
            next.renameTo(target);
        }
    }

    /**
     * Brings the lake to a consistent state after runs that were killed: completes every commit that had written
     * its journal, then removes everything runs left in staging, in the lake and on the local disk. Only safe while
     * holding the run lock, when no other run can be staging or committing.
     *
     * @return the number of interrupted commits completed
     */
    public int recover() {
        StoragePath staging = root.resolve(STAGING);
        int completed = 0;
        for (StoragePath run : staging.list()) {
            for (StoragePath commit : run.list()) {
                StoragePath journal = commit.resolve(JOURNAL);
                if (journal.exists()) {
                    swap(commit, readJournal(journal));
                    completed++;
                }
            }
        }
        staging.delete();
        deleteTree(localStaging);
        return completed;
    }

    /** Removes what a run staged (after its commits, or after it failed). */
    public void dropStaging(String runId) {
        root.resolve(STAGING).resolve(runId).delete();
        if (root.resolve(STAGING).list().isEmpty()) { // only when no other run's folder is in it
            root.resolve(STAGING).delete();
        }
        deleteTree(localRunFolder(runId));
        try {
            Files.deleteIfExists(localStaging); // only when no other run's folder is in it
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // another run is staging
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + localStaging, e);
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

    /** Deletes a local folder and everything in it; nothing happens when it does not exist. */
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
