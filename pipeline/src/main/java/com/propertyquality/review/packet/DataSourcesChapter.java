package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.propertyquality.review.marts.SourceMarts;
import com.propertyquality.review.marts.SourceMarts.DataSources;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * 数据来源, the packet's last page: the lake snapshot each table was read at, and the loads and input files behind
 * the year's figures (file, SHA-256, when loaded, rows stored and rejected), from the {@code data_sources} mart of
 * the aggregate the packet was built from. With it a signed packet can be traced to the files the offices sent, and
 * reproduced ({@code aggregate --snapshot}).
 */
public final class DataSourcesChapter {

    private DataSourcesChapter() {}

    public static Chapter build(PacketSource source, int year, Lang lang) {
        List<MartRow> rows = source.rows(SourceMarts.DATA_SOURCES).stream()
                .filter(row -> row.get(DataSources.YEAR) == null
                        || Objects.equals(row.integer(DataSources.YEAR), year))
                .toList();
        List<Section> sections = new ArrayList<>();
        if (rows.isEmpty()) {
            sections.add(Section.of(null, Paragraphs.of(text(lang, "dataSources.none"))));
        } else {
            sections.add(Section.of(null, Paragraphs.of(text(lang, "dataSources.intro")), snapshots(rows, lang),
                    loads(rows, year, lang), checksums(rows, lang)));
        }
        return new Chapter(text(lang, "dataSources.title"), text(lang, "dataSources.sheet"), sections);
    }

    /** One row per table: the snapshot every figure of the packet was computed from. */
    private static Table snapshots(List<MartRow> rows, Lang lang) {
        Map<String, MartRow> byTable = new LinkedHashMap<>();
        rows.forEach(row -> byTable.putIfAbsent(row.text(DataSources.LAKE_TABLE), row));
        List<Row> table = byTable.values().stream().map(row -> Row.of(row.text(DataSources.LAKE_TABLE),
                String.valueOf(row.count(DataSources.SNAPSHOT_ID)), moment(row.text(DataSources.COMMITTED_AT))))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.lake_table"), 14),
                        Column.text(text(lang, "column.snapshot_id"), 12),
                        Column.text(text(lang, "column.committed_at"), 10)), table)
                .withCaption(text(lang, "dataSources.snapshots_caption"));
    }

    /** One row per input file behind a table's figures of the year, table by table, in load order. */
    private static Table loads(List<MartRow> rows, int year, Lang lang) {
        List<Row> table = rows.stream().map(row -> Row.of(row.text(DataSources.LAKE_TABLE),
                        row.text(DataSources.SOURCE_FILE) == null ? text(lang, "dataSources.no_file_named")
                                : row.text(DataSources.SOURCE_FILE),
                        row.text(DataSources.RUN_ID), moment(row.text(DataSources.LOADED_AT)),
                        row.count(DataSources.ROWS_STORED), row.count(DataSources.ROWS_REJECTED)))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.lake_table"), 25),
                        Column.text(text(lang, "column.source_file"), 25),
                        Column.text(text(lang, "column.run"), 26),
                        Column.text(text(lang, "column.loaded_at"), 22),
                        Column.count(text(lang, "column.rows_stored"), 7),
                        Column.count(text(lang, "column.rows_rejected"), 7)), table)
                .withCaption(text(lang, "dataSources.files_caption", year));
    }

    /** Each input file once, with the SHA-256 that checks it against the office's original. */
    private static Table checksums(List<MartRow> rows, Lang lang) {
        Map<String, String> files = new LinkedHashMap<>();
        rows.stream().filter(row -> row.text(DataSources.SOURCE_SHA256) != null)
                .forEach(row -> files.putIfAbsent(row.text(DataSources.SOURCE_SHA256),
                        row.text(DataSources.SOURCE_FILE)));
        List<Row> table = files.entrySet().stream().map(file -> Row.of(file.getValue(), file.getKey())).toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.source_file"), 30),
                        Column.text(text(lang, "column.sha256"), 70)), table)
                .withCaption(text(lang, "dataSources.checksums_caption"));
    }

    /** 2026-01-31T10:15:30.123Z as 2026-01-31 10:15:30 (the headers say UTC). */
    private static String moment(String iso) {
        if (iso == null) {
            return null;
        }
        String seconds = iso.length() >= 19 ? iso.substring(0, 19) : iso;
        return seconds.replace('T', ' ');
    }
}
