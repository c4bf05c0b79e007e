package com.propertyquality.review.ingest;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** The contract's rules as the processor of the load step; rejected rows pass on to the writer, not dropped. */
public class RowCheckProcessor implements ItemProcessor<SourceRow, CheckedRow> {

    private final RowRules rules;

    public RowCheckProcessor(RowRules rules) {
        this.rules = rules;
    }

    @Override
    public CheckedRow process(SourceRow row) {
        return rules.check(row);
    }
}
