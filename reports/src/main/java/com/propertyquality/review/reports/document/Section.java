package com.propertyquality.review.reports.document;

import java.util.List;

/**
 * A titled group of blocks inside a chapter; it flows on after the previous section unless it asks for a new page.
 * Its title becomes a second-level entry of the PDF outline.
 *
 * @param title   the heading ("（一）各管理处满意度"), or {@code null} for none
 * @param newPage start on a new page (the office appendix: one page per office)
 * @param blocks  tables, charts and text, in order
 */
public record Section(String title, boolean newPage, List<Block> blocks) {

    public Section {
        blocks = List.copyOf(blocks);
    }

    public static Section of(String title, Block... blocks) {
        return new Section(title, false, List.of(blocks));
    }

    public static Section onNewPage(String title, Block... blocks) {
        return new Section(title, true, List.of(blocks));
    }
}
