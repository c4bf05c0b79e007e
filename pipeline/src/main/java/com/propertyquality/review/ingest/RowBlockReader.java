package com.propertyquality.review.ingest;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Hands a file's rows to the load step a block at a time, in file order. Spring Batch's chunk step pays a fixed
 * cost per item (an observation, a retry template and a flight-recorder event around every read and every
 * process), which per row showed in the ingest's profile and per block of {@value #BLOCK_ROWS} rows does not
 * (BENCHMARKS.md, issue 17). A file is loaded whole or not at all, so a block is no unit of restart.
 */
public class RowBlockReader implements ItemStreamReader<List<SourceRow>> {

    /** Rows per block: a chunk of {@link IngestJobConfiguration#CHUNK_SIZE} rows holds several blocks. */
    static final int BLOCK_ROWS = 250;

    private final TemplateFileReader rows;

    public RowBlockReader(TemplateFileReader rows) {
        this.rows = rows;
    }

    @Override
    public List<SourceRow> read() throws Exception {
        List<SourceRow> block = new ArrayList<>(BLOCK_ROWS);
        SourceRow row;
        while (block.size() < BLOCK_ROWS && (row = rows.read()) != null) {
            block.add(row);
        }
        return block.isEmpty() ? null : block;
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        rows.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) throws ItemStreamException {
        rows.update(executionContext);
    }

    @Override
    public void close() throws ItemStreamException {
        rows.close();
    }
}
