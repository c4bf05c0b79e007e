package com.propertyquality.review.reports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The printed lines of a PDF as PDFBox reads them back: the characters in drawing order, a new line wherever the
 * baseline changes or the text jumps ahead by more than a gap between words (into the next table cell). So a wrapped
 * cell gives one line per printed line, and two cells side by side are two lines.
 */
final class PdfLines {

    private PdfLines() {}

    /** Per page, its lines. */
    static List<List<String>> of(byte[] pdf) throws IOException {
        List<List<String>> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                Positions positions = new Positions();
                positions.setSortByPosition(false);
                positions.setStartPage(page);
                positions.setEndPage(page);
                positions.getText(document);
                pages.add(lines(positions.all));
            }
        }
        return pages;
    }

    private static List<String> lines(List<TextPosition> positions) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        TextPosition previous = null;
        for (TextPosition at : positions) {
            if (previous != null && !sameLine(previous, at)) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(at.getUnicode());
            previous = at;
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static boolean sameLine(TextPosition previous, TextPosition at) {
        float gap = at.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj());
        return Math.abs(at.getYDirAdj() - previous.getYDirAdj()) < 0.5f && gap > -0.5f && gap < 4f;
    }

    private static final class Positions extends PDFTextStripper {
        final List<TextPosition> all = new ArrayList<>();

        @Override
        protected void processTextPosition(TextPosition text) {
            all.add(text);
        }
    }
}
