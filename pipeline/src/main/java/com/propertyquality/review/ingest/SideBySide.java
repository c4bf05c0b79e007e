package com.propertyquality.review.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs work items on a few threads and returns only when none of them is running any more. After a failure nothing
 * new starts, but the items already running finish: the ingest then closes the run's scope and drops its staging,
 * which a template still loading or committing would be using. A running item is not interrupted: an interrupt
 * closes the file channels it writes through, and a template's commit is atomic on its own.
 */
final class SideBySide {

    private SideBySide() {
    }

    /**
     * @param items   in the order they start
     * @param threads at most this many at once; one runs them in order on the caller's thread
     * @throws RuntimeException the first failure (later ones added to it as suppressed), once every started item
     *                          has ended
     */
    static <T> void run(List<T> items, int threads, Consumer<T> work) {
        if (items.size() <= 1 || threads <= 1) {
            items.forEach(work);
            return;
        }
        AtomicBoolean failed = new AtomicBoolean();
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(threads, items.size()));
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (T item : items) {
                futures.add(executor.submit(() -> {
                    if (failed.get()) {
                        return; // not started: a sibling failed
                    }
                    try {
                        work.accept(item);
                    } catch (RuntimeException | Error e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
        } finally {
            executor.shutdown(); // the queued items still run, and return at once after a failure
        }
        Throwable failure = null;
        InterruptedException interrupted = null;
        for (Future<?> future : futures) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    } else {
                        failure.addSuppressed(e.getCause());
                    }
                    break;
                } catch (InterruptedException e) {
                    // still wait for the items running: the caller's clean-up must not run under them
                    interrupted = e;
                    failed.set(true);
                }
            }
        }
        if (interrupted != null) {
            Thread.currentThread().interrupt();
            if (failure == null) {
                failure = new IllegalStateException("interrupted while loading", interrupted);
            }
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
