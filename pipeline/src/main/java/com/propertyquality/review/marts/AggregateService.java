package com.propertyquality.review.marts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.sql.SparkSession;
import org.springframework.stereotype.Service;

import com.propertyquality.review.config.ReviewProperties;
import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.lake.LakeSnapshots;
import com.propertyquality.review.lake.ParquetRows;
import com.propertyquality.review.metrics.ReviewCutOff;
import com.propertyquality.review.metrics.SurveyReturnRate;
import com.propertyquality.review.spark.QueryCompilation;
import com.propertyquality.review.spark.SparkSessions;

/** Reads the lake with Spark and writes every mart. */
@Service
public class AggregateService {

    private final ReviewProperties properties;
    private final WorkFolder work;

    public AggregateService(ReviewProperties properties, WorkFolder work) {
        this.properties = properties;
        this.work = work;
    }

    /** One mart written: its rows and how long it took. */
    public record Written(long rows, double seconds) {
    }

    /**
     * What an aggregate tells as it goes: the marts it will write, each mart as it starts and once it is written.
     * Called from the marts' threads.
     */
    public interface Progress {
        /** Nothing told. */
        Progress NONE = new Progress() {
        };

        /** The marts this run writes, in the registry's order, before any starts. */
        default void planned(List<String> marts) {
        }

        default void started(String mart) {
        }

        default void written(String mart, Written written) {
        }
    }

    /** Each review year at its cut-off (the setting), or every year at {@code asOf} when given. */
    public ReviewCutOff cutOff(LocalDate asOf) {
        return ReviewCutOff.of(ReviewCutOff.parseDay(properties.cutOff()), asOf);
    }

    /**
     * Computes and writes every mart of the registry.
     *
     * @param asOf the one day open and overdue items are judged at, or null: each year at its cut-off
     * @return each mart written, with its row count and time
     */
    public Map<String, Written> aggregate(LocalDate asOf) {
        return aggregate(asOf, List.of());
    }

    /**
     * Computes and writes the marts named in {@code only} (every mart when it is empty), with the marts they are
     * built on. Up to {@code mart-parallelism} marts run side by side; a mart starts once its inputs are written.
     *
     * @throws IllegalArgumentException for a name that is not a mart
     */
    public Map<String, Written> aggregate(LocalDate asOf, List<String> only) {
        return aggregate(asOf, only, null);
    }

    /**
     * As {@link #aggregate(LocalDate, List)}, from the lake as it was at {@code moment} (null: as it is now).
     */
    public Map<String, Written> aggregate(LocalDate asOf, List<String> only, java.time.Instant moment) {
        return aggregate(asOf, only, moment, Progress.NONE);
    }

    /** As {@link #aggregate(LocalDate, List, java.time.Instant)}, telling {@code progress} as it goes. */
    public Map<String, Written> aggregate(LocalDate asOf, List<String> only, java.time.Instant moment,
                                          Progress progress) {
        List<Mart> chosen = only.isEmpty() ? Marts.all() : Marts.withInputs(only);
        // the lake's size from its snapshots' summaries, before anything is read: a small lake is aggregated with
        // interpreted queries over tables held in memory
        long dataBytes = new LakeSnapshots(work.catalog()).dataBytes(moment).orElse(-1);
        long smallLakeBelow = properties.spark().smallLakeBelow().toBytes();
        SparkSession spark = QueryCompilation.forData(SparkSessions.get(properties.spark()), dataBytes,
                smallLakeBelow);
        LakeTables.Reading reading = QueryCompilation.isSmall(dataBytes, smallLakeBelow)
                ? LakeTables.Reading.IN_MEMORY : LakeTables.Reading.SCANNED;
        MartContext context = new MartContext(spark, new LakeTables(spark, work.catalog(), moment, reading),
                SurveyReturnRate.checkThreshold(properties.returns().threshold()), cutOff(asOf),
                name -> spark.read().parquet(work.marts().resolve(name).toString()));
        MartWriter writer = new MartWriter(spark, work.marts());
        int parallelism = Math.max(1, properties.spark().martParallelism());
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, counted("mart-"));
        progress.planned(chosen.stream().map(Mart::name).toList());
        try {
            Map<String, CompletableFuture<Written>> running = new LinkedHashMap<>();
            for (Mart mart : chosen) {
                schedule(mart, running, context, writer, pool, progress);
            }
            Map<String, Written> written = new LinkedHashMap<>(); // in the registry's order
            for (Mart mart : chosen) {
                written.put(mart.name(), result(mart.name(), running.get(mart.name())));
            }
            return written;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Starts a mart once the marts it is built on are written (scheduling those first when they are not yet). */
    private CompletableFuture<Written> schedule(Mart mart, Map<String, CompletableFuture<Written>> running,
                                                MartContext context, MartWriter writer, ExecutorService pool,
                                                Progress progress) {
        CompletableFuture<Written> scheduled = running.get(mart.name());
        if (scheduled != null) {
            return scheduled;
        }
        CompletableFuture<?>[] inputs = mart.inputs().stream()
                .map(input -> schedule(Marts.named(input), running, context, writer, pool, progress))
                .toArray(CompletableFuture<?>[]::new);
        scheduled = CompletableFuture.allOf(inputs)
                .thenApplyAsync(ready -> write(mart, context, writer, progress), pool);
        running.put(mart.name(), scheduled);
        return scheduled;
    }

    private Written write(Mart mart, MartContext context, MartWriter writer, Progress progress) {
        progress.started(mart.name());
        long started = System.nanoTime();
        // the mart's name on its Spark jobs: a cluster's UI and an event log say which mart a job computes
        context.spark().sparkContext().setJobDescription("mart " + mart.name());
        writer.write(mart.name(), mart.query().apply(context));
        // the row count comes from the written file's footer: no second Spark job
        long rows = ParquetRows.countRows(work.marts().resolve(mart.name()));
        Written written = new Written(rows, (System.nanoTime() - started) / 1e9);
        progress.written(mart.name(), written);
        return written;
    }

    /** The mart's result; the first mart that failed fails the aggregate with its own exception. */
    private static Written result(String mart, CompletableFuture<Written> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + mart, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException wrapped ? wrapped.getCause() : e.getCause();
            if (cause instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("cannot write mart " + mart, cause);
        }
    }

    private static ThreadFactory counted(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + next.incrementAndGet());
            thread.setDaemon(true);
            // the driver's side of a query (code generated and compiled for it) loads classes through this
            thread.setContextClassLoader(SparkSessions.classLoader());
            return thread;
        };
    }
}
