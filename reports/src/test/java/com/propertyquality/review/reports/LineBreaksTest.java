package com.propertyquality.review.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.util.List;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;

import org.junit.jupiter.api.Test;

class LineBreaksTest {

    static final Font CELL = TableDesigns.font(DefaultJasperReportsContext.getInstance(), Font.PLAIN, 8.5f);

    /** Long sentences full of punctuation, record ids, masked phones and numbers. */
    static final String SENTENCES = "住户（叶**，电话158****7813）于2025-03-30投诉：“电梯停运三天，无人处理！”"
            + "管理处回复：已处理。关联编号FB2025-DG01-0012、R2025-DG01-0001、CA-2025-007；回收率69.13%，"
            + "满意率（%）为88.24%；《服务规范》第4.5.4条要求：限期整改？是！备注【重要】：联系137****2228。";

    @Test
    void noLineStartsWithClosingOrEndsWithOpeningPunctuationAndTokensStayWhole() {
        for (double width : new double[] {40, 55, 70, 90, 120, 200, 509}) {
            List<String> lines = List.of(LineBreaks.wrap(SENTENCES, CELL, width).split("\n"));
            assertThat(lines).as("width %s", width).allSatisfy(line -> {
                assertThat(line).isNotEmpty();
                assertThat(LineBreaks.CLOSING.indexOf(line.charAt(0))).as(line).isNegative();
                assertThat(LineBreaks.OPENING.indexOf(line.charAt(line.length() - 1))).as(line).isNegative();
                assertThat(LineBreaks.width(CELL, line)).as(line).isLessThanOrEqualTo(width);
            });
            assertThat(String.join("", lines)).isEqualTo(SENTENCES); // nothing lost, nothing added
            String printed = String.join("\n", lines);
            if (width < LineBreaks.widestToken(SENTENCES, CELL) + LineBreaks.SLACK) {
                // Narrower than the longest id: that one must be cut (the table widens such columns).
                assertThat(printed).doesNotContain("FB2025-DG01-0012");
                continue;
            }
            for (String token : List.of("158****7813", "137****2228", "FB2025-DG01-0012", "R2025-DG01-0001",
                    "CA-2025-007", "2025-03-30", "69.13%", "88.24%", "4.5.4")) {
                assertThat(printed).as("width %s", width).contains(token);
            }
        }
    }

    @Test
    void widthsAreTheFontsOwnToTheLastBit() {
        java.awt.font.FontRenderContext jasper = new java.awt.font.FontRenderContext(null, true, true);
        Font bold = TableDesigns.font(DefaultJasperReportsContext.getInstance(), Font.BOLD, 11f);
        Font kerned = CELL.deriveFont(java.util.Map.of(java.awt.font.TextAttribute.KERNING,
                java.awt.font.TextAttribute.KERNING_ON));
        List<String> texts = List.of(SENTENCES, "Lifts and security are main factors", "AVAWAY 1,234.50 ﬁ",
                "e\u0301cole", "مرحبا", "房屋😀漏水\uD83D", "\t空 格  ", "x");
        for (Font font : List.of(CELL, bold, kerned)) {
            for (String text : texts) {
                // every prefix: the widths a line break is chosen by
                for (int end = 1; end <= text.length(); end++) {
                    String part = text.substring(0, end);
                    assertThat(LineBreaks.width(font, part)).as("%s: %s", font, part)
                            .isEqualTo(font.getStringBounds(part, jasper).getWidth());
                }
            }
        }
        assertThat(LineBreaks.width(CELL, "")).isZero();
    }

    @Test
    void aLineEndsAtTheLastBreakThatFits() {
        // 12 characters of room: the id goes whole to the next line instead of being split at its hyphens.
        double room = LineBreaks.width(CELL, "关联编号R2025-DG01") + LineBreaks.SLACK + 0.5;
        assertThat(LineBreaks.wrap("关联编号R2025-DG01-0001。", CELL, room)).isEqualTo("关联编号\nR2025-DG01-0001。");
        // Words are broken at spaces, and the space goes with the break.
        double english = LineBreaks.width(CELL, "Lifts and security") + LineBreaks.SLACK + 0.5;
        assertThat(LineBreaks.wrap("Lifts and security are main factors", CELL, english))
                .isEqualTo("Lifts and security\nare main factors");
    }

    @Test
    void textThatFitsOrIsEmptyIsLeftAlone() {
        assertThat(LineBreaks.wrap("电梯", CELL, 100)).isEqualTo("电梯");
        assertThat(LineBreaks.wrap("", CELL, 100)).isEmpty();
        assertThat(LineBreaks.wrap(null, CELL, 100)).isNull();
        assertThat(LineBreaks.wrap("第一段\n第二段", CELL, 100)).isEqualTo("第一段\n第二段");
    }

    @Test
    void aWordWiderThanTheLineIsCutButNeverBeforeClosingPunctuation() {
        String word = "Maintenance,";
        double room = LineBreaks.width(CELL, "Maintenanc") + LineBreaks.SLACK + 0.1;
        List<String> lines = List.of(LineBreaks.wrap(word, CELL, room).split("\n"));
        assertThat(lines).hasSizeGreaterThan(1).allSatisfy(line -> assertThat(line).doesNotStartWith(","));
        assertThat(String.join("", lines)).isEqualTo(word);
    }

    @Test
    void theWidestTokenIsTheOneAColumnNeedsToPrintIt() {
        assertThat(LineBreaks.widestToken("电话 158****7813，编号 FB2025-DG01-0012", CELL))
                .isEqualTo(LineBreaks.width(CELL, "FB2025-DG01-0012"));
        assertThat(LineBreaks.widestToken("没有数字的文字 and words", CELL)).isZero();
    }
}
