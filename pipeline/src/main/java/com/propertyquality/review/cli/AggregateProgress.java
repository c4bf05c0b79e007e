package com.propertyquality.review.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import com.propertyquality.review.marts.AggregateService;
import com.propertyquality.review.marts.AggregateService.Written;

/**
 * The aggregate on the console, in the ingest's style: each mart as it is written, with how many are done, and a
 * line every few seconds while nothing finishes, naming the marts in flight and how long each has run, so a long
 * mart never looks like a hung run.
 */
final class AggregateProgress implements AggregateService.Progress, AutoCloseable {

    private static final long INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final LongSupplier clock;
    private final long started;
    private final Map<String, Long> running = new LinkedHashMap<>();
    private ScheduledExecutorService ticker;
    private int planned;
    private int written;
    private long lastPrinted;

    private AggregateProgress(PrintWriter out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
        this.started = clock.getAsLong();
        this.lastPrinted = started;
    }

    /** Progress on {@code out}, its live line kept by a background thread until {@link #close}. */
    static AggregateProgress printingTo(PrintWriter out) {
        AggregateProgress progress = new AggregateProgress(out, System::nanoTime);
        progress.ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "aggregate-progress");
            thread.setDaemon(true);
            return thread;
        });
        progress.ticker.scheduleAtFixedRate(progress::tick, 1, 1, TimeUnit.SECONDS);
        return progress;
    }

    /** Progress on {@code out} on a given clock, its live line printed when {@link #tick} is called (tests). */
    static AggregateProgress onClock(PrintWriter out, LongSupplier clock) {
        return new AggregateProgress(out, clock);
    }

    @Override
    public synchronized void planned(List<String> marts) {
        planned = marts.size();
    }

    @Override
    public synchronized void started(String mart) {
        running.put(mart, clock.getAsLong());
    }

    @Override
    public synchronized void written(String mart, Written result) {
        running.remove(mart);
        written++;
        long now = clock.getAsLong();
        print(now, String.format(Locale.ROOT, "  %-28s %,9d rows %6.1f s   %d of %d marts, %.0f s", mart,
                result.rows(), result.seconds(), written, planned, seconds(now - started)));
    }

    /** The live line, when nothing was printed for {@link #INTERVAL_NANOS}. */
    synchronized void tick() {
        long now = clock.getAsLong();
        if (now - lastPrinted < INTERVAL_NANOS || written == planned) {
            return;
        }
        String flight = running.entrySet().stream()
                .map(mart -> String.format(Locale.ROOT, "%s (%.0f s)", mart.getKey(), seconds(now - mart.getValue())))
                .collect(Collectors.joining(", "));
        print(now, String.format(Locale.ROOT, "  … %d of %d marts written, %.0f s%s", written, planned,
                seconds(now - started), flight.isEmpty() ? "" : "; running: " + flight));
    }

    private void print(long now, String line) {
        lastPrinted = now;
        out.println(line);
        out.flush();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
