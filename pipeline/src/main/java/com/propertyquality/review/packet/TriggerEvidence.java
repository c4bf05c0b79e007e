package com.propertyquality.review.packet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.marts.ReviewMarts.ReviewAttentionItems;
import com.propertyquality.review.marts.ReviewMarts.ReviewTriggersMart;
import com.propertyquality.review.metrics.PercentagePoints;
import com.propertyquality.review.metrics.SurveyReturnRate;
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
        return row.has("trigger") ? trigger(row, lang) : attentionItem(row, lang);
    }

    static String trigger(MartRow row, Lang lang) {
        String code = row.text(ReviewTriggersMart.EVIDENCE_CODE);
        String text = recorded(row.text(ReviewTriggersMart.EVIDENCE_TEXT));
        return switch (row.text(ReviewTriggersMart.SOURCE)) {
            case "feedback" -> lang.pick("顾客严重投诉 · ", "Serious customer complaint · ")
                    + Names.of(ImportTemplates.AREAS, code, lang) + " · "
                    + Names.of(ImportTemplates.FEEDBACK_STATUSES, row.text(ReviewTriggersMart.EVIDENCE_STATUS), lang)
                    + lang.pick("：", ": ") + text;
            case "review_audit_findings" -> {
                String clause = row.text(ReviewTriggersMart.EVIDENCE_CLAUSE);
                yield lang.pick(Names.of(ReviewPlanTables.AUDIT_KINDS, code, lang) + "严重不合格"
                                + (clause == null ? "" : "（条款 " + clause + "）") + "：" + text,
                        "Serious nonconformity, " + Names.of(ReviewPlanTables.AUDIT_KINDS, code, lang).toLowerCase(
                                Locale.ROOT) + " audit" + (clause == null ? "" : " (clause " + clause + ")") + ": " + text);
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
            return lang.pick("上次评审 " + previous + "，会议日期 " + meeting + "，晚于最迟日期 " + dueBy + "（间隔超过 "
                            + months + " 个月）" + (overdueAtAsOf ? "；评审基准日已超期" : ""),
                    "Previous review " + previous + ", meeting " + meeting + ", after the last day allowed " + dueBy
                            + " (more than " + months + " months apart)"
                            + (overdueAtAsOf ? "; overdue at the as-of date" : ""));
        }
        if (ReviewMarts.RETURN_RATE_BELOW_THRESHOLD.equals(item)) {
            Long returned = row.count(ReviewAttentionItems.EVIDENCE_COUNT);
            Long distributed = row.count(ReviewAttentionItems.EVIDENCE_TOTAL);
            if (code == null) {
                String threshold = BigDecimal.valueOf(row.number(ReviewAttentionItems.EVIDENCE_THRESHOLD))
                        .stripTrailingZeros().toPlainString();
                String rate = String.format(Locale.ROOT, "%d/%d = %.3f", returned, distributed,
                        row.number(ReviewAttentionItems.EVIDENCE_RATE));
                return lang.pick("回收率 " + rate + "，低于 " + threshold, "Return rate " + rate + ", below " + threshold);
            }
            String shown = distributed == null ? "—" : distributed.toString();
            return lang.pick(SurveyReturnRate.anomalyChinese(code) + "：回收 " + returned + " 份，发放 " + shown + " 份",
                    Names.english(code) + ": " + returned + " returned, " + shown + " distributed");
        }
        if (ReviewMarts.SATISFACTION_DROP.equals(item)) {
            Double previous = row.number(ReviewAttentionItems.EVIDENCE_PREVIOUS_RATE);
            Double rate = row.number(ReviewAttentionItems.EVIDENCE_RATE);
            String office = row.text(ReviewAttentionItems.OFFICE_ID);
            String figures = String.format(Locale.ROOT, "%.4f → %.4f", previous, rate);
            String points = String.format(Locale.ROOT, "%.1f", PercentagePoints.between(previous, rate));
            return lang.pick("满意率 " + figures + "，下降 " + points + " 个百分点（" + (office == null ? "公司" : office) + "）",
                    "Satisfaction " + figures + ", down " + points + " percentage points ("
                            + (office == null ? "company" : office) + ")");
        }
        if (ReviewMarts.ACTION_NOT_EFFECTIVE.equals(item)) {
            String area = Names.of(ImportTemplates.AREAS, code, lang);
            String type = Names.of(ImportTemplates.ACTION_TYPES, row.text(ReviewAttentionItems.EVIDENCE_TYPE), lang);
            String department = recorded(row.text(ReviewAttentionItems.EVIDENCE_DEPARTMENT));
            return lang.pick("措施验证无效（" + area + "，" + type + "，" + department + "）：" + text,
                    "Not effective at verification (" + area + ", " + type.toLowerCase(Locale.ROOT) + ", "
                            + department + "): " + text);
        }
        if (ReviewMarts.INSPECTION_NONCONFORMITIES.equals(item)) {
            String level = Names.of(ImportTemplates.INSPECTION_LEVELS, code, lang);
            Long count = row.count(ReviewAttentionItems.EVIDENCE_COUNT);
            Long limit = row.count(ReviewAttentionItems.EVIDENCE_LIMIT);
            Double score = row.number(ReviewAttentionItems.EVIDENCE_SCORE);
            return lang.pick(level + "不合格项 " + count + "（限值 " + limit + "；外部检查任一项），得分 " + score,
                    level + ": " + count + " nonconformities (limit " + limit + "; any for an external inspection),"
                            + " score " + score);
        }
        return event(code, text, lang);
    }

    /** A plan event: its kind, then its description as recorded. */
    private static String event(String kind, String description, Lang lang) {
        return Names.of(ReviewPlanTables.EVENT_KINDS, kind, lang) + lang.pick("：", ": ") + description;
    }

    private static String recorded(String text) {
        return text == null ? "" : text;
    }
}
