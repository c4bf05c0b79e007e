package com.propertyquality.review.ingest;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long file on the console: rows, rows per second and the share of the file done, at most every
 * few seconds, so short files print nothing extra.
 */
public final class ProgressLine {

    private static final long INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final String label;
    private final long started = System.nanoTime();
    private long lastPrinted = started;
    private boolean done;

    public ProgressLine(PrintWriter out, String label) {
        this.out = out;
        this.label = label;
    }

    void update(long rows, double share) {
        if ((rows & 0x3FF) != 0) {
            return; // look at the clock every 1,024 rows only
        }
        long now = System.nanoTime();
        if (now - lastPrinted < INTERVAL_NANOS) {
            return;
        }
        lastPrinted = now;
        double seconds = (now - started) / 1e9;
        String done = share < 0 ? "" : String.format(Locale.ROOT, ", %.0f%% of the file", share * 100);
        out.printf(Locale.ROOT, "  %s: %,d rows, %,.0f rows/s%s%n", label, rows, rows / seconds, done);
        out.flush();
    }

    void done(long rows) {
        if (lastPrinted != started && !done) {
            done = true;
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "  %s: %,d rows in %.1f s%n", label, rows, seconds);
            out.flush();
        }
    }
}
