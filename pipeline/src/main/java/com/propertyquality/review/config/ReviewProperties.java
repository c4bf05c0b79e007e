package com.propertyquality.review.config;

import java.math.BigDecimal;
import java.util.Map;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The product's settings, from application.yml, environment variables (REVIEW_WORK, REVIEW_SPARK_MASTER,
 * REVIEW_RETURNS_THRESHOLD, REVIEW_COMPANY_NAME...) and the command line, in rising order of precedence.
 *
 * @param work        the work folder: lake/, marts/, reports/, rejects/, runs/ and the embedded job repository
 * @param lake        the lake's location when not {@code <work>/lake}: a local path or a Hadoop URI (hdfs://...)
 * @param marts       the marts' location when not {@code <work>/marts}
 * @param companyName the company named on every page of the packet
 * @param spark       the Spark master and extra Spark settings
 * @param returns     the survey return-rate rule
 * @param ingest      how the ingest uses the machine
 * @param cutOff      the day of each review year its figures are judged at, as MM-dd (default 12-31)
 * @param lakeCatalog the Iceberg catalog of the lake's tables
 */
@ConfigurationProperties("review")
public record ReviewProperties(Path work, String lake, String marts, String companyName, Spark spark,
                               Returns returns, Ingest ingest, @DefaultValue("12-31") String cutOff,
                               LakeCatalogSettings lakeCatalog) {

    /**
     * @param type       hadoop (a catalog in the lake folder, the default when empty), jdbc or rest
     * @param uri        the JDBC URL or REST endpoint (for jdbc, empty means the job repository's database)
     * @param name       the catalog's name (default review): a JDBC catalog keeps its tables under it, so two lakes
     *                   sharing one database need two names
     * @param properties any other Iceberg catalog property (jdbc.user, credential, token, io-impl, ...)
     */
    public record LakeCatalogSettings(String type, String uri, String name, Map<String, String> properties) {

        public LakeCatalogSettings {
            type = type == null ? "" : type.strip();
            uri = uri == null ? "" : uri.strip();
            name = name == null || name.isBlank() ? "review" : name.strip();
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }
    }

    /**
     * @param master            local[*], spark://host:port, yarn, k8s://...
     * @param shufflePartitions Spark's shuffle partitions (marts are small)
     * @param martParallelism   how many marts are computed side by side: on small data a mart costs mostly Spark's
     *                          per-query planning on the driver, which overlaps well
     * @param conf              any other Spark setting, passed to the session as given (spark.executor.memory, ...)
     * @param smallLakeBelow    a lake whose data files hold less is aggregated as the small job it is: queries
     *                          interpreted, not compiled ({@code QueryCompilation}), each table read once into the
     *                          driver's memory ({@code LakeTables}); on a few hundred kilobytes Spark's compiling and
     *                          its scans' set-up cost more than the rows do; 0 never
     */
    public record Spark(String master, int shufflePartitions, int martParallelism, Map<String, String> conf,
                        @DefaultValue("1MB") DataSize smallLakeBelow) {

        public Spark {
            conf = conf == null ? Map.of() : Map.copyOf(conf);
        }
    }

    /** @param threshold the lowest acceptable return rate as a fraction (procedure 5.1.2: 0.60) */
    public record Returns(BigDecimal threshold) {
    }

    /**
     * @param parallelism  how many templates load side by side (after the offices and households registers), and
     *                     how many threads write a commit's partitions
     * @param keysInMemory keys per template the duplicate check holds in memory (32 bytes each) before it spills
     *                     them to sorted runs on disk; must be positive (the ingest refuses another value)
     */
    public record Ingest(int parallelism, @DefaultValue("1000000") int keysInMemory) {

        /** The default of {@code keysInMemory} (the annotation repeats it: it takes a constant string only). */
        public static final int DEFAULT_KEYS_IN_MEMORY = 1_000_000;
    }
}
