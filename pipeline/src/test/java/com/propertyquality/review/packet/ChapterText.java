package com.propertyquality.review.packet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.propertyquality.review.reports.document.BarChart;
import com.propertyquality.review.reports.document.Block;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.ParetoChart;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/** Reads a built chapter back for assertions: its tables, its words, and a plain-text dump for failure messages. */
final class ChapterText {

    /** Chinese characters and the full-width punctuation that goes with them. */
    static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");

    private ChapterText() {}

    /** The chapter's sections as the document prints them: numbered by position, as the assembly does. */
    static List<Section> numberedSections(Chapter chapter, Lang lang) {
        return chapter.withNumbers("", n -> ChapterNumbers.section(n, lang)).sections();
    }

    static Section section(Chapter chapter, int index) {
        return chapter.sections().get(index);
    }

    static List<Table> tables(Section section) {
        return section.blocks().stream().filter(Table.class::isInstance).map(Table.class::cast).toList();
    }

    static List<Table> tables(Chapter chapter) {
        return chapter.sections().stream().flatMap(section -> tables(section).stream()).toList();
    }

    static <T extends Block> List<T> blocks(Chapter chapter, Class<T> type) {
        return blocks(chapter.sections(), type);
    }

    static <T extends Block> List<T> blocks(List<Section> sections, Class<T> type) {
        return sections.stream().flatMap(section -> section.blocks().stream()).filter(type::isInstance)
                .map(type::cast).toList();
    }

    static List<String> headers(Table table) {
        return table.columns().stream().map(Column::header).toList();
    }

    /** The cells of one column, in row order. */
    static List<Object> column(Table table, int index) {
        return table.rows().stream().map(row -> row.cells().get(index)).toList();
    }

    static List<Integer> highlighted(Table table) {
        List<Integer> shaded = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            if (table.rows().get(i).highlighted()) {
                shaded.add(i);
            }
        }
        return shaded;
    }

    static String paragraphs(Section section) {
        return String.join("\n", section.blocks().stream().filter(Paragraphs.class::isInstance)
                .flatMap(block -> ((Paragraphs) block).lines().stream()).toList());
    }

    /** Every string the chapter prints: labels, notes, sentences, text cells and chart labels. */
    static List<String> words(Chapter chapter) {
        List<String> words = new ArrayList<>(List.of(chapter.title(), chapter.sheet()));
        words.addAll(words(chapter.sections()));
        return words;
    }

    static List<String> words(List<Section> sections) {
        List<String> words = new ArrayList<>();
        for (Section section : sections) {
            words.add(section.title());
            for (Block block : section.blocks()) {
                if (block instanceof Table table) {
                    words.addAll(Arrays.asList(table.caption(), table.emptyText(), table.note()));
                    words.addAll(headers(table));
                    table.rows().stream().flatMap(row -> row.cells().stream())
                            .filter(String.class::isInstance).map(String.class::cast).forEach(words::add);
                } else if (block instanceof Paragraphs paragraphs) {
                    words.addAll(paragraphs.lines());
                } else if (block instanceof BarChart chart) {
                    words.addAll(Arrays.asList(chart.caption(), chart.valueAxis(), chart.referenceLabel()));
                    chart.bars().forEach(bar -> words.add(bar.label()));
                } else if (block instanceof ParetoChart chart) {
                    words.addAll(Arrays.asList(chart.caption(), chart.countAxis(), chart.shareAxis()));
                    chart.bars().forEach(bar -> words.add(bar.label()));
                }
            }
        }
        return words.stream().filter(word -> word != null).toList();
    }

    static List<String> chinese(List<String> words) {
        return words.stream().filter(word -> CHINESE.matcher(word).find()).toList();
    }

    /** A readable dump, for failure messages and for looking at a chapter while writing it. */
    static String dump(Chapter chapter) {
        StringBuilder text = new StringBuilder("# ").append(chapter.title()).append(" [").append(chapter.sheet())
                .append("]\n");
        dump(chapter.sections(), text);
        return text.toString();
    }

    static String dump(List<Section> sections) {
        StringBuilder text = new StringBuilder();
        dump(sections, text);
        return text.toString();
    }

    private static void dump(List<Section> sections, StringBuilder text) {
        for (Section section : sections) {
            text.append("## ").append(section.title()).append(section.newPage() ? " (new page)" : "").append('\n');
            for (Block block : section.blocks()) {
                if (block instanceof Table table) {
                    text.append("[table] ").append(table.caption()).append('\n')
                            .append("  | ").append(String.join(" | ", headers(table))).append('\n');
                    for (Row row : table.rows()) {
                        text.append(row.highlighted() ? "  * " : "  | ").append(row.cells()).append('\n');
                    }
                    if (table.rows().isEmpty()) {
                        text.append("  (empty) ").append(table.emptyText()).append('\n');
                    }
                    if (table.note() != null) {
                        text.append("  note: ").append(table.note()).append('\n');
                    }
                } else if (block instanceof Paragraphs paragraphs) {
                    paragraphs.lines().forEach(line -> text.append(line).append('\n'));
                } else if (block instanceof BarChart chart) {
                    text.append("[bars] ").append(chart.caption()).append(' ').append(chart.bars()).append(" ref ")
                            .append(chart.reference()).append('\n');
                } else if (block instanceof ParetoChart chart) {
                    text.append("[pareto] ").append(chart.caption()).append(' ').append(chart.bars()).append(" cut ")
                            .append(chart.cutOff()).append('\n');
                }
            }
        }
    }
}
