package com.propertyquality.review.cli;

import java.util.concurrent.Callable;

import com.propertyquality.review.ingest.IngestReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"The main job: ingest the office files, aggregate the marts and render the packet.",
                "Exit status: 0 done, 4 the packet is written but at least one file could not be loaded at all (the"
                        + " packet holds the others), 1 failure (another ingest is running, no data for the year:"
                        + " then no packet is written), 2 usage error."})
class ReviewCommand implements Callable<Integer> {

    @Mixin
    WorkFolderOptions.Work work;

    @Mixin
    WorkFolderOptions.Lake lake;

    @Mixin
    WorkFolderOptions.Marts marts;

    @Mixin
    WorkFolderOptions.SparkMaster sparkMaster;

    @Mixin
    InputOptions files;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--year", paramLabel = "YYYY", description = "Survey year (default: the latest in the lake).")
    Integer year;

    @Spec
    CommandSpec spec;

    /**
     * The work folder stays locked to the end: the run holds the embedded job repository open until its context
     * closes. A file that could not be loaded does not stop the run (the contract loads the rest): the packet is
     * built from what loaded, and the exit status 4 says that a file is missing from it.
     */
    @Override
    public Integer call() {
        var override = files.encodingOverride(spec);
        var out = spec.commandLine().getOut();
        try (Contexts.Ingesting ingesting = Contexts.startIngesting(work, lake, marts, sparkMaster)) {
            IngestReport ingested = IngestCommand.run(ingesting, files.input, override, out);
            AggregateCommand.run(ingesting.context(), asOf.day(), out);
            ReportCommand.run(ingesting.context(), year, out);
            return IngestCommand.status(ingested, spec.commandLine().getErr());
        }
    }
}
