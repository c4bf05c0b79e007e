package com.propertyquality.review.reports.document;

/** The file formats a report is written in. */
public enum ReportFormat {
    /** A4, fonts embedded, for printing and archiving. */
    PDF("pdf"),
    /** One sheet per chapter, numbers as numeric cells. */
    XLSX("xlsx"),
    /** One page that opens in a browser, charts embedded as images. */
    HTML("html");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
