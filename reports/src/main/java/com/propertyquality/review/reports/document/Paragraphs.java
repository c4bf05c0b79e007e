package com.propertyquality.review.reports.document;

import java.util.List;

/** Running text, one paragraph per line; long lines wrap. */
public record Paragraphs(List<String> lines) implements Block {

    public Paragraphs {
        lines = List.copyOf(lines);
    }

    public static Paragraphs of(String... lines) {
        return new Paragraphs(List.of(lines));
    }
}
