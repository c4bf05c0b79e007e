package com.propertyquality.review.reports;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;

/**
 * A tagged PDF read back with PDFBox: its structure tree (element types resolved through the role map, as a reader
 * sees them), the catalog's language and MarkInfo, the outline's chapters and the links of its contents page; and
 * veraPDF's findings for a PDF/A flavour.
 */
record TaggedPdf(String lang, boolean marked, List<Element> elements, Map<String, Integer> chapters,
        List<Link> contentsLinks) {

    /** A structure element in reading order: its standard type, its depth and its alternative text. */
    record Element(String type, int depth, String alt, List<String> kidTypes) {}

    /** A link annotation: the text under it and the page (1-based) its destination lies on. */
    record Link(String text, int targetPage) {}

    private static final Set<String> STANDARD = Set.of("Document", "Part", "Art", "Sect", "Div", "P", "H", "H1", "H2",
            "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot",
            "Span", "Link", "Figure", "Formula", "Form", "Caption", "Note", "Reference", "BibEntry", "Quote",
            "BlockQuote", "TOC", "TOCI", "Index", "NonStruct", "Private", "Annot", "Ruby", "Warichu");

    /** Reads the PDF; {@code contentsPages} are the 1-based pages of the table of contents. */
    static TaggedPdf read(byte[] pdf, List<Integer> contentsPages) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            List<Element> elements = new ArrayList<>();
            if (catalog.getStructureTreeRoot() != null) {
                walk(catalog.getStructureTreeRoot().getKids(), catalog.getStructureTreeRoot().getRoleMap(), 0,
                        elements);
            }
            Map<String, Integer> chapters = new LinkedHashMap<>();
            if (catalog.getDocumentOutline() != null) {
                for (PDOutlineItem item : catalog.getDocumentOutline().children()) {
                    PDPage page = item.findDestinationPage(document);
                    chapters.put(item.getTitle(), page == null ? -1 : document.getPages().indexOf(page) + 1);
                }
            }
            List<Link> links = new ArrayList<>();
            for (int number : contentsPages) {
                PDPage page = document.getPage(number - 1);
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link) {
                        links.add(new Link(textUnder(page, link.getRectangle()), target(catalog, link)));
                    }
                }
            }
            boolean marked = catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked();
            return new TaggedPdf(catalog.getLanguage(), marked, elements, chapters, links);
        }
    }

    List<Element> ofType(String type) {
        return elements.stream().filter(e -> e.type().equals(type)).toList();
    }

    /** The sequence of headings, tables and figures: the document's reading order at a glance. */
    List<String> outlineOfTypes() {
        return elements.stream().map(Element::type)
                .filter(t -> Set.of("H1", "H2", "Table", "Figure").contains(t)).toList();
    }

    /** veraPDF's failed rules for the flavour ("6.2.11.4.2 …"); empty when the file conforms. */
    static List<String> veraPdfFailures(byte[] pdf, PDFAFlavour flavour) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            var result = validator.validate(parser);
            List<String> failures = new ArrayList<>(result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
                    .map(a -> a.getRuleId().getClause() + " " + a.getMessage()).distinct().toList());
            if (!result.isCompliant() && failures.isEmpty()) {
                failures.add("not compliant");
            }
            return failures;
        }
    }

    private static void walk(List<Object> kids, Map<String, Object> roles, int depth, List<Element> out) {
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement element) {
                List<String> kidTypes = element.getKids().stream().filter(PDStructureElement.class::isInstance)
                        .map(k -> standard(((PDStructureElement) k).getStructureType(), roles)).toList();
                out.add(new Element(standard(element.getStructureType(), roles), depth,
                        element.getAlternateDescription(), kidTypes));
                walk(element.getKids(), roles, depth + 1, out);
            }
        }
    }

    /** The standard type a reader takes a custom one for, following the role map. */
    private static String standard(String type, Map<String, Object> roles) {
        String current = type;
        for (int hops = 0; hops < 10 && !STANDARD.contains(current) && roles.get(current) instanceof String mapped;
                hops++) {
            current = mapped;
        }
        return current;
    }

    private static int target(PDDocumentCatalog catalog, PDAnnotationLink link) throws IOException {
        PDDestination destination = link.getDestination();
        PDAction action = link.getAction();
        if (destination == null && action instanceof PDActionGoTo goTo) {
            destination = goTo.getDestination();
        }
        if (destination instanceof PDNamedDestination named) {
            destination = catalog.findNamedDestinationPage(named);
        }
        return destination instanceof PDPageDestination page ? page.retrievePageNumber() + 1 : -1;
    }

    private static String textUnder(PDPage page, PDRectangle box) throws IOException {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        float height = page.getMediaBox().getHeight();
        stripper.addRegion("link", new Rectangle2D.Float(box.getLowerLeftX() - 1,
                height - box.getUpperRightY() - 1, box.getWidth() + 2, box.getHeight() + 2));
        stripper.extractRegions(page);
        return stripper.getTextForRegion("link").strip();
    }
}
