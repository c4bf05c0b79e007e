package com.propertyquality.review.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** The runs in progress in this process, by id, for the job-scoped step of the file job and the plan's tasklet. */
@Component
public class IngestRuns {

    private final Map<String, IngestRun> runs = new ConcurrentHashMap<>();

    void start(IngestRun run) {
        runs.put(run.id(), run);
    }

    IngestRun get(String id) {
        IngestRun run = runs.get(id);
        if (run == null) {
            throw new IllegalStateException("no ingest run " + id + " in this process");
        }
        return run;
    }

    void end(String id) {
        runs.remove(id);
    }
}
