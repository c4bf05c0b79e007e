package com.propertyquality.review.reports;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.lowagie.text.pdf.PRIndirectReference;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.RandomAccessFileOrArray;

/**
 * The last step of a PDF/A-2 export. The PDF library under JasperReports (OpenPDF) gives every embedded font subset
 * a CID set listing only the glyphs the text uses, while the subset also carries .notdef and the parts of composite
 * glyphs; PDF/A-2 (ISO 19005-2, 6.2.11.4.2) lets a font go without a CID set but rejects one that misses glyphs of
 * its font program. So the CID sets are taken out; nothing else in the file changes.
 * <p>
 * The file is read with OpenPDF's reader in its partial mode (the cross-reference table as arrays, each object read
 * when asked for), the descriptors are found from the pages' resources (the structure tree, most of a large
 * packet's objects, is never read), and the change is appended as an incremental update (the font descriptors
 * written again after the file, with a cross-reference section and a trailer that points back to the original's,
 * ISO 32000-1 7.5.6, which PDF/A-2 allows). PDFBox, which did this before, kept a map entry per object of the file
 * and ran out of a 2 GB heap on the 10,000 pages of 2,000 offices (BENCHMARKS.md, issue 17). The CID set streams
 * stay in the file, referenced by nothing.
 */
final class PdfArchive {

    private PdfArchive() {}

