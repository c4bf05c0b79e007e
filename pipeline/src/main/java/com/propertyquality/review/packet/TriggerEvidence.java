package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.marts.ReviewMarts.ReviewAttentionItems;
import com.propertyquality.review.marts.ReviewMarts.ReviewTriggersMart;
import com.propertyquality.review.metrics.PercentagePoints;
import com.propertyquality.review.reports.document.Lang;

/**
 * The evidence of a review trigger or attention item in the reader's language, worded from the fields the mart
 * stores (codes, counts, rates, dates) by the row's kind. What a person wrote (a complaint's summary, a
 * description, a department) is printed as recorded.
 */
public final class TriggerEvidence {

    private TriggerEvidence() {
    }

    /** A row of {@code review_triggers} (it has a trigger) or of {@code review_attention_items} (an item). */
    public static String of(MartRow row, Lang lang) {
        return row.has(ReviewTriggersMart.TRIGGER) ? trigger(row, lang) : attentionItem(row, lang);
    }

    static String trigger(MartRow row, Lang lang) {
        String code = row.text(ReviewTriggersMart.EVIDENCE_CODE);
        String text = recorded(row.text(ReviewTriggersMart.EVIDENCE_TEXT));
        return switch (row.text(ReviewTriggersMart.SOURCE)) {
            case "feedback" -> text(lang, "triggerEvidence.serious_customer_complaint")
                    + Names.of(ImportTemplates.AREAS, code, lang) + " · "
                    + Names.of(ImportTemplates.FEEDBACK_STATUSES, row.text(ReviewTriggersMart.EVIDENCE_STATUS), lang)
                    + text(lang, "common.colon") + text;
            case "review_audit_findings" -> {
                String clause = row.text(ReviewTriggersMart.EVIDENCE_CLAUSE);
                String audit = Names.of(ReviewPlanTables.AUDIT_KINDS, code, lang);
                String kind = lang == Lang.ZH ? audit : audit.toLowerCase(Locale.ROOT);
                yield clause == null ? text(lang, "triggerEvidence.serious_nonconformity_audit", kind, text)
                        : text(lang, "triggerEvidence.serious_nonconformity_audit_clause", kind, clause, text);
            }
            default -> event(code, text, lang);
        };
    }

    static String attentionItem(MartRow row, Lang lang) {
        String code = row.text(ReviewAttentionItems.EVIDENCE_CODE);
        String text = recorded(row.text(ReviewAttentionItems.EVIDENCE_TEXT));
        String item = row.text(ReviewAttentionItems.ITEM);
        if (ReviewMarts.REVIEW_OVERDUE.equals(item)) {
            LocalDate previous = row.date(ReviewAttentionItems.EVIDENCE_PREVIOUS_DATE);
            LocalDate meeting = row.date(ReviewAttentionItems.EVIDENCE_DATE);
            LocalDate dueBy = row.date(ReviewAttentionItems.DATE);
            LocalDate asOf = row.date(ReviewAttentionItems.AS_OF);
            Long months = row.count(ReviewAttentionItems.EVIDENCE_LIMIT);
            boolean overdueAtAsOf = asOf != null && dueBy != null && meeting != null && asOf.isAfter(dueBy)
                    && asOf.isBefore(meeting);
            String overdue = overdueAtAsOf ? text(lang, "triggerEvidence.overdue_at_as_of") : "";
            return text(lang, "triggerEvidence.previous_review_meeting_after_last_day", previous, meeting, dueBy,
                    months, overdue);
        }
        if (ReviewMarts.RETURN_RATE_BELOW_THRESHOLD.equals(item)) {
            Long returned = row.count(ReviewAttentionItems.EVIDENCE_COUNT);
            Long distributed = row.count(ReviewAttentionItems.EVIDENCE_TOTAL);
            if (code == null) {
                String threshold = BigDecimal.valueOf(row.number(ReviewAttentionItems.EVIDENCE_THRESHOLD))
                        .stripTrailingZeros().toPlainString();
                String rate = String.format(Locale.ROOT, "%d/%d = %.3f", returned, distributed,
                        row.number(ReviewAttentionItems.EVIDENCE_RATE));
                return text(lang, "triggerEvidence.return_rate_below", rate, threshold);
            }
            String shown = distributed == null ? "—" : distributed.toString();
            String anomaly = ReviewTerms.returnAnomaly(code, lang);
            return text(lang, "triggerEvidence.returned_distributed", anomaly, returned, shown);
        }
        if (ReviewMarts.SATISFACTION_DROP.equals(item)) {
            Double previous = row.number(ReviewAttentionItems.EVIDENCE_PREVIOUS_RATE);
            Double rate = row.number(ReviewAttentionItems.EVIDENCE_RATE);
            String office = row.text(ReviewAttentionItems.OFFICE_ID);
            String figures = String.format(Locale.ROOT, "%.4f → %.4f", previous, rate);
            String points = String.format(Locale.ROOT, "%.1f", PercentagePoints.between(previous, rate));
            String scope = office == null ? text(lang, "triggerEvidence.company") : office;
            return text(lang, "triggerEvidence.satisfaction_down_percentage_points", figures, points, scope);
        }
        if (ReviewMarts.ACTION_NOT_EFFECTIVE.equals(item)) {
            String area = Names.of(ImportTemplates.AREAS, code, lang);
            String type = Names.of(ImportTemplates.ACTION_TYPES, row.text(ReviewAttentionItems.EVIDENCE_TYPE), lang);
            String department = recorded(row.text(ReviewAttentionItems.EVIDENCE_DEPARTMENT));
            // "corrective" inside an English sentence, the code list's name as it is in Chinese
            return text(lang, "triggerEvidence.not_effective_verification", area,
                    lang == Lang.ZH ? type : type.toLowerCase(Locale.ROOT), department, text);
        }
        if (ReviewMarts.INSPECTION_NONCONFORMITIES.equals(item)) {
            String level = Names.of(ImportTemplates.INSPECTION_LEVELS, code, lang);
            Long count = row.count(ReviewAttentionItems.EVIDENCE_COUNT);
            Long limit = row.count(ReviewAttentionItems.EVIDENCE_LIMIT);
            Double score = row.number(ReviewAttentionItems.EVIDENCE_SCORE);
            return text(lang, "triggerEvidence.nonconformities_limit_any_external_inspection_score", level, count,
                    limit, score);
        }
        return event(code, text, lang);
    }

    /** A plan event: its kind, then its description as recorded. */
    private static String event(String kind, String description, Lang lang) {
        return Names.of(ReviewPlanTables.EVENT_KINDS, kind, lang) + text(lang, "common.colon") + description;
    }

    private static String recorded(String text) {
        return text == null ? "" : text;
    }
}
