package com.propertyquality.review.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * The files a load leaves in one partition. Every input file a load takes stages its own part of each partition
 * its rows fall in; twelve monthly feedback files would leave twelve small files in every office's partition.
 * Each file a reader opens costs it more than the rows in it (Spark copies its Hadoop configuration, reads a
 * footer and plans a split per file), so the parts are concatenated into one file: their row groups are copied
 * as they are, without decoding a value, in file order (so the rows keep the load's order).
 */
final class PartitionFiles {

    private PartitionFiles() {
    }

    /**
     * The one local file holding the parts' rows in their order: the part itself when there is one, else the parts
     * concatenated into {@code merged} (and deleted).
     */
    static Path concatenate(List<Path> parts, Path merged) throws IOException {
        Path first = parts.get(0);
        if (parts.size() == 1) {
            return first;
        }
        LocalOutputFile target = new LocalOutputFile(merged);
        MessageType schema;
        try (ParquetFileReader reader = ParquetFileReader.open(new ChannelInputFile(first), HadoopConf.READ_OPTIONS)) {
            schema = reader.getFooter().getFileMetaData().getSchema();
        }
        ParquetFileWriter writer = new ParquetFileWriter(target, schema,
                ParquetFileWriter.Mode.OVERWRITE, ParquetWriter.DEFAULT_BLOCK_SIZE, ParquetWriter.MAX_PADDING_SIZE_DEFAULT);
        writer.start();
        for (Path part : parts) {
            try (ParquetFileReader reader = ParquetFileReader.open(new ChannelInputFile(part), HadoopConf.READ_OPTIONS)) {
                reader.appendTo(writer);
            }
        }
        writer.end(Map.of());
        for (Path part : parts) {
            Files.delete(part);
        }
        return merged;
    }
}
