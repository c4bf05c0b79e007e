package com.propertyquality.review.ingest;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Creates Spring Batch's job-repository tables on first use, with Spring Batch's own script for the database
 * (H2 by default, PostgreSQL by configuration). Boot's initializer would treat an H2 file database as external
 * and a second run would fail on existing tables; this checks first. On PostgreSQL, which several machines may
 * share, the check and the script run under an advisory lock, so two first runs do not both create the tables.
 */
@Component
public class JobRepositorySchema {

    /** The advisory-lock key of the schema's creation (any fixed number of this product's own). */
    private static final long CREATION_LOCK = 0x5245_5649_4557_0001L;

    private final DataSource dataSource;
    private volatile boolean ready;

    public JobRepositorySchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public synchronized void ensure() {
        if (ready) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            boolean postgres = metadata.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            if (postgres) {
                execute(connection, "SELECT pg_advisory_lock(" + CREATION_LOCK + ")");
            }
            try {
                if (!hasTable(connection, "BATCH_JOB_INSTANCE") && !hasTable(connection, "batch_job_instance")) {
                    String platform = platform(metadata.getDatabaseProductName());
                    new ResourceDatabasePopulator(new ClassPathResource(
                            "org/springframework/batch/core/schema-" + platform + ".sql")).populate(connection);
                }
            } finally {
                if (postgres) {
                    execute(connection, "SELECT pg_advisory_unlock(" + CREATION_LOCK + ")");
                }
            }
            ready = true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the job repository database: " + e.getMessage(), e);
        }
    }

    /** In the connection's own schema: the tables of another schema in the same database are not the ones used. */
    private static boolean hasTable(Connection connection, String name) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), name, null)) {
            return tables.next();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String platform(String product) {
        String lower = product.toLowerCase(Locale.ROOT);
        if (lower.contains("h2")) {
            return "h2";
        }
        if (lower.contains("postgres")) {
            return "postgresql";
        }
        throw new IllegalStateException("unsupported job-repository database: " + product
                + " (use H2 or PostgreSQL)");
    }
}
