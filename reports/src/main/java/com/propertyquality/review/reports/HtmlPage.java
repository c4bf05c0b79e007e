package com.propertyquality.review.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.Set;
import java.util.TreeSet;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import com.propertyquality.review.reports.document.ReportDocument;

/**
 * Finishes the page {@link HtmlDocument} writes: its title and language, and the Noto Sans SC it names, embedded
 * as a subset of the characters the page uses, so the page shows Chinese in any browser, also on a machine without
 * Chinese fonts (a full font would be 10 MB per weight; a packet's subset is a few hundred KB).
 */
final class HtmlPage {

    private static final String FONTS = "fonts/notosanssc/";

    /**
     * The tables a browser needs. The layout tables (GSUB, GPOS, vertical metrics, …) name glyphs by their numbers in
     * the full font: copied into a subset they would be wrong, and browsers reject the font.
     */
    private static final List<String> TABLES = List.of("head", "hhea", "loca", "maxp", "cmap", "hmtx", "glyf",
            "name", "OS/2", "post");

    private HtmlPage() {}

    static byte[] finish(byte[] exported, ReportDocument document) {
        String html = new String(exported, StandardCharsets.UTF_8);
        Set<Integer> used = new TreeSet<>();
        html.codePoints().filter(c -> c > ' ').forEach(used::add);
        String fontFaces = fontFace("NotoSansSC-Regular.ttf", "normal", used)
                + fontFace("NotoSansSC-Bold.ttf", "bold", used);
        html = html.replaceFirst("<html>", "<html lang=\"" + document.lang().tag() + "\">")
                .replaceFirst("<title></title>", Matcher.quoteReplacement(
                        "<title>" + escape(document.companyName() + " · " + document.title()) + "</title>"))
                .replaceFirst("</head>", Matcher.quoteReplacement(
                        "  <style type=\"text/css\">\n" + fontFaces + "  </style>\n</head>"));
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private static String fontFace(String file, String weight, Set<Integer> codePoints) {
        return "    @font-face {font-family: '" + DocumentRenderer.FONT + "'; font-weight: " + weight
                + "; src: url(data:font/ttf;base64," + Base64.getEncoder().encodeToString(subset(file, codePoints))
                + ") format('truetype');}\n";
    }

    private static byte[] subset(String file, Set<Integer> codePoints) {
        try (InputStream in = HtmlPage.class.getClassLoader().getResourceAsStream(FONTS + file)) {
            if (in == null) {
                throw new IllegalStateException("font not on the classpath: " + FONTS + file);
            }
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
                TTFSubsetter subsetter = new TTFSubsetter(font, TABLES);
                subsetter.addAll(codePoints);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                subsetter.writeToStream(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot subset " + file + " for the HTML report", e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
