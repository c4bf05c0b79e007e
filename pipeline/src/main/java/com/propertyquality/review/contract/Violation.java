package com.propertyquality.review.contract;

/**
 * Why a row (or a file) was rejected: the column concerned (null for the whole row), the offending value and a
 * reason a clerk can act on.
 */
public record Violation(String column, String value, String reason) {
}
