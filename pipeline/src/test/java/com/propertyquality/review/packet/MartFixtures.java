package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.FixedPacketSource.row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Complete hand-made rows of the marts the chapters read, every column of data/README.md §6 present (a chapter that
 * reads a column the mart lacks fails loudly in {@link MartRow}). Values are whatever the test passes.
 */
final class MartFixtures {

    static final LocalDate AS_OF = LocalDate.of(2026, 1, 10);

    private MartFixtures() {}

    static Map<String, Object> office(String id, String name) {
        return row("office_id", id, "office_name", name, "city", null, "property_type", null, "households", null);
    }

    static Map<String, Object> surveyReturn(int year, String office, String name, Long distributed, long returned,
            Double rate, boolean meets, String anomaly, Double companyRate) {
        return row("year", year, "office_id", office, "office_name", name, "forms_distributed", distributed,
                "forms_returned", returned, "return_rate", rate, "meets_threshold", meets, "anomaly", anomaly,
                "threshold", 0.6, "previous_return_rate", null, "change_points", null, "rank", 1,
                "company_return_rate", companyRate, "company_offices_left_out", 0L, "gap_points", null);
    }

    static Map<String, Object> satisfactionByOffice(int year, String office, String name, long forms, Double rate,
            Double companyRate, Double gapPoints, Integer rank) {
        return row("year", year, "office_id", office, "office_name", name, "forms", forms, "qualified", 0L,
                "unsatisfied", 0L, "unrated", 0L, "satisfaction_rate", rate, "previous_satisfaction_rate", null,
                "change_points", null, "rank", rank, "company_satisfaction_rate", companyRate, "gap_points",
                gapPoints);
    }

    static Map<String, Object> satisfactionByItem(int year, String office, String item, String level, long qualified,
            long unsatisfied, long unrated, Double rate) {
        return row("year", year, "office_id", office, "item", item, "item_name", item, "level", level,
                "forms", qualified + unsatisfied + unrated, "qualified", qualified, "unsatisfied", unsatisfied,
                "unrated", unrated, "satisfaction_rate", rate);
    }

    static Map<String, Object> satisfactionByLevel(int year, String office, String level, long qualified,
            long unsatisfied, long unrated, Double rate) {
        return row("year", year, "office_id", office, "level", level, "qualified", qualified, "unsatisfied",
                unsatisfied, "unrated", unrated, "satisfaction_rate", rate);
    }

    static Map<String, Object> satisfactionCompany(int year, long forms, long qualified, long unsatisfied,
            Double rate) {
        return row("year", year, "forms", forms, "qualified", qualified, "unsatisfied", unsatisfied, "unrated", 0L,
                "satisfaction_rate", rate);
    }

    static Map<String, Object> satisfactionBySegment(int year, String office, String dimension, String segment,
            long forms, long qualified, long unsatisfied, long unrated, Double rate) {
        return row("year", year, "office_id", office, "dimension", dimension, "segment", segment, "forms", forms,
                "qualified", qualified, "unsatisfied", unsatisfied, "unrated", unrated, "satisfaction_rate", rate);
    }

    static Map<String, Object> feedbackSummary(int year, int month, String office, String name, String channel,
            String kind, String area, String severity, long entries, long closed, long openOver30) {
        return row("year", year, "month", month, "office_id", office, "office_name", name, "channel", channel,
                "kind", kind, "area", area, "level", "management", "severity", severity, "entries", entries,
                "closed", closed, "closure_rate", (double) closed / entries, "median_days_to_close", null,
                "p90_days_to_close", null, "open_over_30_days", openOver30, "originals_kept", 0L,
                "originals_known", 0L, "original_kept_share", null);
    }

    static Map<String, Object> pareto(int year, String office, String name, String area, long complaints, long scope,
            double share, double cumulative, int rank, boolean mainFactor, boolean hasAction) {
        return row("year", year, "office_id", office, "office_name", name, "area", area, "area_name", area,
                "level", "management", "complaints", complaints, "scope_complaints", scope, "share", share,
                "cumulative_share", cumulative, "rank", rank, "main_factor", mainFactor, "has_action", hasAction,
                "corrective_action", hasAction, "preventive_action", false);
    }

    static Map<String, Object> factorWithoutAction(int year, String office, String name, String area, long complaints,
            long scope, double share, double cumulative, int rank) {
        return row("year", year, "office_id", office, "office_name", name, "area", area, "area_name", area,
                "level", "management", "complaints", complaints, "scope_complaints", scope, "share", share,
                "cumulative_share", cumulative, "rank", rank);
    }

    static Map<String, Object> inspection(int year, int month, String office, String name, String level,
            long inspections, double average, double min, long nonconformities, long withoutCount, long complaints) {
        return row("year", year, "month", month, "office_id", office, "office_name", name, "level", level,
                "level_name", level, "inspections", inspections, "average_score", average, "min_score", min,
                "nonconformities", nonconformities, "inspections_without_count", withoutCount,
                "complaints", complaints);
    }

