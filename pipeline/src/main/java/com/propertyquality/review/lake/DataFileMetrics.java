package com.propertyquality.review.lake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.iceberg.Metrics;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.parquet.ParquetUtil;
import org.apache.iceberg.shaded.org.apache.parquet.HadoopReadOptions;
import org.apache.iceberg.shaded.org.apache.parquet.ParquetReadOptions;
import org.apache.iceberg.shaded.org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.iceberg.shaded.org.apache.parquet.io.LocalInputFile;

/**
 * A staged data file's column statistics (counts, nulls, bounds) as Iceberg records them, from its footer on the
 * local disk. Iceberg's {@code ParquetUtil.fileMetrics} opens every file with options built on a new Hadoop
 * configuration, which parses Hadoop's XML defaults again: a profile of an ingest at scale 1 put 29% of its CPU
 * there, once per data file. The footer is read here with options built once. The classes are those Iceberg's
 * runtime jar carries, relocated, as its {@code footerMetrics} takes them.
 */
final class DataFileMetrics {

    private static final ParquetReadOptions OPTIONS = HadoopReadOptions.builder(HadoopConf.SHARED).build();

    private DataFileMetrics() {
    }

    static Metrics of(Path file, MetricsConfig config) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), OPTIONS)) {
            return ParquetUtil.footerMetrics(reader.getFooter(), Stream.empty(), config);
        }
    }
}
