package com.propertyquality.review.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.propertyquality.review.bench.Benchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "The side-by-side benchmark on generated files (see BENCHMARKS.md): our ingest, aggregate and"
                + " report, and the same work by DuckDB and plain Spark, each in its own JVM.")
class BenchCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "DIR",
            description = "The generated CSV files (java -jar review-pipeline.jar generate --scale N --out DIR).")
    Path input;

    @Option(names = "--dir", defaultValue = "bench", paramLabel = "DIR",
            description = "Where the runs write (work/, duckdb/, spark-csv/, logs/; default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--heap", paramLabel = "SIZE", description = "-Xmx of every stage's JVM (e.g. 2g).")
    String heap;

    @Option(names = "--no-peers", description = "Run only our stages.")
    boolean noPeers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> jvm = new ArrayList<>();
        if (heap != null) {
            jvm.add("-Xmx" + heap);
        }
        boolean ok = new Benchmark(dir, jvm, spec.commandLine().getOut()).run(input, !noPeers);
        return ok ? ReviewCli.OK : ReviewCli.FAILURE;
    }
}
