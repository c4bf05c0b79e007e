package com.propertyquality.review.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.support.TestHdfs;

/** The lake's guarantees on a real HDFS, whose directory renames are atomic as the local disk's are. */
class HdfsLakeGuaranteesTest extends LakeGuaranteesTest {

    @TempDir
    Path localStaging;

    @Override
    Lake newLake() {
        StoragePath lake = StoragePath.of(TestHdfs.newFolder("lake"));
        return new Lake(LakeCatalog.inLake(lake), lake, localStaging, Lake.DEFAULT_BUFFER_ROWS);
    }

    @Override
    void assertOwnerOnly(StoragePath location) throws Exception {
        org.apache.hadoop.fs.FileSystem fs = location.fileSystem();
        var files = fs.listFiles(location.path(), true);
        int seen = 0;
        while (files.hasNext()) {
            var file = files.next();
            assertThat(file.getPermission().toShort()).as(file.getPath().toString()).isEqualTo((short) 0600);
            seen++;
        }
        assertThat(seen).isPositive();
        assertThat(fs.getFileStatus(location.path()).getPermission().toShort()).isEqualTo((short) 0700);
    }
}
