package com.propertyquality.review.spark;

import java.util.Map;

import org.apache.spark.sql.SparkSession;

import com.propertyquality.review.config.ReviewProperties;

/**
 * One SparkSession per process. The master comes from configuration (local[*] by default, spark://... for a
 * cluster, spark-submit's --master under spark-submit), never from the code. The session outlives Spring contexts:
 * a test JVM or a `review` run that boots several contexts reuses it, and a shutdown hook stops it with the JVM.
 * <p>
 * The marts are DataFrame queries only (no UDFs, no lambdas over rows, no encoders of the app's beans), so executors
 * need Spark's jars and Iceberg's Spark runtime (the lake's reader) alone: on a cluster the runtime's jar is shipped
 * to them ({@link IcebergRuntimeJar}) unless {@code spark.jars} is set (spark-submit sets it to the app's jar, which
 * holds the runtime).
 */
public final class SparkSessions {

    /** How many compiled classes of generated code Spark keeps (static: read once, when Spark first generates code). */
    static final String CODEGEN_CACHE_ENTRIES = "spark.sql.codegen.cache.maxEntries";

    /**
     * How long Spark holds a task back for a better locality level; 0 on a local master. Spark's 3 s default is
     * harmful there: there is one executor, so no better place to wait for, and the local scheduler offers its cores
     * again only when a task is submitted or ends. A job whose tasks prefer different hosts (a lake on HDFS: blocks on
     * this host and on others) runs the tasks that prefer this host and holds the rest back; once nothing else is
     * running no offer comes again, and the job waits for ever (BENCHMARKS.md, issue 17: the HDFS review's hang).
     */
    static final String LOCALITY_WAIT = "spark.locality.wait";

    /**
     * Spark's isolation of artifacts (jars, classes) added to one session from the others; off. The application adds
     * none, and with it on every task's class loader asks the driver, over Spark's RPC, for each name Janino tries
     * while it compiles generated code on the executor, most of them not classes at all (a tenth of a compiled
     * sample aggregate's samples). Off, the scale-1 aggregate took 4% less time and CPU (BENCHMARKS.md, issue 17).
     */
    static final String ARTIFACT_ISOLATION = "spark.sql.artifact.isolation.enabled";

    private static SparkSession session;
    private static ClassLoader classLoader;

    private SparkSessions() {
    }

    /**
     * The class loader for threads that run Spark queries: the application's, with misses remembered
     * ({@link KnownMissingClasses}).
     */
    public static synchronized ClassLoader classLoader() {
        if (classLoader == null) {
            ClassLoader application = Thread.currentThread().getContextClassLoader();
            classLoader = new KnownMissingClasses(application != null ? application
                    : SparkSessions.class.getClassLoader());
        }
        return classLoader;
    }

    public static synchronized SparkSession get(String master, int shufflePartitions) {
        return get(master, shufflePartitions, Map.of());
    }

    /** The session as {@code review.spark} configures it. */
    public static synchronized SparkSession get(ReviewProperties.Spark settings) {
        return get(settings.master(), settings.shufflePartitions(), settings.conf());
    }

    /** The session, built on first use with these settings; {@code conf} adds or overrides any Spark setting. */
    public static synchronized SparkSession get(String master, int shufflePartitions, Map<String, String> conf) {
        if (session != null) {
            return session;
        }
        SparkSession.Builder builder = SparkSession.builder()
                .appName("management-review")
                .master(master)
                // marts are small; a few shuffle partitions keep local runs fast
                .config("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions))
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                // the lake's office_id partitions are strings even when they look like numbers
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
                .config("spark.sql.parquet.compression.codec", "snappy")
                // the 26 marts compile about 630 distinct generated classes; Spark keeps 100 by default, so a JVM
                // that aggregates again (a test JVM, a server) compiled them all again (BENCHMARKS.md, issue 17)
                .config(CODEGEN_CACHE_ENTRIES, "1000")
                // no SELECT ... FROM parquet.`path`: queries see the registered views only, never personal data
                .config("spark.sql.runSQLOnFiles", "false")
                .config(ARTIFACT_ISOLATION, "false");
        boolean local = master.startsWith("local");
        if (local && System.getProperty(LOCALITY_WAIT) == null) {
            // spark-submit's --conf keeps its value; review.spark.conf's, applied next, overrides this one
            builder.config(LOCALITY_WAIT, "0s");
        }
        conf.forEach(builder::config);
        if (!local && !conf.containsKey("spark.jars") && System.getProperty("spark.jars") == null) {
            // executors read the lake through Iceberg's Spark classes, which a Spark distribution lacks; under
            // spark-submit they come in the app's jar (spark.jars is set), from the executable jar they are shipped
            builder.config("spark.jars", IcebergRuntimeJar.location());
        }
        // Spark's executors (on a local master) and the driver's code generation load classes through the context
        // class loader of the thread that starts Spark; the threads that run queries get it too (classLoader())
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader());
        try {
            session = builder.getOrCreate();
        } finally {
            thread.setContextClassLoader(before);
        }
        SparkSession started = session;
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "spark-stop"));
        return session;
    }
}
