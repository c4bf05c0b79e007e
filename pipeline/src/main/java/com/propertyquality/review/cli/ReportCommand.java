package com.propertyquality.review.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import com.propertyquality.review.packet.PacketService;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.ReportFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Render a report of a year from the marts into <work>/reports/: the management-review packet,"
                + " the return-rate check or an office's own report.",
                "  packet  (default) the management-review packet: management-review-YYYY.pdf",
                "  returns the quality department's return-rate check, offices under the threshold first:"
                        + " return-rates-YYYY.pdf",
                "  --office ID: that office's own report, with no other office's figures: office-ID-YYYY.pdf",
                "English reports end in -en; --format xlsx or html changes the extension.",
                "Exit status: 0 written, 1 no data for the year (or the office) in the marts, then nothing is written,"
                        + " or another failure, 2 usage error."})
class ReportCommand implements Callable<Integer> {

    @Mixin
    WorkFolderOptions.Work work;

    @Mixin
    WorkFolderOptions.Lake lake;

    @Mixin
    WorkFolderOptions.Marts marts;

    enum Kind { packet, returns }

    enum Language {
        zh(Lang.ZH), en(Lang.EN);

        final Lang lang;

        Language(Lang lang) {
            this.lang = lang;
        }
    }

    enum Format {
        pdf(ReportFormat.PDF), xlsx(ReportFormat.XLSX), html(ReportFormat.HTML);

        final ReportFormat format;

        Format(ReportFormat format) {
            this.format = format;
        }
    }

    @Option(names = "--year", paramLabel = "YYYY", description = "Survey year (default: the latest in the marts).")
    Integer year;

    @Option(names = "--kind", defaultValue = "packet", paramLabel = "KIND",
            description = "packet or returns (default: ${DEFAULT-VALUE}).")
    Kind kind;

    @Option(names = "--office", paramLabel = "ID", description = "Render this office's own report instead.")
    String office;

    @Option(names = "--lang", defaultValue = "zh", paramLabel = "LANG",
            description = "zh (Chinese) or en (English) (default: ${DEFAULT-VALUE}).")
    Language language;

    @Option(names = "--format", defaultValue = "pdf", paramLabel = "FORMAT",
            description = "pdf (A4, tagged PDF/A-2a), xlsx (one sheet per chapter, numbers as numbers) or html"
                    + " (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (office != null && kind != Kind.packet) {
            throw new ParameterException(spec.commandLine(), "--office and --kind " + kind + " exclude each other");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext context = Contexts.start(work, lake, marts)) {
            long started = System.nanoTime();
            PacketService reports = context.getBean(PacketService.class);
            int surveyYear = year != null ? year : reports.latestYear();
            Path written;
            String what;
            if (office != null) {
                written = reports.renderOffice(surveyYear, office, language.lang, format.format);
                what = "Office report " + office;
            } else if (kind == Kind.returns) {
                written = reports.renderReturnsCheck(surveyYear, language.lang, format.format);
                what = "Return-rate check";
            } else {
                written = reports.renderPacket(surveyYear, language.lang, format.format);
                what = "Packet";
            }
            out.printf("%s %d: %s (%.1f s)%n", what, surveyYear, written, (System.nanoTime() - started) / 1e9);
            out.flush();
            return ReviewCli.OK;
        }
    }

    /** The packet in Chinese as PDF, the last step of {@code review}. */
    static Path run(ConfigurableApplicationContext context, Integer year, PrintWriter out) {
        long started = System.nanoTime();
        PacketService reports = context.getBean(PacketService.class);
        int surveyYear = year != null ? year : reports.latestYear();
        Path pdf = reports.renderPacket(surveyYear, Lang.ZH, ReportFormat.PDF);
        out.printf("Packet %d: %s (%.1f s)%n", surveyYear, pdf, (System.nanoTime() - started) / 1e9);
        out.flush();
        return pdf;
    }
}
