package com.propertyquality.review.ingest;

/** A file that cannot be loaded at all (wrong format, binary junk, no header, a required column missing). */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
