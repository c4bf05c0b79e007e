package com.propertyquality.review.cli;

import java.io.PrintWriter;
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Contexts.start(work, lake, marts, sparkMaster)) {
            run(context, asOf.day(), only, spec.commandLine().getOut());
            return ReviewCli.OK;
        }
    }

    static void run(ConfigurableApplicationContext context, LocalDate asOf, PrintWriter out) {
        run(context, asOf, List.of(), out);
    }

    static void run(ConfigurableApplicationContext context, LocalDate asOf, List<String> only, PrintWriter out) {
        long started = System.nanoTime();
        AggregateService aggregate = context.getBean(AggregateService.class);
        Map<String, AggregateService.Written> marts = aggregate.aggregate(asOf, only);
        out.println("Marts in " + context.getBean(WorkFolder.class).marts().display() + " ("
                + aggregate.cutOff(asOf) + "):");
        marts.forEach((name, written) -> out.printf(Locale.ROOT, "  %-28s %7d rows  %5.1f s%n", name,
                written.rows(), written.seconds()));
        out.printf("Aggregated in %.1f s%n", (System.nanoTime() - started) / 1e9);
        out.flush();
    }
}
