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
        description = {"Render a report from the marts, in Chinese:",
                "  packet  (default) the management-review packet: <work>/reports/management-review-YYYY.pdf",
                "  returns the quality department's return-rate check, offices under the threshold first:"
                        + " <work>/reports/return-rates-YYYY.pdf"})
class ReportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    enum Kind { packet, returns }

    @Option(names = "--year", paramLabel = "YYYY", description = "Survey year (default: the latest in the marts).")
    Integer year;

    @Option(names = "--kind", defaultValue = "packet", paramLabel = "KIND",
            description = "packet or returns (default: ${DEFAULT-VALUE}).")
    Kind kind;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Contexts.start(common)) {
            if (kind == Kind.returns) {
                PacketService packets = context.getBean(PacketService.class);
                int surveyYear = year != null ? year : packets.latestYear();
                Path pdf = packets.renderReturnsCheck(surveyYear);
                spec.commandLine().getOut().printf("Return-rate check %d: %s%n", surveyYear, pdf);
            } else {
                run(context, year, spec.commandLine().getOut());
            }
            spec.commandLine().getOut().flush();
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
