package com.propertyquality.review.reports.document;

/** The file formats a report is written in. */
public enum ReportFormat {
    /** A4, fonts embedded, for printing and archiving. */
    PDF("pdf"),
    /** One print sheet per chapter, then one data sheet per table to filter; numbers as numeric cells. */
    XLSX("xlsx"),
    /** One continuous document that opens in a browser: cover, linked contents, charts as SVG, print stylesheet. */
    HTML("html");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
