package com.propertyquality.review.workbench;

import java.util.List;

/** Placeholder until the lead's workbench package is merged (the same API). */
public record Answer(List<String> columns, List<List<Object>> rows) {
}