    static byte[] withoutCidSets(byte[] pdf) {
        try {
            Update update = update(new RandomAccessFileOrArray(pdf));
            if (update.descriptors().isEmpty()) {
                return pdf;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16 * 1024);
            out.write(pdf);
            out.write(update.bytes(pdf.length));
            return out.toByteArray();
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
            Update update = update(new RandomAccessFileOrArray(exported.toString(), false, false));
            if (update.descriptors().isEmpty()) {
                Files.move(exported, out, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(finishing))) {
                long length = Files.copy(exported, file);
                file.write(update.bytes(length));
            }
            Files.move(finishing, out, StandardCopyOption.REPLACE_EXISTING);
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

    /** A font descriptor as it will be written again: its object number and generation, without its CID set. */
    private record Descriptor(int number, int generation, PdfDictionary dictionary) {}

    /**
     * The incremental update: the descriptors that had a CID set, and the original's trailer and the offset of its
     * cross-reference table, which the update's trailer points back to.
     */
    private record Update(List<Descriptor> descriptors, PdfDictionary trailer, int lastXref) {

        /**
         * The descriptors, a cross-reference section with a subsection per object, and a trailer with the
         * original's size, catalog, information dictionary and identifier and {@code /Prev}. {@code offset}: the
         * original's length, where the update starts.
         */
        byte[] bytes(long offset) throws IOException {
            ByteArrayOutputStream update = new ByteArrayOutputStream();
            long[] offsets = new long[descriptors.size()];
            for (int i = 0; i < descriptors.size(); i++) {
                Descriptor descriptor = descriptors.get(i);
                offsets[i] = offset + update.size();
                ascii(update, descriptor.number() + " " + descriptor.generation() + " obj\n");
                write(descriptor.dictionary(), update);
                ascii(update, "\nendobj\n");
            }
            long xref = offset + update.size();
            ascii(update, "xref\n");
            for (int i = 0; i < descriptors.size(); i++) {
                // each entry exactly 20 bytes (ISO 32000-1 7.5.4)
                ascii(update, descriptors.get(i).number() + " 1\n"
                        + String.format("%010d %05d n\r\n", offsets[i], descriptors.get(i).generation()));
            }
            PdfDictionary next = new PdfDictionary();
            for (PdfName key : List.of(PdfName.SIZE, PdfName.ROOT, PdfName.INFO, PdfName.ID)) {
                if (trailer.get(key) != null) {
                    next.put(key, trailer.get(key));
                }
            }
            next.put(PdfName.PREV, new PdfNumber(lastXref));
            ascii(update, "trailer\n");
            write(next, update);
            ascii(update, "\nstartxref\n" + xref + "\n%%EOF\n");
            return update.toByteArray();
        }
    }

    /** Reads the file's pages for the descriptors of every font they use, directly or in the forms they draw. */
    private static Update update(RandomAccessFileOrArray file) throws IOException {
        PdfReader reader = new PdfReader(file, null);
        try {
            if (reader.isRebuilt()) {
                throw new IOException("the exported PDF's cross-reference table is damaged");
            }
            Map<Integer, PRIndirectReference> descriptors = new TreeMap<>();
            Set<Integer> seenForms = new HashSet<>();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                collect(reader.getPageN(page).get(PdfName.RESOURCES), descriptors, seenForms);
                reader.releasePage(page);
            }
            List<Descriptor> changed = new ArrayList<>();
            for (PRIndirectReference reference : descriptors.values()) {
                PdfDictionary descriptor = (PdfDictionary) PdfReader.getPdfObject(reference);
                if (descriptor.contains(PdfName.CIDSET)) {
                    descriptor.remove(PdfName.CIDSET);
                    changed.add(new Descriptor(reference.getNumber(), reference.getGeneration(), descriptor));
                }
            }
            return new Update(changed, reader.getTrailer(), reader.getLastXref());
        } finally {
            reader.close();
        }
    }

    private static void collect(PdfObject resourcesObject, Map<Integer, PRIndirectReference> descriptors,
            Set<Integer> seenForms) throws IOException {
        if (!(PdfReader.getPdfObject(resourcesObject) instanceof PdfDictionary resources)) {
            return;
        }
        if (PdfReader.getPdfObject(resources.get(PdfName.FONT)) instanceof PdfDictionary fonts) {
            for (PdfName name : fonts.getKeys()) {
                if (PdfReader.getPdfObject(fonts.get(name)) instanceof PdfDictionary font) {
                    addDescriptor(font, descriptors);
                    if (PdfReader.getPdfObject(font.get(PdfName.DESCENDANTFONTS)) instanceof PdfArray descendants) {
                        for (int i = 0; i < descendants.size(); i++) {
                            if (PdfReader.getPdfObject(descendants.getPdfObject(i)) instanceof PdfDictionary d) {
                                addDescriptor(d, descriptors);
                            }
                        }
                    }
                }
            }
        }
        if (PdfReader.getPdfObject(resources.get(PdfName.XOBJECT)) instanceof PdfDictionary forms) {
            for (PdfName name : forms.getKeys()) {
                PdfObject reference = forms.get(name);
                boolean unseen = !(reference instanceof PRIndirectReference r) || seenForms.add(r.getNumber());
                if (unseen && PdfReader.getPdfObject(reference) instanceof PRStream form) {
                    collect(form.get(PdfName.RESOURCES), descriptors, seenForms);
                }
            }
        }
    }

    private static void addDescriptor(PdfDictionary font, Map<Integer, PRIndirectReference> descriptors)
            throws IOException {
        PdfObject descriptor = font.get(PdfName.FONTDESCRIPTOR);
        if (descriptor instanceof PRIndirectReference reference) {
            descriptors.put(reference.getNumber(), reference);
        } else if (descriptor instanceof PdfDictionary direct && direct.contains(PdfName.CIDSET)) {
            // OpenPDF writes descriptors as objects of their own; one inside its font could only be changed by
            // writing the font again, which this step does not do
            throw new IOException("a font descriptor with a CID set is not an object of its own");
        }
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** The PDF syntax of a direct object read from the file (names, numbers, strings, arrays, dictionaries). */
    private static void write(PdfObject object, ByteArrayOutputStream out) throws IOException {
        if (object instanceof PRIndirectReference reference) {
            ascii(out, reference.getNumber() + " " + reference.getGeneration() + " R");
        } else if (object instanceof PdfString string) {
            out.write('<');
            for (byte b : string.getOriginalBytes()) {
                ascii(out, String.format("%02X", b & 0xFF));
            }
            out.write('>');
        } else if (object instanceof PdfArray array) {
            out.write('[');
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    out.write(' ');
                }
                write(array.getPdfObject(i), out);
            }
            out.write(']');
        } else if (object instanceof PdfDictionary dictionary && !dictionary.isStream()) {
            ascii(out, "<<");
            for (PdfName key : dictionary.getKeys()) {
                out.writeBytes(key.getBytes());
                out.write(' ');
                write(dictionary.get(key), out);
            }
            ascii(out, ">>");
        } else if (object != null && (object.isName() || object.isNumber() || object.isBoolean() || object.isNull())) {
            out.writeBytes(object.getBytes());
        } else {
            throw new IOException("cannot write again a " + (object == null ? "missing object" : object.getClass()));
        }
    }
}
