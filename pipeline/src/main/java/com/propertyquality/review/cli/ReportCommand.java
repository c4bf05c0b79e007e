package com.propertyquality.review.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import com.propertyquality.review.packet.PacketService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render the management-review packet (PDF, in Chinese) from the marts to"
                + " <work>/reports/management-review-YYYY.pdf.")
class ReportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--year", paramLabel = "YYYY", description = "Survey year (default: the latest in the marts).")
    Integer year;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Contexts.start(common)) {
            run(context, year, spec.commandLine().getOut());
            return ReviewCli.OK;
        }
    }

    static Path run(ConfigurableApplicationContext context, Integer year, PrintWriter out) {
        long started = System.nanoTime();
        PacketService packets = context.getBean(PacketService.class);
        int surveyYear = year != null ? year : packets.latestYear();
        Path pdf = packets.render(surveyYear);
        out.printf("Packet %d: %s (%.1f s)%n", surveyYear, pdf, (System.nanoTime() - started) / 1e9);
        out.flush();
        return pdf;
    }
}
