package com.propertyquality.review.workbench;

import java.util.Locale;
import java.util.Set;

/**
 * The functions a query through the door may call: an allow-list, so that a function a new engine version adds
 * (or one that reaches the JVM, the file system or the network: reflect, java_method, read_csv, getenv,
 * current_setting ...) is refused until someone has looked at it and added it here. Names are the engines' own,
 * lower case; DuckDB writes its operators (+, ||, LIKE as ~~) as functions too.
 */
final class ReadOnlyFunctions {

    private ReadOnlyFunctions() {
    }

    /** Named alike in Spark SQL and DuckDB. */
    private static final Set<String> BOTH = Set.of(
            // aggregates
            "count", "sum", "avg", "mean", "min", "max", "median", "stddev", "stddev_samp", "stddev_pop",
            "variance", "var_samp", "var_pop", "corr", "covar_pop", "covar_samp", "mode", "first", "last",
            "any_value", "bool_and", "bool_or", "every", "count_if", "approx_count_distinct", "percentile_cont",
            "percentile_disc", "max_by", "min_by", "string_agg", "grouping", "grouping_id",
            // windows
            "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value",
            "last_value", "nth_value",
            // numbers
            "abs", "round", "floor", "ceil", "ceiling", "sqrt", "cbrt", "power", "pow", "exp", "ln", "log", "log2",
            "log10", "sign", "greatest", "least", "mod", "pi", "isnan", "trunc",
            // null handling and conditions
            "coalesce", "ifnull", "nullif", "nvl", "if",
            // text
            "concat", "concat_ws", "lower", "upper", "lcase", "ucase", "length", "char_length", "substring", "substr",
            "trim", "ltrim", "rtrim", "replace", "left", "right", "lpad", "rpad", "reverse", "repeat", "starts_with",
            "ends_with", "contains", "instr", "strpos", "position", "split_part", "initcap", "format", "printf",
            "regexp_replace", "regexp_extract", "regexp_like",
            // dates
            "year", "quarter", "month", "week", "weekofyear", "day", "dayofmonth", "dayofweek", "dayofyear",
            "date_part", "datepart", "date_trunc", "datediff", "date_diff", "date_add", "date_sub", "last_day",
            "make_date", "to_date", "extract");

    /** Spark SQL's own names (its operators are not functions). */
    private static final Set<String> SPARK = Set.of("collect_list", "collect_set", "percentile",
            "percentile_approx", "approx_percentile", "array_agg", "kurtosis", "skewness", "iff", "nvl2", "nanvl",
            "when", "decode", "bround", "positive", "negative", "char", "ascii", "locate", "translate",
            "date_format", "months_between", "add_months", "next_day", "try_divide", "try_add", "try_subtract",
            "try_multiply", "try_avg", "try_sum", "cast", "try_cast", "double", "int", "bigint", "string", "date",
            "boolean", "decimal", "float", "smallint", "tinyint", "size", "array", "array_contains",
            "sort_array", "element_at", "array_join", "rlike", "like", "ilike", "regexp", "isnull", "isnotnull",
            "equal_null", "len", "character_length", "octet_length", "mod", "pmod", "div", "std", "ceiling",
            "make_interval", "dateadd", "timestampdiff");

    /** DuckDB's own names, its operators among them. */
    private static final Set<String> DUCKDB = Set.of("+", "-", "*", "/", "//", "%", "^", "**", "||", "~~", "!~~",
            "~~*", "!~~*", "~~~", "count_star", "quantile_cont", "quantile_disc", "quantile", "arg_min", "arg_max",
            "argmin", "argmax", "list", "array_agg", "kurtosis", "skewness", "favg", "fsum", "sumkahan", "product",
            "entropy", "histogram", "bit_length", "strlen", "prefix", "suffix", "like_escape", "ilike_escape",
            "regexp_matches", "regexp_full_match", "strftime", "strptime", "dayname", "monthname", "yearweek",
            "isodow", "isoyear", "epoch", "date_sub", "age", "to_years", "to_months", "to_days", "try_cast",
            "nullif", "len", "array_length", "list_contains", "list_sort", "unnest", "even", "gamma", "lgamma",
            "factorial", "degrees", "radians", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "md5", "hash",
            "array_to_string", "list_aggregate", "ord", "chr", "unicode", "ascii", "translate");

    static boolean sparkAllows(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return BOTH.contains(lower) || SPARK.contains(lower);
    }

    static boolean duckDbAllows(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return BOTH.contains(lower) || DUCKDB.contains(lower);
    }
}
