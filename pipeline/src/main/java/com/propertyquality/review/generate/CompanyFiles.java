package com.propertyquality.review.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a generated company into a folder: the nine templates (side by side, one thread each, up to
 * {@code threads} at a time), the review plan and expected.json. The same shape, seed and format give the same
 * bytes, whatever the number of threads.
 */
public final class CompanyFiles {

    private CompanyFiles() {
    }

    public static GeneratedCounts write(CompanyShape shape, long seed, SheetFormat format, Path folder, int threads)
            throws IOException {
        return write(shape, seed, format, folder, threads, OutputFolder.GOOD_ROWS_PER_BAD_ROW);
    }

    /** With one bad row per {@code goodRowsPerBadRow} good rows (at least one per file that has rows). */
    public static GeneratedCounts write(CompanyShape shape, long seed, SheetFormat format, Path folder, int threads,
                                        int goodRowsPerBadRow) throws IOException {
        Company company = Company.build(shape, seed);
        GeneratedCounts counts = new GeneratedCounts();
        OutputFolder out = new OutputFolder(folder, format, goodRowsPerBadRow, counts);
        List<TemplateWriter> writers = new ArrayList<>(List.of(new OfficeRegister(company),
                new CustomerRecords(company), new SurveyDistribution(company), new SurveyForms(company),
                new FeedbackRegister(company), new ReturnVisits(company), new PurchaseRecords(company),
                new ServiceInspections(company), new CorrectiveActions(company)));
        writers.sort(Comparator.comparingLong(TemplateWriter::plannedRows).reversed());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "generate");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (TemplateWriter writer : writers) {
                running.add(pool.submit(() -> writer.write(out)));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        ReviewPlanWriter plan = new ReviewPlanWriter(company);
        plan.write(folder);
        counts.write(folder, shape, seed, format, goodRowsPerBadRow, plan.fileName());
        return counts;
    }
}
