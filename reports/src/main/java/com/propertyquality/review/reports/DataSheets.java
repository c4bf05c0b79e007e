package com.propertyquality.review.reports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import com.propertyquality.review.reports.document.Block;
import com.propertyquality.review.reports.document.CellKind;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.ReportDocument;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * Adds to the workbook Jasper wrote (the print sheets, laid out like the pages) one data sheet per table of the
 * document, for filtering and sorting: the header row, then one row per table row, the header frozen and under an
 * autofilter, no merged cells; numbers, percentages (fractions with a percent format) and dates as typed cells, taken
 * from the document's values rather than its printed text. An index sheet names each data sheet's chapter, section
 * and caption. A table marked {@link Table#dataOnly()} (too long to print) is written here and nowhere else.
 * Jasper's exporter has no such layout, so the sheets are written here as SpreadsheetML and added to
 * its package.
 */
final class DataSheets {

    /** Excel's limit on a sheet name, and the characters it refuses in one. */
    static final int NAME_LENGTH = 31;
    private static final String REFUSED = "[\\[\\]:*?/\\\\]";

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static final String OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String WORKSHEET = OFFICE_RELS + "/worksheet";
    private static final String WORKSHEET_TYPE =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /** The cell formats the data sheets add to the workbook's styles, in this order. */
    private enum Format { HEADER, TEXT, COUNT, DECIMAL, PERCENT, DATE }

    private DataSheets() {}

    /** A data sheet: its name and the table it holds, with where that table stands in the document. */
    record DataSheet(String name, String chapter, String section, Table table) {}

    /** The data sheets of a document, named uniquely also against the print sheets' names. */
    static List<DataSheet> of(ReportDocument document) {
        Set<String> taken = new HashSet<>();
        document.chapters().forEach(c -> taken.add(c.sheet().toLowerCase(Locale.ROOT)));
        taken.add(indexName(document.lang()).toLowerCase(Locale.ROOT));
        List<DataSheet> sheets = new ArrayList<>();
        for (int c = 0; c < document.chapters().size(); c++) {
            Chapter chapter = document.chapters().get(c);
            for (int s = 0; s < chapter.sections().size(); s++) {
                Section section = chapter.sections().get(s);
                // A table of signature columns only (a sign-off sheet) has nothing to filter.
                List<Table> tables = section.blocks().stream().filter(Table.class::isInstance)
                        .map(Table.class::cast).filter(table -> !dataColumns(table).isEmpty()).toList();
                for (int t = 0; t < tables.size(); t++) {
                    Table table = tables.get(t);
                    // Numbered by position, as the index sheet lists them: chapter.section[.table]
                    String number = (c + 1) + "." + (s + 1) + (tables.size() > 1 ? "." + (t + 1) : "");
                    String label = table.caption() != null ? table.caption()
                            : section.title() != null ? section.title() : chapter.title();
                    String name = unique(sheetName(number + " " + label), taken);
                    sheets.add(new DataSheet(name, chapter.title(), section.title(), table));
                }
            }
        }
        return sheets;
    }

    static String indexName(Lang lang) {
        return ReportText.text(lang, "dataSheets.data_tables");
    }

    /** Excel's rules: at most 31 characters, none of []:*?/\, not starting or ending with an apostrophe. */
    static String sheetName(String wanted) {
        String name = wanted.replaceAll(REFUSED, " ").replaceAll("\\s+", " ").strip();
        if (name.length() > NAME_LENGTH) {
            int end = NAME_LENGTH;
            if (Character.isHighSurrogate(name.charAt(end - 1))) {
                end--; // never half a character
            }
            name = name.substring(0, end).strip();
        }
        name = name.replaceAll("^'+|'+$", "");
        return name.isEmpty() ? "-" : name;
    }

    /** Excel compares sheet names without regard to case. */
    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; taken.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "~" + n;
            candidate = sheetName(name.substring(0, Math.min(name.length(), NAME_LENGTH - suffix.length())) + suffix);
        }
        taken.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }

    /** Jasper's workbook with the index and data sheets added after its print sheets. */
    static byte[] append(byte[] xlsx, ReportDocument document) {
        List<DataSheet> sheets = of(document);
        if (sheets.isEmpty()) {
            return xlsx;
        }
        Map<String, byte[]> entries = read(xlsx);
        try {
            Document styles = parse(entries.get("xl/styles.xml"));
            Map<Format, Integer> formats = addFormats(styles);
            Document workbook = parse(entries.get("xl/workbook.xml"));
            Document rels = parse(entries.get("xl/_rels/workbook.xml.rels"));
            Document types = parse(entries.get("[Content_Types].xml"));

            Lang lang = document.lang();
            List<String> names = new ArrayList<>();
            List<byte[]> parts = new ArrayList<>();
            names.add(indexName(lang));
            parts.add(sheet(index(sheets, lang), formats));
            for (DataSheet sheet : sheets) {
                names.add(sheet.name());
                parts.add(sheet(sheet.table(), formats));
            }

            Element sheetsElement = (Element) workbook.getElementsByTagNameNS(MAIN, "sheets").item(0);
            int position = sheetsElement.getElementsByTagNameNS(MAIN, "sheet").getLength();
            int sheetId = maxAttribute(sheetsElement, "sheet", "sheetId") + 1;
            Element definedNames = definedNames(workbook, sheetsElement);
            for (int i = 0; i < names.size(); i++) {
                String part = "worksheets/data" + (i + 1) + ".xml";
                String relId = "rIdData" + (i + 1);
                entries.put("xl/" + part, parts.get(i));

                Element rel = rels.createElementNS(RELS, "Relationship");
                rel.setAttribute("Id", relId);
                rel.setAttribute("Type", WORKSHEET);
                rel.setAttribute("Target", part);
                rels.getDocumentElement().appendChild(rel);

                Element override = types.createElementNS(TYPES, "Override");
                override.setAttribute("PartName", "/xl/" + part);
                override.setAttribute("ContentType", WORKSHEET_TYPE);
                types.getDocumentElement().appendChild(override);

                Element sheet = workbook.createElementNS(MAIN, "sheet");
                sheet.setAttribute("name", names.get(i));
                sheet.setAttribute("sheetId", Integer.toString(sheetId + i));
                sheet.setAttributeNS(OFFICE_RELS, "r:id", relId);
                sheetsElement.appendChild(sheet);

                // Excel keeps an autofilter's range as this hidden name as well as in the sheet.
                Element filter = workbook.createElementNS(MAIN, "definedName");
                filter.setAttribute("name", "_xlnm._FilterDatabase");
                filter.setAttribute("localSheetId", Integer.toString(position + i));
                filter.setAttribute("hidden", "1");
                Table table = i == 0 ? index(sheets, lang) : sheets.get(i - 1).table();
                filter.setTextContent("'" + names.get(i).replace("'", "''") + "'!" + absolute(filterRange(table)));
                definedNames.appendChild(filter);
            }
            entries.put("xl/styles.xml", write(styles));
            entries.put("xl/workbook.xml", write(workbook));
            entries.put("xl/_rels/workbook.xml.rels", write(rels));
            entries.put("[Content_Types].xml", write(types));
        } catch (ParserConfigurationException | SAXException | IOException | TransformerException e) {
            throw new IllegalStateException("Could not add the data sheets to the workbook", e);
        }
        return zip(entries);
    }

    /** The index sheet: which chapter, section and caption each data sheet comes from. */
    static Table index(List<DataSheet> sheets, Lang lang) {
        List<Row> rows = sheets.stream().map(s -> Row.of(s.name(), s.chapter(), s.section(), s.table().caption(),
                (long) s.table().rows().size())).toList();
        return Table.of(List.of(Column.text(ReportText.text(lang, "column.sheet"), 20),
                Column.text(ReportText.text(lang, "column.chapter"), 20),
                Column.text(ReportText.text(lang, "column.section"), 20),
                Column.text(ReportText.text(lang, "column.table"), 20),
                Column.count(ReportText.text(lang, "column.rows"), 8)), rows);
    }

    /** The columns a data sheet keeps: a signature column is for a pen on paper. */
    static List<Integer> dataColumns(Table table) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).kind() != CellKind.SIGNATURE) {
                kept.add(i);
            }
        }
        return kept;
    }

    /** The header and every row, over the kept columns: A1:E21. */
    static String filterRange(Table table) {
        return "A1:" + columnName(dataColumns(table).size() - 1) + (table.rows().size() + 1);
    }

    private static String absolute(String range) {
        return range.replaceAll("([A-Z]+)(\\d+)", "\\$$1\\$$2");
    }

    private static byte[] sheet(Table table, Map<Format, Integer> formats) {
        List<Integer> kept = dataColumns(table);
        StringBuilder xml = new StringBuilder(4096 + table.rows().size() * 64 * kept.size());
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                .append("<worksheet xmlns=\"").append(MAIN).append("\" xmlns:r=\"").append(OFFICE_RELS).append("\">")
                .append("<dimension ref=\"").append(filterRange(table)).append("\"/>")
                .append("<sheetViews><sheetView workbookViewId=\"0\">")
                .append("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>")
                .append("<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>")
                .append("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>");
        for (int i = 0; i < kept.size(); i++) {
            Column column = table.columns().get(kept.get(i));
            int width = displayWidth(column.header());
            for (Row row : table.rows()) {
                width = Math.max(width, displayWidth(CellText.format(column.kind(), row.cells().get(kept.get(i)))));
            }
            xml.append("<col min=\"").append(i + 1).append("\" max=\"").append(i + 1).append("\" width=\"")
                    .append(Math.min(60, width + 3)).append("\" customWidth=\"1\"/>");
        }
        xml.append("</cols><sheetData><row r=\"1\">");
        for (int i = 0; i < kept.size(); i++) {
            text(xml, columnName(i) + 1, table.columns().get(kept.get(i)).header().replace('\n', ' '),
                    formats.get(Format.HEADER));
        }
        xml.append("</row>");
        for (int r = 0; r < table.rows().size(); r++) {
            xml.append("<row r=\"").append(r + 2).append("\">");
            for (int i = 0; i < kept.size(); i++) {
                cell(xml, columnName(i) + (r + 2), table.columns().get(kept.get(i)).kind(),
                        table.rows().get(r).cells().get(kept.get(i)), formats);
            }
            xml.append("</row>");
        }
        xml.append("</sheetData><autoFilter ref=\"").append(filterRange(table)).append("\"/>")
                .append("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>")
                .append("</worksheet>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A cell from the document's value: a null is an empty cell, as in the print sheets. */
    private static void cell(StringBuilder xml, String ref, CellKind kind, Object value, Map<Format, Integer> formats) {
        if (value == null) {
            return;
        }
        switch (kind) {
            case COUNT -> number(xml, ref, value, formats.get(Format.COUNT));
            case DECIMAL, POINTS -> number(xml, ref, value, formats.get(Format.DECIMAL));
            case PERCENT -> number(xml, ref, value, formats.get(Format.PERCENT));
            case DATE -> {
                if (value instanceof LocalDate date) {
                    xml.append("<c r=\"").append(ref).append("\" s=\"").append(formats.get(Format.DATE))
                            .append("\"><v>").append(ChronoUnit.DAYS.between(EXCEL_EPOCH, date)).append("</v></c>");
                } else {
                    text(xml, ref, value.toString(), formats.get(Format.TEXT));
                }
            }
            default -> text(xml, ref, value.toString(), formats.get(Format.TEXT));
        }
    }

    private static void number(StringBuilder xml, String ref, Object value, int style) {
        BigDecimal exact = exact(value);
        if (exact == null) {
            text(xml, ref, value.toString(), style);
            return;
        }
        xml.append("<c r=\"").append(ref).append("\" s=\"").append(style).append("\"><v>")
                .append(exact.toPlainString()).append("</v></c>");
    }

    /** The number as written: a BigDecimal as it is, a double through Double.toString (0.8934, not 0.89339999…). */
    private static BigDecimal exact(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        return null;
    }

    private static void text(StringBuilder xml, String ref, String text, int style) {
        xml.append("<c r=\"").append(ref).append("\" s=\"").append(style).append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                .append(escape(text)).append("</t></is></c>");
    }

    /** A rough column width in Excel's units: a Chinese character takes two. */
    private static int displayWidth(String text) {
        int width = 0;
        for (int c : text.codePoints().toArray()) {
            width += Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || c >= 0x3000 ? 2 : 1;
        }
        return width;
    }

    static String columnName(int index) {
        StringBuilder name = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            name.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return name.toString();
    }

    /**
     * Adds a bold font and the data sheets' cell formats to the workbook's styles: built-in number formats for
     * counts (0), decimals (0.00) and percentages (0.00%), and an ISO date format (yyyy-mm-dd), as the PDF prints.
     */
    private static Map<Format, Integer> addFormats(Document styles) {
        Element root = styles.getDocumentElement();
        Element numFmts = child(root, "numFmts");
        if (numFmts == null) {
            numFmts = styles.createElementNS(MAIN, "numFmts");
            root.insertBefore(numFmts, root.getFirstChild());
        }
        int dateFormat = Math.max(163, maxAttribute(numFmts, "numFmt", "numFmtId")) + 1;
        Element numFmt = styles.createElementNS(MAIN, "numFmt");
        numFmt.setAttribute("numFmtId", Integer.toString(dateFormat));
        numFmt.setAttribute("formatCode", "yyyy\\-mm\\-dd");
        numFmts.appendChild(numFmt);
        recount(numFmts, "numFmt");

        Element fonts = child(root, "fonts");
        int plainFont = 0;
        int boldFont = append(fonts, "font", font(styles, true));
        Element cellXfs = child(root, "cellXfs");
        Map<Format, Integer> formats = new LinkedHashMap<>();
        formats.put(Format.HEADER, append(cellXfs, "xf", xf(styles, 0, boldFont)));
        formats.put(Format.TEXT, append(cellXfs, "xf", xf(styles, 0, plainFont)));
        formats.put(Format.COUNT, append(cellXfs, "xf", xf(styles, 1, plainFont)));
        formats.put(Format.DECIMAL, append(cellXfs, "xf", xf(styles, 2, plainFont)));
        formats.put(Format.PERCENT, append(cellXfs, "xf", xf(styles, 10, plainFont)));
        formats.put(Format.DATE, append(cellXfs, "xf", xf(styles, dateFormat, plainFont)));
        return formats;
    }

    private static Element font(Document styles, boolean bold) {
        Element font = styles.createElementNS(MAIN, "font");
        if (bold) {
            font.appendChild(styles.createElementNS(MAIN, "b"));
        }
        Element size = styles.createElementNS(MAIN, "sz");
        size.setAttribute("val", "10");
        font.appendChild(size);
        Element name = styles.createElementNS(MAIN, "name");
        name.setAttribute("val", DocumentRenderer.FONT);
        font.appendChild(name);
        return font;
    }

    private static Element xf(Document styles, int numFmtId, int fontId) {
        Element xf = styles.createElementNS(MAIN, "xf");
        xf.setAttribute("numFmtId", Integer.toString(numFmtId));
        xf.setAttribute("fontId", Integer.toString(fontId));
        xf.setAttribute("fillId", "0");
        xf.setAttribute("borderId", "0");
        xf.setAttribute("xfId", "0");
        if (numFmtId != 0) {
            xf.setAttribute("applyNumberFormat", "1");
        }
        if (fontId != 0) {
            xf.setAttribute("applyFont", "1");
        }
        return xf;
    }

    /** Appends the element and returns its index among its kind, keeping the parent's count attribute right. */
    private static int append(Element parent, String name, Element element) {
        int index = parent.getElementsByTagNameNS(MAIN, name).getLength();
        parent.appendChild(element);
        recount(parent, name);
        return index;
    }

    private static void recount(Element parent, String name) {
        parent.setAttribute("count", Integer.toString(parent.getElementsByTagNameNS(MAIN, name).getLength()));
    }

    private static Element definedNames(Document workbook, Element sheets) {
        Element names = child(workbook.getDocumentElement(), "definedNames");
        if (names == null) {
            names = workbook.createElementNS(MAIN, "definedNames");
            // After <sheets> (and <externalReferences>), as the schema orders a workbook's children.
            Node after = sheets.getNextSibling();
            while (after != null && "externalReferences".equals(after.getLocalName())) {
                after = after.getNextSibling();
            }
            workbook.getDocumentElement().insertBefore(names, after);
        }
        return names;
    }

    private static int maxAttribute(Element parent, String name, String attribute) {
        int max = 0;
        NodeList nodes = parent.getElementsByTagNameNS(MAIN, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            max = Math.max(max, Integer.parseInt(((Element) nodes.item(i)).getAttribute(attribute)));
        }
        return max;
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static Document parse(byte[] xml) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static byte[] write(Document document) throws TransformerException {
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.setOutputProperty(OutputKeys.STANDALONE, "yes");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }

    private static Map<String, byte[]> read(byte[] xlsx) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the workbook Jasper wrote", e);
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the workbook", e);
        }
        return bytes.toByteArray();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    // XML 1.0 refuses most control characters; a tab and line breaks stay.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
