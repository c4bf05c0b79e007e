package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.propertyquality.review.marts.CustomerMarts.FollowUpList;
import com.propertyquality.review.marts.CustomerMarts;
import com.propertyquality.review.reports.document.Block;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Table;

/**
 * The households to visit again ({@code follow_up_list}, procedure 5.2). Each office's report lists its own
 * households, one table per office; head office's packet shows a page at most: the entries counted per office and
 * reason, and the longest-open entries company-wide. The full list of the packet is a data-only table, written to
 * the XLSX's data sheet and left out of the PDF and HTML. A household is named by its id: the mart holds no personal
 * data, and the office finds the contact in its own customer records.
 */
final class FollowUpTables {

    /**
     * The longest-open entries the packet prints: with the counts per office (one row each) they fill one A4 page
     * at most for a company of up to about fifteen offices (the sample has 14), in English too, whose reasons take
     * two lines.
     */
    static final int LONGEST_OPEN_SHOWN = 8;

    /** Oldest date first (open longest); an entry without a date after the dated ones; then office and household. */
    static final Comparator<MartRow> LONGEST_OPEN = Comparator
            .comparing((MartRow row) -> row.date(FollowUpList.DATE), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(row -> Objects.toString(row.text(FollowUpList.OFFICE_ID), ""))
            .thenComparing(row -> Objects.toString(row.text(FollowUpList.HOUSEHOLD_ID), ""));

    private FollowUpTables() {}

    private static String who(Lang lang) {
        return text(lang, "followUpTables.households_that_rated_item_dissatisfied_or");
    }

    /**
     * Head office's part of the list: how many entries there are, counted per office by reason with the company's
     * total, then the {@link #LONGEST_OPEN_SHOWN} longest-open entries company-wide; the full list as a data-only
     * table for the XLSX. Read row by row, in the mart's order (office, then date).
     */
    static List<Block> headOfficeSummary(PacketSource source, int year, Lang lang) {
        return headOfficeSummary(source, year, true, lang);
    }

    /**
     * As above; the full list only when {@code fullList} (the XLSX, whose data sheet carries it). The counts and the
     * oldest entries are kept as the rows go by, so a PDF or HTML packet never holds the year's list (0.9 million
     * entries for a company of 2,000 offices).
     */
    static List<Block> headOfficeSummary(PacketSource source, int year, boolean fullList, Lang lang) {
        Counts counts = new Counts();
        // the oldest LONGEST_OPEN_SHOWN so far, the newest of them on top to be pushed out
        PriorityQueue<MartRow> oldest = new PriorityQueue<>(LONGEST_OPEN.reversed());
        List<MartRow> all = new ArrayList<>();
        // every column: the full list shows them all
        source.eachOfYear(CustomerMarts.FOLLOW_UP_LIST, year, FollowUpList.COLUMNS.columns(), row -> {
            counts.add(row);
            oldest.add(row);
            if (oldest.size() > LONGEST_OPEN_SHOWN) {
                oldest.poll();
            }
            if (fullList) {
                all.add(row);
            }
        });
        if (counts.entries == 0) {
            return followUpBlocks(List.of(), year, lang);
        }
        List<MartRow> shown = oldest.stream().sorted(LONGEST_OPEN).toList();
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraphs.of(who(lang), text(lang, "followUpTables.entries_visit_again_below_their_count", year,
                counts.entries, shown.size())));
        blocks.add(counts.table(lang));
        blocks.add(longestOpen(shown, lang));
        if (fullList) {
            blocks.add(fullList(all, lang));
        }
        return blocks;
    }

    /** The entries counted per office, in the order the offices come, and per reason. */
    private static final class Counts {
        final Map<String, Map<String, Long>> byOffice = new LinkedHashMap<>();
        final Map<String, String> names = new LinkedHashMap<>();
        final Set<String> reasonCodes = new TreeSet<>();
        long entries;

        void add(MartRow row) {
            entries++;
            names.putIfAbsent(row.text(FollowUpList.OFFICE_ID), Labels.office(row));
            byOffice.computeIfAbsent(row.text(FollowUpList.OFFICE_ID), id -> new LinkedHashMap<>())
                    .merge(row.text(FollowUpList.REASON), 1L, Long::sum);
            reasonCodes.add(row.text(FollowUpList.REASON));
        }

        Table table(Lang lang) {
            List<String> reasons = List.copyOf(reasonCodes);
            List<Column> columns = new ArrayList<>();
            columns.add(Column.text(text(lang, "column.office"), 24));
            reasons.forEach(reason -> columns.add(Column.count(ReviewTerms.followUpReason(reason, lang), 12)));
            columns.add(Column.count(text(lang, "column.total"), 9));
            List<Row> table = new ArrayList<>();
            Map<String, Long> company = new LinkedHashMap<>();
            byOffice.forEach((office, counts) -> {
                counts.forEach((reason, count) -> company.merge(reason, count, Long::sum));
                table.add(countRow(names.get(office), reasons, counts));
            });
            table.add(countRow(Labels.company(lang), reasons, company));
            return Table.of(columns, table)
                    .withCaption(text(lang, "followUpTables.entries_visit_again_per_office"));
        }
    }

