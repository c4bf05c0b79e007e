package com.propertyquality.review.lake;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Override
    void assertOwnerOnly(StoragePath location) throws Exception {
        try (var paths = java.nio.file.Files.walk(location.localPath())) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        java.nio.file.Files.getPosixFilePermissions(path)))
                        .as(path.toString()).isEqualTo(java.nio.file.Files.isDirectory(path) ? "rwx------" : "rw-------");
            }
        }
    }
}
