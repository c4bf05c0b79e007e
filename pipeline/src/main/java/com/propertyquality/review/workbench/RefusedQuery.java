package com.propertyquality.review.workbench;

/** Placeholder until the lead's workbench package is merged (the same API). */
public final class RefusedQuery extends RuntimeException {
    public RefusedQuery(String message) {
        super(message);
    }
}
