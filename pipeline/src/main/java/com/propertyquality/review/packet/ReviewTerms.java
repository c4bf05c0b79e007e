package com.propertyquality.review.packet;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;

import com.propertyquality.review.contract.CodeList;
import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.metrics.CustomerValue;
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

    private static final Map<String, String[]> VALUE_SEGMENTS = Map.of(
            CustomerValue.MOST_VALUABLE, new String[] {"最有价值客户", "Most valuable"},
            CustomerValue.HIGH_VALUE, new String[] {"高价值客户", "High value"},
            CustomerValue.STEADY, new String[] {"稳定客户", "Steady"},
            CustomerValue.AT_RISK, new String[] {"风险客户", "At risk"},
            CustomerValue.NEW, new String[] {"新入住客户", "New"});

    private static final Map<String, String[]> DIMENSIONS = Map.of(
            "category", new String[] {"客户类别", "Customer category"},
            "age_band", new String[] {"户主年龄", "Age of the head"},
            "family_structure", new String[] {"家庭结构", "Family structure"},
            "occupation", new String[] {"职业", "Occupation"});

    private static final Map<String, String[]> PROFILE_SEGMENTS = Map.ofEntries(
            Map.entry("under_30", new String[] {"30岁以下", "Under 30"}),
            Map.entry("30_44", new String[] {"30–44岁", "30–44"}),
            Map.entry("45_59", new String[] {"45–59岁", "45–59"}),
            Map.entry("60_74", new String[] {"60–74岁", "60–74"}),
            Map.entry("75_plus", new String[] {"75岁及以上", "75 and over"}),
            Map.entry("three_generations", new String[] {"三代同堂", "Three generations"}),
            Map.entry("with_children", new String[] {"有子女", "With children"}),
            Map.entry("with_elderly", new String[] {"有老人", "With elderly"}),
            Map.entry("single", new String[] {"单身", "Single"}),
            Map.entry("couple", new String[] {"夫妻二人", "Couple"}),
            Map.entry("other", new String[] {"其它", "Other"}),
            Map.entry(HouseholdProfile.UNKNOWN, new String[] {"未知", "Unknown"}));

    /** English names of the customer categories (DOMAIN.md); the Chinese come from the template's code list. */
    private static final Map<String, String> CATEGORIES_EN = Map.of(
            "A", "Owners' committee members", "B", "Developer staff", "C", "Bulk buyers, one employer",
            "D", "Bulk buyers, relatives", "E", "Government staff", "F", "Teachers and lawyers",
            "G", "Businesspeople", "H", "Office workers", "I", "Other");

    private static final Map<String, String[]> TRIGGERS = Map.of(
            ReviewMarts.MAJOR_COMPLAINT, new String[] {"重大质量事故或顾客严重投诉",
                    "Major quality accident or serious customer complaint"},
            ReviewMarts.SERIOUS_NONCONFORMITY, new String[] {"质量管理体系审核严重不合格",
                    "Serious nonconformity found by a quality-system audit"});

    /** 4.1.2's clauses as the procedure words them (a–g). */
    private static final Map<String, String[]> CLAUSES = Map.of(
            "a", new String[] {"外部市场与质量方针和质量目标产生反差", "Market diverges from the quality policy and objectives"},
            "b", new String[] {"组织结构、服务范围、资源配置有重大变化", "Major change of organisation, scope or resources"},
            "c", new String[] {"国家法律、法规、标准有修改", "Laws, regulations or standards changed"},
            "d", new String[] {"重大质量事故、顾客严重投诉", "Major quality accident or serious customer complaint"},
            "e", new String[] {"ISO 9001 标准换版", "ISO 9001 revised"},
            "f", new String[] {"第二方、第三方审核前或领导有要求", "Before a second- or third-party audit, or at management's request"},
            "g", new String[] {"质量管理体系审核有严重不合格", "Serious nonconformity found by a quality-system audit"});

    private static final Map<String, String[]> ATTENTION_ITEMS = Map.of(
            ReviewMarts.REVIEW_OVERDUE, new String[] {"评审间隔超过12个月", "More than 12 months since the last review"},
            ReviewMarts.RETURN_RATE_BELOW_THRESHOLD, new String[] {"调查表回收率未达要求",
                    "Survey return rate below the threshold"},
            ReviewMarts.SATISFACTION_DROP, new String[] {
                    "满意率较上年下降超过 " + ReviewTriggers.SATISFACTION_DROP_POINTS + " 个百分点",
                    "Satisfaction down by more than " + ReviewTriggers.SATISFACTION_DROP_POINTS + " points"},
            ReviewMarts.ACTION_NOT_EFFECTIVE, new String[] {"纠正和预防措施验证无效", "Action found not effective"},
            ReviewMarts.INSPECTION_NONCONFORMITIES, new String[] {"服务检查不合格项较多",
                    "Service inspection with many nonconformities"},
            ReviewMarts.OTHER_EVENT, new String[] {"其它重要事项", "Other event of the year"});

    private static final Map<String, String[]> FOLLOW_UP_REASONS = Map.of(
            "survey_dissatisfied", new String[] {"调查表有不满意项", "Dissatisfied item on the survey form"},
            "paid_service_dissatisfied", new String[] {"有偿服务回访不满意", "Dissatisfied at the paid-service visit"},
            "complaint_followup_dissatisfied", new String[] {"投诉回访不满意", "Dissatisfied at the complaint follow-up"});

    private ReviewTerms() {}

    public static String valueSegment(String code, Lang lang) {
        return pick(VALUE_SEGMENTS, code, lang);
    }

    /** A dimension of {@code satisfaction_by_segment}. */
    public static String dimension(String code, Lang lang) {
        return pick(DIMENSIONS, code, lang);
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
            return HouseholdProfile.UNKNOWN.equals(segment) ? pick(PROFILE_SEGMENTS, segment, lang) : segment;
        }
        return pick(PROFILE_SEGMENTS, segment, lang);
    }

    /** A customer category with its letter, as the procedure lists them: "A 业委会成员". */
    public static String category(String code, Lang lang) {
        if (code == null) {
            return null;
        }
        String name = lang == Lang.ZH ? ImportTemplates.CUSTOMER_CATEGORIES.chinese(code) : CATEGORIES_EN.get(code);
        return name == null ? code : code + " " + name;
    }

    /** An extra-review trigger; the plan-event triggers carry the event's kind as their code. */
    public static String trigger(String code, Lang lang) {
        if (TRIGGERS.containsKey(code)) {
            return pick(TRIGGERS, code, lang);
        }
        return Names.of(ReviewPlanTables.EVENT_KINDS, code, lang);
    }

    /**
     * The actions a main factor has ({@code complaint_pareto}): 纠正措施, 预防措施, both, or 未制定; null when the row
     * does not say (a mart of an older build).
     */
    public static String mainFactorAction(MartRow row, Lang lang) {
        Boolean any = row.flag("has_action");
        if (any == null) {
            return null;
        }
        boolean corrective = row.isTrue("corrective_action");
        boolean preventive = row.isTrue("preventive_action");
        if (corrective && preventive) {
            return lang.pick("纠正、预防", "Corrective, preventive");
        }
        if (corrective) {
            return lang.pick("纠正", "Corrective");
        }
        if (preventive) {
            return lang.pick("预防", "Preventive");
        }
        return any ? lang.pick("已制定", "Yes") : lang.pick("未制定", "None");
    }

    /** A clause of 4.1.2 with its words: "d 重大质量事故、顾客严重投诉". */
    public static String clause(String letter, Lang lang) {
        return letter == null ? null : "4.1.2 " + letter + lang.pick(" ", ": ") + pick(CLAUSES, letter, lang);
    }

    /** An attention item (关注事项), which is not a 4.1.2 trigger. */
    public static String attentionItem(String code, Lang lang) {
        return pick(ATTENTION_ITEMS, code, lang);
    }

    public static String followUpReason(String code, Lang lang) {
        return pick(FOLLOW_UP_REASONS, code, lang);
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
        return lang.pick(month + "月", Month.of(month).getDisplayName(TextStyle.SHORT, Locale.UK));
    }

    /** The scope of a company-wide mart row ({@code office_id} null). */
    public static String company(Lang lang) {
        return lang.pick("全公司", "Company");
    }

    /** The owner of an action without an office ({@code office_id} null in the action marts). */
    public static String headOffice(Lang lang) {
        return lang.pick("公司总部", "Head office");
    }

    private static String pick(Map<String, String[]> names, String code, Lang lang) {
        if (code == null) {
            return null;
        }
        String[] both = names.get(code);
        if (both == null) {
            return lang == Lang.ZH ? code : Names.english(code);
        }
        return lang.pick(both[0], both[1]);
    }
}
