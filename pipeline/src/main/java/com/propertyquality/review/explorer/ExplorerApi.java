package com.propertyquality.review.explorer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.propertyquality.review.metrics.PercentagePoints;
import com.propertyquality.review.workbench.Answer;
import com.propertyquality.review.workbench.DuckDbReadEngine;
import com.propertyquality.review.workbench.RefusedQuery;

/**
 * The explorer's JSON API: the page's fixed tables (JSON, CSV, XLSX), the overview's figures, and the SQL tab, which
 * alone sends text of the request to the engine, through its door ({@link DuckDbReadEngine#ask}).
 */
@RestController
class ExplorerApi {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ExplorerQueries queries;
    private final DuckDbReadEngine engine;
    private final ExplorerSettings settings;

    ExplorerApi(ExplorerQueries queries, DuckDbReadEngine engine, ExplorerSettings settings) {
        this.queries = queries;
        this.engine = engine;
        this.settings = settings;
    }

    /** What the filters offer: the survey years, the offices with their city and property type, the optional marts. */
    @GetMapping("/api/meta")
    Map<String, Object> meta() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("office", settings.office());
        meta.put("years", column(queries.has("survey_returns")
                ? queries.read("SELECT DISTINCT year FROM survey_returns ORDER BY year DESC") : null));
        String offices = queries.has("offices")
                ? "SELECT r.office_id, any_value(r.office_name) AS office_name, any_value(o.city) AS city,"
                        + " any_value(o.property_type) AS property_type FROM survey_returns r"
                        + " LEFT JOIN offices o ON o.office_id = r.office_id GROUP BY r.office_id ORDER BY r.office_id"
                : "SELECT office_id, any_value(office_name) AS office_name, NULL AS city, NULL AS property_type"
                        + " FROM survey_returns GROUP BY office_id ORDER BY office_id";
        meta.put("offices", queries.has("survey_returns") ? rows(queries.read(offices)) : List.of());
        meta.put("dimensions", queries.has("satisfaction_by_segment")
                ? column(queries.read("SELECT DISTINCT dimension FROM satisfaction_by_segment ORDER BY dimension"))
                : List.of());
        meta.put("views", engine.views());
        meta.put("tables", queries.names());
        return meta;
    }

    /** The company at a glance for a year: satisfaction and return rate against last year, and what needs attention. */
    @GetMapping("/api/overview")
    Map<String, Object> overview(@RequestParam int year) {
        Map<String, Object> overview = new LinkedHashMap<>();
        Map<String, Object> satisfaction = first(queries.has("satisfaction_company")
                ? queries.read("SELECT * FROM satisfaction_company WHERE year = ?", year) : null);
        Map<String, Object> previous = first(queries.has("satisfaction_company")
                ? queries.read("SELECT * FROM satisfaction_company WHERE year = ?", year - 1) : null);
        if (satisfaction != null) {
            Double rate = (Double) satisfaction.get("satisfaction_rate");
            Double before = previous == null ? null : (Double) previous.get("satisfaction_rate");
            satisfaction.put("previous_satisfaction_rate", before);
            satisfaction.putIfAbsent("change_points", PercentagePoints.between(rate, before));
        }
        overview.put("satisfaction", satisfaction);
        if (queries.has("survey_returns")) {
            String sql = "SELECT any_value(company_return_rate) AS company_return_rate,"
                    + " sum(forms_returned) AS forms_returned, count(*) AS offices FROM survey_returns WHERE year = ?";
            Map<String, Object> returns = first(queries.read(sql, year));
            Map<String, Object> returnsBefore = first(queries.read(sql, year - 1));
            Double rate = returns == null ? null : (Double) returns.get("company_return_rate");
            Double before = returnsBefore == null ? null : (Double) returnsBefore.get("company_return_rate");
            if (returns != null) {
                returns.put("previous_return_rate", before);
                returns.put("change_points", PercentagePoints.between(rate, before));
            }
            overview.put("returns", returns);
            overview.put("under_threshold", rows(queries.read("SELECT office_id, office_name, forms_distributed,"
                    + " forms_returned, return_rate, threshold, anomaly FROM survey_returns"
                    + " WHERE year = ? AND NOT meets_threshold ORDER BY office_id", year)));
        }
        overview.put("triggers", queries.has("review_triggers") ? rows(queries.read(
                "SELECT clause, trigger, office_id, evidence_code, evidence_text, date FROM review_triggers"
                        + " WHERE year = ?", year))
                : List.of());
        overview.put("overdue_actions", queries.has("action_status") ? rows(queries.read(
                "SELECT office_id, office_name, area, area_name, actions, open, overdue FROM action_status"
                        + " WHERE year = ? AND overdue > 0", year)) : List.of());
        return overview;
    }

    /** A fixed table as JSON, CSV or XLSX. */
    @GetMapping("/api/table/{name}")
    ResponseEntity<?> table(@PathVariable String name, @RequestParam int year,
                            @RequestParam(required = false) String office,
                            @RequestParam(required = false) String city,
                            @RequestParam(name = "property_type", required = false) String propertyType,
                            @RequestParam(required = false) String dimension,
                            @RequestParam(required = false) String item,
                            @RequestParam(defaultValue = "json") String format) {
        // with --office, a request without an office reads that office's rows (the engine shows no other)
        String scope = office == null || office.isBlank() ? settings.office() : office;
        Answer answer = queries.table(name, Filters.of(year, scope, city, propertyType, dimension, item));
        if (answer == null) {
            return ResponseEntity.notFound().build();
        }
        String file = name + "-" + year + (scope == null ? "" : "-" + scope);
        return switch (format) {
            case "csv" -> download(TableFiles.csv(answer), file + ".csv",
                    MediaType.parseMediaType("text/csv;charset=UTF-8"));
            case "xlsx" -> download(TableFiles.xlsx(answer, name), file + ".xlsx", XLSX);
            default -> ResponseEntity.ok(answer);
        };
    }

    /** The SQL tab: one read-only query through the engine's door; a refusal is a 400 with its one line. */
    @PostMapping(path = "/api/sql", consumes = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<?> sql(@RequestBody String sql) {
        return ResponseEntity.ok(engine.ask(sql));
    }

    /** A query the door refused, or one DuckDB could not run (an unknown column): 400 and its one line. */
    @ExceptionHandler({RefusedQuery.class, IllegalArgumentException.class})
    ResponseEntity<String> refused(RuntimeException refused) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN)
                .body(refused.getMessage());
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, String file, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(bytes);
    }

    private static List<Map<String, Object>> rows(Answer answer) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> row : answer.rows()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int c = 0; c < answer.columns().size(); c++) {
                map.put(answer.columns().get(c), row.get(c));
            }
            rows.add(map);
        }
        return rows;
    }

    private static Map<String, Object> first(Answer answer) {
        if (answer == null) {
            return null;
        }
        List<Map<String, Object>> rows = rows(answer);
        return rows.isEmpty() || rows.get(0).values().stream().allMatch(v -> v == null) ? null : rows.get(0);
    }

    private static List<Object> column(Answer answer) {
        return answer == null ? List.of() : answer.rows().stream().map(row -> row.get(0)).toList();
    }
}
