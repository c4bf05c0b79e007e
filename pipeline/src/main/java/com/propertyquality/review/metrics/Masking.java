package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.repeat;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * How personal data appears outside the private dataset: a name keeps its first character (王**), a phone its
 * first three and last four digits (138****1111), enough for the office that knows the household, too little
 * for anyone else.
 */
public final class Masking {

    private Masking() {
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        int first = name.codePointAt(0);
        int rest = name.codePointCount(0, name.length()) - 1;
        return new String(Character.toChars(first)) + "*".repeat(Math.max(rest, 1));
    }

    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    public static Column nameColumn(Column name) {
        Column rest = greatest(length(name).minus(1), lit(1));
        return when(name.isNull().or(length(trim(name)).equalTo(0)), lit(null).cast("string"))
                .otherwise(concat(substring(name, 1, 1), repeat(lit("*"), rest)));
    }

    public static Column phoneColumn(Column phone) {
        Column digits = regexp_replace(phone, "\\D", "");
        Column n = length(digits);
        return when(phone.isNull().or(length(trim(phone)).equalTo(0)), lit(null).cast("string"))
                .when(n.lt(8), repeat(lit("*"), n))
                .otherwise(concat(substring(digits, 1, 3), repeat(lit("*"), n.minus(7)), substring(digits, -4, 4)));
    }
}
