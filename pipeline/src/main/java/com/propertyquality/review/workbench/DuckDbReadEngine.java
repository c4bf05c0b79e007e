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
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.duckdb.DuckDBConnection;

import com.propertyquality.review.contract.Template;
import com.propertyquality.review.contract.ValueType;
import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.lake.LakeCatalog;
import com.propertyquality.review.lake.LakeSchemas;
import com.propertyquality.review.lake.StoragePath;
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
    /** The lake's tables behind the lake views, by view name. */
    private final Lake lake;
    private final Map<String, Template> lakeViews;
    /** The snapshot each lake view reads (-1: no table yet), by view name. */
    private final Map<String, Long> lakeStates = new HashMap<>();

    private DuckDbReadEngine(DuckDBConnection connection, Map<String, String> sources, String office, Lake lake,
                             Map<String, Template> lakeViews) {
        this.connection = connection;
        this.sources = new ConcurrentHashMap<>(sources);
        this.views = List.copyOf(sources.keySet());
        this.office = office;
        this.lake = lake;
        this.lakeViews = lakeViews;
        this.door = new DuckDbDoor(sources.keySet());
    }

    /** The views in the order they were published. */
    private final List<String> views;

    /** Opens the engine over a lake on the local disk whose catalog is in its folder, and the marts. */
    public static DuckDbReadEngine open(Path lake, Path marts, String office) {
        return open(new Lake(lake), marts, office);
    }

    /**
     * Opens the engine over a work folder's lake and marts (both on the local disk).
     *
     * @param office null for the whole company; an office id to show that office's rows only, in every view with
     *               an {@code office_id} column (views without one hold company-wide figures only)
     */
    public static DuckDbReadEngine open(Lake lake, Path marts, String office) {
        try {
            Properties settings = new Properties();
            settings.setProperty("autoinstall_known_extensions", "false");
            settings.setProperty("autoload_known_extensions", "false");
            DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", settings);
            try {
                Map<String, String> sources = new LinkedHashMap<>();
                Map<String, Template> lakeViews = new LinkedHashMap<>();
                List<String> folders = new ArrayList<>();
                for (Template template : QueryViews.published()) {
                    // the table's data folder, where its current files and every later load's are
                    folders.add(dataFolder(lake, template).toString());
                    lakeViews.put(template.dataset(), template);
                    sources.put(template.dataset(), empty(template)); // its files are read at the first question
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
                return new DuckDbReadEngine(connection, sources, office, lake, lakeViews);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the read engine: " + DuckDbDoor.firstLine(e.getMessage()), e);
        }
    }

    /** A lake table's data folder on the local disk: where it is, or where the lake's catalog will put it. */
    private static Path dataFolder(Lake lake, Template template) {
        String location = lake.tableOf(template, template.dataset()).map(Table::location)
                .orElse(lake.root().resolve(LakeCatalog.PUBLIC_NAMESPACE).resolve(template.dataset()).toString());
        return StoragePath.ofTableLocation(location).resolve("data").localPath().toAbsolutePath().normalize();
    }

    /** A lake table's current files, columns in Spark's order. */
    private static String lakeSource(List<StoragePath> files, Template template) {
        if (files.isEmpty()) {
            return empty(template);
        }
        String columns = LakeSchemas.viewColumns(template).stream().map(c -> quote(c.name()))
                .collect(Collectors.joining(", "));
        String list = files.stream().map(file -> literal(file.localPath().toString()))
                .collect(Collectors.joining(", ", "[", "]"));
        return "SELECT " + columns + " FROM read_parquet(" + list + ", union_by_name = true)";
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
            String source = viewSource(name);
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

    /** What a view selects: a held table's copy, or its source. */
    private String viewSource(String name) {
        return HELD_IN_MEMORY.contains(name) && lakeViews.containsKey(name)
                ? "SELECT * FROM " + quote(HELD_PREFIX + name) // loaded by refreshLake first
                : sources.get(name);
    }

    /**
     * Points the lake views among {@code names} at their tables' current snapshots, when a load has committed a new
     * one since: before their views are created and before every question that reads them. Looking costs a read
     * of the table's metadata, not of its files.
     */
    private synchronized void refreshLake(Collection<String> names) throws SQLException {
        for (String name : names) {
            Template template = lakeViews.get(name);
            if (template == null) {
                continue;
            }
            Optional<Table> table = lake.tableOf(template, template.dataset());
            long snapshot = table.map(Table::currentSnapshot).map(Snapshot::snapshotId).orElse(-1L);
            if (lakeStates.containsKey(name) && lakeStates.get(name) == snapshot) {
                continue;
            }
            String source = lakeSource(table.map(Lake::files).orElse(List.of()), template);
            sources.put(name, source);
            try (Statement statement = connection.createStatement()) {
                if (HELD_IN_MEMORY.contains(name)) {
                    statement.execute("CREATE OR REPLACE TABLE " + quote(HELD_PREFIX + name) + " AS " + source);
                } else if (created.containsKey(name)) {
                    statement.execute("CREATE OR REPLACE VIEW " + quote(name) + " AS " + filtered(source,
                            created.get(name)));
                }
            }
            lakeStates.put(name, snapshot);
        }
    }

    /** The view's rows an office's engine shows: its own only, in a view with an office column. */
    private String filtered(String source, List<String> columns) {
        return office != null && columns.contains(OFFICE_COLUMN)
                ? "SELECT * FROM (" + source + ") WHERE " + OFFICE_COLUMN + " = " + literal(office) : source;
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
        return views;
    }

    /** A view's columns, in order. */
    public List<String> columns(String view) {
        if (!sources.containsKey(view)) {
            throw new IllegalArgumentException("no view named " + view);
        }
        try {
            refreshLake(List.of(view));
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
            refreshLake(views);
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
            refreshLake(lakeViews.keySet());
            create(views);
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
