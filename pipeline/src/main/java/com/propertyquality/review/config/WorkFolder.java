package com.propertyquality.review.config;

import java.nio.file.Path;

/** The layout of the work folder. */
public record WorkFolder(Path root) {

    public WorkFolder {
        root = root.toAbsolutePath().normalize();
    }

    public Path lake() {
        return root.resolve("lake");
    }

    public Path marts() {
        return root.resolve("marts");
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