    static Map<String, Object> actionStatus(int year, String office, String name, String area, long actions,
            long open, long overdue, long effective, long notEffective, long pending) {
        return row("year", year, "office_id", office, "office_name", name, "area", area, "area_name", area,
                "level", "management", "actions", actions, "corrective", actions, "preventive", 0L, "open", open,
                "overdue", overdue, "closed_on_time", actions - open, "closed_late", 0L,
                "verified_effective", effective, "verified_not_effective", notEffective,
                "verification_pending", pending, "as_of", AS_OF);
    }

    static Map<String, Object> failedAction(int year, String office, String name, String actionId, String area,
            LocalDate verifiedOn, String description) {
        return row("year", year, "office_id", office, "office_name", name, "action_id", actionId, "area", area,
                "type", "corrective", "owner_department", "Works", "opened_on", LocalDate.of(year, 2, 1),
                "due_on", LocalDate.of(year, 3, 1), "closed_on", LocalDate.of(year, 3, 1), "verified_on", verifiedOn,
                "description", description, "as_of", AS_OF);
    }

    static Map<String, Object> trigger(int year, String trigger, String office, String evidence, String reference,
            LocalDate date, String source) {
        Map<String, Object> row = triggerEvidence(trigger, source, evidence);
        row.putAll(row("year", year, "clause", clauseOf(trigger), "trigger", trigger, "office_id", office,
                "reference_id", reference, "date", date, "source", source, "as_of", AS_OF));
        return row;
    }

    /**
     * The evidence fields of a review_triggers row (every declared column, null unless set), as the mart stores
     * them for a trigger of this source: {@code text} is what a person wrote.
     */
    static Map<String, Object> triggerEvidence(String trigger, String source, String text) {
        Map<String, Object> row = declared(com.propertyquality.review.marts.ReviewMarts.ReviewTriggersMart.COLUMNS);
        switch (source) {
            case "feedback" -> {
                row.put("evidence_code", "maintenance");
                row.put("evidence_status", "closed");
            }
            case "review_audit_findings" -> row.put("evidence_code", "internal");
            default -> row.put("evidence_code",
                    com.propertyquality.review.marts.ReviewMarts.MAJOR_COMPLAINT.equals(trigger)
                            ? "serious_complaint" : trigger);
        }
        row.put("evidence_text", text);
        return row;
    }

    /** The evidence fields of a review_attention_items row of this item, as the mart stores them. */
    static Map<String, Object> attentionEvidence(String item, String text) {
        Map<String, Object> row = declared(com.propertyquality.review.marts.ReviewMarts.ReviewAttentionItems.COLUMNS);
        switch (item) {
            case "review_overdue" -> {
                row.put("evidence_previous_date", LocalDate.of(2025, 1, 10));
                row.put("evidence_date", LocalDate.of(2026, 1, 15));
                row.put("evidence_limit", 12L);
            }
            case "return_rate_below_threshold" -> {
                row.put("evidence_count", 54L);
                row.put("evidence_total", 120L);
                row.put("evidence_rate", 0.45);
                row.put("evidence_threshold", 0.6);
            }
            case "satisfaction_drop" -> {
                row.put("evidence_previous_rate", 0.9);
                row.put("evidence_rate", 0.8);
            }
            case "action_not_effective" -> {
                row.put("evidence_code", "maintenance");
                row.put("evidence_type", "corrective");
                row.put("evidence_department", "Works");
            }
            case "inspection_nonconformities" -> {
                row.put("evidence_code", "mystery_shopper");
                row.put("evidence_count", 5L);
                row.put("evidence_limit", 5L);
                row.put("evidence_score", 80.0);
            }
            default -> row.put("evidence_code", "other");
        }
        row.put("evidence_text", text);
        return row;
    }

