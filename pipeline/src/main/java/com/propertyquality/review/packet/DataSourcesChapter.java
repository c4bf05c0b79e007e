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
                    files(rows, lang)));
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
    private static Table files(List<MartRow> rows, Lang lang) {
        List<Row> table = rows.stream().map(row -> Row.of(row.text(DataSources.LAKE_TABLE),
                        row.text(DataSources.SOURCE_FILE) == null ? text(lang, "dataSources.no_file_named")
                                : row.text(DataSources.SOURCE_FILE),
                        row.text(DataSources.SOURCE_SHA256), moment(row.text(DataSources.LOADED_AT)),
                        row.count(DataSources.ROWS_STORED), row.count(DataSources.ROWS_REJECTED)))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.lake_table"), 10),
                        Column.text(text(lang, "column.source_file"), 14),
                        Column.text(text(lang, "column.sha256"), 22),
                        Column.text(text(lang, "column.loaded_at"), 9),
                        Column.count(text(lang, "column.rows_stored"), 5),
                        Column.count(text(lang, "column.rows_rejected"), 5)), table)
                .withCaption(text(lang, "dataSources.files_caption", year(rows)));
    }

    private static String year(List<MartRow> rows) {
        return rows.stream().map(row -> row.integer(DataSources.YEAR)).filter(Objects::nonNull).findFirst()
                .map(String::valueOf).orElse("");
    }

    /** 2026-01-31T10:15:30.123Z as 2026-01-31 10:15:30 UTC. */
    private static String moment(String iso) {
        if (iso == null) {
            return null;
        }
        String seconds = iso.length() >= 19 ? iso.substring(0, 19) : iso;
        return seconds.replace('T', ' ') + " UTC";
    }
}
