package com.propertyquality.review.ingest;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The contract's rules as the processor of the load step, a block of rows at a time ({@link RowBlockReader}); rejected
 * rows pass on to the writer, not dropped.
 */
public class RowCheckProcessor implements ItemProcessor<List<SourceRow>, List<CheckedRow>> {

    private final RowRules rules;

    public RowCheckProcessor(RowRules rules) {
        this.rules = rules;
    }

    @Override
    public List<CheckedRow> process(List<SourceRow> block) {
        List<CheckedRow> checked = new ArrayList<>(block.size());
        for (SourceRow row : block) {
            checked.add(rules.check(row));
        }
        return checked;
    }
}