    /** The same row of another year. */
    static Map<String, Object> withYear(Map<String, Object> row, int year) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(row);
        copy.put("year", year);
        return copy;
    }

    /** Every declared column of a mart, null. */
    static Map<String, Object> declared(com.propertyquality.review.marts.MartColumns columns) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        columns.columns().forEach(column -> row.put(column.name(), null));
        return row;
    }

    /** The 4.1.2 clause the mart gives a trigger code. */
    private static String clauseOf(String trigger) {
        if (com.propertyquality.review.marts.ReviewMarts.MAJOR_COMPLAINT.equals(trigger)) {
            return "d";
        }
        if (com.propertyquality.review.marts.ReviewMarts.SERIOUS_NONCONFORMITY.equals(trigger)) {
            return "g";
        }
        return com.propertyquality.review.marts.ReviewMarts.EVENT_CLAUSES.get(trigger);
    }

    /** A row of review_attention_items, with the basis the mart gives the item. */
    static Map<String, Object> attention(int year, String item, String office, String evidence, String reference,
            LocalDate date, String source) {
        Map<String, Object> row = attentionEvidence(item, evidence);
        row.putAll(row("year", year, "item", item,
                "basis", com.propertyquality.review.marts.ReviewMarts.ATTENTION_BASIS.get(item), "office_id", office,
                "reference_id", reference, "date", date, "source", source, "as_of", AS_OF));
        return row;
    }

    static Map<String, Object> readiness(int year, LocalDate meeting, LocalDate previous, LocalDate dueBy,
            Integer months, Boolean within, long triggers) {
        return row("year", year, "has_plan", true, "meeting_date", meeting, "meeting_time", null,
                "previous_review_on", previous, "review_due_by", dueBy, "months_since_previous", months,
                "within_12_months", within, "overdue_at_as_of", false, "triggers", triggers,
                "extra_review_due", triggers > 0, "attention_items", 0L, "as_of", AS_OF);
    }

    static Map<String, Object> objective(int year, int seq, String name, String metric, double target, Double actual,
            Boolean met) {
        return row("year", year, "seq", seq, "name", name, "metric", metric, "comparison", "at_least",
                "target", target, "actual", actual, "met", met, "judged_by", judgedBy(metric), "offices_judged", null,
                "offices_not_met", null, "offices_left_out", null);
    }

    /** How the mart judges a metric (data/README §5.13). */
    static String judgedBy(String metric) {
        return metric == null ? null : "survey_return_rate".equals(metric) ? "every_office" : "company_figure";
    }

    static Map<String, Object> customerSegment(int year, String office, String category, String segment,
            long households, double share, double avgSpend, Double avgCredit, long forms, Double rate) {
        return row("year", year, "office_id", office, "category", category, "value_segment", segment,
                "households", households, "share", share, "avg_spend_12m", avgSpend, "avg_credit_rate", avgCredit,
                "survey_year", year, "forms", forms, "qualified", 0L, "unsatisfied", 0L,
                "satisfaction_rate", rate);
    }

    /** A customer_needs row with complaints and dissatisfied answers only (no service request, no opinion). */
    static Map<String, Object> customerNeed(int year, String office, String level, String area, long complaints,
            Long dissatisfied, int rank) {
        return customerNeed(year, office, level, area, complaints, 0, 0, dissatisfied, rank);
    }

    static Map<String, Object> customerNeed(int year, String office, String level, String area, long complaints,
            long serviceRequests, long opinions, Long dissatisfied, int rank) {
        return row("year", year, "office_id", office, "level", level, "area", area, "area_name", area,
                "survey_item", dissatisfied == null ? null : area, "complaints", complaints,
                "service_requests", serviceRequests, "opinions", opinions, "dissatisfied", dissatisfied,
                "needs", complaints + serviceRequests + opinions + (dissatisfied == null ? 0 : dissatisfied),
                "rank", rank);
    }

    static Map<String, Object> purchaseNeed(int year, String segment, String category, long purchases,
            long households, String spend, double share, int rank, Double medianDays) {
        return row("year", year, "value_segment", segment, "category", category, "purchases", purchases,
                "households", households, "spend", new BigDecimal(spend), "share", share, "rank", rank,
                "top_category", rank == 1, "repeat_intervals", 0L, "median_repeat_days", medianDays);
    }

    static Map<String, Object> seasonality(int year, int month, String category, long purchases, long households,
            String spend) {
        return row("year", year, "month", month, "category", category, "purchases", purchases,
                "households", households, "spend", new BigDecimal(spend));
    }

    static Map<String, Object> followUp(int year, String office, String name, String household, String source,
            String reason, LocalDate date, String ref, String detail, String note) {
        return row("year", year, "office_id", office, "office_name", name, "household_id", household,
                "source", source, "reason", reason, "date", date, "ref_id", ref, "detail", detail, "note", note);
    }

    static Map<String, Object> returnVisits(int year, String office, String name, long checks, Double authenticity) {
        return row("year", year, "office_id", office, "office_name", name, "forms_returned", 0L,
                "survey_checks", checks, "survey_checks_reached", checks, "forms_verified", 0L, "verified_share", null,
                "survey_checks_unmatched", 0L,
                "confirmed", 0L, "not_confirmed", 0L, "unreachable", 0L, "authenticity_rate", authenticity,
                "paid_service_visits", 0L, "paid_service_satisfied", 0L, "paid_service_dissatisfied", 0L,
                "paid_service_satisfaction", null, "complaint_followup_visits", 0L,
                "complaint_followup_satisfied", 0L, "complaint_followup_dissatisfied", 0L,
                "complaint_followup_satisfaction", null);
    }
}
