package com.propertyquality.review.lake;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.support.TestHdfs;

/** The lake's guarantees on a real HDFS, whose directory renames are atomic as the local disk's are. */
class HdfsLakeGuaranteesTest extends LakeGuaranteesTest {

    @TempDir
    Path localStaging;

    @Override
    Lake newLake() {
        return new Lake(StoragePath.of(TestHdfs.newFolder("lake")), localStaging, Lake.DEFAULT_BUFFER_ROWS);
    }
}
