package com.propertyquality.review.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Schema;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.OutputFile;
import org.apache.parquet.schema.MessageType;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.lake.LakeSchemas.LakeDataset;

/**
 * The data lake: one Apache Iceberg table per dataset (format v2, Parquet data files), in the catalog
 * {@link LakeCatalog} names; the public datasets in one namespace, the personal data in another. A load replaces
 * the template's partitions (office, year) that its rows fall in; a table keeps a file per group of partitions, a
 * year and a bucket of the offices ({@link FileGroups}). A load stages every input file apart on the local disk
 * ({@link StagedFile}), then {@link #commit} writes each group the load touches as one Parquet file with our own
 * writer ({@link PartitionMerge}): the load's rows of its partitions, and the rows the group's current file holds
 * of the others. It puts each table's new files in the table's folder and swaps them for the groups' current
 * files in one Iceberg commit: a partition is replaced by exactly what the load holds for it, and partitions the
 * load does not touch keep their rows.
 *
 * <p>Iceberg gives what our journal and directory renames gave before: a commit is atomic (a reader sees the table
 * before or after it, never half), a process killed at any moment leaves the table as it was before the commit it
 * was making, and every earlier state stays readable as a snapshot. A data file is named after the SHA-256 of its
 * rows and schema ({@link ContentName}): a group whose new file is the one the table already holds is left alone,
 * so loading the same files again commits nothing, and a run killed after copying its files and run again finds
 * them in place.
 */
public final class Lake {

    /**
     * Rows of one input file held in memory before they are written to a run on disk: about 30 MB of rows, which
     * bounds the ingest's memory whatever the size of a file.
     */
    public static final int DEFAULT_BUFFER_ROWS = 100_000;

    private final LakeCatalog catalog;
    private final StoragePath root;
    private final Path localStaging;
    private final int bufferRows;
    private final int writers;
    private final Map<String, Table> tables = new HashMap<>();

    /** A lake on the local disk, its catalog in the folder, staging in its own {@code _staging} folder (tests). */
    public Lake(Path root) {
        this(root, DEFAULT_BUFFER_ROWS);
    }

    /** As {@link #Lake(Path)}, spilling after {@code bufferRows}. */
    public Lake(Path root, int bufferRows) {
        this(LakeCatalog.inLake(StoragePath.local(root)), StoragePath.local(root), root.resolve("_staging"),
                bufferRows);
    }

    /**
     * @param catalog      where the tables are registered
     * @param root         the lake's folder, on any file system (the Hadoop catalog's warehouse)
     * @param localStaging a folder on the local disk for the runs' staged files (removed as runs end)
     * @param bufferRows   rows of a file held in memory before they go to a run on disk (tests use a small number)
     */
    public Lake(LakeCatalog catalog, StoragePath root, Path localStaging, int bufferRows) {
        this(catalog, root, localStaging, bufferRows, 1);
    }

    private Lake(LakeCatalog catalog, StoragePath root, Path localStaging, int bufferRows, int writers) {
        this.catalog = catalog;
        this.root = root;
        this.localStaging = localStaging.toAbsolutePath().normalize();
        this.bufferRows = bufferRows;
        this.writers = writers;
    }

    /**
     * The same lake, a commit writing a template's partitions with {@code writers} threads (one by default): the
     * last template of a load to commit would otherwise write alone while the other cores wait.
     */
    public Lake withWriters(int writers) {
        return new Lake(catalog, root, localStaging, bufferRows, Math.max(1, writers));
    }

    public StoragePath root() {
        return root;
    }

    public LakeCatalog catalog() {
        return catalog;
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
        for (LakeDataset dataset : LakeSchemas.datasets(template)) {
            tableForLoad(template, dataset); // created, or brought up to the contract, before any row is staged
        }
        Path folder = run.resolve("files").resolve(String.format("%04d", fileIndex)).resolve(template.name());
        return new StagedFile(template, groups(template), folder, bufferRows);
    }

    /**
     * One partition a load held, with its row counts before and after (0 before for a new partition); unchanged
     * when the table already held exactly these rows (nothing was committed for it).
     */
    public record Replacement(String dataset, String partition, long rowsBefore, long rowsAfter, boolean changed) {

        /** Half the rows it had or fewer: worth a word, since a load replaces whole partitions. */
        public boolean shrankByHalf() {
            return rowsBefore > 0 && rowsAfter * 2 <= rowsBefore;
        }
    }

