package com.propertyquality.review.lake;

import java.util.List;

/**
 * Hive-style partition folders (year=2025/office_id=SZ01), escaped the way Spark escapes them, so Spark's
 * partition discovery reads back exactly the value that was written, whatever characters an office id holds.
 */
public final class PartitionPath {

    /** How Hive and Spark write a null partition value; Spark reads it back as null. */
    public static final String NULL_VALUE = "__HIVE_DEFAULT_PARTITION__";

    private PartitionPath() {
    }

    /** The relative folder of one partition, e.g. year=2025/office_id=SZ01. */
    public static String of(List<String> columns, Object[] values) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                path.append('/');
            }
            String value = values[i] == null ? NULL_VALUE : escape(String.valueOf(values[i]));
            path.append(escape(columns.get(i))).append('=').append(value);
        }
        return path.toString();
    }

    /** Percent-escapes the characters Spark's ExternalCatalogUtils escapes in partition names. */
    public static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (needsEscape(c)) {
                escaped.append('%').append(String.format("%02X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == 0x7F || "\"#%'*/:=?\\{[]^".indexOf(c) >= 0;
    }
}
