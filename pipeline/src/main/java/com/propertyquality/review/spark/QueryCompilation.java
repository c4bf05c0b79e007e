package com.propertyquality.review.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Whether an aggregate's queries are compiled or interpreted. Spark compiles each query by default: whole-stage
 * code generation writes Java for a plan, Janino compiles it, and the JIT compiles that again once it runs hot.
 * On a lake of a few hundred kilobytes that costs more than the rows do: a cold aggregate of the sample (0.4 MB of
 * data files) compiles about 1,100 classes of generated code for 4,474 rows of marts, and runs 10% faster
 * interpreted. The gain is gone at 1.6 MB, and at 7.7 MB interpreted queries take half as long again (BENCHMARKS.md,
 * issue 17). So on a small lake ({@link #isSmall}: below {@code review.spark.small-lake-below}, 1 MB of its data
 * files by default) the aggregate's queries run interpreted, and from it on as Spark compiles them.
 * <p>
 * The settings go on a session of the aggregate's own, which shares Spark's context with the process's session:
 * another run in the same JVM (a test JVM, the explorer's server) keeps Spark's defaults.
 */
public final class QueryCompilation {

    /** Whole-stage code generation (Spark's default: on). */
    static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
    /**
     * How Spark makes an expression's evaluator: FALLBACK (the default: compiled, interpreted when compiling fails),
     * CODEGEN_ONLY or NO_CODEGEN. Marked internal in Spark; its own test suites run every expression both ways.
     */
    static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";
    static final String INTERPRETED = "NO_CODEGEN";

    private QueryCompilation() {
    }

    /** Whether a lake of {@code dataBytes} is small: known (not negative) and below the line. */
    public static boolean isSmall(long dataBytes, long smallLakeBelow) {
        return dataBytes >= 0 && dataBytes < smallLakeBelow;
    }

    /**
     * The session for a run that reads {@code dataBytes} of the lake: {@code shared} itself unless the lake
     * {@link #isSmall}, otherwise a new session of the same Spark context whose queries are interpreted.
     */
    public static SparkSession forData(SparkSession shared, long dataBytes, long smallLakeBelow) {
        if (!isSmall(dataBytes, smallLakeBelow)) {
            return shared;
        }
        SparkSession interpreted = shared.newSession();
        interpreted.conf().set(WHOLE_STAGE, "false");
        interpreted.conf().set(FACTORY_MODE, INTERPRETED);
        return interpreted;
    }
}
