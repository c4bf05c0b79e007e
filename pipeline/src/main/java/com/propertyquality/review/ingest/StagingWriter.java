package com.propertyquality.review.ingest;

import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import com.propertyquality.review.lake.StagedFile;

/**
 * Sends each checked row where it belongs: stored rows to the file's staging Parquet (and their warnings to the
 * run's warnings file), rejected rows with every violation to the run's rejects file and, whole, to the file of
 * the input's rejected rows in its own layout. Keeps the counts.
 */
public class StagingWriter implements ItemStreamWriter<List<CheckedRow>> {

    private final FileLoad load;

    public StagingWriter(FileLoad load) {
        this.load = load;
    }

    @Override
    public void write(Chunk<? extends List<CheckedRow>> chunk) {
        for (List<CheckedRow> block : chunk) {
            write(block);
        }
    }

    private void write(List<CheckedRow> block) {
        StagedFile staged = load.staged().get(0);
        for (CheckedRow row : block) {
            SourceRow source = row.source();
            if (row.stored()) {
                staged.write(row.values(), source.file(), source.row());
                load.countStored();
                if (!row.warnings().isEmpty()) {
                    load.rowWarnings().reject(load.template().name(), source, row.warnings(),
                            load.loggedCells(source.rawCells()));
                    load.countWarned();
                }
            } else {
                load.rejects().reject(load.template().name(), source, row.violations(),
                        load.loggedCells(source.rawCells()));
                load.keepRejectedRow(source, row.violations());
                load.countRejected();
            }
        }
    }

    @Override
    public void open(ExecutionContext executionContext) {
        // the staged file is created by the run before the step starts, and finished by it once the step
        // completed: a step that fails leaves nothing to finish
    }
}
