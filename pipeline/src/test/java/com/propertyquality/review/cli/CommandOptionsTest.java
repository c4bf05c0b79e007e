package com.propertyquality.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.support.Cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Each command offers exactly the options it uses: the work folder, lake, marts and Spark master only where the
 * command reads or writes them or starts Spark, and an option it does not use is refused as unknown (exit 2).
 */
class CommandOptionsTest {

    private static final List<String> HELP = List.of("--help", "--version");

    /** What each command is meant to offer, besides --help and --version (README.md's command table). */
    private static final Map<String, List<String>> OPTIONS = new LinkedHashMap<>();

    /** Arguments a command requires, so that only the option under test is wrong. */
    private static final Map<String, List<String>> REQUIRED = new LinkedHashMap<>();

    static {
        OPTIONS.put("ingest", List.of("--work", "--lake", "--input", "--encoding"));
        OPTIONS.put("aggregate", List.of("--work", "--lake", "--marts", "--spark-master", "--as-of", "--mart",
                "--snapshot"));
        OPTIONS.put("report", List.of("--work", "--lake", "--marts", "--year", "--kind", "--office", "--lang",
                "--format"));
        OPTIONS.put("review", List.of("--work", "--lake", "--marts", "--spark-master", "--input", "--encoding",
                "--as-of", "--year"));
        OPTIONS.put("check-returns", List.of("--work", "--marts", "--year", "--threshold", "--format"));
        OPTIONS.put("query", List.of("--work", "--lake", "--marts", "--spark-master", "--format", "--output",
                "--limit", "--engine"));
        OPTIONS.put("explore", List.of("--work", "--lake", "--marts", "--port", "--bind", "--office"));
        OPTIONS.put("marts", List.of("--work", "--marts"));
        OPTIONS.put("trace", List.of("--work", "--marts", "--year"));
        OPTIONS.put("generate", List.of("--scale", "--out", "--seed", "--format", "--bad-every", "--threads"));
        OPTIONS.put("bench", List.of("--input", "--dir", "--heap", "--no-peers"));
        REQUIRED.put("ingest", List.of("--input", "in"));
        REQUIRED.put("review", List.of("--input", "in"));
        REQUIRED.put("query", List.of("SELECT 1"));
        REQUIRED.put("trace", List.of("--year", "2025"));
        REQUIRED.put("generate", List.of("--scale", "1", "--out", "out"));
        REQUIRED.put("bench", List.of("--input", "in"));
    }

    @Test
    void everyCommandOffersExactlyTheOptionsItUses() {
        Map<String, CommandLine> commands = ReviewCli.commandLine().getSubcommands();
        Set<String> listed = new TreeSet<>(OPTIONS.keySet());
        listed.addAll(List.of("help", "bench-peer"));
        assertThat(commands.keySet()).containsExactlyInAnyOrderElementsOf(listed);
        OPTIONS.forEach((command, expected) -> {
            List<String> offered = commands.get(command).getCommandSpec().options().stream()
                    .map(OptionSpec::longestName).filter(name -> !HELP.contains(name)).toList();
            assertThat(offered).as(command).containsExactlyInAnyOrderElementsOf(expected);
        });
    }

    @Test
    void aWorkFolderOptionACommandDoesNotUseIsRefusedAsUnknown() {
        List<String> settings = List.of("--work", "--lake", "--marts", "--spark-master");
        int refused = 0;
        for (Map.Entry<String, List<String>> command : OPTIONS.entrySet()) {
            for (String option : settings) {
                if (command.getValue().contains(option)) {
                    continue;
                }
                List<String> arguments = new ArrayList<>(List.of(command.getKey()));
                arguments.addAll(REQUIRED.getOrDefault(command.getKey(), List.of()));
                arguments.add(option + "=x");
                Cli.Result result = Cli.run(arguments.toArray(String[]::new));
                assertThat(result.status()).as(arguments.toString()).isEqualTo(ReviewCli.USAGE);
                assertThat(result.err()).as(arguments.toString()).contains("Unknown option: '" + option + "=x'");
                refused++;
            }
        }
        // ingest: --marts, --spark-master; report, explore: --spark-master; check-returns, marts, trace: --lake,
        // --spark-master; generate, bench: all four
        assertThat(refused).isEqualTo(2 + 1 + 1 + 2 + 2 + 2 + 4 + 4);
    }

    @Test
    void queryTakesTheSparkMasterForSparksAnswersOnly() {
        Cli.Result result = Cli.run("query", "SELECT 1", "--engine", "duckdb", "--spark-master", "local[2]");

        assertThat(result.status()).isEqualTo(ReviewCli.USAGE);
        assertThat(result.err()).contains("--spark-master is for Spark's answers: use --engine spark");
    }
}
