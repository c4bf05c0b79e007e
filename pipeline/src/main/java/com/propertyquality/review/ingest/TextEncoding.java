package com.propertyquality.review.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells the encodings Excel saves CSV in apart without being told: UTF-8 with a byte-order mark, UTF-16 with
 * one ("Unicode text"), plain UTF-8, else GB18030 (a superset of GBK and GB2312, as a Chinese Windows writes).
 * A file is UTF-8 only if all of it decodes as UTF-8; GBK bytes almost never do.
 */
public final class TextEncoding {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SNIFF_BYTES = 64 * 1024;

    private final Charset charset;
    private final int bomLength;

    private TextEncoding(Charset charset, int bomLength) {
        this.charset = charset;
        this.bomLength = bomLength;
    }

    public Charset charset() {
        return charset;
    }

    /** Bytes of the byte-order mark to skip. */
    public int bomLength() {
        return bomLength;
    }

    /** The encoding of a text file, honouring an override (null for detection). */
    public static TextEncoding of(Path file, Charset override) throws IOException {
        byte[] head = new byte[SNIFF_BYTES];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        int bom = bomOf(head, read);
        if (override != null) {
            return new TextEncoding(override, override.equals(StandardCharsets.UTF_8) && bom == 3 ? 3 : 0);
        }
        if (bom == 3) {
            return new TextEncoding(StandardCharsets.UTF_8, 3);
        }
        if (bom == 2) {
            return new TextEncoding(StandardCharsets.UTF_16, 0); // the UTF-16 decoder reads its own mark
        }
        if (looksBinary(head, read)) {
            WorkbookFiles.Kind kind = WorkbookFiles.kindOf(file);
            if (kind == WorkbookFiles.Kind.XLSX || kind == WorkbookFiles.Kind.XLS) {
                String extension = kind == WorkbookFiles.Kind.XLSX ? ".xlsx" : ".xls";
                throw new UnreadableFileException("binary content: it is an Excel workbook with a text file's name:"
                        + " rename it to " + extension + " and load it again");
            }
            throw new UnreadableFileException("binary content: this is not a CSV text file; save it from Excel as"
                    + " CSV or .xlsx and load it again");
        }
        return new TextEncoding(isUtf8(file) ? StandardCharsets.UTF_8 : GB18030, 0);
    }

    private static int bomOf(byte[] head, int read) {
        if (read >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return 3;
        }
        if (read >= 2 && (((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)
                || ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF))) {
            return 2;
        }
        return 0;
    }

    /** NUL bytes or a ZIP/OLE signature: a workbook or other binary file, not text. */
    private static boolean looksBinary(byte[] head, int read) {
        if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return true;
        }
        for (int i = 0; i < read; i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Every byte of the file read through a strict UTF-8 check ({@link Utf8Check}). */
    private static boolean isUtf8(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Utf8Check.isUtf8(in);
        }
    }
}
