package com.propertyquality.review.workbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Placeholder until the lead's workbench package is merged (the same API, no door). */
public final class DuckDbReadEngine implements AutoCloseable {

    private final Connection connection;
    private final List<String> views = new ArrayList<>();

    private DuckDbReadEngine(Connection connection) {
        this.connection = connection;
    }

    public static DuckDbReadEngine open(Path lake, Path marts, String officeOrNull) {
        try {
            DuckDbReadEngine engine = new DuckDbReadEngine(DriverManager.getConnection("jdbc:duckdb:"));
            for (Path root : List.of(marts, lake)) {
                if (!Files.isDirectory(root)) {
                    continue;
                }
                try (Stream<Path> folders = Files.list(root)) {
                    for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                        String name = folder.getFileName().toString();
                        if (name.startsWith("_") || name.equals("households_private") || engine.views.contains(name)) {
                            continue;
                        }
                        try (Stream<Path> files = Files.walk(folder)) {
                            if (files.noneMatch(f -> f.toString().endsWith(".parquet"))) {
                                continue;
                            }
                        }
                        String source = "read_parquet('" + folder + "/**/*.parquet', hive_partitioning = true)";
                        try (Statement s = engine.connection.createStatement()) {
                            s.execute("CREATE VIEW \"" + name + "_all\" AS SELECT * FROM " + source);
                            boolean hasOffice = false;
                            try (ResultSet r = s.executeQuery("DESCRIBE \"" + name + "_all\"")) {
                                while (r.next()) {
                                    hasOffice |= r.getString(1).equals("office_id");
                                }
                            }
                            String where = officeOrNull != null && hasOffice
                                    ? " WHERE office_id = '" + officeOrNull.replace("'", "''") + "'" : "";
                            s.execute("CREATE VIEW \"" + name + "\" AS SELECT * FROM \"" + name + "_all\"" + where);
                        }
                        engine.views.add(name);
                    }
                }
            }
            return engine;
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> views() {
        return List.copyOf(views);
    }

    public Answer ask(String sql) {
        String trimmed = sql.strip().toLowerCase();
        if (!(trimmed.startsWith("select") || trimmed.startsWith("with"))) {
            throw new RefusedQuery("only one read-only query (SELECT, WITH, VALUES, TABLE) is allowed");
        }
        return read(sql);
    }

    public synchronized Answer read(String sql, Object... params) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    columns.add(meta.getColumnLabel(c));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns.size(); c++) {
                        Object value = result.getObject(c);
                        if (value instanceof java.sql.Date date) {
                            value = date.toLocalDate();
                        }
                        row.add(value);
                    }
                    rows.add(row);
                }
                return new Answer(columns, rows);
            }
        } catch (SQLException e) {
            throw new RefusedQuery(e.getMessage().lines().findFirst().orElse("refused"));
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
