package com.propertyquality.review.reports;

import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;

import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducerFactory;
import net.sf.jasperreports.pdf.classic.ClassicPdfStructure;
import net.sf.jasperreports.pdf.classic.ClassicStructureEntry;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducerContext;
import net.sf.jasperreports.pdf.common.PdfStructure;
import net.sf.jasperreports.pdf.common.PdfStructureEntry;

/**
 * Jasper's PDF producer, except that the strings it writes into the structure tree (a figure's alternative text)
 * are UTF-16: Jasper writes them in PDFDocEncoding, which has no Chinese, so "柱状图：各管理处满意率 …" came out as
 * "% 80.00% …". Named by the {@code net.sf.jasperreports.export.pdf.producer.factory} property (see
 * {@link DocumentRenderer}); Jasper creates it by its public no-argument constructor.
 */
public class TaggedPdfProducerFactory extends ClassicPdfProducerFactory {

    @Override
    public PdfProducer createProducer(PdfProducerContext context) {
        return new ClassicPdfProducer(context) {
            private PdfStructure structure;

            @Override
            public PdfStructure getPdfStructure() {
                if (structure == null) {
                    structure = new UnicodeStructure(this);
                }
                return structure;
            }
        };
    }

    private static final class UnicodeStructure extends ClassicPdfStructure {

        UnicodeStructure(ClassicPdfProducer producer) {
            super(producer);
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
