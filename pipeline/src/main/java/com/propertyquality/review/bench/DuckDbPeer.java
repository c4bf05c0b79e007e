package com.propertyquality.review.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;


/**
 * The DuckDB peer (JDBC, in-process): loads the same CSV files into Parquet, then computes four figures of the
 * marts from that Parquet with SQL written from the formulas of data/README.md. Its figures are compared with
 * ours by {@link FigureCheck}.
 */
final class DuckDbPeer {

    /** The figures computed, by the name of the mart they are compared with. */
    static final Map<String, String> FIGURES = figures();

    private DuckDbPeer() {
    }


    /** Stage "load": every {@code <template>*.csv} of {@code input} to {@code out/<template>.parquet}. */
    static void load(Path input, Path out) throws SQLException, java.io.IOException {
        Files.createDirectories(out); // DuckDB's COPY does not create folders
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            for (String template : SparkCsvPeer.templates(input)) {
                sql.execute("COPY (SELECT * FROM read_csv('" + input.toAbsolutePath().resolve(template) + "*.csv',"
                        + " header = true, all_varchar = false)) TO '" + parquet(out, template)
                        + "' (FORMAT parquet, COMPRESSION snappy)");
            }
        }
    }

    /** Stage "figures": each figure from the Parquet of {@link #load}, written to {@code out/figures/<mart>/}. */
    static void figures(Path loaded, Path out) throws SQLException {
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            for (String template : new String[] {"survey-distribution", "survey-responses", "feedback"}) {
                sql.execute("CREATE VIEW \"" + template + "\" AS SELECT * FROM read_parquet('"
                        + parquet(loaded, template) + "')");
            }
            for (Map.Entry<String, String> figure : FIGURES.entrySet()) {
                // a folder per figure, as our marts are: the same reader takes both
                Path folder = out.resolve("figures").resolve(figure.getKey());
                try {
                    Files.createDirectories(folder);
                } catch (java.io.IOException e) {
                    throw new SQLException("cannot create " + folder, e);
                }
                sql.execute("COPY (" + figure.getValue() + ") TO '" + folder.resolve("part-0.parquet")
                        + "' (FORMAT parquet)");
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    private static String parquet(Path folder, String template) {
        return folder.toAbsolutePath().resolve(template + ".parquet").toString();
    }

    /** The SQL of each figure, from the same enums the marts use for items and ratings ({@link FigureSql}). */
    private static Map<String, String> figures() {
        String qualified = FigureSql.QUALIFIED;
        String unsatisfied = FigureSql.UNSATISFIED;
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("survey_returns", """
                WITH d AS (SELECT CAST(year AS INTEGER) AS year, CAST(office_id AS VARCHAR) AS office_id,
                                  CAST(forms_distributed AS BIGINT) AS forms_distributed FROM "survey-distribution"),
                     r AS (SELECT CAST(year AS INTEGER) AS year, CAST(office_id AS VARCHAR) AS office_id,
                                  count(*) AS forms_returned FROM "survey-responses" GROUP BY ALL)
                SELECT coalesce(d.year, r.year) AS year, coalesce(d.office_id, r.office_id) AS office_id,
                       d.forms_distributed, coalesce(r.forms_returned, 0) AS forms_returned,
                       r.forms_returned / d.forms_distributed AS return_rate
                FROM d FULL JOIN r ON d.year = r.year AND d.office_id = r.office_id
                ORDER BY 1, 2""");
        figures.put("satisfaction_by_office", """
                WITH ratings AS (UNPIVOT "survey-responses" ON %s INTO NAME item VALUE rating)
                SELECT CAST(year AS INTEGER) AS year, CAST(office_id AS VARCHAR) AS office_id,
                       count_if(rating IN (%s)) AS qualified, count_if(rating IN (%s)) AS unsatisfied,
                       count_if(rating IN (%s)) / (count_if(rating IN (%s)) + count_if(rating IN (%s)))
                           AS satisfaction_rate
                FROM ratings GROUP BY ALL ORDER BY 1, 2""".formatted(FigureSql.ITEMS, qualified, unsatisfied, qualified,
                qualified, unsatisfied));
        figures.put("feedback_summary", """
                SELECT CAST(year(CAST(received_on AS DATE)) AS INTEGER) AS year,
                       CAST(month(CAST(received_on AS DATE)) AS INTEGER) AS month, CAST(office_id AS VARCHAR) AS office_id,
                       channel, kind, area, coalesce(nullif(severity, ''), 'normal') AS severity,
                       count(*) AS entries, count_if(status = 'closed') AS closed
                FROM feedback GROUP BY ALL ORDER BY ALL""");
        figures.put("complaint_pareto", FigureSql.COMPLAINT_PARETO);
        return Collections.unmodifiableMap(figures);
    }
}
