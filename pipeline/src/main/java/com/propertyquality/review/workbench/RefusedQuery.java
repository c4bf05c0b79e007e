package com.propertyquality.review.workbench;

/** The door refused a query; the message is one line saying why. Nothing was run. */
public final class RefusedQuery extends RuntimeException {

    public RefusedQuery(String reason) {
        super(reason);
    }
}
