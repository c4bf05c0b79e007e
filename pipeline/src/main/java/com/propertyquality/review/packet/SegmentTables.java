package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.propertyquality.review.marts.CustomerValueMarts.CustomerNeeds;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Table;

/**
 * The customer-needs table ({@code customer_needs}) that the segments chapter prints company-wide and per office,
 * and an office's report prints for that office alone, built once here; callers add caption, empty text and note.
 */
final class SegmentTables {

    private SegmentTables() {}

    /**
     * The needs of {@code rows} in their order: rank, level, area, the four counts and their total; with the
     * office first when {@code register} is given (the rows are several offices').
     */
    static Table needs(List<MartRow> rows, OfficeRegister register, Lang lang) {
        boolean withOffice = register != null;
        List<Row> cells = rows.stream().map(row -> {
            List<Object> values = new ArrayList<>();
            if (withOffice) {
                values.add(register.nameOf(row));
            }
            values.addAll(Arrays.asList(row.count(CustomerNeeds.RANK), ReviewTerms.level(row.text(CustomerNeeds.LEVEL),
                    lang),
                    ReviewTerms.area(row.text(CustomerNeeds.AREA), lang), row.count(CustomerNeeds.COMPLAINTS),
                            row.count(CustomerNeeds.SERVICE_REQUESTS),
                    row.count(CustomerNeeds.OPINIONS), row.count(CustomerNeeds.DISSATISFIED),
                            row.count(CustomerNeeds.NEEDS)));
            return new Row(values, false);
        }).toList();
        return Table.of(needColumns(withOffice, lang), cells);
    }

    /** The columns of a customer_needs table: rank, level, area, the four counts and their total. */
    private static List<Column> needColumns(boolean withOffice, Lang lang) {
        List<Column> columns = new ArrayList<>();
        if (withOffice) {
            columns.add(Column.text(text(lang, "column.office"), 14));
        }
        columns.add(Column.count(text(lang, "column.rank"), 5));
        columns.add(Column.text(text(lang, "column.level"), 6));
        columns.add(Column.text(text(lang, "column.area"), 10));
        columns.add(Column.count(text(lang, "column.complaints"), 7));
        columns.add(Column.count(text(lang, "column.service_requests"), 7));
        columns.add(Column.count(text(lang, "column.opinions"), 7));
        columns.add(Column.count(text(lang, "column.dissatisfied_answers"), 8));
        columns.add(Column.count(text(lang, "column.total"), 6));
        return columns;
    }
}
