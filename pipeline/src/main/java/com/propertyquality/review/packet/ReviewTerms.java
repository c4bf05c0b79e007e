package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import com.propertyquality.review.contract.CodeList;
import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.marts.FeedbackMarts.ComplaintPareto;
import com.propertyquality.review.metrics.HouseholdProfile;
import com.propertyquality.review.metrics.ReviewTriggers;
import com.propertyquality.review.metrics.ServiceLevel;
import com.propertyquality.review.metrics.SurveyItem;
import com.propertyquality.review.reports.document.Lang;

/**
 * The printed names of codes the marts produce but no import code list names: value segments, household profile
 * bands, extra-review triggers, follow-up reasons, and the scopes "company" and "head office". Chinese follows the
 * procedures (客户资源控制程序, 管理评审控制程序 4.1.2); English is the code made readable unless a clearer word
 * exists. An unknown code is printed as stored, as {@link Names} does.
 */
public final class ReviewTerms {

    /** Levels of the area catalogue and of the survey items (管理, 服务, 经营). */
    public static final CodeList LEVELS = CodeList.of("level", ServiceLevel.values());

    /** The survey items with the form's names (电梯运行, not the area's 电梯). */
    public static final CodeList SURVEY_ITEMS = CodeList.of("item", SurveyItem.values());

    /** The kinds of term the bundles name by code: {@code term.<kind>.<code>} in messages_zh/en.properties. */
    static final String VALUE_SEGMENT = "value_segment";
    static final String DIMENSION = "dimension";
    static final String PROFILE_SEGMENT = "profile_segment";
    static final String CATEGORY = "category";
    static final String TRIGGER = "trigger";
    static final String CLAUSE = "clause";
    static final String ATTENTION_ITEM = "attention_item";
    static final String FOLLOW_UP_REASON = "follow_up_reason";
    static final String RETURN_ANOMALY = "return_anomaly";

    private ReviewTerms() {}

    public static String valueSegment(String code, Lang lang) {
        return term(VALUE_SEGMENT, code, lang);
    }

    /** A dimension of {@code satisfaction_by_segment}. */
    public static String dimension(String code, Lang lang) {
        return term(DIMENSION, code, lang);
    }

    /**
     * A segment of {@code satisfaction_by_segment}: the category with its name, an age band or family structure by
     * name, an occupation as written (only "unknown" is translated).
     */
    public static String segment(String dimension, String segment, Lang lang) {
        if (segment == null) {
            return null;
        }
        if ("category".equals(dimension)) {
            return category(segment, lang);
        }
        if ("occupation".equals(dimension)) {
            return HouseholdProfile.UNKNOWN.equals(segment) ? term(PROFILE_SEGMENT, segment, lang) : segment;
        }
        return term(PROFILE_SEGMENT, segment, lang);
    }

    /** A customer category with its letter, as the procedure lists them: "A 业委会成员". */
    public static String category(String code, Lang lang) {
        if (code == null) {
            return null;
        }
        // the Chinese names are the template's code list's (IMPORT-TEMPLATES.md); a test holds the bundle to it
        return PacketText.MESSAGES.has(lang, key(CATEGORY, code)) ? code + " " + text(lang, key(CATEGORY, code)) : code;
    }

    /** An extra-review trigger; the plan-event triggers carry the event's kind as their code. */
    public static String trigger(String code, Lang lang) {
        if (code != null && PacketText.MESSAGES.has(lang, key(TRIGGER, code))) {
            return text(lang, key(TRIGGER, code));
        }
        return Names.of(ReviewPlanTables.EVENT_KINDS, code, lang);
    }

    /**
     * The actions a main factor has ({@code complaint_pareto}): 纠正措施, 预防措施, both, or 未制定; null when the row
     * does not say (a mart of an older build).
     */
    public static String mainFactorAction(MartRow row, Lang lang) {
        Boolean any = row.flag(ComplaintPareto.HAS_ACTION);
        if (any == null) {
            return null;
        }
        boolean corrective = row.isTrue(ComplaintPareto.CORRECTIVE_ACTION);
        boolean preventive = row.isTrue(ComplaintPareto.PREVENTIVE_ACTION);
        if (corrective && preventive) {
            return text(lang, "reviewTerms.corrective_preventive");
        }
        if (corrective) {
            return text(lang, "reviewTerms.corrective");
        }
        if (preventive) {
            return text(lang, "reviewTerms.preventive");
        }
        return any ? text(lang, "reviewTerms.yes") : text(lang, "reviewTerms.none");
    }

    /** A clause of 4.1.2 with its words: "d 重大质量事故、顾客严重投诉". */
    public static String clause(String letter, Lang lang) {
        return letter == null ? null : text(lang, "reviewTerms.clause", letter, term(CLAUSE, letter, lang));
    }

    /** An attention item (关注事项), which is not a 4.1.2 trigger. */
    public static String attentionItem(String code, Lang lang) {
        // one item's words carry the procedure's threshold, from the rule itself
        return code == null || !PacketText.MESSAGES.has(lang, key(ATTENTION_ITEM, code)) ? term(ATTENTION_ITEM, code, lang)
                : text(lang, key(ATTENTION_ITEM, code), ReviewTriggers.SATISFACTION_DROP_POINTS);
    }

    /**
     * A return-rate anomaly of §5.3 (survey_returns.anomaly); the Chinese is the rule's own
     * ({@code SurveyReturnRate.anomalyChinese}, a test holds the bundle to it); an unknown code is printed as stored.
     */
    public static String returnAnomaly(String code, Lang lang) {
        return code == null || code.isBlank() ? null : term(RETURN_ANOMALY, code, lang);
    }

    /** Whether an office's return rate meets the threshold: 达到 / 未达到; null (not judged) stays null. */
    public static String thresholdVerdict(Boolean meets, Lang lang) {
        return meets == null ? null : text(lang, meets ? "servicePerformance.met" : "servicePerformance.below");
    }

    public static String followUpReason(String code, Lang lang) {
        return term(FOLLOW_UP_REASON, code, lang);
    }

    public static String level(String code, Lang lang) {
        return Names.of(LEVELS, code, lang);
    }

    public static String area(String code, Lang lang) {
        return Names.of(ImportTemplates.AREAS, code, lang);
    }

    public static String surveyItem(String code, Lang lang) {
        return Names.of(SURVEY_ITEMS, code, lang);
    }

    /** A month of the year: "3月", "Mar". */
    public static String month(Integer month, Lang lang) {
        if (month == null) {
            return null;
        }
        return text(lang, "reviewTerms.month." + month);
    }

    /** The scope of a company-wide mart row ({@code office_id} null). */
    public static String company(Lang lang) {
        return text(lang, "reviewTerms.company");
    }

    /** The owner of an action without an office ({@code office_id} null in the action marts). */
    public static String headOffice(Lang lang) {
        return text(lang, "reviewTerms.head_office");
    }

    /** The key of a term in the bundles. */
    static String key(String kind, String code) {
        return "term." + kind + "." + code;
    }

    /** A code's name from the bundles; an unknown code is printed as stored, readable in English. */
    private static String term(String kind, String code, Lang lang) {
        if (code == null) {
            return null;
        }
        if (!PacketText.MESSAGES.has(lang, key(kind, code))) {
            return lang == Lang.ZH ? code : Names.english(code);
        }
        return text(lang, key(kind, code));
    }
}
