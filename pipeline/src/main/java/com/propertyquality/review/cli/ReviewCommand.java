package com.propertyquality.review.cli;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = "The main job: ingest the office files, aggregate the marts and render the packet.")
class ReviewCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions files;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--year", paramLabel = "YYYY", description = "Survey year (default: the latest in the lake).")
    Integer year;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var override = files.encodingOverride(spec);
        var out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext context = Contexts.start(common)) {
            IngestCommand.run(context, files.input, override, out);
            AggregateCommand.run(context, asOf.day(), out);
            ReportCommand.run(context, year, out);
            return ReviewCli.OK;
        }
    }
}
