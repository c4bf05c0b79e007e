package com.propertyquality.review.config;

import java.nio.file.Path;

import com.propertyquality.review.lake.StoragePath;

/**
 * Where a run reads and writes. The work folder, on the local disk, holds reports/, rejects/, runs/ and the embedded
 * job repository. The lake and the marts are under it by default ({@code lake/}, {@code marts/}); either can be
 * anywhere Hadoop reaches instead (HDFS, S3), which is where a Spark cluster's executors can read them.
 *
 * @param root  the work folder
 * @param lake  the Parquet lake ({@code <root>/lake} when null)
 * @param marts the marts ({@code <root>/marts} when null)
 */
public record WorkFolder(Path root, StoragePath lake, StoragePath marts) {

    public WorkFolder {
        root = root.toAbsolutePath().normalize();
        lake = lake != null ? lake : StoragePath.local(root.resolve("lake"));
        marts = marts != null ? marts : StoragePath.local(root.resolve("marts"));
    }

    /** Everything under the work folder on the local disk. */
    public WorkFolder(Path root) {
        this(root, null, null);
    }

    /**
     * The work folder of the settings.
     *
     * @param lake  the lake's location (a local path or a Hadoop URI), or null or blank for {@code <root>/lake}
     * @param marts the marts' location, or null or blank for {@code <root>/marts}
     */
    public static WorkFolder of(Path root, String lake, String marts) {
        return new WorkFolder(root, lake == null || lake.isBlank() ? null : StoragePath.of(lake),
                marts == null || marts.isBlank() ? null : StoragePath.of(marts));
    }

    /**
     * Where a run stages its files on the local disk: beside the lake's partitions when the lake is local (a part
     * then moves into the lake by a rename), else in the work folder.
     */
    public Path staging() {
        return lake().isLocal() ? lake().localPath().resolve("_staging") : root.resolve("staging");
    }

    public Path reports() {
        return root.resolve("reports");
    }

    public Path rejects() {
        return root.resolve("rejects");
    }

    public Path runs() {
        return root.resolve("runs");
    }
}
