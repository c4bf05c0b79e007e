package com.propertyquality.review.reports.document;

import java.util.List;
import java.util.Objects;

/**
 * A chapter: starts on a new page, is listed in the table of contents and the PDF outline, and becomes one sheet of
 * an XLSX workbook.
 *
 * @param title    the heading, numbered by the caller ("一、管理评审计划")
 * @param sheet    a short name for the XLSX sheet (at most 31 characters, no {@code []:*?/\})
 * @param sections the sections in order
 */
public record Chapter(String title, String sheet, List<Section> sections) {

    public Chapter {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(sheet, "sheet");
        sections = List.copyOf(sections);
    }

    public static Chapter of(String title, String sheet, Section... sections) {
        return new Chapter(title, sheet, List.of(sections));
    }
}
