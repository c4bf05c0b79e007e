package com.propertyquality.review.lake;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The lake's guarantees on the local disk (the default). */
class LocalLakeGuaranteesTest extends LakeGuaranteesTest {

    @TempDir
    Path root;

    @Override
    Lake newLake() {
        return new Lake(root);
    }
}
