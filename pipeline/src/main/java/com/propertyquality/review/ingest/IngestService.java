package com.propertyquality.review.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

import com.propertyquality.review.config.ReviewProperties;
import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.contract.ColumnSpec;
import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.lake.SnapshotSummary;
import com.propertyquality.review.lake.StagedFile;
import com.propertyquality.review.lake.StoragePath;

/**
 * Loads the template files of a folder into the lake. Files are taken in name order; the offices register
 * first, since every other template checks its offices against it. Each file runs as one Spring Batch job and
 * stages its rows apart; each template's staged files are then swapped into the lake partition by partition.
 * A file that cannot be read is reported and the others still load.
 */
@Service
public class IngestService {

    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job ingestFileJob;
    private final Job ingestReviewPlanJob;
    private final IngestRuns runs;
    private final WorkFolder work;
    private final JobRepositorySchema schema;
    private final DataSource repository;
    private final int parallelism;
    private final int keysInMemory;
    /** Names the runs; nothing the run computes depends on it. */
    private final Clock clock;

    public IngestService(JobOperator jobOperator, JobRepository jobRepository, Job ingestFileJob,
                         Job ingestReviewPlanJob, IngestRuns runs, WorkFolder work, JobRepositorySchema schema,
                         DataSource repository, ReviewProperties properties, Clock clock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.ingestFileJob = ingestFileJob;
        this.ingestReviewPlanJob = ingestReviewPlanJob;
        this.runs = runs;
        this.work = work;
        this.schema = schema;
        this.repository = repository;
        this.clock = clock;
        this.parallelism = properties.ingest() == null ? 2 : properties.ingest().parallelism();
        // a small number in tests exercises the spilling
        this.keysInMemory = properties.ingest() == null ? ReviewProperties.Ingest.DEFAULT_KEYS_IN_MEMORY
                : properties.ingest().keysInMemory();
    }

    /**
     * @param input            the folder holding the office files
     * @param encodingOverride the CSV encoding to use instead of detection, or null
     * @param out              where progress lines go
     */
    public IngestReport ingest(Path input, Charset encodingOverride, PrintWriter out) {
        if (!Files.isDirectory(input)) {
            throw new IllegalArgumentException("input folder not found: " + input);
        }
        try (WorkFolderLock lock = WorkFolderLock.acquire(work.root())) {
            return ingest(input, encodingOverride, out, lock);
        }
    }

    /**
     * An ingest under a work-folder lock the caller took before anything opened the job repository: the embedded
     * H2 database is a file of the work folder that the first run holds open, so a second run must be refused by
     * the lock before it touches that file (see {@code IngestCommand}).
     *
     * @param held the lock on this service's work folder, held by the caller for the whole run
     */
    public IngestReport ingest(Path input, Charset encodingOverride, PrintWriter out, WorkFolderLock held) {
        if (!held.folder().equals(work.root())) {
            throw new IllegalArgumentException("the lock held is on " + held.folder() + ", not on the work folder "
                    + work.root());
        }
        if (!Files.isDirectory(input)) {
            throw new IllegalArgumentException("input folder not found: " + input);
        }
        schema.ensure();
        String lakeLocation = lakeLocation();
        // a shared job repository may serve machines with work folders of their own on one lake
        try (SharedRunLock shared = SharedRunLock.acquire(repository, lakeLocation)) {
            return run(input, encodingOverride, out, lakeLocation);
        }
    }

    /**
     * The lake as the shared lock and the job repository name it, so that machines and work folders reaching one
     * lake agree: a local lake's absolute URI with symbolic links resolved, any other the URI its file system
     * qualifies (scheme, host and port filled in: hdfs://namenode/x and hdfs://namenode:8020/x are one lake).
     */
    private String lakeLocation() {
        StoragePath lake = work.lake();
        try {
            if (lake.isLocal()) {
                return Files.createDirectories(lake.localPath()).toRealPath().toUri().toString();
            }
            return lake.fileSystem().makeQualified(lake.path()).toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the lake " + lake.display(), e);
        }
    }

