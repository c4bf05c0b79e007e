package com.propertyquality.review.reports;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfWriter;

import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducerFactory;
import net.sf.jasperreports.pdf.classic.ClassicPdfStructure;
import net.sf.jasperreports.pdf.classic.ClassicStructureEntry;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducerContext;
import net.sf.jasperreports.pdf.common.PdfStructure;
import net.sf.jasperreports.pdf.common.PdfStructureEntry;

/**
 * Jasper's PDF producer, with two changes to the structure tree (the tags):
 * <ul>
 * <li>the strings it writes into the tree (a figure's alternative text) are UTF-16: Jasper writes them in
 * PDFDocEncoding, which has no Chinese, so "柱状图：各管理处满意率 …" came out as "% 80.00% …";</li>
 * <li>the finished parts of the tree are written to the file as the pages are, not all at the end: the PDF library
 * keeps every element until the document closes, about 700 MB for the 2,000 offices' 10,000 pages
 * (BENCHMARKS.md, issue 17).</li>
 * </ul>
 * Named by the {@code net.sf.jasperreports.export.pdf.producer.factory} property (see {@link DocumentRenderer});
 * Jasper creates it by its public no-argument constructor.
 */
public class TaggedPdfProducerFactory extends ClassicPdfProducerFactory {

    @Override
    public PdfProducer createProducer(PdfProducerContext context) {
        return new ClassicPdfProducer(context) {
            private UnicodeStructure structure;

            @Override
            public PdfStructure getPdfStructure() {
                if (structure == null) {
                    structure = new UnicodeStructure(this);
                }
                return structure;
            }

            @Override
            public void newPage() {
                if (structure != null) {
                    structure.writeFinished(getPdfWriter());
                }
                super.newPage();
            }
        };
    }

    private static final class UnicodeStructure extends ClassicPdfStructure {

        /** Jasper's top element (All), the one child of the tree's root; its children are the tables, headings, text. */
        private PdfStructureElement document;
        /** How many of the top element's first children have been written. */
        private int written;

        UnicodeStructure(ClassicPdfProducer producer) {
            super(producer);
        }

        @Override
        public PdfStructureEntry createAllTag(String language) {
            PdfStructureEntry entry = super.createAllTag(language);
            document = ((ClassicStructureEntry) entry).getElement();
            return entry;
        }

        /**
         * Writes the subtrees of the top element's children but the last, which may still be open (a table goes on
         * over the next page; every other tag the templates set opens and closes on one element, and a table is
         * always a child of the top element). A written child keeps only its own entries, with its children's
         * references in an array written beside them ({@code /K} is an indirect array, which ISO 32000-1 7.3.10
         * allows); the library's final pass writes the child itself and, its {@code /K} no longer being a direct
         * array, does not descend. A tag Jasper tried to add to a written child would fail loudly (the library
         * refuses a kid under a {@code /K} that is not an array), never go missing.
         */
        void writeFinished(PdfWriter writer) {
            if (document == null || !(document.get(PdfName.K) instanceof PdfArray children)) {
                return;
            }
            try {
                for (; written < children.size() - 1; written++) {
                    if (children.getPdfObject(written) instanceof PdfStructureElement child
                            && child.get(PdfName.K) instanceof PdfArray kids && hasElements(kids)) {
                        writeKids(kids, writer);
                        child.put(PdfName.K, writer.addToBody(kids).getIndirectReference());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the structure tree", e);
            }
        }

        /** As the library's final pass does: each element written under its reference, its kids before it. */
        private static void writeKids(PdfArray kids, PdfWriter writer) throws IOException {
            for (int k = 0; k < kids.size(); k++) {
                if (kids.getPdfObject(k) instanceof PdfStructureElement kid) {
                    kids.set(k, kid.getReference());
                    if (kid.get(PdfName.K) instanceof PdfArray grandKids && hasElements(grandKids)) {
                        writeKids(grandKids, writer);
                    }
                    writer.addToBody(kid, kid.getReference());
                }
            }
        }

        /** An array of kids that are elements; the library's marked-content arrays start with a number. */
        private static boolean hasElements(PdfArray kids) {
            return !kids.isEmpty() && !kids.getPdfObject(0).isNumber();
        }

        @Override
        protected ClassicStructureEntry createElement(PdfStructureEntry parent, String name) {
            ClassicStructureEntry entry = super.createElement(parent, name);
            return new ClassicStructureEntry(this, entry.getElement()) {
                @Override
                public void putString(String key, String value) {
                    PdfStructureElement element = getElement();
                    element.put(pdfName(key), new PdfString(value, PdfObject.TEXT_UNICODE));
                }
            };
        }
    }
}
