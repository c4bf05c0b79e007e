package com.propertyquality.review.ingest;

import java.util.List;

/**
 * A source row after the contract's rules: either typed values ready for the lake, or the violations that
 * reject it. A rejected row counts nowhere.
 */
public record CheckedRow(SourceRow source, Object[] values, List<Violation> violations) {

    public boolean stored() {
        return violations.isEmpty();
    }
}