    private IngestReport run(Path input, Charset encodingOverride, PrintWriter out, String lakeLocation) {
        String runId = LocalDateTime.now(clock).format(RUN_TIME) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Lake lake = work.openLake(Lake.DEFAULT_BUFFER_ROWS).withWriters(parallelism);
        lake.recover();
        int abandoned = failKilledJobs(lakeLocation);
        if (abandoned > 0) {
            out.println("Marked " + abandoned + " file job(s) of a run that was killed as failed in the job repository");
        }
        List<String> ignored = new ArrayList<>();
        List<FileLoad> loads = discover(input, ignored);
        warnRejectedRowsAlone(loads);
        LoadLedger ledger = LoadLedger.open(work.runs().resolve("ledger.json"));
        for (FileLoad load : loads) {
            load.sha256(LoadLedger.sha256(load.file()));
            load.unchangedSince(ledger.loadedBy(load.sha256(), load.template().name()));
        }
        // the duplicate check's runs go to the run's staging folder: removed when the run ends, and by the next
        // run's recover() when this one is killed
        LoadScope scope = new LoadScope(lake.localRunFolder(runId).resolve("keys"),
                keysInMemory);
        Path rejectsFile = work.rejects().resolve(runId).resolve("rejects.csv");
        // rejected rows are kept whole, personal data included (a household's name and phone): the owner's alone
        StoragePath.local(rejectsFile.getParent()).mkdirsForOwner();
        Map<String, List<Lake.Replacement>> replaced = new LinkedHashMap<>();
        Path parts = rejectsFile.resolveSibling("parts");
        IngestRun run = new IngestRun(runId, scope, lake, lakeLocation, encodingOverride, out);
        loads.forEach(run::add);
        runs.start(run);
        try {
            // the registers first, one after the other: every later template checks against them
            loadTemplate(run, lake, ImportTemplates.OFFICES, loads, replaced);
            scope.addKnownOffices(lake.readColumn(ImportTemplates.OFFICES, "office_id"));
            loadTemplate(run, lake, ImportTemplates.HOUSEHOLDS, loads, replaced);
            // the ids alone, a batch at a time: the households' rows would not fit in a small heap at scale 10
            lake.readColumn(ImportTemplates.HOUSEHOLDS, "household_id", 10_000, scope::addKnownHouseholds);
            // the other templates are independent of each other: they load side by side
            List<Template> rest = Stream.concat(ImportTemplates.all().stream(), Stream.of(ReviewPlanTables.PLAN))
                    .filter(t -> t != ImportTemplates.OFFICES && t != ImportTemplates.HOUSEHOLDS)
                    .filter(t -> loads.stream().anyMatch(l -> l.template() == t))
                    .toList();
            SideBySide.run(rest, parallelism, template -> loadTemplate(run, lake, template, loads, replaced));
        } finally {
            runs.end(runId);
            try {
                scope.close(); // before the staging folder goes: it holds the key runs' open files
            } finally {
                lake.dropStaging(runId);
                // each file logged apart (they load side by side); the run's files list them in file order
                RejectLog.merge(loads.stream().map(l -> parts.resolve(partName(l, "rejects"))).toList(),
                        rejectsFile);
                RejectLog.merge(loads.stream().map(l -> parts.resolve(partName(l, "warnings"))).toList(),
                        rejectsFile.resolveSibling("warnings.csv"));
                Lake.deleteFolder(parts);
            }
        }
        for (FileLoad load : loads) {
            if (load.status() == FileLoad.Status.LOADED) {
                ledger.record(load.sha256(), load.template().name(), load.fileName(), runId);
            }
        }
        ledger.save();
        // by dataset name: templates commit side by side, in whatever order they finish
        IngestReport report = new IngestReport(runId, input.toAbsolutePath().normalize(), loads, ignored,
                new TreeMap<>(replaced),
                rejectsFile, work.runs().resolve(runId).resolve("manifest.json"));
        RunManifest.write(report);
        return report;
    }

    /**
     * File jobs on this lake that the repository still shows as running belong to a run that was killed (this run
     * holds the lake's locks, so no other can be running on it): they are marked failed, so the run history says
     * what happened. Jobs on other lakes sharing the repository are left alone.
     */
    private int failKilledJobs(String lakeLocation) {
        String folder = work.root().toString();
        int failed = 0;
        for (String job : List.of(IngestJobConfiguration.JOB_NAME, IngestJobConfiguration.PLAN_JOB_NAME)) {
            for (JobExecution execution : jobRepository.findRunningJobExecutions(job)) {
                JobParameters parameters = execution.getJobParameters();
                String lakeOfJob = parameters.getString(IngestJobConfiguration.LAKE);
                // jobs recorded before the lake was a parameter name their work folder only
                boolean ours = lakeOfJob != null ? lakeOfJob.equals(lakeLocation)
                        : folder.equals(parameters.getString(IngestJobConfiguration.WORK));
                if (ours) {
                    jobOperator.recover(execution);
                    failed++;
                }
            }
        }
        return failed;
    }

    /** Loads a template's files in name order (so the first occurrence of a key wins), then commits them. */
    private void loadTemplate(IngestRun run, Lake lake, Template template, List<FileLoad> loads,
                              Map<String, List<Lake.Replacement>> replaced) {
        List<FileLoad> ofTemplate = loads.stream().filter(l -> l.template() == template).toList();
        for (FileLoad load : ofTemplate) {
            runFileJob(run, lake, load);
        }
        run.scope().templateLoaded(template); // its keys are needed no more
        // a template file stages one table, a review plan several: commit table by table
        Map<Template, List<StagedFile>> byTable = new LinkedHashMap<>();
        ofTemplate.stream().filter(l -> l.status() == FileLoad.Status.LOADED)
                .flatMap(l -> l.staged().stream())
                .forEach(staged -> byTable.computeIfAbsent(staged.template(), t -> new ArrayList<>()).add(staged));
        List<SnapshotSummary.Source> sources = ofTemplate.stream().filter(l -> l.status() == FileLoad.Status.LOADED)
                .map(l -> new SnapshotSummary.Source(l.fileName(), l.sha256(), l.stored(), l.rejected())).toList();
        byTable.forEach((table, staged) -> {
            Map<String, List<Lake.Replacement>> committed = lake.commit(run.id(), table, staged, sources);
            synchronized (replaced) {
                replaced.putAll(committed);
            }
        });
    }

