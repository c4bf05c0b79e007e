package com.propertyquality.review.reports;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Breaks text into the lines the PDF prints, before Jasper sees it, so that Chinese is broken by the usual rules and
 * numbers stay whole. Jasper breaks where {@link BreakIterator#getLineInstance()} allows, which keeps 。，、；：？！）
 * with the character before them and （ with the one after, but also breaks a record id at its hyphens
 * (R2025-DG01- / 0023), and cuts anywhere when a word is wider than the line. Here a token that holds a digit (a
 * number, a date, a record id, a masked phone 158****6455) is never broken while it fits a line, and a cut inside a
 * too-long word still never starts a line with closing punctuation nor ends one with opening punctuation. The lines
 * are joined with {@code '\n'}, which the PDF exporter honours like its own breaks: nothing is added to the text, so
 * copying and searching the PDF see what they would see without it.
 */
final class LineBreaks {

    /** Never starts a line (Chinese and ASCII). */
    static final String CLOSING = "。，、；：？！）」』】》〉”’,.;:?!)]}%";
    /** Never ends a line. */
    static final String OPENING = "（「『【《〈“‘([{";

    /** A run of letters, digits and the marks inside numbers, ids and masked phones; kept whole if it holds a digit. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9*%.,:/+\\-]*[A-Za-z0-9%*])?");
    private static final Pattern DIGIT = Pattern.compile("\\d");

    /** Jasper's own measuring context (anti-aliased, fractional metrics), so widths agree with its fill. */
    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

    /** Room kept at the end of each line, so that rounding in Jasper's or the PDF's measure never re-breaks it. */
    static final double SLACK = 1.5;

    private LineBreaks() {}

    /** The text with a {@code '\n'} wherever a line ends in a box {@code width} points wide. */
    static String wrap(String text, Font font, double width) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        String[] paragraphs = text.split("\n", -1);
        for (int p = 0; p < paragraphs.length; p++) {
            if (p > 0) {
                out.append('\n');
            }
            wrapParagraph(paragraphs[p], font, width - SLACK, out);
        }
        return out.toString();
    }

    /** The width of the widest token that must not be broken, in points: what a column needs to print it whole. */
    static double widestToken(String text, Font font) {
        double widest = 0;
        if (text == null) {
            return widest;
        }
        Matcher tokens = TOKEN.matcher(text);
        while (tokens.find()) {
            if (DIGIT.matcher(tokens.group()).find()) {
                widest = Math.max(widest, width(font, tokens.group()));
            }
        }
        return widest;
    }

    private static void wrapParagraph(String text, Font font, double room, StringBuilder out) {
        if (width(font, text) <= room) {
            out.append(text);
            return;
        }
        boolean[] allowed = opportunities(text);
        int start = 0;
        while (start < text.length()) {
            String rest = text.substring(start);
            if (width(font, rest) <= room) {
                out.append(rest);
                return;
            }
            int end = lastFitting(text, start, allowed, font, room);
            if (end <= start) {
                end = cut(text, start, font, room);
            }
            out.append(stripTrailing(text.substring(start, end))).append('\n');
            start = end;
            while (start < text.length() && text.charAt(start) == ' ') {
                start++; // the space a line was broken at belongs to neither line
            }
        }
    }

    /** Where a line may end: {@code allowed[i]} means a break before character {@code i}. */
    static boolean[] opportunities(String text) {
        boolean[] allowed = new boolean[text.length() + 1];
        BreakIterator iterator = BreakIterator.getLineInstance(Locale.ROOT);
        iterator.setText(text);
        for (int at = iterator.next(); at != BreakIterator.DONE; at = iterator.next()) {
            allowed[at] = true;
        }
        for (int i = 1; i < text.length(); i++) {
            if (CLOSING.indexOf(text.charAt(i)) >= 0 || OPENING.indexOf(text.charAt(i - 1)) >= 0) {
                allowed[i] = false;
            }
        }
        Matcher tokens = TOKEN.matcher(text);
        while (tokens.find()) {
            if (DIGIT.matcher(tokens.group()).find()) {
                for (int i = tokens.start() + 1; i < tokens.end(); i++) {
                    allowed[i] = false;
                }
            }
        }
        return allowed;
    }

    /** The furthest allowed break after {@code start} whose line fits, or {@code start} if none does. */
    private static int lastFitting(String text, int start, boolean[] allowed, Font font, double room) {
        int best = start;
        for (int end = start + 1; end < text.length(); end++) {
            if (!allowed[end]) {
                continue;
            }
            if (width(font, stripTrailing(text.substring(start, end))) > room) {
                break;
            }
            best = end;
        }
        return best;
    }

    /**
     * A word wider than the line: cut it at the last character that fits, moved back so the cut neither starts the
     * next line with closing punctuation nor ends this one with opening punctuation. At least one character per line.
     */
    private static int cut(String text, int start, Font font, double room) {
        int end = start + 1;
        while (end < text.length() && width(font, text.substring(start, end + 1)) <= room) {
            end++;
        }
        int fitting = end;
        while (end > start + 1 && (CLOSING.indexOf(text.charAt(end)) >= 0
                || OPENING.indexOf(text.charAt(end - 1)) >= 0 || Character.isLowSurrogate(text.charAt(end)))) {
            end--;
        }
        return end > start + 1 || fitting == start + 1 ? end : fitting;
    }

    /**
     * The text's width as {@link Font#getStringBounds} measures it in Jasper's context. Text that needs no layout
     * (no kerning or ligatures asked, no complex script, nothing beyond the Basic Multilingual Plane) is measured
     * there as the sum, in float, of each character's advance, looked up in the font's character map every time: a
     * 2,000-office packet spent a tenth of its time there. The same sum is made here from advances measured once per
     * font and character, so the result is the same number; other text is measured by the font.
     */
    static double width(Font font, String text) {
        if (text.isEmpty()) {
            return 0;
        }
        char[] chars = text.toCharArray();
        if (font.hasLayoutAttributes() || Font.textRequiresLayout(chars, 0, chars.length)) {
            return font.getStringBounds(text, MEASURE).getWidth();
        }
        float[] advances = ADVANCES.computeIfAbsent(font, LineBreaks::unmeasured);
        float width = 0;
        for (char c : chars) {
            if (Character.isSurrogate(c)) {
                // the font measures a pair as one code point
                return font.getStringBounds(text, MEASURE).getWidth();
            }
            float advance = advances[c];
            if (Float.isNaN(advance)) {
                // a race fills the same value twice at worst
                advance = (float) font.getStringBounds(String.valueOf(c), MEASURE).getWidth();
                advances[c] = advance;
            }
            width += advance;
        }
        return width;
    }

    /** Each font's advance per character (NaN: not measured yet); a few fonts, 256 KB each. */
    private static final Map<Font, float[]> ADVANCES = new ConcurrentHashMap<>();

    private static float[] unmeasured(Font font) {
        float[] advances = new float[Character.MAX_VALUE + 1];
        Arrays.fill(advances, Float.NaN);
        return advances;
    }

    private static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return line.substring(0, end);
    }
}
