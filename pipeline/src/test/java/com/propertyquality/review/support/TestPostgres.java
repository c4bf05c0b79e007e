package com.propertyquality.review.support;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL database of its own for one test class, on the server named by REVIEW_TEST_POSTGRES_URL,
 * REVIEW_TEST_POSTGRES_USER and REVIEW_TEST_POSTGRES_PASSWORD (environment or system properties of the same name
 * in lower case with dots: review.test.postgres.url...), whose user may create databases. {@code .ci/run} installs
 * and starts such a server on loopback and sets them. Without them the test class is skipped, saying so; with
 * REVIEW_TEST_POSTGRES_REQUIRED=true (CI) it fails instead, so the suite cannot pass without running it.
 */
public final class TestPostgres implements AutoCloseable {

    private static final String HOW = "set REVIEW_TEST_POSTGRES_URL (jdbc:postgresql://host:port/database),"
            + " REVIEW_TEST_POSTGRES_USER and REVIEW_TEST_POSTGRES_PASSWORD for a user that may create databases,"
            + " or run .ci/run, which installs and starts a server on loopback";

    private static final List<String> SPRING_DATASOURCE = List.of(
            "spring.datasource.url", "spring.datasource.username", "spring.datasource.password");

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String database;
    private final String url;

    private TestPostgres(String adminUrl, String user, String password, String database) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.database = database;
        this.url = withDatabase(adminUrl, database);
    }

    /** Creates a database named after the test class and a random suffix; {@link #close} drops it. */
    public static TestPostgres createDatabase(Class<?> testClass) {
        String adminUrl = setting("url");
        if (adminUrl == null) {
            String message = "no PostgreSQL server for the shared job-repository tests: " + HOW;
            if (Boolean.parseBoolean(setting("required"))) {
                fail(message + " (REVIEW_TEST_POSTGRES_REQUIRED=true: they must run)");
            }
            Assumptions.abort(message);
        }
        String database = ("review_" + testClass.getSimpleName() + "_"
                + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        TestPostgres postgres = new TestPostgres(adminUrl, setting("user"), setting("password"), database);
        try (Connection admin = DriverManager.getConnection(adminUrl, postgres.user, postgres.password);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + adminUrl + " (" + HOW + "): "
                    + e.getMessage(), e);
        }
        return postgres;
    }

    private static String setting(String name) {
        String value = System.getenv("REVIEW_TEST_POSTGRES_" + name.toUpperCase(Locale.ROOT));
        if (value == null || value.isBlank()) {
            value = System.getProperty("review.test.postgres." + name);
        }
        return value == null || value.isBlank() ? null : value;
    }

    /** The same server and options, another database: jdbc:postgresql://host:port/db?options. */
    static String withDatabase(String jdbcUrl, String database) {
        int hosts = jdbcUrl.indexOf("//");
        if (hosts < 0) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host/database URL: " + jdbcUrl);
        }
        int query = jdbcUrl.indexOf('?');
        int slash = jdbcUrl.indexOf('/', hosts + 2);
        if (query >= 0 && slash > query) {
            slash = -1; // a slash in the options, not a database
        }
        String server = slash < 0 ? (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query)) : jdbcUrl.substring(0, slash);
        return server + "/" + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** The settings a child JVM takes the job repository from, as a user would give them. */
    public Map<String, String> springEnvironment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_DATASOURCE_URL", url);
        environment.put("SPRING_DATASOURCE_USERNAME", user);
        environment.put("SPRING_DATASOURCE_PASSWORD", password == null ? "" : password);
        return environment;
    }

    /**
     * Points every in-process command at this database (system properties outrank application.yml and the
     * environment) until the returned handle is closed, which puts back what was there: the test JVM is shared.
     */
    public AutoCloseable asJobRepository() {
        Map<String, String> before = new HashMap<>();
        SPRING_DATASOURCE.forEach(key -> before.put(key, System.getProperty(key)));
        System.setProperty("spring.datasource.url", url);
        System.setProperty("spring.datasource.username", user);
        System.setProperty("spring.datasource.password", password == null ? "" : password);
        return () -> before.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    /** A single number or word from the test database. */
    public Object queryOne(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getObject(1) : null;
        }
    }

    /** Every row of a query, each as its columns in order. */
    public List<List<Object>> query(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(result.getObject(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * Waits until no session but ours is connected to the test database: after a kill -9 the server ends the dead
     * client's session (and releases its advisory locks) when it sees the connection close, an instant later.
     */
    public void awaitNoOtherSessions() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (true) {
                Object others = queryOne("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
                if (((Number) others).longValue() == 0) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(others + " session(s) still connected to " + database);
                }
                Thread.sleep(50);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Drops the database, ending any session still on it. */
    @Override
    public void close() throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}
