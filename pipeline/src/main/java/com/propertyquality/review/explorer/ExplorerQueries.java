package com.propertyquality.review.explorer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import com.propertyquality.review.metrics.PercentagePoints;
import com.propertyquality.review.workbench.Answer;
import com.propertyquality.review.workbench.DuckDbReadEngine;

/**
 * The explorer's tables: fixed queries over the marts, each filter a bound parameter. They only select, join and
 * sum what the marts hold; every rate is the mart's own (data/README.md §6). A table whose mart was not built
 * answers with no columns and no rows.
 */
final class ExplorerQueries {

    /** The tables the pages and downloads name, in the order the SQL tab lists them. */
    private final Map<String, BiFunction<Filters, Set<String>, Query>> tables = new LinkedHashMap<>();
    private final DuckDbReadEngine engine;

    ExplorerQueries(DuckDbReadEngine engine) {
        this.engine = engine;
        tables.put("offices", ExplorerQueries::offices);
        tables.put("items", (f, v) -> scoped("satisfaction_by_item", f).orderBy(null));
        tables.put("item_offices", (f, v) -> new Query("satisfaction_by_item",
                "SELECT * FROM satisfaction_by_item WHERE year = ? AND office_id IS NOT NULL",
                new ArrayList<>(List.of(f.year()))).and("item", f.item()).and("office_id", f.office())
                .orderBy("office_id"));
        tables.put("levels", (f, v) -> scoped("satisfaction_by_level", f));
        tables.put("segments", (f, v) -> scoped("satisfaction_by_segment", f).and("dimension", f.dimension()));
        tables.put("value_segments", (f, v) -> scoped("customer_segments", f));
        tables.put("pareto", ExplorerQueries::pareto);
        tables.put("needs", (f, v) -> scoped("customer_needs", f).orderBy("rank"));
        tables.put("against_company", ExplorerQueries::againstCompany);
        tables.put("returns", (f, v) -> perOffice("survey_returns", f));
        tables.put("triggers", (f, v) -> perOffice("review_triggers", f));
        tables.put("attention", (f, v) -> perOffice("review_attention_items", f));
        tables.put("actions", (f, v) -> perOffice("action_status", f));
        tables.put("priorities", (f, v) -> scoped("item_priorities", f));
        tables.put("company", (f, v) -> new Query("satisfaction_company", "SELECT * FROM satisfaction_company",
                new ArrayList<>()).orderBy("year"));
    }

    Set<String> names() {
        return tables.keySet();
    }

    /** The table's rows, or null when there is no such table. */
    Answer table(String name, Filters filters) {
        BiFunction<Filters, Set<String>, Query> table = tables.get(name);
        if (table == null) {
            return null;
        }
        Set<String> views = Set.copyOf(engine.views());
        Query query = table.apply(filters, views);
        if (!views.containsAll(query.views())) {
            return new Answer(List.of(), List.of());
        }
        Answer answer = engine.read(query.sql(), query.parameters().toArray());
        return name.equals("against_company") ? withGap(answer) : answer;
    }

