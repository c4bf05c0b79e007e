package com.propertyquality.review.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What a workbook file really is, from its first bytes (and, for an OLE2 container, the names of its streams),
 * so that a file that cannot be read is refused with what it is and what the clerk can do about it, never with a
 * library's message.
 */
final class WorkbookFiles {

    enum Kind { XLSX, XLS, EXCEL_95, ENCRYPTED, OTHER_OFFICE_DOCUMENT, DAMAGED, TEXT, HTML, EMPTY, OTHER }

    /** What to do with a workbook that is damaged. */
    static final String RESAVE = "open it in Excel or WPS and save it again as .xlsx or CSV, then load it again"
            + " (if it does not open, ask the office for the file again)";

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    private WorkbookFiles() {
    }

    static Kind kindOf(Path file) throws IOException {
        byte[] head = new byte[512];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read == 0) {
            return Kind.EMPTY;
        }
        if (startsWith(head, read, ZIP)) {
            return Kind.XLSX;
        }
        if (startsWith(head, read, OLE2)) {
            return oleKind(file);
        }
        for (int i = 0; i < read; i++) {
            if (head[i] == 0) {
                return Kind.OTHER;
            }
        }
        String text = new String(head, 0, read, java.nio.charset.StandardCharsets.ISO_8859_1).stripLeading();
        if (text.startsWith("\u00EF\u00BB\u00BF")) {
            text = text.substring(3).stripLeading();
        }
        return text.startsWith("<") ? Kind.HTML : Kind.TEXT;
    }

    /** An OLE2 container holds a BIFF8 workbook, an older one, an encrypted OOXML package or another document. */
    private static Kind oleKind(Path file) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            for (Entry entry : root) {
                names.add(entry.getName());
            }
        } catch (IOException | RuntimeException e) {
            return Kind.DAMAGED; // an OLE2 container cut short or broken
        }
        if (names.contains("EncryptedPackage")) {
            return Kind.ENCRYPTED;
        }
        if (names.contains("Workbook")) {
            return Kind.XLS;
        }
        if (names.contains("Book")) {
            return Kind.EXCEL_95;
        }
        return Kind.OTHER_OFFICE_DOCUMENT;
    }

    /** True when an XLSX package names a styles part: without one no cell has a number format. */
    static boolean hasStylesPart(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry types = zip.getEntry("[Content_Types].xml");
            if (types == null) {
                return false;
            }
            try (InputStream in = zip.getInputStream(types)) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                return text.contains("spreadsheetml.styles+xml");
            }
        }
    }

    /** The refusal of a file given as {@code expected} (".xlsx" or ".xls") that is something else. */
    static String wrongKind(Kind kind, String expected) {
        return switch (kind) {
            case XLSX -> "it is not an Excel 97–2003 workbook (it looks like an XLSX): rename it to .xlsx and"
                    + " load it again";
            case XLS -> "it is an Excel 97–2003 workbook with an " + expected + " name: rename it to .xls and load"
                    + " it again";
            case EXCEL_95 -> "it is an Excel 5.0/95 workbook, older than Excel 97–2003: open it in Excel or WPS,"
                    + " save it as .xlsx or CSV and load it again";
            case ENCRYPTED -> "the workbook is protected with a password: open it in Excel, remove the password"
                    + " (File > Info > Protect Workbook), save it and load it again";
            case OTHER_OFFICE_DOCUMENT -> "it is an Office document but not an Excel workbook (a Word or"
                    + " PowerPoint file?): save the sheet from Excel as .xlsx or CSV and load it again";
            case TEXT -> "it is a text (CSV) file with an " + expected + " name, not a workbook: rename it to .csv"
                    + " and load it again";
            case HTML -> "it is a web page (HTML or XML) with an " + expected + " name, not a workbook, as some"
                    + " systems export: open it in Excel, save it as .xlsx or CSV and load it again";
            case DAMAGED -> "the workbook cannot be opened: it is damaged or cut short; " + RESAVE;
            case EMPTY -> "the file is empty (0 bytes): ask the office for the file again";
            case OTHER -> "it is not an Excel workbook, or it is damaged: " + RESAVE;
        };
    }

    /** A library's message, in brackets, when it says something: never "null". */
    static String detail(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank() || message.contains("null")) {
            return "";
        }
        return " (" + (message.length() > 160 ? message.substring(0, 160) + "..." : message) + ")";
    }

    private static boolean startsWith(byte[] head, int read, byte[] signature) {
        if (read < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (head[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
