package com.propertyquality.review.contract;

import java.util.List;

/**
 * A rule over several columns of a row (closed_on not before received_on, ...), checked once every value of the
 * row has parsed. It reads the typed values through the template and adds its violations.
 */
@FunctionalInterface
public interface RowRule {

    void check(Template template, Object[] values, List<Violation> violations);
}
