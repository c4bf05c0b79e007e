package com.propertyquality.review.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar review-pipeline.jar <command> [options]}. Exit status: 0 done, 1 failure (a refused run
 * included: another ingest is running, no data for the year), 2 usage error, 3 (check-returns) an office is under
 * the return threshold, 4 (ingest, review) a file could not be loaded at all.
 */
@Command(name = "review-pipeline", mixinStandardHelpOptions = true, version = "review-pipeline 0.1.0",
        description = "Office files -> Parquet lake -> Spark marts -> the management-review packet (管理评审资料).",
        footer = {"", "Exit status: 0 done; 1 failure or refused run (another ingest is running, no data for the"
                + " year); 2 usage error; 3 check-returns: an office under the threshold; 4 ingest, review: a file"
                + " could not be loaded at all (the others were)."},
        subcommands = {IngestCommand.class, AggregateCommand.class, ReportCommand.class, ReviewCommand.class,
                CheckReturnsCommand.class, QueryCommand.class, ExploreCommand.class, MartsCommand.class, TraceCommand.class, GenerateCommand.class,
                BenchCommand.class, BenchPeerCommand.class, CommandLine.HelpCommand.class})
public class ReviewCli implements Runnable {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int BELOW_THRESHOLD = 3;
    /** ingest and review: at least one file was not loaded at all; the others were. */
    public static final int FILE_NOT_LOADED = 4;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command with its output to the given writers (the tests read them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("error: " + message(exception));
            line.getErr().flush();
            return FAILURE;
        });
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** The command line with its help laid out for the terminal ({@link HelpLayout}). */
    static CommandLine commandLine() {
        return HelpLayout.install(new CommandLine(new ReviewCli()));
    }

    private static String message(Throwable exception) {
        StringBuilder text = new StringBuilder(String.valueOf(exception.getMessage()));
        for (Throwable cause = exception.getCause(); cause != null && cause != cause.getCause();
             cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
