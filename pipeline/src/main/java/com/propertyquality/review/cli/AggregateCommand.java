package com.propertyquality.review.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.marts.AggregateService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "aggregate", mixinStandardHelpOptions = true,
        description = "Read the lake with Spark and write the marts under <work>/marts/.")
class AggregateCommand implements Callable<Integer> {

    @Mixin
    WorkFolderOptions.Work work;

    @Mixin
    WorkFolderOptions.Lake lake;

    @Mixin
    WorkFolderOptions.Marts marts;

    @Mixin
    WorkFolderOptions.SparkMaster sparkMaster;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--mart", paramLabel = "NAME", split = ",",
            description = "Build only these marts, with the marts they are built on (repeat or separate with commas;"
                    + " default: every mart).")
    List<String> only = List.of();

    @Option(names = "--snapshot", paramLabel = "RUN_ID|TIMESTAMP",
            description = "Compute the marts from the lake as it was then (Iceberg time travel): just after the ingest"
                    + " run RUN_ID committed, or at TIMESTAMP (2026-01-31T18:00:00Z, or local time without a zone),"
                    + " to reproduce a signed packet. Default: the lake as it is now.")
    String snapshot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Contexts.start(work, lake, marts, sparkMaster)) {
            PrintWriter out = spec.commandLine().getOut();
            Instant moment = null;
            if (snapshot != null) {
                moment = LakeMoment.resolve(snapshot, context.getBean(WorkFolder.class));
                out.println("The lake as it was at " + moment + " (" + snapshot + ")");
            }
            run(context, asOf.day(), only, moment, out);
            return ReviewCli.OK;
        }
    }

    static void run(ConfigurableApplicationContext context, LocalDate asOf, PrintWriter out) {
        run(context, asOf, List.of(), out);
    }

    static void run(ConfigurableApplicationContext context, LocalDate asOf, List<String> only, PrintWriter out) {
        run(context, asOf, only, null, out);
    }

    static void run(ConfigurableApplicationContext context, LocalDate asOf, List<String> only, Instant moment,
                    PrintWriter out) {
        long started = System.nanoTime();
        AggregateService aggregate = context.getBean(AggregateService.class);
        out.println("Marts in " + context.getBean(WorkFolder.class).marts().display() + " ("
                + aggregate.cutOff(asOf) + "):");
        out.flush();
        Map<String, AggregateService.Written> marts;
        try (AggregateProgress progress = AggregateProgress.printingTo(out)) {
            marts = aggregate.aggregate(asOf, only, moment, progress);
        }
        out.printf(Locale.ROOT, "Aggregated in %.1f s: %d marts, %,d rows%n", (System.nanoTime() - started) / 1e9,
                marts.size(), marts.values().stream().mapToLong(AggregateService.Written::rows).sum());
        out.flush();
    }
}
