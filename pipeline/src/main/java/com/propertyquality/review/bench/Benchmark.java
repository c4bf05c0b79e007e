package com.propertyquality.review.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.lake.ParquetRows;

/**
 * The side-by-side benchmark of one scale: our ingest, aggregate and report, and the same work by DuckDB and plain
 * Spark, on the same generated files and machine, each stage in its own JVM. Prints a Markdown report: wall time
 * (JVM start included), rows per second, peak resident memory, the ratios ours/peer, and whether DuckDB's figures
 * equal our marts.
 */
public final class Benchmark {

    /** The marts DuckDB computes too. */
    static final List<String> COMPARED_MARTS = List.of("survey_returns", "satisfaction_by_office",
            "feedback_summary", "complaint_pareto");

    /** The peers whose figures of {@link #COMPARED_MARTS} are checked against ours (their stages' system names). */
    private static final List<String> FIGURE_PEERS = List.of("DuckDB", "Spark");

    /** The as-of date of every run, so that two runs compute the same figures. */
    static final String AS_OF = "2026-01-10";

    private static final Pattern STORED = Pattern.compile("Stored (\\d+) rows; rejected (\\d+) rows");

    /** One measured stage. */
    public record Stage(String system, String name, double seconds, long rows, double peakRssMb, int exitCode) {

        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private final Path dir;
    private final List<String> jvmOptions;
    private final PrintWriter out;
    private final List<Stage> stages = new ArrayList<>();

    /**
     * @param dir        the benchmark's folder: input/, work/, duckdb/, spark-csv/, logs/
     * @param jvmOptions options of every child JVM (for example -Xmx2g)
     */
    public Benchmark(Path dir, List<String> jvmOptions, PrintWriter out) {
        this.dir = dir;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.out = out;
    }

    /** Runs every stage on {@code input} and prints the report; returns false when a stage or a figure failed. */
    public boolean run(Path input, boolean withPeers) {
        Path work = dir.resolve("work");
        deleteQuietly(work);
        Stage ingest = stage("ours", "ingest", List.of("ingest", "--input", input.toString(), "--work",
                work.toString()), 0);
        long csvRows = csvRows(ingest);
        stages.set(stages.size() - 1, withRows(ingest, csvRows));
        Lake lake = new Lake(work.resolve("lake"));
        long lakeRows = lake.storedRows();
        stage("ours", "aggregate (all marts)", List.of("aggregate", "--as-of", AS_OF, "--work", work.toString()),
                lakeRows);
        long martRows = rows(work.resolve("marts"));
        stage("ours", "report (packet PDF)", List.of("report", "--work", work.toString()), martRows);
        long comparedRows = lake.storedRows("survey_distribution", "survey_responses", "feedback", "offices");
        stage("ours", "aggregate (the 4 compared marts)", List.of("aggregate", "--as-of", AS_OF, "--work",
                work.toString(), "--mart", String.join(",", COMPARED_MARTS)), comparedRows);

        Map<String, List<String>> differences = new LinkedHashMap<>(); // by peer
        if (withPeers) {
            Path duckdb = dir.resolve("duckdb");
            deleteQuietly(duckdb);
            stage("DuckDB", "load CSV to Parquet", List.of("bench-peer", "duckdb-load", "--input", input.toString(),
                    "--out", duckdb.toString()), csvRows);
            stage("DuckDB", "the 4 figures", List.of("bench-peer", "duckdb-figures", "--out", duckdb.toString()),
                    comparedRows);
            Path sparkCsv = dir.resolve("spark-csv");
            deleteQuietly(sparkCsv);
            stage("Spark", "CSV to Parquet", List.of("bench-peer", "spark-csv", "--input", input.toString(),
                    "--out", sparkCsv.toString()), csvRows);
            stage("Spark", "the 4 figures", List.of("bench-peer", "spark-figures", "--out", sparkCsv.toString()),
                    comparedRows);
            Map<String, Path> figures = Map.of("DuckDB", duckdb.resolve("figures"), "Spark",
                    sparkCsv.resolve("figures"));
            for (String peer : FIGURE_PEERS) {
                if (compared(peer)) {
                    List<String> theirs = new ArrayList<>();
                    for (String mart : COMPARED_MARTS) {
                        theirs.addAll(FigureCheck.compare(peer, mart, figures.get(peer), work.resolve("marts")));
                    }
                    differences.put(peer, theirs);
                }
            }
        }
        print(withPeers, differences);
        return stages.stream().allMatch(s -> s.exitCode() == 0)
                && differences.values().stream().allMatch(List::isEmpty);
    }

    /** True when both the peer's figures and our compared marts were computed, so they can be compared. */
    private boolean compared(String peer) {
        return find("ours", "aggregate (the 4 compared marts)").exitCode() == 0
                && find(peer, "the 4 figures").exitCode() == 0;
    }

