package com.propertyquality.review.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The last step of a PDF/A-2 export. The PDF library under JasperReports (OpenPDF) gives every embedded font subset
 * a CID set listing only the glyphs the text uses, while the subset also carries .notdef and the parts of composite
 * glyphs; PDF/A-2 (ISO 19005-2, 6.2.11.4.2) lets a font go without a CID set but rejects one that misses glyphs of
 * its font program. So the CID sets are taken out; nothing else in the file changes (structure tree, outline, links,
 * metadata and output intent are written back as they were).
 * <p>
 * The change is saved as an incremental update (the font descriptors written again after the file, ISO 32000-1
 * 7.5.6, which PDF/A-2 allows), not by rewriting the file: PDFBox's full save checks every object it queues against
 * its whole queue, which took 60% of the packet's time at scale 1 (BENCHMARKS.md, issue 17). The CID set streams
 * stay in the file, referenced by nothing.
 */
final class PdfArchive {

    private PdfArchive() {}

    static byte[] withoutCidSets(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Set<COSDictionary> changed = new HashSet<>();
            for (COSObject object : document.getDocument().getObjectsByType(COSName.FONT_DESC)) {
                if (object.getObject() instanceof COSDictionary descriptor
                        && descriptor.containsKey(COSName.CID_SET)) {
                    descriptor.removeItem(COSName.CID_SET);
                    changed.add(descriptor);
                }
            }
            if (changed.isEmpty()) {
                return pdf;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
            document.saveIncremental(out, changed);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not finish the PDF as PDF/A-2", e);
        }
    }
}
