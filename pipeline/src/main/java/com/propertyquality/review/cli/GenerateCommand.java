package com.propertyquality.review.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.propertyquality.review.generate.CompanyFiles;
import com.propertyquality.review.generate.CompanyShape;
import com.propertyquality.review.generate.GeneratedCounts;
import com.propertyquality.review.generate.GeneratedFile;
import com.propertyquality.review.generate.SheetFormat;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a made-up company in the import templates. No Spring context and no Spark: it starts at once. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a realistic, made-up company in the import templates for one year (2025), to run the"
                + " pipeline and the benchmark on big data. Scale 1: 200 offices, 150,000 households, 1,000,000"
                + " feedback register entries, 150,000 returned survey forms with their distribution records, 60,000"
                + " return visits, 600,000 purchases, 100,000 inspections, 10,000 actions, and the year's review"
                + " plan; scale 10 is ten times every count. A few bad rows are put in on purpose (one per 100,000"
                + " good rows, at least one per file); DIR/expected.json states per file the rows written, the bad rows"
                + " and the rows the ingest will store with a warning.",
                "The same seed gives the same bytes."})
class GenerateCommand implements Callable<Integer> {

    @Option(names = "--scale", required = true, paramLabel = "N",
            description = "Size of the company: 1 = 200 offices and a million register entries; fractions too"
                    + " (0.01 = 2 offices, 1,500 households, ...).")
    double scale;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to write into: new or empty.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv (UTF-8, English headers) or xlsx (one sheet per file) (default: ${DEFAULT-VALUE}).")
    SheetFormat format;

    @Option(names = "--bad-every", paramLabel = "N", defaultValue = "100000",
            description = "One bad row per N good rows, at least one per file (default: ${DEFAULT-VALUE}); 1 puts a"
                    + " bad row after every good row, so that a small company has every kind; 0 writes none (a clean"
                    + " company, as the benchmark compares figures with DuckDB).")
    int badEvery;

    @Option(names = "--threads", paramLabel = "N",
            description = "Templates written at the same time (default: the number of processors, at most 4);"
                    + " the files do not depend on it.")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CompanyShape shape;
        try {
            shape = CompanyShape.atScale(scale);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        if (badEvery < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bad-every must be 0 or more");
        }
        if (Files.exists(out) && !isEmptyFolder(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    out + " is not an empty folder: generate writes into a new or empty one");
        }
        Files.createDirectories(out);
        int workers = threads != null ? threads : Math.min(4, Runtime.getRuntime().availableProcessors());
        long started = System.nanoTime();
        GeneratedCounts counts = CompanyFiles.write(shape, seed, format, out, workers, badEvery);
        double seconds = (System.nanoTime() - started) / 1e9;
        print(counts, shape, seconds, spec.commandLine().getOut());
        return ReviewCli.OK;
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private void print(GeneratedCounts counts, CompanyShape shape, double seconds, PrintWriter printer)
            throws IOException {
        printer.printf(Locale.ROOT, "Generated a company at scale %s (seed %d, %s): %,d offices, %,d households%n",
                shape.scale(), seed, format, shape.offices(), shape.households());
        printer.printf(Locale.ROOT, "%-34s %-20s %10s %6s %9s%n", "file", "template", "rows", "bad", "warnings");
        long bytes = 0;
        for (GeneratedFile file : counts.files()) {
            printer.printf(Locale.ROOT, "%-34s %-20s %10d %6d %9d%n", file.file(), file.template(), file.rows(),
                    file.badRows(), file.rowsWithWarnings());
            bytes += Files.size(out.resolve(file.file()));
        }
        printer.printf(Locale.ROOT, "Wrote %,d rows (%,d bad) in %d files, %.1f MB, in %.1f s%n", counts.rows(),
                counts.badRows(), counts.files().size(), bytes / 1e6, seconds);
        printer.println("Expected counts: " + out.resolve(GeneratedCounts.FILE_NAME));
        printer.flush();
    }
}
