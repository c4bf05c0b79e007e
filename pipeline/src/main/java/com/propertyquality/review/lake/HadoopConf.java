package com.propertyquality.review.lake;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;

/**
 * The one Hadoop configuration the lake's Parquet readers and writers share. Building a Configuration parses
 * Hadoop's default XML files (tens of milliseconds); a lake with hundreds of partitions would pay it per file.
 */
final class HadoopConf {

    static final Configuration SHARED = new Configuration();

    /**
     * Options for opening Parquet files on the shared configuration. {@code ParquetFileReader.open(file)} without
     * options (and {@code ParquetFileWriter.appendFile}) builds a new Configuration per file: a profile of the
     * ingest put 57% of its CPU in parsing Hadoop's XML defaults again for every partition it counted or assembled.
     */
    static final ParquetReadOptions READ_OPTIONS = HadoopReadOptions.builder(SHARED).build();

    private HadoopConf() {
    }
}
