package com.propertyquality.review.lake;

import org.apache.hadoop.conf.Configuration;

/**
 * The one Hadoop configuration the lake's Parquet readers and writers share. Building a Configuration parses
 * Hadoop's default XML files (tens of milliseconds); a lake with hundreds of partitions would pay it per file.
 */
final class HadoopConf {

    static final Configuration SHARED = new Configuration();

    private HadoopConf() {
    }
}
