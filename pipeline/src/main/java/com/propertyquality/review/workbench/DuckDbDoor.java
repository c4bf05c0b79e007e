package com.propertyquality.review.workbench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The door in front of DuckDB: a query passes when DuckDB's own parser, asked through {@code json_serialize_sql},
 * reads it as exactly one SELECT (VALUES, TABLE and WITH are SELECTs to it) and every node of its syntax tree is on
 * the allow-lists below: query and table nodes, expression classes, functions, and base tables that are published
 * views. Anything DuckDB serialises that is not on a list (a table function such as read_csv or
 * duckdb_settings, a lambda, a recursive CTE, a node type a new version adds) is refused. The tree is the
 * parser's, not a reading of the text, so comments, quoting and case cannot hide a statement.
 */
final class DuckDbDoor {

    /** Query, modifier and table-reference node types ({@code "type"} of a node without a {@code "class"}). */
    private static final Set<String> NODE_TYPES = Set.of("SELECT_NODE", "SET_OPERATION_NODE", "ORDER_MODIFIER",
            "LIMIT_MODIFIER", "LIMIT_PERCENT_MODIFIER", "DISTINCT_MODIFIER", "ORDER_DEFAULT", "ASCENDING",
            "DESCENDING", "BASE_TABLE", "JOIN", "SUBQUERY", "EXPRESSION_LIST", "EMPTY");

    /** Expression classes ({@code "class"}). FUNCTION and WINDOW are checked by name besides. */
    private static final Set<String> EXPRESSION_CLASSES = Set.of("COLUMN_REF", "CONSTANT", "FUNCTION",
            "WINDOW", "COMPARISON", "CONJUNCTION", "OPERATOR", "CASE", "CAST", "TYPE", "BETWEEN", "STAR",
            "SUBQUERY", "POSITIONAL_REFERENCE", "COLLATE");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> views;

    DuckDbDoor(Set<String> views) {
        this.views = Set.copyOf(views.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList());
    }

    /** @throws RefusedQuery when the query is not exactly one read-only query over the views */
    void check(Connection connection, String sql) {
        JsonNode tree = syntaxTree(connection, sql);
        if (tree.path("error").asBoolean(true)) {
            String message = tree.path("error_message").asText("");
            throw new RefusedQuery(message.startsWith("Only SELECT")
                    ? "only one read-only query (SELECT, WITH, VALUES, TABLE) is allowed, not a command"
                    : "cannot read the query: " + firstLine(message));
        }
        JsonNode statements = tree.path("statements");
        if (statements.size() != 1) {
            throw new RefusedQuery("exactly one query is allowed; this text holds " + statements.size());
        }
        Set<String> cteNames = new HashSet<>();
        collectCteNames(statements, cteNames);
        walk(statements, cteNames);
    }

    private static JsonNode syntaxTree(Connection connection, String sql) {
        try (PreparedStatement serialise = connection.prepareStatement("SELECT json_serialize_sql(?)")) {
            serialise.setString(1, sql);
            try (ResultSet result = serialise.executeQuery()) {
                result.next();
                return JSON.readTree(result.getString(1));
            }
        } catch (SQLException e) {
            throw new RefusedQuery("cannot read the query: " + firstLine(e.getMessage()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("DuckDB's syntax tree is not JSON", e);
        }
    }

    private static void collectCteNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            JsonNode map = node.path("cte_map").path("map");
            for (JsonNode entry : map) {
                names.add(entry.path("key").asText().toLowerCase(Locale.ROOT));
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collectCteNames(child, names));
        }
    }

    private void walk(JsonNode node, Set<String> cteNames) {
        if (node.isArray()) {
            node.forEach(child -> walk(child, cteNames));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.has("class")) {
            checkExpression(node);
        } else if (node.has("type") && node.get("type").isTextual()) {
            checkNode(node, cteNames);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            walk(fields.next().getValue(), cteNames);
        }
    }

    private static void checkExpression(JsonNode node) {
        String kind = node.path("class").asText();
        if (!EXPRESSION_CLASSES.contains(kind)) {
            throw new RefusedQuery("not allowed in a query here: " + describe(kind, node));
        }
        if (kind.equals("FUNCTION") || kind.equals("WINDOW")) {
            String name = node.path("function_name").asText();
            if (!node.path("schema").asText("").isEmpty() || !node.path("catalog").asText("").isEmpty()
                    || !ReadOnlyFunctions.duckDbAllows(name)) {
                throw new RefusedQuery("the function " + name + " is not allowed in a query here");
            }
        }
    }

    private void checkNode(JsonNode node, Set<String> cteNames) {
        String type = node.path("type").asText();
        if (type.equals("TABLE_FUNCTION")) {
            throw new RefusedQuery("table functions (" + node.path("function").path("function_name").asText()
                    + ") are not allowed; query the published views by name");
        }
        if (!NODE_TYPES.contains(type)) {
            throw new RefusedQuery("not allowed in a query here: " + type.toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        if (type.equals("BASE_TABLE")) {
            String table = node.path("table_name").asText().toLowerCase(Locale.ROOT);
            boolean qualified = !node.path("schema_name").asText("").isEmpty()
                    || !node.path("catalog_name").asText("").isEmpty();
            if (qualified || !node.path("at_clause").isNull() && !node.path("at_clause").isMissingNode()
                    || !(views.contains(table) || cteNames.contains(table))) {
                throw new RefusedQuery("no view named " + node.path("table_name").asText()
                        + (qualified ? " (views are named without a schema)" : "")
                        + "; the views are the marts and the lake's public datasets, listed by `marts`");
            }
        }
    }

    private static String describe(String kind, JsonNode node) {
        return kind.toLowerCase(Locale.ROOT).replace('_', ' ')
                + (node.has("type") ? " (" + node.get("type").asText().toLowerCase(Locale.ROOT) + ")" : "");
    }

    static String firstLine(String message) {
        String text = String.valueOf(message).strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
