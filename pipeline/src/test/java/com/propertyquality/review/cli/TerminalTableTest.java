package com.propertyquality.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Columns padded by the width a terminal gives the text, not by its length in chars. */
class TerminalTableTest {

    @Test
    void countsWideCharactersTwiceAndCombiningMarksNot() {
        assertThat(TerminalTable.width("office")).isEqualTo(6);
        assertThat(TerminalTable.width("甲管理处")).isEqualTo(8);
        assertThat(TerminalTable.width("A区-东苑")).isEqualTo(8);
        assertThat(TerminalTable.width("ＡＢ１")).isEqualTo(6); // fullwidth forms
        assertThat(TerminalTable.width("（一）、")).isEqualTo(8); // fullwidth and ideographic punctuation
        assertThat(TerminalTable.width("Ame\u0301lie")).isEqualTo(6); // e and a combining acute accent
        assertThat(TerminalTable.width("한국")).isEqualTo(4);
        assertThat(TerminalTable.width("\uD840\uDC00")).isEqualTo(2); // U+20000, CJK Extension B, a surrogate pair
        assertThat(TerminalTable.width("a\u200Bb")).isEqualTo(2); // zero-width space
    }

    @Test
    void everyColumnStartsAtTheSameDisplayColumnOnEveryLine() {
        TerminalTable table = new TerminalTable("office", "name", "returned", "rate", "note").alignRight(2, 3);
        table.add("DG01", "东莞松山湖管理处", 1234, "60.00%", "ok");
        table.add("SZ-02", "Shenzhen Bay 深圳湾", 5, "100.00%", null);
        table.add("GZ3", "Ame\u0301lie Court（一期）", 77, "9.50%", "ＡＢ段 repaired");
        table.add("X", "x", 0, "-", "最后");

        List<String> lines = table.lines("  ");

        assertThat(lines).hasSize(5);
        List<List<Integer>> starts = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        List<List<String>> cells = List.of(
                List.of("office", "name", "returned", "rate", "note"),
                List.of("DG01", "东莞松山湖管理处", "1234", "60.00%", "ok"),
                List.of("SZ-02", "Shenzhen Bay 深圳湾", "5", "100.00%"),
                List.of("GZ3", "Ame\u0301lie Court（一期）", "77", "9.50%", "ＡＢ段 repaired"),
                List.of("X", "x", "0", "-", "最后"));
        for (int l = 0; l < lines.size(); l++) {
            String line = lines.get(l);
            List<Integer> start = new ArrayList<>();
            List<Integer> end = new ArrayList<>();
            int from = 0;
            for (String cell : cells.get(l)) {
                int at = line.indexOf(cell, from);
                assertThat(at).as(line + " holds " + cell).isGreaterThanOrEqualTo(0);
                start.add(TerminalTable.width(line.substring(0, at)));
                end.add(TerminalTable.width(line.substring(0, at + cell.length())));
                from = at + cell.length();
            }
            starts.add(start);
            ends.add(end);
        }
        // left-aligned columns (office, name, note) start together, right-aligned ones (returned, rate) end together
        for (int l = 1; l < lines.size(); l++) {
            assertThat(starts.get(l).get(0)).as(lines.get(l)).isEqualTo(starts.get(0).get(0)).isEqualTo(2);
            assertThat(starts.get(l).get(1)).as(lines.get(l)).isEqualTo(starts.get(0).get(1));
            assertThat(ends.get(l).get(2)).as(lines.get(l)).isEqualTo(ends.get(0).get(2));
            assertThat(ends.get(l).get(3)).as(lines.get(l)).isEqualTo(ends.get(0).get(3));
            if (starts.get(l).size() > 4) {
                assertThat(starts.get(l).get(4)).as(lines.get(l)).isEqualTo(starts.get(0).get(4));
            }
        }
        // the widest name sets its column, 20 columns in 18 chars (东莞松山湖管理处: 16 in 8), and the gap of 2
        assertThat(starts.get(0).get(2) - starts.get(0).get(1)).isEqualTo(20 + 2);
        assertThat(lines.get(2)).as("no trailing spaces after an empty last cell").endsWith("100.00%");
    }

    /**
     * The display columns where each cell of a printed table line starts and ends ({start, end}), the cells being
     * what two or more spaces separate: for the commands' tests to check that their columns line up.
     */
    static List<int[]> cells(String line) {
        List<int[]> cells = new ArrayList<>();
        java.util.regex.Matcher cell = java.util.regex.Pattern.compile("\\S+(?: \\S+)*").matcher(line);
        while (cell.find()) {
            cells.add(new int[] {TerminalTable.width(line.substring(0, cell.start())),
                    TerminalTable.width(line.substring(0, cell.end()))});
        }
        return cells;
    }

    /** Asserts that the given columns start (left) or end (right) at the same display column on every line. */
    static void assertLinedUp(List<String> lines, List<Integer> left, List<Integer> right) {
        List<int[]> first = cells(lines.get(0));
        for (String line : lines) {
            List<int[]> cells = cells(line);
            for (int column : left) {
                if (column < cells.size()) {
                    assertThat(cells.get(column)[0]).as(column + " starts together:\n" + String.join("\n", lines))
                            .isEqualTo(first.get(column)[0]);
                }
            }
            for (int column : right) {
                assertThat(cells.get(column)[1]).as(column + " ends together:\n" + String.join("\n", lines))
                        .isEqualTo(first.get(column)[1]);
            }
        }
    }
}
