package com.propertyquality.review.ingest;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.propertyquality.review.lake.Lake;

/**
 * The in-memory state one ingest run shares between its file jobs: the rules' scope and each file's load. Spring Batch steps find it by the run id in their job parameters.
 */
public final class IngestRun {

    private final String id;
    private final LoadScope scope;
    private final Lake lake;
    private final String lakeLocation;
    private final Charset encodingOverride;
    private final PrintWriter out;
    private final Map<Integer, FileLoad> files = new ConcurrentHashMap<>();

    IngestRun(String id, LoadScope scope, Lake lake, String lakeLocation, Charset encodingOverride, PrintWriter out) {
        this.id = id;
        this.scope = scope;
        this.lake = lake;
        this.lakeLocation = lakeLocation;
        this.encodingOverride = encodingOverride;
        this.out = out;
    }

    public String id() {
        return id;
    }

    LoadScope scope() {
        return scope;
    }

    Lake lake() {
        return lake;
    }

    /** The lake's location as the job repository records it with each file job. */
    String lakeLocation() {
        return lakeLocation;
    }

    Charset encodingOverride() {
        return encodingOverride;
    }

    PrintWriter out() {
        return out;
    }

    void add(FileLoad load) {
        files.put(load.index(), load);
    }

    FileLoad file(long index) {
        FileLoad load = files.get((int) index);
        if (load == null) {
            throw new IllegalStateException("run " + id + " has no file " + index);
        }
        return load;
    }
}
