package com.propertyquality.review.packet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
            values.addAll(Arrays.asList(row.count("rank"), ReviewTerms.level(row.text("level"), lang),
                    ReviewTerms.area(row.text("area"), lang), row.count("complaints"), row.count("service_requests"),
                    row.count("opinions"), row.count("dissatisfied"), row.count("needs")));
            return new Row(values, false);
        }).toList();
        return Table.of(needColumns(withOffice, lang), cells);
    }

    /** The columns of a customer_needs table: rank, level, area, the four counts and their total. */
    private static List<Column> needColumns(boolean withOffice, Lang lang) {
        List<Column> columns = new ArrayList<>();
        if (withOffice) {
            columns.add(Column.text(lang.pick("管理处", "Office"), 14));
        }
        columns.add(Column.count(lang.pick("序位", "Rank"), 5));
        columns.add(Column.text(lang.pick("层面", "Level"), 6));
        columns.add(Column.text(lang.pick("涉及方面", "Area"), 10));
        columns.add(Column.count(lang.pick("投诉", "Complaints"), 7));
        columns.add(Column.count(lang.pick("服务需求", "Service requests"), 7));
        columns.add(Column.count(lang.pick("意见建议", "Opinions"), 7));
        columns.add(Column.count(lang.pick("调查不满意答项", "Dissatisfied answers"), 8));
        columns.add(Column.count(lang.pick("合计", "Total"), 6));
        return columns;
    }
}
