package com.propertyquality.review.workbench;

import java.math.BigDecimal;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.duckdb.DuckDBConnection;

import com.propertyquality.review.contract.Template;
import com.propertyquality.review.lake.LakeSchemas;
import com.propertyquality.review.marts.Mart;
import com.propertyquality.review.marts.Marts;
import com.propertyquality.review.marts.QueryViews;

/**
 * The analysts' read engine: an in-process, in-memory DuckDB with one view per built mart and per public lake
 * dataset, the same names as Spark's views. It opens Parquet in milliseconds, so a question is answered without
 * starting Spark; it only filters, groups and joins what Spark computed (the formulas stay in the marts).
 *
 * <p>Once the views are in place the engine is shut: external access off (no file, network or extension beyond
 * the views' own folders), extensions neither installed nor loaded, and the configuration locked so a query
 * cannot switch any of it back. Analysts' SQL passes {@link DuckDbDoor} first ({@link #ask}); the application's
 * own fixed queries ({@link #read}) bind their parameters and run on the same shut engine.
 */
public final class DuckDbReadEngine implements AutoCloseable {

    /** The column that says whose rows a row is; an office's engine shows only rows with its own. */
    static final String OFFICE_COLUMN = "office_id";

    private final DuckDBConnection connection;
    private final Map<String, List<String>> views;
    private final DuckDbDoor door;

    private DuckDbReadEngine(DuckDBConnection connection, Map<String, List<String>> views) {
        this.connection = connection;
        this.views = views;
        this.door = new DuckDbDoor(views.keySet());
    }

    /**
     * Opens the engine over a work folder's lake and marts (both on the local disk).
     *
     * @param office null for the whole company; an office id to show that office's rows only, in every view with
     *               an {@code office_id} column (views without one hold company-wide figures only)
     */
    public static DuckDbReadEngine open(Path lake, Path marts, String office) {
        try {
            Properties settings = new Properties();
            settings.setProperty("autoinstall_known_extensions", "false");
            settings.setProperty("autoload_known_extensions", "false");
            DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", settings);
            try {
                Map<String, List<String>> views = new LinkedHashMap<>();
                List<String> folders = new ArrayList<>();
                try (Statement statement = connection.createStatement()) {
                    for (Template template : QueryViews.published()) {
                        Path folder = lake.resolve(template.dataset()).toAbsolutePath().normalize();
                        String source = Files.isDirectory(folder)
                                ? lakeSource(folder, template)
                                : empty(LakeSchemas.sparkSchema(template));
                        folders.add(folder.toString());
                        create(statement, template.dataset(), source, office, views);
                    }
                    for (Mart mart : Marts.all()) {
                        Path folder = marts.resolve(mart.name()).toAbsolutePath().normalize();
                        if (Files.isDirectory(folder)) {
                            folders.add(folder.toString());
                            create(statement, mart.name(), "SELECT * FROM read_parquet(" + literal(folder
                                    + "/part-*.parquet") + ")", office, views);
                        }
                    }
                    shut(statement, folders);
                }
                return new DuckDbReadEngine(connection, views);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the read engine: " + DuckDbDoor.firstLine(e.getMessage()), e);
        }
    }

    /** A lake dataset's files, partition columns typed as the contract says, columns in Spark's order. */
    private static String lakeSource(Path folder, Template template) {
        StructType schema = LakeSchemas.sparkSchema(template);
        String hiveTypes = template.partitionBy().stream()
                .map(column -> literal(column) + ": " + duckDbType(schema.apply(column).dataType()))
                .collect(Collectors.joining(", ", "{", "}"));
        String columns = java.util.Arrays.stream(schema.fields()).map(f -> quote(f.name()))
                .collect(Collectors.joining(", "));
        return "SELECT " + columns + " FROM read_parquet(" + literal(folder + "/**/part-*.parquet")
                + ", hive_partitioning = true, union_by_name = true"
                + (template.partitionBy().isEmpty() ? "" : ", hive_types = " + hiveTypes) + ")";
    }

    /** A dataset not loaded yet: its columns, no rows (as Spark's view reads it). */
    private static String empty(StructType schema) {
        return java.util.Arrays.stream(schema.fields())
                .map(f -> "CAST(NULL AS " + duckDbType(f.dataType()) + ") AS " + quote(f.name()))
                .collect(Collectors.joining(", ", "SELECT ", " WHERE false"));
    }

    private static void create(Statement statement, String name, String source, String office,
                               Map<String, List<String>> views) throws SQLException {
        statement.execute("CREATE VIEW " + quote(name) + " AS " + source);
        List<String> columns = new ArrayList<>();
        try (ResultSet result = statement.executeQuery("SELECT * FROM " + quote(name) + " LIMIT 0")) {
            ResultSetMetaData meta = result.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                columns.add(meta.getColumnName(c));
            }
        }
        if (office != null && columns.contains(OFFICE_COLUMN)) {
            // the office's engine: the view itself filters, so neither a query nor the explorer can see past it
            statement.execute("CREATE OR REPLACE VIEW " + quote(name) + " AS SELECT * FROM (" + source + ") WHERE "
                    + OFFICE_COLUMN + " = " + literal(office));
        }
        views.put(name, List.copyOf(columns));
    }

