package com.propertyquality.review.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import picocli.CommandLine.Option;

/**
 * The options that point a command at its work folder, its lake and its marts, and at the Spark master: each a
 * mixin of its own, so that a command offers exactly the ones it uses (ingest has no marts and no Spark; marts and
 * check-returns read the marts alone). Unset options leave the configured value (application.yml, environment).
 */
final class WorkFolderOptions {

    private WorkFolderOptions() {
    }

    /** An option that becomes a Spring property argument, stronger than every other source of the setting. */
    interface Setting {

        /** The property argument, or null when the option is not given. */
        String springArgument();
    }

    /** Every command that reads or writes the work folder. */
    static class Work implements Setting {

        @Option(names = "--work", paramLabel = "DIR",
                description = "Work folder with lake/, marts/, reports/, rejects/ and the job repository (default:"
                        + " ./work).")
        Path work;

        @Override
        public String springArgument() {
            return work == null ? null : "--review.work=" + work.toAbsolutePath().normalize();
        }
    }

    /** The commands that read or write the lake. */
    static class Lake implements Setting {

        @Option(names = "--lake", paramLabel = "URI",
                description = "The Parquet lake, when not <work>/lake: a local folder or a Hadoop URI"
                        + " (hdfs://namenode:8020/review/lake, s3a://bucket/lake) every Spark executor can read.")
        String lake;

        @Override
        public String springArgument() {
            return lake == null ? null : "--review.lake=" + lake;
        }
    }

    /** The commands that read or write the marts. */
    static class Marts implements Setting {

        @Option(names = "--marts", paramLabel = "URI",
                description = "The marts, when not <work>/marts: a local folder or a Hadoop URI.")
        String marts;

        @Override
        public String springArgument() {
            return marts == null ? null : "--review.marts=" + marts;
        }
    }

    /** The commands that start Spark: aggregate, review, and query when Spark answers. */
    static class SparkMaster implements Setting {

        @Option(names = "--spark-master", paramLabel = "URL",
                description = "Spark master: local[*] (default), local[2], spark://host:7077, ...")
        String sparkMaster;

        @Override
        public String springArgument() {
            return sparkMaster == null ? null : "--review.spark.master=" + sparkMaster;
        }
    }

    /** The options given, as Spring property arguments. */
    static List<String> springArguments(Setting... settings) {
        return Arrays.stream(settings).map(Setting::springArgument).filter(Objects::nonNull)
                .toList();
    }
}
