package com.propertyquality.review.marts;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;

/** Codes the marts order by or translate through a fixed list or table of the code, as Spark expressions. */
final class CodeColumns {

    private CodeColumns() {
    }

    /** The code's position (from 1) in the list, for ordering rows in the list's order; 0 when not in it. */
    static Column position(List<String> codes, Column code) {
        return array_position(array(codes.stream().map(c -> lit(c)).toArray(Column[]::new)), code);
    }

    /** The value the table gives the code; null when the code is not in it. */
    static Column lookup(Map<String, String> table, Column code) {
        return coalesce(table.entrySet().stream()
                .map(entry -> when(code.equalTo(lit(entry.getKey())), lit(entry.getValue())))
                .toArray(Column[]::new));
    }
}
