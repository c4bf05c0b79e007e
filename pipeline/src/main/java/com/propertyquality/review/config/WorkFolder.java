package com.propertyquality.review.config;

import java.nio.file.Path;

import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.lake.LakeCatalog;
import com.propertyquality.review.lake.StoragePath;

/**
 * Where a run reads and writes. The work folder, on the local disk, holds reports/, rejects/, runs/ and the embedded
 * job repository. The lake and the marts are under it by default ({@code lake/}, {@code marts/}); either can be
 * anywhere Hadoop reaches instead (HDFS, S3), which is where a Spark cluster's executors can read them.
 *
 * @param root  the work folder
 * @param lake  the Parquet lake ({@code <root>/lake} when null)
 * @param marts   the marts ({@code <root>/marts} when null)
 * @param catalog the Iceberg catalog of the lake's tables (a Hadoop catalog in the lake folder when null)
 */
public record WorkFolder(Path root, StoragePath lake, StoragePath marts, LakeCatalog catalog) {

    public WorkFolder {
        root = root.toAbsolutePath().normalize();
        lake = lake != null ? lake : StoragePath.local(root.resolve("lake"));
        marts = marts != null ? marts : StoragePath.local(root.resolve("marts"));
        catalog = catalog != null ? catalog : LakeCatalog.inLake(lake);
    }

    public WorkFolder(Path root, StoragePath lake, StoragePath marts) {
        this(root, lake, marts, null);
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

    /** The same folders with the lake's tables in another catalog. */
    public WorkFolder withCatalog(LakeCatalog other) {
        return new WorkFolder(root, lake, marts, other);
    }

    /** The lake a run writes, staging its files in {@link #staging}. */
    public Lake openLake(int bufferRows) {
        return new Lake(catalog, lake, staging(), bufferRows);
    }

    /**
     * Where a run stages its files on the local disk: the work folder's {@code staging/}.
     */
    public Path staging() {
        return root.resolve("staging");
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
