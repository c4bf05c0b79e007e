package com.propertyquality.review.reports.document;

import java.util.List;

/**
 * A titled group of blocks inside a chapter; it flows on after the previous section unless it asks for a new page.
 * Its title becomes a second-level entry of the PDF outline.
 *
 * @param title    the heading ("各管理处满意度"), or {@code null} for none
 * @param newPage  start on a new page (the office appendix: one page per office)
 * @param numbered the heading takes the section's number when the document is assembled ("（一）", "(1)"): its
 *                 position among the numbered sections of its chapter, as a chapter's number is its position in
 *                 the document; see {@link Chapter#withNumbers}
 * @param blocks   tables, charts and text, in order
 */
public record Section(String title, boolean newPage, boolean numbered, List<Block> blocks) {

    public Section {
        if (numbered && title == null) {
            throw new IllegalArgumentException("a numbered section needs a title");
        }
        blocks = List.copyOf(blocks);
    }

    /** A section whose heading, if any, is printed as given. */
    public Section(String title, boolean newPage, List<Block> blocks) {
        this(title, newPage, false, blocks);
    }

    public static Section of(String title, Block... blocks) {
        return new Section(title, false, List.of(blocks));
    }

    public static Section onNewPage(String title, Block... blocks) {
        return new Section(title, true, List.of(blocks));
    }

    /** A numbered section: its heading is written without the number, which the assembly adds. */
    public static Section numbered(String title, Block... blocks) {
        return numbered(title, List.of(blocks));
    }

    public static Section numbered(String title, List<Block> blocks) {
        return new Section(title, false, true, blocks);
    }

    /** This section as printed with its number: the heading prefixed, no longer waiting for a number. */
    public Section withNumber(String prefix) {
        return new Section(prefix + title, newPage, false, blocks);
    }

    /** The same section flowing on after the previous one (an office's summary inside its own report). */
    public Section flowing() {
        return new Section(title, false, numbered, blocks);
    }
}
