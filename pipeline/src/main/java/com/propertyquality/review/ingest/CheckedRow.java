package com.propertyquality.review.ingest;

import com.propertyquality.review.contract.Violation;
import java.util.List;

/**
 * A source row after the contract's rules: either typed values ready for the lake, or the violations that
 * reject it. A rejected row counts nowhere. A stored row may carry warnings (a reference to an unknown
 * household): stored all the same, and reported.
 */
public record CheckedRow(SourceRow source, Object[] values, List<Violation> violations, List<Violation> warnings) {

    public boolean stored() {
        return violations.isEmpty();
    }
}
