package com.propertyquality.review.bench;

import java.nio.file.Path;

/** The entry of a peer stage in its child JVM ({@code bench-peer STAGE}). */
public final class Peers {

    private Peers() {
    }

    public static void run(String stage, Path input, Path out, String sparkMaster) throws Exception {
        switch (stage) {
            case "spark-csv" -> SparkCsvPeer.convert(input, out, sparkMaster);
            case "duckdb-load" -> {
                DuckDbPeer.load(input, out);
            }
            case "duckdb-figures" -> {
                DuckDbPeer.figures(out, out);
            }
            case "spark-figures" -> SparkSqlPeer.figures(out, out, sparkMaster);
            default -> throw new IllegalArgumentException("unknown peer stage " + stage
                    + ": spark-csv, spark-figures, duckdb-load or duckdb-figures");
        }
    }

}
