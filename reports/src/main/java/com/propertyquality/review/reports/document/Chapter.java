package com.propertyquality.review.reports.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

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

    /**
     * The chapter as numbered in its document: its title after {@code chapterNumber}, and each numbered section's
     * heading after {@code sectionNumber} of its position among the chapter's numbered sections, counted from 1.
     * A section left out of a chapter (no data, another office) thus never leaves a gap in the numbers.
     */
    public Chapter withNumbers(String chapterNumber, IntFunction<String> sectionNumber) {
        List<Section> numbered = new ArrayList<>();
        int n = 0;
        for (Section section : sections) {
            numbered.add(section.numbered() ? section.withNumber(sectionNumber.apply(++n)) : section);
        }
        return new Chapter(chapterNumber + title, sheet, numbered);
    }
}
