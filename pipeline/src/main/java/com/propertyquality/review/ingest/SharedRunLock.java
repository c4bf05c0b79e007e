package com.propertyquality.review.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * An ingest's claim on its lake in a shared PostgreSQL job repository: a session-level advisory lock keyed by the
 * lake's location, held on a connection of its own for the whole run. Machines sharing the repository each have
 * their own work folder, whose file lock the others cannot see; this lock lives where they all look, so a second
 * run on the same lake is refused wherever it starts. PostgreSQL releases the lock when the run ends or when its
 * connection closes, so a killed run never leaves the lake locked. On the embedded H2 repository, which nothing
 * shares, it holds nothing: the work-folder lock is enough there.
 */
public final class SharedRunLock implements AutoCloseable {

    private static final SharedRunLock NONE = new SharedRunLock(null, 0);

    private final Connection connection;
    private final long key;

    private SharedRunLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /**
     * @param repository   the job repository's data source
     * @param lakeLocation the lake as every machine names it (see {@link #key})
     */
    public static SharedRunLock acquire(DataSource repository, String lakeLocation) {
        Connection connection = null;
        try {
            connection = repository.getConnection();
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
                connection.close();
                return NONE;
            }
            long key = key(lakeLocation);
            if (!call(connection, "SELECT pg_try_advisory_lock(?)", key)) {
                connection.close();
                throw new IllegalStateException("another ingest is running on the lake " + lakeLocation
                        + " (it holds the lake's lock in the shared job repository); wait for it to finish, then run"
                        + " this one again");
            }
            return new SharedRunLock(connection, key);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot lock the lake " + lakeLocation + " in the job repository: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The lock's 64-bit key: the first eight bytes of the SHA-256 of the location, behind a prefix of this product
     * so that another application's advisory locks in the same database do not collide with ours.
     */
    static long key(String lakeLocation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("review-pipeline ingest " + lakeLocation).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try {
            // the connection goes back to the pool: the lock must not go with it
            call(connection, "SELECT pg_advisory_unlock(?)", key);
        } catch (SQLException e) {
            // a broken connection: its session, and with it the lock, is gone already
        } finally {
            closeQuietly(connection);
        }
    }

    private static boolean call(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing held on it
            }
        }
    }
}
