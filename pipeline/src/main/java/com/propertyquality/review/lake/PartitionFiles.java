package com.propertyquality.review.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
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
     * Puts the parts (local files) into {@code folder} (on the lake's file system, created here): moved there when
     * there is one, concatenated into one file named after the first when there are several (the parts are then
     * deleted).
     */
    static void assemble(List<Path> parts, StoragePath folder) throws IOException {
        Path first = parts.get(0);
        StoragePath target = folder.resolve(first.getFileName().toString());
        folder.mkdirs();
        if (parts.size() == 1) {
            if (folder.isLocal()) {
                Files.move(first, target.localPath(), StandardCopyOption.ATOMIC_MOVE);
            } else {
                target.fileSystem().copyFromLocalFile(true, new org.apache.hadoop.fs.Path(first.toUri()),
                        target.path());
            }
            return;
        }
        MessageType schema;
        try (ParquetFileReader reader = ParquetFileReader.open(new ChannelInputFile(first), HadoopConf.READ_OPTIONS)) {
            schema = reader.getFooter().getFileMetaData().getSchema();
        }
        ParquetFileWriter writer = new ParquetFileWriter(target.outputFile(), schema,
                ParquetFileWriter.Mode.CREATE, ParquetWriter.DEFAULT_BLOCK_SIZE, ParquetWriter.MAX_PADDING_SIZE_DEFAULT);
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
    }
}