    /** From here on, nothing but the views' folders is reachable and no setting can change. */
    private static void shut(Statement statement, List<String> folders) throws SQLException {
        String allowed = folders.stream().map(folder -> literal(folder + "/")).collect(Collectors.joining(", "));
        statement.execute("SET allowed_directories = [" + allowed + "]");
        statement.execute("SET enable_external_access = false");
        statement.execute("SET lock_configuration = true");
    }

    /** The views, in the order they were published (lake datasets first, then the marts). */
    public List<String> views() {
        return List.copyOf(views.keySet());
    }

    /** A view's columns, in order. */
    public List<String> columns(String view) {
        List<String> columns = views.get(view);
        if (columns == null) {
            throw new IllegalArgumentException("no view named " + view);
        }
        return columns;
    }

    /**
     * Runs an analyst's query through the door.
     *
     * @throws RefusedQuery when it is not exactly one read-only query over the views; nothing is run then
     */
    public Answer ask(String sql) {
        try (Connection own = connection.duplicate()) {
            door.check(own, sql);
            try (Statement statement = own.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                return answer(result);
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException(DuckDbDoor.firstLine(e.getMessage()), e);
        }
    }

    /** Runs one of the application's own queries, its values bound as parameters. */
    public Answer read(String sql, Object... parameters) {
        try (Connection own = connection.duplicate(); PreparedStatement statement = own.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return answer(result);
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException(DuckDbDoor.firstLine(e.getMessage()), e);
        }
    }

    private static Answer answer(ResultSet result) throws SQLException {
        ResultSetMetaData meta = result.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            columns.add(meta.getColumnName(c));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (result.next()) {
            List<Object> row = new ArrayList<>(columns.size());
            for (int c = 1; c <= columns.size(); c++) {
                row.add(value(result.getObject(c)));
            }
            rows.add(row);
        }
        return new Answer(columns, rows);
    }

    /** JDBC's date and number classes as the plain values {@link Answer} promises. */
    private static Object value(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof java.math.BigInteger big) {
            return new BigDecimal(big);
        }
        return value;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the read engine", e);
        }
    }

    static String duckDbType(DataType type) {
        if (type instanceof DecimalType decimal) {
            return "DECIMAL(" + decimal.precision() + ", " + decimal.scale() + ")";
        }
        if (type.equals(DataTypes.IntegerType)) {
            return "INTEGER";
        }
        if (type.equals(DataTypes.LongType)) {
            return "BIGINT";
        }
        if (type.equals(DataTypes.DoubleType)) {
            return "DOUBLE";
        }
        if (type.equals(DataTypes.BooleanType)) {
            return "BOOLEAN";
        }
        if (type.equals(DataTypes.DateType)) {
            return "DATE";
        }
        if (type.equals(DataTypes.StringType)) {
            return "VARCHAR";
        }
        throw new IllegalArgumentException("no DuckDB type for " + type);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
