package com.propertyquality.review.ingest;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Creates Spring Batch's job-repository tables on first use, with Spring Batch's own script for the database
 * (H2 by default, PostgreSQL by configuration). Boot's initializer would treat an H2 file database as external
 * and a second run would fail on existing tables; this checks first.
 */
@Component
public class JobRepositorySchema {

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
            if (!hasTable(metadata, "BATCH_JOB_INSTANCE") && !hasTable(metadata, "batch_job_instance")) {
                String platform = platform(metadata.getDatabaseProductName());
                new ResourceDatabasePopulator(new ClassPathResource(
                        "org/springframework/batch/core/schema-" + platform + ".sql")).populate(connection);
            }
            ready = true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the job repository database: " + e.getMessage(), e);
        }
    }

    private static boolean hasTable(DatabaseMetaData metadata, String name) throws SQLException {
        try (ResultSet tables = metadata.getTables(null, null, name, null)) {
            return tables.next();
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