    private static Row countRow(String scope, List<String> reasons, Map<String, Long> counts) {
        List<Object> cells = new ArrayList<>();
        cells.add(scope);
        reasons.forEach(reason -> cells.add(counts.getOrDefault(reason, 0L)));
        cells.add(counts.values().stream().mapToLong(Long::longValue).sum());
        return new Row(cells, false);
    }

    /** The entries open longest, company-wide, oldest first. */
    static Table longestOpen(List<MartRow> oldest, Lang lang) {
        int shown = oldest.size();
        // the reference (survey form or register entry) leads to the detail; the visit id is left to the full list
        List<Row> rows = oldest.stream().sorted(LONGEST_OPEN)
                .map(row -> Row.of(Labels.office(row), row.text(FollowUpList.HOUSEHOLD_ID), row.date(FollowUpList.DATE),
                        ReviewTerms.followUpReason(row.text(FollowUpList.REASON), lang), row.text(FollowUpList.REF_ID)))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.office"), 22),
                        Column.text(text(lang, "column.household"), 11),
                        Column.date(text(lang, "column.date"), 9),
                        Column.text(text(lang, "column.reason"), 20),
                        Column.text(text(lang, "column.reference"), 15)), rows)
                .withCaption(text(lang, "followUpTables.oldest_company_wide", shown));
    }

    /** Every entry of the year, with its office: the XLSX's data sheet alone carries it. */
    static Table fullList(List<MartRow> rows, Lang lang) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(text(lang, "column.office"), 12));
        columns.addAll(followUpTable(List.of(), lang).columns());
        List<Row> all = rows.stream().map(row -> {
            List<Object> cells = new ArrayList<>();
            cells.add(Labels.office(row));
            cells.addAll(cells(row, lang));
            return new Row(cells, false);
        }).toList();
        return Table.of(columns, all)
                .withCaption(text(lang, "followUpTables.households_visit_again_full_list"))
                .asDataOnly();
    }

    /**
     * The households to visit again, one table per office (the mart's order: office, then date), for the offices
     * {@code offices} accepts.
     */
    static List<Block> followUpBlocks(PacketSource source, int year, Predicate<String> offices, Lang lang) {
        List<MartRow> rows = new ArrayList<>();
        source.eachOfYear(CustomerMarts.FOLLOW_UP_LIST, year, FollowUpList.COLUMNS.columns(), row -> {
            if (offices.test(row.text(FollowUpList.OFFICE_ID))) {
                rows.add(row);
            }
        });
        return followUpBlocks(rows, year, lang);
    }

    /** The households to visit again of {@code rows} (follow_up_list rows of the year), one table per office. */
    private static List<Block> followUpBlocks(List<MartRow> rows, int year, Lang lang) {
        Map<String, List<MartRow>> byOffice = new LinkedHashMap<>();
        for (MartRow row : rows) {
            byOffice.computeIfAbsent(row.text(FollowUpList.OFFICE_ID), id -> new ArrayList<>()).add(row);
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraphs.of(who(lang)));
        if (byOffice.isEmpty()) {
            blocks.add(followUpTable(List.of(), lang).withEmptyText(
                    text(lang, "followUpTables.no_household_needs_another_visit",
                    year)));
        }
        byOffice.values().forEach(office -> blocks.add(followUpTable(office, lang)
                .withCaption(Labels.office(office.get(0)))));
        return blocks;
    }

    private static Table followUpTable(List<MartRow> rows, Lang lang) {
        return Table.of(List.of(
                        Column.text(text(lang, "column.household"), 10),
                        Column.date(text(lang, "column.date"), 8),
                        Column.text(text(lang, "column.reason"), 14),
                        Column.text(text(lang, "column.reference"), 12),
                        Column.text(text(lang, "column.detail"), 15),
                        Column.text(text(lang, "column.note"), 17)),
                rows.stream().map(row -> new Row(cells(row, lang), false)).toList());
    }

    private static List<Object> cells(MartRow row, Lang lang) {
        return Arrays.asList(row.text(FollowUpList.HOUSEHOLD_ID), row.date(FollowUpList.DATE),
                ReviewTerms.followUpReason(row.text(FollowUpList.REASON), lang), row.text(FollowUpList.REF_ID),
                detail(row, lang), row.text(FollowUpList.NOTE));
    }

    /**
     * A survey row's detail is its dissatisfied items (codes, comma-separated): printed by their names. A visit's
     * detail is its visit id, printed as stored.
     */
    private static String detail(MartRow row, Lang lang) {
        String detail = row.text(FollowUpList.DETAIL);
        if (detail == null || !"survey".equals(row.text(FollowUpList.SOURCE))) {
            return detail;
        }
        return Arrays.stream(detail.split(","))
                .map(String::trim)
                .map(code -> ReviewTerms.surveyItem(code, lang))
                .collect(Collectors.joining(text(lang, "common.enumeration_comma")));
    }
}
