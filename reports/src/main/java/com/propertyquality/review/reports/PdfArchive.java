package com.propertyquality.review.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The last step of a PDF/A-2 export. The PDF library under JasperReports (OpenPDF) gives every embedded font subset
 * a CID set listing only the glyphs the text uses, while the subset also carries .notdef and the parts of composite
 * glyphs; PDF/A-2 (ISO 19005-2, 6.2.11.4.2) lets a font go without a CID set but rejects one that misses glyphs of
 * its font program. So the CID sets are taken out; nothing else in the file changes (structure tree, outline, links,
 * metadata and output intent are written back as they were).
 */
final class PdfArchive {

    private PdfArchive() {}

    static byte[] withoutCidSets(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (COSObject object : document.getDocument().getObjectsByType(COSName.FONT_DESC)) {
                if (object.getObject() instanceof COSDictionary descriptor) {
                    descriptor.removeItem(COSName.CID_SET);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not finish the PDF as PDF/A-2", e);
        }
    }
}
