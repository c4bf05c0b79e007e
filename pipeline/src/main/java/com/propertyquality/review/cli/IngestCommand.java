package com.propertyquality.review.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.propertyquality.review.ingest.FileLoad;
import com.propertyquality.review.ingest.IngestReport;
import com.propertyquality.review.ingest.IngestService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Load the template files of a folder into the lake, one Spring Batch job per file: offices*,"
                + " households*, survey-distribution*, survey-responses*, feedback*, return-visits*, purchases*,"
                + " inspections*, actions* (CSV in UTF-8, UTF-8 with BOM or GBK/GB18030, XLSX or XLS; Chinese or"
                + " English headers), and review-plan*.yaml.",
                "Rejected rows go, whole, to <work>/rejects/<run>/rejects.csv, and per file to <file>_rejected.csv"
                + " or .xlsx beside it in the file's own layout, to correct and load again with the original;"
                + " warnings to warnings.csv, and a run manifest to <work>/runs/<run>/manifest.json.",
                "Exit status: 0 every file loaded (rows rejected or not), 4 at least one file could not be loaded"
                + " at all (the others did), 1 failure (another ingest is running on the work folder or lake,"
                + " ...), 2 usage error."})
class IngestCommand implements Callable<Integer> {

    @Mixin
    WorkFolderOptions.Work work;

    @Mixin
    WorkFolderOptions.Lake lake;

    @Mixin
    InputOptions files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Charset override = files.encodingOverride(spec);
        try (Contexts.Ingesting ingesting = Contexts.startIngesting(work, lake)) {
            IngestReport report = run(ingesting, files.input, override, spec.commandLine().getOut());
            return status(report, spec.commandLine().getErr());
        }
    }

    static IngestReport run(Contexts.Ingesting ingesting, Path input, Charset override, PrintWriter out) {
        out.println("Ingest " + input.toAbsolutePath().normalize());
        IngestReport report = ingesting.context().getBean(IngestService.class)
                .ingest(input, override, out, ingesting.lock());
        print(report, out);
        return report;
    }

    /**
     * 0 when every template file loaded (rows rejected or not), {@link ReviewCli#FILE_NOT_LOADED} when at least one
     * did not load at all: the rest of the folder is in the lake, but a caller must know that a file is missing.
     */
    static int status(IngestReport report, PrintWriter err) {
        List<FileLoad> notLoaded = report.notLoaded();
        if (notLoaded.isEmpty()) {
            return ReviewCli.OK;
        }
        err.printf(Locale.ROOT, "%d file(s) not loaded: %s; the other files loaded. Correct them and run the ingest"
                + " again.%n", notLoaded.size(), notLoaded.stream().map(FileLoad::fileName)
                .collect(Collectors.joining(", ")));
        err.flush();
        return ReviewCli.FILE_NOT_LOADED;
    }

    static void print(IngestReport report, PrintWriter out) {
        out.printf(Locale.ROOT, "%-34s %-20s %-14s %8s %8s %8s%n", "file", "template", "encoding", "read",
                "stored", "rejected");
        for (FileLoad load : report.files()) {
            if (load.status() == FileLoad.Status.LOADED) {
                out.printf(Locale.ROOT, "%-34s %-20s %-14s %8d %8d %8d%n", load.fileName(), load.template().name(),
                        load.encoding(), load.read(), load.stored(), load.rejected());
            } else {
                out.printf(Locale.ROOT, "%-34s %-20s NOT LOADED: %s%n", load.fileName(), load.template().name(),
                        load.error());
            }
            if (load.unchangedSince() != null) {
                out.println("    same content as loaded in run " + load.unchangedSince());
            }
            for (String warning : load.warnings()) {
                out.println("    warning: " + warning);
            }
            if (load.rowsWithWarnings() > 0) {
                out.printf(Locale.ROOT, "    %d stored rows with warnings (%s)%n", load.rowsWithWarnings(),
                        report.rejectsFile().resolveSibling("warnings.csv"));
            }
        }
        for (String ignored : report.ignored()) {
            out.println(ignored + ": not a template file name, ignored");
        }
        out.printf(Locale.ROOT, "Stored %d rows; rejected %d rows (%s)%n", report.storedRows(),
                report.rejectedRows(), report.rejectsFile());
        report.replacedPartitions().forEach((dataset, partitions) ->
                out.printf(Locale.ROOT, "  %s: %d partition(s) replaced%n", dataset, partitions.size()));
        for (var shrunk : report.shrunkPartitions()) {
            out.printf(Locale.ROOT, "  warning: %s %s now has %d rows instead of %d: a load replaces every (office,"
                    + " year) its files hold rows of; load that year's whole file if rows are missing%n",
                    shrunk.dataset(), shrunk.partition(), shrunk.rowsAfter(), shrunk.rowsBefore());
        }
        if (report.unchanged()) {
            out.println("Nothing new: every file had been loaded before exactly as it is.");
        }
        out.println("Run manifest: " + report.manifest());
        out.flush();
    }
}
