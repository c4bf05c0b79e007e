package com.propertyquality.review.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.duckdb.DuckDBConnection;

import com.propertyquality.review.contract.Template;
import com.propertyquality.review.contract.ValueType;
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

    /**
     * Lake datasets held in the engine's memory instead of read from their files at every question: the office
     * register is a few thousand rows in a file per office, and opening 2,000 files cost 0.3-0.8 s per question at
     * scale 10 (the explorer asks for it on every page). Reloaded when a load has changed the dataset's folder.
     */
    static final Set<String> HELD_IN_MEMORY = Set.of("offices");
    /** What a held dataset's table is called; not a published view, so the door refuses it by name. */
    private static final String HELD_PREFIX = "held_";

    private final DuckDBConnection connection;
    /** Each view's SELECT, published by name; a view is created when a query first reads it. */
    private final Map<String, String> sources;
    private final String office;
    /** The views created so far, with their columns. */
    private final Map<String, List<String>> created = new ConcurrentHashMap<>();
    private final DuckDbDoor door;
    /** The folders of the held datasets that exist, by view name. */
    private final Map<String, Path> heldFolders;
    /** Each held dataset's folder as it was when its table was last loaded. */
    private final Map<String, List<String>> heldStates = new HashMap<>();

    private DuckDbReadEngine(DuckDBConnection connection, Map<String, String> sources, String office,
                             Map<String, Path> heldFolders) {
        this.connection = connection;
        this.sources = sources;
        this.office = office;
        this.heldFolders = heldFolders;
        this.door = new DuckDbDoor(sources.keySet());
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
                Map<String, String> sources = new LinkedHashMap<>();
                Map<String, Path> held = new LinkedHashMap<>();
                List<String> folders = new ArrayList<>();
                for (Template template : QueryViews.published()) {
                    Path folder = lake.resolve(template.dataset()).toAbsolutePath().normalize();
                    folders.add(folder.toString());
                    boolean loaded = Files.isDirectory(folder);
                    sources.put(template.dataset(), loaded ? lakeSource(folder, template) : empty(template));
                    if (loaded && HELD_IN_MEMORY.contains(template.dataset())) {
                        held.put(template.dataset(), folder);
                    }
                }
                for (Mart mart : Marts.all()) {
                    Path folder = marts.resolve(mart.name()).toAbsolutePath().normalize();
                    if (Files.isDirectory(folder)) {
                        folders.add(folder.toString());
                        sources.put(mart.name(), "SELECT * FROM read_parquet("
                                + literal(folder + "/part-*.parquet") + ")");
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    shut(statement, folders);
                }
                return new DuckDbReadEngine(connection, sources, office, held);
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
        Map<String, ValueType> types = new LinkedHashMap<>();
        LakeSchemas.viewColumns(template).forEach(column -> types.put(column.name(), column.type()));
        String hiveTypes = template.partitionBy().stream()
                .map(column -> literal(column) + ": " + duckDbType(types.get(column)))
                .collect(Collectors.joining(", ", "{", "}"));
        String columns = types.keySet().stream().map(DuckDbReadEngine::quote).collect(Collectors.joining(", "));
        return "SELECT " + columns + " FROM read_parquet(" + literal(folder + "/**/part-*.parquet")
                + ", hive_partitioning = true, union_by_name = true"
                + (template.partitionBy().isEmpty() ? "" : ", hive_types = " + hiveTypes) + ")";
    }

    /** A dataset not loaded yet: its columns, no rows (as Spark's view reads it). */
    private static String empty(Template template) {
        return LakeSchemas.viewColumns(template).stream()
                .map(c -> "CAST(NULL AS " + duckDbType(c.type()) + ") AS " + quote(c.name()))
                .collect(Collectors.joining(", ", "SELECT ", " WHERE false"));
    }

    /**
     * Creates the views a query reads, once each. Lazily, because DuckDB reads a view's file footers when it creates
     * it: a question about one mart should not pay for the whole lake. The engine is already shut then; the views'
     * folders are the ones it still reaches.
     */
    private synchronized void create(Collection<String> names) throws SQLException {
        for (String name : names) {
            if (created.containsKey(name) || !sources.containsKey(name)) {
                continue;
            }
            String source = sources.get(name);
            if (heldFolders.containsKey(name)) {
                source = "SELECT * FROM " + quote(HELD_PREFIX + name); // loaded by refreshHeld first
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE VIEW " + quote(name) + " AS " + source);
                List<String> columns = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + quote(name) + " LIMIT 0")) {
                    ResultSetMetaData meta = result.getMetaData();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        columns.add(meta.getColumnName(c));
                    }
                }
                if (office != null && columns.contains(OFFICE_COLUMN)) {
                    // the office's engine: the view itself filters, so neither a query nor the explorer sees past it
                    statement.execute("CREATE OR REPLACE VIEW " + quote(name) + " AS SELECT * FROM (" + source
                            + ") WHERE " + OFFICE_COLUMN + " = " + literal(office));
                }
                created.put(name, List.copyOf(columns));
            }
        }
    }

    /**
     * Loads a held dataset's table from its files, again when a load has changed its folder since. Every load
     * swaps an office's partition in as a new directory, so the folder's entries (name, file key, modification
     * time) change with it; comparing them costs a directory listing, not a read of every file.
     */
    private synchronized void load(String name) throws SQLException {
        List<String> state = folderState(heldFolders.get(name));
        if (state.equals(heldStates.get(name))) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TABLE " + quote(HELD_PREFIX + name) + " AS " + sources.get(name));
        }
        heldStates.put(name, state);
    }

    /**
     * The held datasets among {@code names}, loaded or brought up to date with their folders: before their views
     * are created (a view binds to its table) and before every question that reads them.
     */
    private void refreshHeld(Collection<String> names) throws SQLException {
        for (String name : names) {
            if (heldFolders.containsKey(name)) {
                load(name);
            }
        }
    }

    private static List<String> folderState(Path folder) {
        List<String> state = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries.sorted()::iterator) {
                BasicFileAttributes attributes =
                        Files.readAttributes(entry, BasicFileAttributes.class);
                state.add(entry.getFileName() + "\t" + attributes.fileKey() + "\t" + attributes.lastModifiedTime());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return state;
    }

    /** From here on, nothing but the views' folders is reachable and no setting can change. */
    private static void shut(Statement statement, List<String> folders) throws SQLException {
        String allowed = folders.stream().map(folder -> literal(folder + "/")).collect(Collectors.joining(", "));
        statement.execute("SET allowed_directories = [" + allowed + "]");
        // a lake dataset is a file per office: without the cache every question would read hundreds of footers
        statement.execute("SET parquet_metadata_cache = true");
        statement.execute("SET enable_external_access = false");
        statement.execute("SET lock_configuration = true");
    }

    /** The views, in the order they were published (lake datasets first, then the marts). */
    public List<String> views() {
        return List.copyOf(sources.keySet());
    }

    /** A view's columns, in order. */
    public List<String> columns(String view) {
        if (!sources.containsKey(view)) {
            throw new IllegalArgumentException("no view named " + view);
        }
        try {
            refreshHeld(List.of(view));
            create(List.of(view));
        } catch (SQLException e) {
            throw new IllegalArgumentException(DuckDbDoor.firstLine(e.getMessage()), e);
        }
        return created.get(view);
    }

    /**
     * Runs an analyst's query through the door.
     *
     * @throws RefusedQuery when it is not exactly one read-only query over the views; nothing is run then
     */
    public Answer ask(String sql) {
        try (Connection own = connection.duplicate()) {
            Collection<String> views = door.check(own, sql);
            refreshHeld(views);
            create(views);
            try (Statement statement = own.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                return answer(result);
            }
        } catch (SQLException e) {
            // the engine's whole message: its candidate columns and the pointer into the query help the analyst
            throw new IllegalArgumentException(String.valueOf(e.getMessage()).strip(), e);
        }
    }

    /**
     * Runs one of the application's own queries, its values bound as parameters. Every view is created first (the
     * application's queries are not parsed for the views they read; a long-running explorer pays this once).
     */
    public Answer read(String sql, Object... parameters) {
        try {
            refreshHeld(heldFolders.keySet());
            create(sources.keySet());
        } catch (SQLException e) {
            throw new IllegalArgumentException(DuckDbDoor.firstLine(e.getMessage()), e);
        }
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

    /** The lake's types (LakeSchemas) in DuckDB's words. */
    static String duckDbType(ValueType type) {
        return switch (type) {
            case TEXT, CODE -> "VARCHAR";
            case INTEGER, YEAR -> "INTEGER";
            case DATE -> "DATE";
            case DECIMAL -> "DECIMAL(" + LakeSchemas.MONEY_PRECISION + ", " + LakeSchemas.MONEY_SCALE + ")";
            case NUMBER -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
        };
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
