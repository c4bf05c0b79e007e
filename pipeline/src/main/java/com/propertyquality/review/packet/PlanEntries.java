package com.propertyquality.review.packet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.propertyquality.review.contract.ReviewPlanTables;

/**
 * The year's 《年度管理评审计划》 as the chapters read it: the meeting row and each list (attendees, events,
 * audit findings, department reports) in the plan's order ({@code seq}), whatever order the lake files give.
 */
final class PlanEntries {

    private PlanEntries() {}

    /** The meeting of the year ({@code review_plan}), if a plan is loaded. */
    static Optional<MartRow> meeting(PacketSource source, int year) {
        return MartRow.of(source.lakeOfYear(ReviewPlanTables.PLAN.dataset(), year)).stream().findFirst();
    }

    static List<MartRow> attendees(PacketSource source, int year) {
        return inPlanOrder(source, ReviewPlanTables.ATTENDEES.dataset(), year);
    }

    static List<MartRow> events(PacketSource source, int year) {
        return inPlanOrder(source, ReviewPlanTables.EVENTS.dataset(), year);
    }

    static List<MartRow> auditFindings(PacketSource source, int year) {
        return inPlanOrder(source, ReviewPlanTables.AUDIT_FINDINGS.dataset(), year);
    }

    static List<MartRow> departmentReports(PacketSource source, int year) {
        return inPlanOrder(source, ReviewPlanTables.DEPARTMENT_REPORTS.dataset(), year);
    }

    private static List<MartRow> inPlanOrder(PacketSource source, String dataset, int year) {
        List<MartRow> rows = new ArrayList<>(MartRow.of(source.lakeOfYear(dataset, year)));
        rows.sort(Comparator.comparing(row -> row.count("seq"), Comparator.nullsLast(Comparator.naturalOrder())));
        return rows;
    }
}