    /**
     * Replaces the partitions the staged files of one template hold, one Iceberg commit per dataset (nothing is
     * committed for a dataset whose partitions are all unchanged). Each group of partitions the load touches
     * ({@link FileGroups}) gets one new file: the load's rows of its partitions and the rows the group's current file
     * holds of the others, which the commit swaps for it.
     *
     * @param sources the input files behind the staged ones, recorded in each snapshot's summary
     * @return the partitions the load held, per dataset
     */
    public Map<String, List<Replacement>> commit(String runId, Template template, List<StagedFile> files,
                                                 List<SnapshotSummary.Source> sources) {
        Map<String, List<Replacement>> replaced = new LinkedHashMap<>();
        try {
            Map<String, MessageType> schemas = new LinkedHashMap<>();
            Map<String, CurrentFiles> current = new LinkedHashMap<>();
            FileGroups groups = groups(template);
            for (LakeDataset dataset : LakeSchemas.datasets(template)) {
                Table table = tableForLoad(template, dataset);
                table.refresh();
                schemas.put(dataset.name(), TableSchemas.parquetSchema(dataset, table.schema()));
                current.put(dataset.name(), CurrentFiles.of(table, dataset, groups));
            }
            Map<String, Map<String, List<StoragePath>>> groupFiles = new LinkedHashMap<>();
            current.forEach((dataset, tableFiles) -> groupFiles.put(dataset, tableFiles.locationsByGroup()));
            Path folder = localRunFolder(runId).resolve("partitions").resolve(template.name());
            List<PartitionMerge.Written> written = new PartitionMerge(template, schemas, folder, writers, groups,
                    groupFiles).write(files);
            for (LakeDataset dataset : LakeSchemas.datasets(template)) {
                replaced.put(dataset.name(), commitDataset(runId, template, dataset, schemas.get(dataset.name()),
                        current.get(dataset.name()), written, sources));
            }
            deleteTree(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit " + template.dataset() + " into the lake", e);
        }
        return replaced;
    }

    /** {@link #commit(String, Template, List, List)} of files whose sources are not recorded (tests' fixtures). */
    public Map<String, List<Replacement>> commit(String runId, Template template, List<StagedFile> files) {
        return commit(runId, template, files, List.of());
    }

    /** How a template's tables group partitions into files: its own table's spec, which its private table shares. */
    private FileGroups groups(Template template) {
        PartitionSpec spec = null;
        for (LakeDataset dataset : LakeSchemas.datasets(template)) {
            PartitionSpec tableSpec = tableForLoad(template, dataset).spec();
            if (spec == null) {
                spec = tableSpec;
            } else if (!spec.compatibleWith(tableSpec)) {
                throw new IllegalStateException("the lake's tables of " + template.name() + " are partitioned apart ("
                        + spec + " and " + tableSpec + "); they must share a layout");
            }
        }
        return new FileGroups(spec, template.partitionBy());
    }

    private List<Replacement> commitDataset(String runId, Template template, LakeDataset dataset,
                                            MessageType parquetSchema, CurrentFiles current,
                                            List<PartitionMerge.Written> written,
                                            List<SnapshotSummary.Source> sources) throws IOException {
        Table table = tableForLoad(template, dataset);
        PartitionSpec spec = table.spec();
        MetricsConfig metrics = MetricsConfig.forTable(table);
        String schema = parquetSchema.toString();
        List<Replacement> replacements = new ArrayList<>();
        List<DataFile> added = new ArrayList<>();
        List<DataFile> removed = new ArrayList<>();
        Set<Long> keptFrom = new TreeSet<>();
        for (PartitionMerge.Written group : written) {
            Path staged = group.files().get(dataset.name());
            String name = ContentName.of(staged, schema) + ".parquet";
            List<DataFile> before = current.inGroup(group.group());
            List<DataFile> filePerPartition = new ArrayList<>();
            group.loaded().keySet().forEach(partition -> filePerPartition.addAll(current.ofPartition(partition)));
            boolean unchanged = filePerPartition.isEmpty() && before.size() == 1
                    && fileName(before.get(0)).equals(name);
            Map<String, Long> rowsBefore = group.before().get(dataset.name());
            for (Map.Entry<String, Long> partition : group.loaded().entrySet()) {
                long had = rowsBefore.getOrDefault(partition.getKey(), 0L) + current.ofPartition(partition.getKey())
                        .stream().mapToLong(DataFile::recordCount).sum();
                replacements.add(new Replacement(dataset.name(), partition.getKey(), had,
                        unchanged ? had : partition.getValue(), !unchanged));
            }
            if (unchanged) {
                continue;
            }
            StructLike values = partitionData(spec, group.values());
            String location = table.locationProvider().newDataLocation(spec, values, name);
            long size = Files.size(staged);
            // the column statistics from the staged file's footer, on the local disk: the same bytes, read without
            // a round trip through the lake's file system
            Metrics columns = DataFileMetrics.of(staged, metrics);
            place(staged, table, location);
            added.add(DataFiles.builder(spec)
                    .withPath(location)
                    .withFormat(FileFormat.PARQUET)
                    .withPartition(values)
                    .withFileSizeInBytes(size)
                    .withMetrics(columns)
                    .build());
            removed.addAll(before);
            removed.addAll(filePerPartition);
            if (group.kept().get(dataset.name()) > 0) {
                before.forEach(file -> keptFrom.addAll(current.loadsBehind(file)));
            }
        }
        if (!added.isEmpty()) {
            OverwriteFiles overwrite = table.newOverwrite();
            added.forEach(overwrite::addFile);
            removed.forEach(overwrite::deleteFile);
            SnapshotSummary.of(runId, template, sources).forEach(overwrite::set);
            if (!keptFrom.isEmpty()) {
                overwrite.set(SnapshotSummary.KEPT_FROM, SnapshotSummary.snapshotIds(keptFrom));
            }
            overwrite.commit();
        }
        if (LakeCatalog.table(template, dataset.name()).namespace().level(0).equals(LakeCatalog.PRIVATE_NAMESPACE)) {
            restrictToOwner(table);
        }
        replacements.sort(Comparator.comparing(Replacement::partition));
        return replacements;
    }

    /**
     * Personal data: the table's folder (files and metadata) the owner's alone, and its namespace's folder when the
     * table is in one (the Hadoop catalog's lake/private/), so that not even the tables' names show.
     */
    private static void restrictToOwner(Table table) {
        StoragePath location = StoragePath.ofTableLocation(table.location());
        location.restrictToOwner();
        StoragePath namespace = location.parent();
        if (namespace.name().equals(LakeCatalog.PRIVATE_NAMESPACE)) {
            namespace.restrictToOwner();
        }
    }

    /**
     * Puts a staged file where the table wants it: moved on the local disk, copied to any other file system. A
     * file already there is the same file (its name is its content's digest), left by a run that was killed.
     */
    private static void place(Path staged, Table table, String location) throws IOException {
        StoragePath target = StoragePath.ofTableLocation(location);
        if (target.isLocal()) {
            Path path = target.localPath();
            if (!Files.exists(path)) {
                // moved aside first, then renamed: a reader of the folder never sees half a file
                Files.createDirectories(path.getParent());
                Path temporary = path.resolveSibling("." + path.getFileName() + ".tmp");
                Files.move(staged, temporary, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
            }
            return;
        }
        if (target.exists() && target.fileSystem().getFileStatus(target.path()).getLen() == Files.size(staged)) {
            return;
        }
        OutputFile output = table.io().newOutputFile(location);
        try (InputStream in = Files.newInputStream(staged); OutputStream out = output.createOrOverwrite()) {
            in.transferTo(out);
        }
    }

    private static String fileName(DataFile file) {
        String path = file.location();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static StructLike partitionData(PartitionSpec spec, Object[] values) {
        GenericRecord record = GenericRecord.create(spec.partitionType());
        for (int i = 0; i < values.length; i++) {
            record.set(i, values[i]);
        }
        return record;
    }

    /**
     * The table of a dataset, created when the lake has none yet and brought up to the contract's columns. A load
     * creates tables; a reader never does ({@link #currentFiles}).
     */
    private synchronized Table tableForLoad(Template template, LakeDataset dataset) {
        Table known = tables.get(dataset.name());
        if (known != null) {
            return known;
        }
        TableIdentifier id = LakeCatalog.table(template, dataset.name());
        Catalog iceberg = catalog.catalog();
        Table table;
        if (iceberg.tableExists(id)) {
            table = iceberg.loadTable(id);
            TableSchemas.evolve(table, dataset);
            table.refresh();
            if (!FileGroups.isCurrentLayout(table.spec(), dataset)) {
                FileGroups.evolve(table, dataset);
                table.refresh();
            }
        } else {
            if (iceberg instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(id.namespace())) {
                try {
                    namespaces.createNamespace(id.namespace());
                } catch (AlreadyExistsException e) {
                    // created by another process meanwhile
                }
            }
            Schema schema = TableSchemas.schema(dataset);
            try {
                table = iceberg.buildTable(id, schema)
                        .withPartitionSpec(TableSchemas.spec(schema, dataset))
                        .withProperty(TableProperties.FORMAT_VERSION, "2")
                        .withProperty(TableProperties.PARQUET_COMPRESSION, "snappy")
                        .create();
            } catch (AlreadyExistsException e) {
                table = iceberg.loadTable(id);
            }
            if (id.namespace().equals(Namespace.of(LakeCatalog.PRIVATE_NAMESPACE))) {
                restrictToOwner(table);
            }
        }
        tables.put(dataset.name(), table);
        return table;
    }

    /**
     * The data files of a dataset's table as it is now (its current snapshot), or none when the lake has no such
     * table yet.
     */
    public List<StoragePath> currentFiles(Template template, String dataset) {
        return tableOf(template, dataset).map(Lake::files).orElse(List.of());
    }

    /** The current table of one of a template's datasets, if the lake has it. */
    public Optional<Table> tableOf(Template template, String dataset) {
        return catalog.load(template, dataset);
    }

    /** The data files of the table's current snapshot, partition by partition. */
    public static List<StoragePath> files(Table table) {
        if (table.currentSnapshot() == null) {
            return List.of();
        }
        TreeMap<String, StoragePath> files = new TreeMap<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
            for (FileScanTask task : tasks) {
                String location = task.file().location();
                files.put(location, StoragePath.ofTableLocation(location));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of " + table.name(), e);
        }
        return List.copyOf(files.values());
    }

    /**
     * Removes what earlier runs left on the local disk (staged files of runs that were killed). Iceberg commits are
     * atomic, so the tables need nothing: a commit a killed run did not finish never happened. Only safe while
     * holding the run lock, when no other run can be staging.
     */
    public void recover() {
        deleteTree(localStaging);
    }

    /** Removes what a run staged (after its commits, or after it failed). */
    public void dropStaging(String runId) {
        deleteTree(localRunFolder(runId));
        try {
            Files.deleteIfExists(localStaging); // only when no other run's folder is in it
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // another run is staging
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + localStaging, e);
        }
    }

    /** Every template that fills the lake: the import templates, the review plan and its tables. */
    public static List<Template> templates() {
        return Stream.concat(ImportTemplates.all().stream(),
                Stream.concat(Stream.of(ReviewPlanTables.PLAN), ReviewPlanTables.PARTS.stream())).toList();
    }

    /** The template whose own or private dataset is {@code dataset}. */
    public static Template templateOf(String dataset) {
        return templates().stream().filter(t -> t.dataset().equals(dataset)
                        || (t.hasPrivateData() && t.privateDataset().equals(dataset)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no lake dataset " + dataset));
    }

    /**
     * The rows the named datasets' tables hold now (every dataset, private ones included, when none is named), from
     * the snapshots' summaries: no data file is read.
     */
    public long storedRows(String... datasets) {
        long rows = 0;
        for (Template template : templates()) {
            for (LakeDataset dataset : LakeSchemas.datasets(template)) {
                if (datasets.length > 0 && !List.of(datasets).contains(dataset.name())) {
                    continue;
                }
                rows += tableOf(template, dataset.name()).map(Table::currentSnapshot)
                        .map(snapshot -> Long.parseLong(snapshot.summary().getOrDefault("total-records", "0")))
                        .orElse(0L);
            }
        }
        return rows;
    }

    /** Every row of a dataset's table as it is now, for small datasets (the offices register, the review plan). */
    public List<Map<String, Object>> readAll(String dataset) {
        return ParquetRows.readFiles(currentFiles(templateOf(dataset), dataset));
    }

    /** Every row of a template's own dataset as it is now, for small datasets (the offices register). */
    public List<Map<String, Object>> readAll(Template template) {
        return ParquetRows.readFiles(currentFiles(template, template.dataset()));
    }

    /** The values of one text column over a dataset (nulls left out), for the registers the rules check against. */
    public List<String> readColumn(Template template, String column) {
        List<String> values = new ArrayList<>();
        readColumn(template, column, 10_000, values::addAll);
        return values;
    }

    /** The values of one text column, a batch at a time: for a register too big to hold as rows. */
    public void readColumn(Template template, String column, int batchSize, Consumer<List<String>> batches) {
        ParquetRows.readColumn(currentFiles(template, template.dataset()), column, batchSize, batches);
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
