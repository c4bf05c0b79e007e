package com.propertyquality.review.explorer;

/**
 * What one explorer serves: every office, or one office alone ({@code explore --office}); and the token each request
 * must carry (null when bound to a loopback address).
 */
public record ExplorerSettings(String office, String token) {

    /** True when the explorer serves one office and the request names another. */
    boolean refuses(String requestedOffice) {
        return office != null && requestedOffice != null && !requestedOffice.isBlank()
                && !office.equals(requestedOffice);
    }
}
