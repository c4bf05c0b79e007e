package com.propertyquality.review.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.propertyquality.review.bench.Peers;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** One peer stage of the benchmark, run by {@code bench} in its own JVM so that its time and memory are its own. */
@Command(name = "bench-peer", hidden = true, mixinStandardHelpOptions = true,
        description = "A peer stage of the benchmark: spark-csv, duckdb-load or duckdb-figures.")
class BenchPeerCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STAGE", description = "spark-csv, duckdb-load or duckdb-figures")
    String stage;

    @Option(names = "--input", paramLabel = "DIR", description = "The generated CSV files.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the peer writes.")
    Path out;

    @Option(names = "--spark-master", defaultValue = "local[*]", paramLabel = "URL",
            description = "Spark master of the spark-csv stage (default: ${DEFAULT-VALUE}).")
    String master;

    @Override
    public Integer call() throws Exception {
        Peers.run(stage, input, out, master);
        return ReviewCli.OK;
    }
}
