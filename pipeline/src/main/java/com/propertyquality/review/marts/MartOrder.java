package com.propertyquality.review.marts;

import java.util.Arrays;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import scala.Function1;

/**
 * The order a mart's rows are written in, applied last in its query ({@code .transform(MartOrder.by(...))}). A mart
 * is one file of sorted rows, so its rows are gathered into one partition and sorted there. A global sort over
 * several partitions would first run a job that samples the rows to choose ranges, which computes the mart's last
 * stage twice; {@code MartPlansTest} checks that no mart is planned that way.
 */
final class MartOrder {

    private MartOrder() {
    }

    static Function1<Dataset<Row>, Dataset<Row>> by(Column... order) {
        return rows -> rows.repartition(1).orderBy(order);
    }

    static Function1<Dataset<Row>, Dataset<Row>> by(String... columns) {
        return by(Arrays.stream(columns).map(functions::col).toArray(Column[]::new));
    }
}