    private Stage stage(String system, String name, List<String> arguments, long rows) {
        Path log = dir.resolve("logs").resolve((system + "-" + name).replaceAll("[^A-Za-z0-9]+", "-") + ".log");
        out.printf(Locale.ROOT, "running %s %s ...%n", system, name);
        out.flush();
        ChildProcess.Measured run = ChildProcess.run(jvmOptions, arguments, log);
        if (run.exitCode() != 0) {
            out.printf("  exit %d, see %s%n", run.exitCode(), log);
        }
        Stage stage = new Stage(system, name, run.seconds(), rows, run.peakRssMb(), run.exitCode());
        stages.add(stage);
        return stage;
    }

    private static Stage withRows(Stage stage, long rows) {
        return new Stage(stage.system(), stage.name(), stage.seconds(), rows, stage.peakRssMb(), stage.exitCode());
    }

    /** The data rows the ingest read (stored + rejected), from its last line. */
    private long csvRows(Stage ingest) {
        try {
            String log = Files.readString(dir.resolve("logs").resolve("ours-ingest.log"));
            Matcher matcher = STORED.matcher(log);
            long rows = 0;
            while (matcher.find()) {
                rows = Long.parseLong(matcher.group(1)) + Long.parseLong(matcher.group(2));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of the Parquet datasets under {@code folder} (every dataset, or the named ones), from the footers. */
    static long rows(Path folder, String... datasets) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith("_"))
                    .filter(d -> datasets.length == 0 || List.of(datasets).contains(d.getFileName().toString()))
                    .mapToLong(ParquetRows::countRows).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void print(boolean withPeers, Map<String, List<String>> differences) {
        out.println();
        out.println("| system | stage | wall time (s) | rows | rows/s | peak RSS (MB) | result |");
        out.println("| --- | --- | ---: | ---: | ---: | ---: | --- |");
        for (Stage s : stages) {
            out.printf(Locale.ROOT, "| %s | %s | %.1f | %,d | %,.0f | %,.0f | %s |%n", s.system(), s.name(),
                    s.seconds(), s.rows(), s.rowsPerSecond(), s.peakRssMb(),
                    s.exitCode() == 0 ? "ok" : "FAILED (exit " + s.exitCode() + ")");
        }
        if (withPeers) {
            out.println();
            out.println("| ratio | value |");
            out.println("| --- | ---: |");
            Stage ingest = find("ours", "ingest");
            Stage duckdbFigures = find("DuckDB", "the 4 figures");
            ratio("ingest rows/s, ours / DuckDB load", ingest, find("DuckDB", "load CSV to Parquet"), true);
            ratio("ingest rows/s, ours / plain Spark CSV to Parquet", ingest, find("Spark", "CSV to Parquet"), true);
            ratio("time of the 4 figures, ours / DuckDB", find("ours", "aggregate (the 4 compared marts)"),
                    duckdbFigures, false);
            ratio("time of all marts, ours / DuckDB's 4 figures", find("ours", "aggregate (all marts)"),
                    duckdbFigures, false);
            ratio("time of the 4 figures, ours / plain Spark SQL's", find("ours", "aggregate (the 4 compared marts)"),
                    find("Spark", "the 4 figures"), false);
            out.println();
            for (String peer : FIGURE_PEERS) {
                if (!compared(peer)) {
                    out.println(peer + "'s figures were not compared with our marts: a stage that computes them"
                            + " failed.");
                    continue;
                }
                List<String> theirs = differences.getOrDefault(peer, List.of());
                out.println(theirs.isEmpty()
                        ? peer + "'s figures equal our marts: " + String.join(", ", COMPARED_MARTS) + "."
                        : peer + "'s figures differ from our marts:\n  " + String.join("\n  ", theirs));
            }
        }
        out.flush();
    }

    /** ours / peer in rows per second or in seconds; no figure when either stage failed. */
    private void ratio(String name, Stage ours, Stage peer, boolean rowsPerSecond) {
        if (ours.exitCode() != 0 || peer.exitCode() != 0) {
            out.printf(Locale.ROOT, "| %s | — (a stage failed) |%n", name);
        } else if (rowsPerSecond) {
            out.printf(Locale.ROOT, "| %s | %.2f |%n", name, ours.rowsPerSecond() / peer.rowsPerSecond());
        } else {
            out.printf(Locale.ROOT, "| %s | %.2f |%n", name, ours.seconds() / peer.seconds());
        }
    }

    private Stage find(String system, String name) {
        return stages.stream().filter(s -> s.system().equals(system) && s.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static void deleteQuietly(Path folder) {
        if (Files.exists(folder)) {
            com.propertyquality.review.lake.Lake.deleteFolder(folder);
        }
    }
}
