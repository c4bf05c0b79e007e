package com.propertyquality.review.generate;

/**
 * One bad row put in on purpose, where the ingest will find it: file, CSV line or sheet row (the header is 1), the
 * row's key, and the column and value the rejects file will show.
 */
record BadRow(String file, long row, String key, String column, String value, String description) {
}