    /** The office's gap to the company per item, in percentage points: the formula of the marts' gap_points. */
    private static Answer withGap(Answer answer) {
        int rate = answer.columns().indexOf("satisfaction_rate");
        int company = answer.columns().indexOf("company_satisfaction_rate");
        List<String> columns = new ArrayList<>(answer.columns());
        columns.add("gap_points");
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : answer.rows()) {
            List<Object> more = new ArrayList<>(row);
            more.add(PercentagePoints.between((Double) row.get(rate), (Double) row.get(company)));
            rows.add(more);
        }
        return new Answer(columns, rows);
    }

    Answer read(String sql, Object... parameters) {
        return engine.read(sql, parameters);
    }

    boolean has(String view) {
        return engine.views().contains(view);
    }

    /** A mart with company-wide rows (office_id null) and office rows: the company's, or the office's. */
    private static Query scoped(String mart, Filters f) {
        Query query = new Query(mart, "SELECT * FROM " + mart + " WHERE year = ?", new ArrayList<>(List.of(f.year())));
        return f.office() == null ? query.text(" AND office_id IS NULL") : query.and("office_id", f.office());
    }

    /** A mart with office rows only (head-office or company-wide rows have office_id null): every office's, or one's. */
    private static Query perOffice(String mart, Filters f) {
        Query query = new Query(mart, "SELECT * FROM " + mart + " WHERE year = ?", new ArrayList<>(List.of(f.year())));
        return query.and("office_id", f.office());
    }

    /** Satisfaction and return rate per office, with the office's city and property type from the register. */
    private static Query offices(Filters f, Set<String> views) {
        boolean register = views.contains("offices");
        StringBuilder sql = new StringBuilder("SELECT s.*, ");
        sql.append(register ? "o.city, o.property_type, " : "");
        sql.append("r.forms_distributed, r.forms_returned, r.return_rate, r.meets_threshold, r.anomaly"
                + " FROM satisfaction_by_office s LEFT JOIN survey_returns r ON r.year = s.year AND r.office_id = s.office_id");
        sql.append(register ? " LEFT JOIN offices o ON o.office_id = s.office_id" : "");
        sql.append(" WHERE s.year = ?");
        List<Object> parameters = new ArrayList<>(List.of(f.year()));
        Query query = new Query(List.of("satisfaction_by_office", "survey_returns"), sql.toString(), parameters)
                .and("s.office_id", f.office());
        if (register) {
            query = query.and("o.city", f.city()).and("o.property_type", f.propertyType());
        }
        return query.text(" ORDER BY s.office_id");
    }

    /**
     * The complaint Pareto with the actions of each area: those of the scope (for an office, its own and the head
     * office's, as has_action counts them; for the company, every action) opened in the year, from action_status.
     */
    private static Query pareto(Filters f, Set<String> views) {
        List<Object> parameters = new ArrayList<>();
        String actions = "";
        if (views.contains("action_status")) {
            actions = ", a.actions, a.open AS actions_open, a.overdue AS actions_overdue, a.verified_effective";
        }
        StringBuilder sql = new StringBuilder("SELECT p.*" + actions + " FROM complaint_pareto p");
        if (!actions.isEmpty()) {
            sql.append(" LEFT JOIN (SELECT area, sum(actions) AS actions, sum(open) AS open, sum(overdue) AS overdue,"
                    + " sum(verified_effective) AS verified_effective FROM action_status WHERE year = ?");
            parameters.add(f.year());
            if (f.office() != null) {
                sql.append(" AND (office_id = ? OR office_id IS NULL)");
                parameters.add(f.office());
            }
            sql.append(" GROUP BY area) a ON a.area = p.area");
        }
        sql.append(" WHERE p.year = ?");
        parameters.add(f.year());
        if (f.office() == null) {
            sql.append(" AND p.office_id IS NULL");
        } else {
            sql.append(" AND p.office_id = ?");
            parameters.add(f.office());
        }
        sql.append(" ORDER BY p.rank");
        return new Query(List.of("complaint_pareto"), sql.toString(), parameters);
    }

    /** An office's items beside the company's, and the gap in percentage points. */
    private static Query againstCompany(Filters f, Set<String> views) {
        if (f.office() == null) {
            throw new IllegalArgumentException("against_company compares one office with the company: give office=ID");
        }
        String sql = "SELECT o.office_id, o.item, o.item_name, o.level, o.forms, o.satisfaction_rate,"
                + " c.satisfaction_rate AS company_satisfaction_rate"
                + " FROM satisfaction_by_item o LEFT JOIN satisfaction_by_item c"
                + " ON c.year = o.year AND c.item = o.item AND c.office_id IS NULL"
                + " WHERE o.year = ? AND o.office_id = ?";
        return new Query(List.of("satisfaction_by_item"), sql, new ArrayList<>(List.of(f.year(), f.office())));
    }

    /** A fixed query being put together: its text only ever grows by constants, its values go to the parameters. */
    record Query(List<String> views, String sql, List<Object> parameters) {

        Query(String view, String sql, List<Object> parameters) {
            this(List.of(view), sql, parameters);
        }

        Query text(String constant) {
            return new Query(views, sql + constant, parameters);
        }

        /** {@code AND column = ?} when the value is given. */
        Query and(String column, Object value) {
            if (value == null) {
                return this;
            }
            List<Object> more = new ArrayList<>(parameters);
            more.add(value);
            return new Query(views, sql + " AND " + column + " = ?", more);
        }

        Query orderBy(String column) {
            return column == null ? this : text(" ORDER BY " + column);
        }
    }
}
