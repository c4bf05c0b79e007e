package com.propertyquality.review.reports.document;

import java.util.List;
import java.util.Objects;

/**
 * A report as the pipeline hands it over: what to say, not how it looks. {@link DocumentRenderer} lays it out on A4
 * and writes it as PDF, XLSX or HTML.
 *
 * @param title       the document title, in the page header and the file's metadata
 * @param companyName the company named on the cover and every page
 * @param year        the review year, on every page
 * @param lang        the language of the labels (the data is printed as written)
 * @param cover       the cover page, or {@code null} for none
 * @param contents    whether a table of contents follows the cover
 * @param chapters    the chapters, each starting on a new page (a new sheet in XLSX)
 */
public record ReportDocument(String title, String companyName, int year, Lang lang, Cover cover, boolean contents,
        List<Chapter> chapters) {

    public ReportDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(lang, "lang");
        companyName = companyName == null ? "" : companyName;
        chapters = List.copyOf(chapters);
    }

    /**
     * The cover page.
     *
     * @param title the big title
     * @param lines lines printed under it (company, year, who compiled it, the as-of date, ...)
     */
    public record Cover(String title, List<String> lines) {
        public Cover {
            Objects.requireNonNull(title, "title");
            lines = List.copyOf(lines);
        }
    }
}