    private List<FileLoad> discover(Path input, List<String> ignored) {
        List<FileLoad> loads = new ArrayList<>();
        try (Stream<Path> entries = Files.list(input)) {
            List<Path> files = entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
            for (Path file : files) {
                Optional<Template> template = ImportTemplates.forFileName(file.getFileName().toString());
                if (template.isPresent()) {
                    loads.add(new FileLoad(loads.size() + 1, file, template.get()));
                } else {
                    ignored.add(file.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + input, e);
        }
        return loads;
    }

    /**
     * A file of rejected rows holds only those rows: loaded without the office's own file it would replace each
     * (office, year) it holds with them alone. Said before it happens; the clerk may mean it.
     */
    private static void warnRejectedRowsAlone(List<FileLoad> loads) {
        for (FileLoad load : loads) {
            if (RejectedRowsFile.isRejectedRowsFile(load.fileName()) && loads.stream().noneMatch(other ->
                    other.template() == load.template() && !RejectedRowsFile.isRejectedRowsFile(other.fileName()))) {
                load.warn("a file of rejected rows loaded without the office's own " + load.template().name()
                        + " file: each (office, year) it holds now has its rows alone; load it together with the"
                        + " office's file, or copy its corrected rows into that file");
            }
        }
    }

    private static String partName(FileLoad load, String kind) {
        return String.format("%04d-%s.csv", load.index(), kind);
    }

    private void runFileJob(IngestRun run, Lake lake, FileLoad load) {
        Path parts = work.rejects().resolve(run.id()).resolve("parts");
        try (RejectLog rejects = new RejectLog(parts.resolve(partName(load, "rejects")));
             RejectLog warnings = new RejectLog(parts.resolve(partName(load, "warnings")))) {
            load.logs(rejects, warnings);
            if (load.template() != ReviewPlanTables.PLAN) {
                load.rejectedRowsFolder(parts.getParent());
            }
            try {
                runFileJob(run, lake, load, rejects);
            } finally {
                load.endRejectedRows(load.status() == FileLoad.Status.LOADED);
            }
        }
    }

    private void runFileJob(IngestRun run, Lake lake, FileLoad load, RejectLog rejects) {
        long started = System.nanoTime();
        if (!run.scope().hasHouseholdRegister()
                && load.template().columns().stream().anyMatch(ColumnSpec::householdRef)) {
            load.warn("the customer records (households) are empty: household_id references were not checked");
        }
        boolean plan = load.template() == ReviewPlanTables.PLAN;
        if (!plan) {
            load.staged(List.of(lake.stage(run.id(), load.index(), load.template())));
        }
        JobParameters parameters = new JobParametersBuilder()
                .addString(IngestJobConfiguration.RUN_ID, run.id())
                .addLong(IngestJobConfiguration.FILE_INDEX, (long) load.index())
                .addString(IngestJobConfiguration.FILE, load.file().toAbsolutePath().toString(), false)
                .addString(IngestJobConfiguration.TEMPLATE, load.template().name(), false)
                .addString(IngestJobConfiguration.WORK, work.root().toString(), false)
                .addString(IngestJobConfiguration.LAKE, run.lakeLocation(), false)
                .toJobParameters();
        JobExecution execution;
        try {
            execution = jobOperator.start(plan ? ingestReviewPlanJob : ingestFileJob, parameters);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the load of " + load.fileName() + ": " + e.getMessage(), e);
        }
        Throwable failure = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
        boolean loaded = execution.getStatus() == BatchStatus.COMPLETED;
        if (loaded) {
            try {
                load.staged().forEach(StagedFile::close); // the rows still buffered go to disk
            } catch (RuntimeException e) {
                loaded = false;
                failure = e;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        run.scope().fileEnded(load.template(), loaded);
        if (loaded) {
            load.finish(FileLoad.Status.LOADED, null, seconds);
            return;
        }
        UnreadableFileException unreadable = findUnreadable(failure);
        String reason = unreadable != null ? unreadable.getMessage()
                : failure == null ? "the job ended " + execution.getStatus() : describe(failure);
        load.finish(unreadable != null ? FileLoad.Status.UNREADABLE : FileLoad.Status.FAILED, reason, seconds);
        rejects.rejectFile(load.template().name(), load.fileName(), reason);
    }

    private static UnreadableFileException findUnreadable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnreadableFileException unreadable) {
                return unreadable;
            }
        }
        return null;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
