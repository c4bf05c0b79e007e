package com.propertyquality.review.marts;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;

import org.apache.spark.sql.Column;

import com.propertyquality.review.contract.CodeList;

/** The Chinese name of a coded column, for the marts' name columns and the evidence texts they write. */
final class ChineseNames {

    private ChineseNames() {
    }

    /** The Chinese name of {@code code} in {@code list}; {@code otherwise} for a code the list does not have. */
    static Column of(CodeList list, Column code, Column otherwise) {
        List<String> codes = list.codes();
        Column name = otherwise;
        for (int i = codes.size() - 1; i >= 0; i--) {
            name = when(code.equalTo(lit(codes.get(i))), lit(list.chinese(codes.get(i)))).otherwise(name);
        }
        return name;
    }

    /** The Chinese name, or the code itself when the list does not have it (never hidden). */
    static Column of(CodeList list, Column code) {
        return of(list, code, code);
    }
}
