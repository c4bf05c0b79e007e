package com.propertyquality.review.reports.document;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A table row: one cell per column, in column order; {@code highlighted} rows are shaded (an office under the
 * return threshold, an action that failed verification).
 */
public record Row(List<Object> cells, boolean highlighted) {

    public Row {
        // Cells may be null (printed "—"), so no List.copyOf.
        cells = Collections.unmodifiableList(Arrays.asList(cells.toArray()));
    }

    public static Row of(Object... cells) {
        return new Row(Arrays.asList(cells), false);
    }

    /** A shaded row (named apart from the {@code highlighted()} accessor, so {@code Row::highlighted} stays usable). */
    public static Row shaded(Object... cells) {
        return new Row(Arrays.asList(cells), true);
    }

    /** A row shaded when {@code highlighted} holds. */
    public static Row shadedIf(boolean highlighted, Object... cells) {
        return new Row(Arrays.asList(cells), highlighted);
    }
}
