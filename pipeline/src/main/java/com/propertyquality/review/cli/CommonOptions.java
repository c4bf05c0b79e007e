package com.propertyquality.review.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** Options every command takes. Unset options leave the configured value (application.yml, environment). */
public class CommonOptions {

    @Option(names = "--work", paramLabel = "DIR",
            description = "Work folder with lake/, marts/, reports/, rejects/ and the job repository (default: ./work).")
    Path work;

    @Option(names = "--lake", paramLabel = "URI",
            description = "The Parquet lake, when not <work>/lake: a local folder or a Hadoop URI"
                    + " (hdfs://namenode:8020/review/lake, s3a://bucket/lake) every Spark executor can read.")
    String lake;

    @Option(names = "--marts", paramLabel = "URI",
            description = "The marts, when not <work>/marts: a local folder or a Hadoop URI.")
    String marts;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "Spark master: local[*] (default), local[2], spark://host:7077, ...")
    String sparkMaster;

    /** The options as Spring property arguments, so they take precedence over every other source. */
    List<String> asSpringArguments() {
        List<String> arguments = new ArrayList<>();
        if (work != null) {
            arguments.add("--review.work=" + work.toAbsolutePath().normalize());
        }
        if (lake != null) {
            arguments.add("--review.lake=" + lake);
        }
        if (marts != null) {
            arguments.add("--review.marts=" + marts);
        }
        if (sparkMaster != null) {
            arguments.add("--review.spark.master=" + sparkMaster);
        }
        return arguments;
    }
}
