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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.lowagie.text.pdf.PRIndirectReference;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PRTokeniser;
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
 * The file is read with OpenPDF's reader in its partial mode (the cross-reference section as arrays, each object
 * read when asked for, the object streams used last kept decoded), the descriptors are found from the pages'
 * resources (the structure tree, most of a large packet's objects, is never read), and the change is appended as an
 * incremental update (the font descriptors written again after the file, with a cross-reference stream that points
 * back to the original's, ISO 32000-1 7.5.6, which PDF/A-2 allows). PDFBox, which did this before, kept a map entry
 * per object of the file and ran out of a 2 GB heap on the 10,000 pages of 2,000 offices (BENCHMARKS.md, issue 17).
 * The CID set streams stay in the file, referenced by nothing.
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
     * last cross-reference section, which the update's points back to.
     */
    private record Update(List<Descriptor> descriptors, PdfDictionary trailer, int lastXref) {

        /**
         * The descriptors, then a cross-reference stream (ISO 32000-1 7.5.8, as the compressed export has) with an
         * entry per object and the original's size, catalog, information dictionary and identifier and
         * {@code /Prev}. {@code offset}: the original's length, where the update starts.
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
            PdfDictionary next = new PdfDictionary();
            for (PdfName key : List.of(PdfName.SIZE, PdfName.ROOT, PdfName.INFO, PdfName.ID)) {
                if (trailer.get(key) != null) {
                    next.put(key, trailer.get(key));
                }
            }
            next.put(PdfName.PREV, new PdfNumber(lastXref));
            xrefStream(update, next, offsets, xref);
            ascii(update, "\nstartxref\n" + xref + "\n%%EOF\n");
            return update.toByteArray();
        }

        /**
         * The cross-reference stream of the update (ISO 32000-1 7.5.8): an object of its own, numbered the original's
         * size (the size grows by one), with a row per descriptor and one for itself: type 1 (in use, at an offset),
         * the offset in 8 bytes, the generation in 2. Not compressed: a few dozen bytes.
         */
        private void xrefStream(ByteArrayOutputStream update, PdfDictionary next, long[] offsets, long xref)
                throws IOException {
            int self = ((PdfNumber) PdfReader.getPdfObject(trailer.get(PdfName.SIZE))).intValue();
            ByteArrayOutputStream rows = new ByteArrayOutputStream();
            PdfArray index = new PdfArray();
            for (int i = 0; i < descriptors.size(); i++) {
                index.add(new PdfNumber(descriptors.get(i).number()));
                index.add(new PdfNumber(1));
                xrefRow(rows, offsets[i], descriptors.get(i).generation());
            }
            index.add(new PdfNumber(self));
            index.add(new PdfNumber(1));
            xrefRow(rows, xref, 0);
            next.put(PdfName.TYPE, PdfName.XREF);
            next.put(PdfName.SIZE, new PdfNumber(self + 1));
            next.put(PdfName.INDEX, index);
            next.put(PdfName.W, new PdfArray(new int[] {1, 8, 2}));
            next.put(PdfName.LENGTH, new PdfNumber(rows.size()));
            ascii(update, self + " 0 obj\n");
            write(next, update);
            ascii(update, "\nstream\n");
            rows.writeTo(update);
            ascii(update, "\nendstream\nendobj");
        }

        private static void xrefRow(ByteArrayOutputStream rows, long offset, int generation) {
            rows.write(1);
            for (int shift = 56; shift >= 0; shift -= 8) {
                rows.write((int) (offset >>> shift) & 0xFF);
            }
            rows.write((generation >>> 8) & 0xFF);
            rows.write(generation & 0xFF);
        }
    }

    /**
     * OpenPDF's reader in its partial mode, decoding each object stream once rather than once per object read from
     * it: a compressed export keeps its pages and fonts in object streams of 200 objects, and the reader as it is
     * inflated a whole stream for every page, resource and font dictionary it read (most of the step's time).
     * The 64 streams used last are kept decoded, with the offsets of their objects (a few megabytes): a page's
     * dictionary, its resources, forms and fonts sit in different streams, and with 4 kept the 10,000 pages of 2,000
     * offices were still decoded again and again (15 s of the packet; 2-3 s with 64).
     */
    private static final class ObjectStreamReader extends PdfReader {

        private static final int KEPT = 64;

        /** Decoded streams by their offset in the file, least recently used first. Filled during construction. */
        private Map<Integer, DecodedStream> decoded;

        ObjectStreamReader(RandomAccessFileOrArray file) throws IOException {
            super(file, null);
        }

        /** An object stream's bytes and, by index, its objects' offsets in them. */
        private record DecodedStream(byte[] bytes, int[] offsets) {}

        @Override
        protected PdfObject readOneObjStm(PRStream stream, int idx) throws IOException {
            DecodedStream objects = decoded(stream);
            if (idx < 0 || idx >= objects.offsets().length) {
                throw new IOException("no object " + idx + " in the object stream at " + stream.getOffset());
            }
            PRTokeniser saved = tokens;
            tokens = new PRTokeniser(objects.bytes());
            try {
                tokens.seek(objects.offsets()[idx]);
                return readPRObject();
            } finally {
                tokens = saved;
            }
        }

        private DecodedStream decoded(PRStream stream) throws IOException {
            if (decoded == null) { // the superclass's constructor reads objects before this class's fields are set
                decoded = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<Integer, DecodedStream> eldest) {
                        return size() > KEPT;
                    }
                };
            }
            DecodedStream known = decoded.get(stream.getOffset());
            if (known != null) {
                return known;
            }
            int first = stream.getAsNumber(PdfName.FIRST).intValue();
            int count = stream.getAsNumber(PdfName.N).intValue();
            byte[] bytes = getStreamBytes(stream, tokens.getFile());
            PRTokeniser header = new PRTokeniser(bytes);
            int[] offsets = new int[count];
            for (int i = 0; i < count; i++) {
                // pairs of object number and offset from /First (ISO 32000-1 7.5.7)
                if (!header.nextToken() || header.getTokenType() != PRTokeniser.TK_NUMBER
                        || !header.nextToken() || header.getTokenType() != PRTokeniser.TK_NUMBER) {
                    throw new IOException("the object stream at " + stream.getOffset() + " has a damaged header");
                }
                offsets[i] = first + header.intValue();
            }
            DecodedStream objects = new DecodedStream(bytes, offsets);
            decoded.put(stream.getOffset(), objects);
            return objects;
        }
    }

    /** Reads the file's pages for the descriptors of every font they use, directly or in the forms they draw. */
    private static Update update(RandomAccessFileOrArray file) throws IOException {
        PdfReader reader = new ObjectStreamReader(file);
        try {
            if (reader.isRebuilt()) {
                throw new IOException("the exported PDF's cross-reference table is damaged");
            }
            if (reader.getPdfVersion() < '5') {
                // the update's cross-reference stream is PDF 1.5; the export is compressed, which makes it 1.5
                throw new IOException("the exported PDF is version 1." + reader.getPdfVersion()
                        + "; its update needs 1.5 (export it compressed)");
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
