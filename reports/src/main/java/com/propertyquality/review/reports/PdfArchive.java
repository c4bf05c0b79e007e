package com.propertyquality.review.reports;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * The last step of a PDF/A-2 export. The PDF library under JasperReports (OpenPDF) gives every embedded font subset
 * a CID set listing only the glyphs the text uses, while the subset also carries .notdef and the parts of composite
 * glyphs; PDF/A-2 (ISO 19005-2, 6.2.11.4.2) lets a font go without a CID set but rejects one that misses glyphs of
 * its font program. So the CID sets are taken out; nothing else in the file changes (structure tree, outline, links,
 * metadata and output intent are written back as they were).
 * <p>
 * The descriptors are found from the pages' resources, and the change is saved as an incremental update (the font
 * descriptors written again after the file, ISO 32000-1 7.5.6, which PDF/A-2 allows), not by rewriting the file:
 * PDFBox's full save checks every object it queues against its whole queue, which took 60% of the packet's time at
 * scale 1 (BENCHMARKS.md, issue 17). The CID set streams stay in the file, referenced by nothing.
 */
final class PdfArchive {

    private PdfArchive() {}

    static byte[] withoutCidSets(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
            return finish(document, out) ? out.toByteArray() : pdf;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not finish the PDF as PDF/A-2", e);
        }
    }

    /**
     * As {@link #withoutCidSets(byte[])}, from the file {@code exported} to the file {@code out}, read from disk.
     * {@code out} is replaced only once the finished file is whole: a failure leaves the previous one as it was.
     */
    static void withoutCidSets(Path exported, Path out) {
        Path finishing = out.resolveSibling(out.getFileName() + ".finishing");
        try {
            boolean finished;
            try (PDDocument document = Loader.loadPDF(exported.toFile());
                 OutputStream file = new BufferedOutputStream(Files.newOutputStream(finishing))) {
                finished = finish(document, file);
            }
            Files.move(finished ? finishing : exported, out, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not finish the PDF as PDF/A-2", e);
        } finally {
            try {
                Files.deleteIfExists(finishing);
            } catch (IOException e) {
                // a leftover beside the report, named as such; the report itself is whole or untouched
            }
        }
    }

    /** Writes the original and the update to {@code out}; false (nothing written) when no CID set was found. */
    private static boolean finish(PDDocument document, OutputStream out) throws IOException {
        Set<COSDictionary> changed = new HashSet<>();
        for (COSDictionary descriptor : fontDescriptors(document)) {
            if (descriptor.containsKey(COSName.CID_SET)) {
                descriptor.removeItem(COSName.CID_SET);
                changed.add(descriptor);
            }
        }
        if (changed.isEmpty()) {
            return false;
        }
        document.saveIncremental(out, changed);
        return true;
    }

    /**
     * The descriptors of every font the pages use, directly or in the forms they draw (the charts), found from the
     * pages' resources: the structure tree, most of a large packet's objects, is never parsed, so a packet of
     * thousands of pages is finished without holding its whole object graph.
     */
    private static Set<COSDictionary> fontDescriptors(PDDocument document) {
        Set<COSDictionary> descriptors = new HashSet<>();
        Set<COSDictionary> seenResources = new HashSet<>();
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            if (resources != null) {
                collect(resources.getCOSObject(), descriptors, seenResources);
            }
        }
        return descriptors;
    }

    private static void collect(COSDictionary resources, Set<COSDictionary> descriptors,
                                Set<COSDictionary> seenResources) {
        if (!seenResources.add(resources)) {
            return;
        }
        COSDictionary fonts = resources.getCOSDictionary(COSName.FONT);
        if (fonts != null) {
            for (COSName name : fonts.keySet()) {
                COSDictionary font = fonts.getCOSDictionary(name);
                if (font != null) {
                    addDescriptor(font, descriptors);
                    COSArray descendants = font.getCOSArray(COSName.DESCENDANT_FONTS);
                    for (int i = 0; descendants != null && i < descendants.size(); i++) {
                        if (descendants.getObject(i) instanceof COSDictionary descendant) {
                            addDescriptor(descendant, descriptors);
                        }
                    }
                }
            }
        }
        COSDictionary forms = resources.getCOSDictionary(COSName.XOBJECT);
        if (forms != null) {
            for (COSName name : forms.keySet()) {
                if (forms.getDictionaryObject(name) instanceof COSStream form) {
                    COSDictionary inner = form.getCOSDictionary(COSName.RESOURCES);
                    if (inner != null) {
                        collect(inner, descriptors, seenResources);
                    }
                }
            }
        }
    }

    private static void addDescriptor(COSDictionary font, Set<COSDictionary> descriptors) {
        COSDictionary descriptor = font.getCOSDictionary(COSName.FONT_DESC);
        if (descriptor != null) {
            descriptors.add(descriptor);
        }
    }
}
