package com.propertyquality.review.reports;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sRGB colour profile PDF/A needs as its output intent. Jasper reads it from a location, so the JDK's own sRGB
 * profile is written once per JVM to a temporary file (no profile file ships with the product).
 */
final class SrgbProfile {

    private static volatile String path;

    private SrgbProfile() {}

    static String path() {
        if (path == null) {
            synchronized (SrgbProfile.class) {
                if (path == null) {
                    path = write();
                }
            }
        }
        return path;
    }

    private static String write() {
        try {
            Path file = Files.createTempFile("srgb-", ".icc");
            file.toFile().deleteOnExit();
            Files.write(file, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the sRGB profile for PDF/A", e);
        }
    }
}
