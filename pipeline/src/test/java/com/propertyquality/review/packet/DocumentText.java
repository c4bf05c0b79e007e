package com.propertyquality.review.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import com.propertyquality.review.reports.document.BarChart;
import com.propertyquality.review.reports.document.Block;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.ParetoChart;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/** Reads a chapter back for assertions: its tables, every text it prints, every cell value. */
final class DocumentText {

    /** CJK ideographs and the full-width punctuation Chinese text uses. */
    static final Pattern CHINESE = Pattern.compile("[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]");

    private DocumentText() {}

    static List<Table> tables(Chapter chapter) {
        return tables(chapter.sections());
    }

    static List<Table> tables(Collection<Section> sections) {
        return sections.stream().flatMap(section -> section.blocks().stream())
                .filter(Table.class::isInstance).map(Table.class::cast).toList();
    }

    static List<Table> tables(Section section) {
        return tables(List.of(section));
    }

    /** The only table with this caption. */
    static Table captioned(Collection<Section> sections, String caption) {
        List<Table> found = tables(sections).stream().filter(t -> caption.equals(t.caption())).toList();
        assertThat(found).as("tables captioned " + caption).hasSize(1);
        return found.get(0);
    }

    static Table captioned(Chapter chapter, String caption) {
        return captioned(chapter.sections(), caption);
    }

    static List<String> paragraphs(Section section) {
        return section.blocks().stream().filter(Paragraphs.class::isInstance)
                .flatMap(block -> ((Paragraphs) block).lines().stream()).toList();
    }

    static List<List<Object>> cells(Table table) {
        return table.rows().stream().map(Row::cells).toList();
    }

    static List<String> headers(Table table) {
        return table.columns().stream().map(c -> c.header()).toList();
    }

    /** Every string the chapters print: titles, headings, paragraphs, captions, headers, notes, text cells. */
    static List<String> texts(Collection<Chapter> chapters) {
        List<String> texts = new ArrayList<>();
        for (Chapter chapter : chapters) {
            texts.add(chapter.title());
            texts.add(chapter.sheet());
            texts.addAll(texts(chapter.sections(), true));
        }
        return texts;
    }

    static List<String> texts(Collection<Section> sections, boolean withTitles) {
        List<String> texts = new ArrayList<>();
        for (Section section : sections) {
            if (withTitles) {
                texts.add(section.title());
            }
            for (Block block : section.blocks()) {
                texts.addAll(texts(block));
            }
        }
        return texts.stream().filter(Objects::nonNull).toList();
    }

    private static List<String> texts(Block block) {
        List<String> texts = new ArrayList<>();
        if (block instanceof Paragraphs paragraphs) {
            texts.addAll(paragraphs.lines());
        } else if (block instanceof Table table) {
            texts.add(table.caption());
            texts.add(table.emptyText());
            texts.add(table.note());
            table.columns().forEach(column -> texts.add(column.header()));
            table.rows().forEach(row -> row.cells().forEach(cell -> texts.add(cell == null ? null : cell.toString())));
        } else if (block instanceof ParetoChart chart) {
            texts.add(chart.caption());
            texts.add(chart.countAxis());
            texts.add(chart.shareAxis());
            chart.bars().forEach(bar -> texts.add(bar.label()));
        } else if (block instanceof BarChart chart) {
            texts.add(chart.caption());
            texts.add(chart.valueAxis());
            chart.bars().forEach(bar -> texts.add(bar.label()));
        }
        return texts;
    }

    /** Every non-null cell value of every table, as it is (numbers stay numbers). */
    static List<Object> values(Collection<Section> sections) {
        List<Object> values = new ArrayList<>();
        for (Table table : tables(sections)) {
            table.rows().forEach(row -> row.cells().stream().filter(Objects::nonNull).forEach(values::add));
        }
        for (Section section : sections) {
            section.blocks().stream().filter(ParetoChart.class::isInstance).map(ParetoChart.class::cast)
                    .forEach(chart -> chart.bars().forEach(bar -> {
                        values.add(bar.count());
                        values.add(bar.cumulativeShare());
                    }));
        }
        return values;
    }

    static List<Section> sections(Collection<Chapter> chapters) {
        return chapters.stream().flatMap(chapter -> chapter.sections().stream()).toList();
    }

    /** The printed labels contain no Chinese; data given in ASCII stays ASCII, so any Chinese is a label. */
    static void assertNoChinese(Collection<Chapter> chapters) {
        for (String text : texts(chapters)) {
            assertThat(CHINESE.matcher(text).find()).as("Chinese in an English label: " + text).isFalse();
        }
    }

    /** XLSX sheet names: at most 31 characters, none of []:*?/\ . */
    static void assertValidSheet(Chapter chapter) {
        assertThat(chapter.sheet()).hasSizeLessThanOrEqualTo(31).doesNotContainPattern("[\\[\\]:*?/\\\\]");
    }

    /** Every table that has no rows says so in a sentence. */
    static void assertEmptyTablesExplain(Collection<Section> sections) {
        for (Table table : tables(sections)) {
            if (table.rows().isEmpty()) {
                assertThat(table.emptyText()).as("empty text of " + table.caption() + " " + headers(table))
                        .isNotBlank();
            }
        }
    }
}
