package com.propertyquality.review.ingest;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a large file, in a real second JVM, then the same command again: it completes, and
 * the lake holds exactly what a clean run holds, with no duplicates and no gaps ({@link KilledRunScenario}), with
 * the embedded H2 job repository. PostgresJobRepositoryTest runs the same against PostgreSQL.
 */
class IngestRestartTest {

    @TempDir
    Path temp;

    @Test
    void aRunKilledMidFileIsCompletedByRunningTheSameCommandAgain() throws Exception {
        new KilledRunScenario(temp, Map.of(), () -> { }).run();
    }
}
