package com.propertyquality.review.packet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.propertyquality.review.marts.SurveyMarts;
import com.propertyquality.review.reports.document.Lang;

/**
 * The offices (管理处) a packet speaks of, with their names: the office register of the lake ({@code offices}), or,
 * when no register is loaded, the offices of the year's {@code survey_returns} (every register office has a row
 * there). Some marts carry only the office id ({@code customer_segments}, {@code review_triggers}); their office
 * names come from here.
 */
final class OfficeRegister {

    /** An office of the register. */
    record Office(String id, String name) {}

    private final Map<String, Office> byId;

    private OfficeRegister(Map<String, Office> byId) {
        this.byId = byId;
    }

    static OfficeRegister of(PacketSource source, int year) {
        List<MartRow> rows = MartRow.of(source.lake("offices"));
        if (rows.isEmpty()) {
            rows = source.rowsOfYear(SurveyMarts.SURVEY_RETURNS, year);
        }
        List<Office> offices = new ArrayList<>();
        for (MartRow row : rows) {
            String id = row.text("office_id");
            if (id != null) {
                offices.add(new Office(id, row.text("office_name")));
            }
        }
        offices.sort(Comparator.comparing(Office::id));
        Map<String, Office> byId = new LinkedHashMap<>();
        offices.forEach(office -> byId.putIfAbsent(office.id(), office));
        return new OfficeRegister(byId);
    }

    /** Every office, by id. */
    List<Office> offices() {
        return List.copyOf(byId.values());
    }

    Optional<Office> find(String officeId) {
        return Optional.ofNullable(byId.get(officeId));
    }

    /** The office of a mart row by name: the row's own {@code office_name} when it has one, else the register's. */
    String nameOf(MartRow row) {
        if (row.has("office_name") && row.text("office_name") != null) {
            return row.text("office_name");
        }
        return name(row.text("office_id"));
    }

    /** The scope of a row that may be company-wide ({@code office_id} null: a plan event, a company figure). */
    String scopeOf(MartRow row, Lang lang) {
        return row.text("office_id") == null ? ReviewTerms.company(lang) : nameOf(row);
    }

    /** The owner of an action row: its office, or the head office when it has none. */
    String ownerOf(MartRow row, Lang lang) {
        return row.text("office_id") == null ? ReviewTerms.headOffice(lang) : nameOf(row);
    }

    /** The office's name as registered; its id when the register has no name for it; null for null. */
    String name(String officeId) {
        if (officeId == null) {
            return null;
        }
        Office office = byId.get(officeId);
        return office == null || office.name() == null ? officeId : office.name();
    }
}
