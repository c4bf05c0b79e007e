package com.propertyquality.review.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.propertyquality.review.lake.Lake;

/** The rows a work folder's lake table holds now (its current snapshot), for tests that check what a load stored. */
public final class LakeRows {

    private LakeRows() {
    }

    /** Every row of the dataset's table in {@code <work>/lake}, empty when it has none. */
    public static List<Map<String, Object>> read(Path work, String dataset) {
        return new Lake(work.resolve("lake")).readAll(dataset);
    }
}
