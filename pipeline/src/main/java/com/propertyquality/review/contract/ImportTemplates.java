package com.propertyquality.review.contract;

import static com.propertyquality.review.contract.ColumnSpec.householdReference;
import static com.propertyquality.review.contract.ColumnSpec.officeReference;
import static com.propertyquality.review.contract.ColumnSpec.optional;
import static com.propertyquality.review.contract.ColumnSpec.optionalCode;
import static com.propertyquality.review.contract.ColumnSpec.required;
import static com.propertyquality.review.contract.ColumnSpec.requiredCode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.propertyquality.review.metrics.ActionState;
import com.propertyquality.review.metrics.Area;
import com.propertyquality.review.metrics.Rating;
import com.propertyquality.review.metrics.SurveyItem;

/**
 * The input contract of data/README.md and IMPORT-TEMPLATES.md, one definition per template. A new template
 * or column is a few lines here; the load, the lake schema and the docs follow from it.
 */
public final class ImportTemplates {

    public static final CodeList PROPERTY_TYPES = CodeList.of("property_type",
            "residential", "住宅", "commercial", "商业", "mixed", "综合");

    public static final CodeList RATINGS = CodeList.of("rating", Rating.values());

    public static final CodeList CHANNELS = CodeList.of("channel",
            "visit", "来访", "phone", "来电", "letter", "信函", "hotline", "投诉电话", "mailbox", "投诉信箱",
            "symposium", "座谈会", "home_visit", "家访", "inspection", "检查");

    public static final CodeList FEEDBACK_KINDS = CodeList.of("kind",
            "complaint", "投诉", "opinion", "意见", "service_request", "服务需求", "praise", "表扬");

    /** The area catalogue (涉及方面), from {@link Area}, which also knows each area's level. */
    public static final CodeList AREAS = CodeList.of("area", Area.values());

    public static final CodeList SEVERITIES = CodeList.of("severity", "normal", "一般", "major", "重大");

    public static final CodeList YES_NO = CodeList.of("yes_no", "yes", "是", "no", "否");

    public static final CodeList FEEDBACK_STATUSES = CodeList.of("status", "open", "处理中", "closed", "已关闭");

    public static final CodeList VISIT_PURPOSES = CodeList.of("purpose",
            "survey_check", "调查核实", "paid_service", "有偿服务", "complaint", "投诉回访");

    public static final CodeList VISIT_RESULTS = CodeList.of("result",
            "confirmed", "属实", "not_confirmed", "不属实", "unreachable", "未联系上",
            "satisfied", "满意", "dissatisfied", "不满意");

    public static final CodeList CUSTOMER_CATEGORIES = CodeList.of("category",
            "A", "业委会成员", "B", "开发商及开发公司成员", "C", "同一单位的大宗购房成员", "D", "有亲属关系的大宗购房成员",
            "E", "政府工作人员", "F", "教师、律师", "G", "商人", "H", "普通白领", "I", "其它");

    public static final CodeList INSPECTION_LEVELS = CodeList.of("level",
            "quality_monthly", "质量管理部月检", "service_center", "客服中心检查", "mystery_shopper", "神秘顾客",
            "director_monthly", "管理处主任月检", "supervisor_daily", "客服主任日检", "external", "外部检查");

    public static final CodeList ACTION_SOURCES = CodeList.of("source",
            "feedback", "顾客反馈", "survey", "满意度调查", "inspection", "检查", "audit", "内审", "review", "管理评审");

    public static final CodeList ACTION_TYPES = CodeList.of("type", "corrective", "纠正", "preventive", "预防");

    public static final CodeList VERIFICATIONS = CodeList.of("verification", ActionState.Verification.values());

    public static final Template OFFICES = new Template("offices", "offices", "管理处名录", List.of(
            required("office_id", "管理处编号", ValueType.TEXT),
            required("office_name", "管理处名称", ValueType.TEXT),
            optional("city", "城市", ValueType.TEXT),
            optionalCode("property_type", "物业类型", PROPERTY_TYPES),
            optional("households", "管理户数", ValueType.INTEGER).between(0L, null)),
            List.of("office_id"), List.of("office_id"));

    public static final Template SURVEY_DISTRIBUTION = new Template("survey-distribution", "survey_distribution",
            "调查表发放记录", List.of(
            officeReference(),
            required("year", "年度", ValueType.YEAR),
            required("forms_distributed", "发放份数", ValueType.INTEGER).between(1L, null)),
            List.of("office_id", "year"), List.of("year", "office_id"));

    public static final Template SURVEY_RESPONSES = new Template("survey-responses", "survey_responses",
            "顾客意见调查表", surveyResponseColumns(), List.of("response_id"), List.of("year", "office_id"));

    public static final Template HOUSEHOLDS = new Template("households", "households", "客户资料", List.of(
            required("household_id", "住户编号", ValueType.TEXT),
            officeReference(),
            requiredCode("category", "客户类别", CUSTOMER_CATEGORIES),
            optional("head_age", "户主年龄", ValueType.INTEGER).between(16L, 120L),
            optional("occupation", "职业", ValueType.TEXT),
            optional("hobbies", "爱好", ValueType.TEXT),
            optional("family_size", "家庭人数", ValueType.INTEGER).between(0L, null),
            optional("children", "子女数", ValueType.INTEGER).between(0L, null),
            optional("elderly", "老人数", ValueType.INTEGER).between(0L, null),
            optional("moved_in_on", "入住日期", ValueType.DATE),
            optional("fee_months_billed", "应缴月数", ValueType.INTEGER).between(0L, 12L),
            optional("fee_months_on_time", "按时缴费月数", ValueType.INTEGER).between(0L, 12L),
            optional("name", "姓名", ValueType.TEXT),
            optional("phone", "电话", ValueType.TEXT)),
            List.of("household_id"), List.of("office_id"), null,
            List.of(Rules.notAbove("fee_months_on_time", "fee_months_billed")),
            List.of("name", "phone"));

    public static final Template FEEDBACK = new Template("feedback", "feedback", "顾客意见登记表", List.of(
            required("record_id", "登记编号", ValueType.TEXT),
            officeReference(),
            required("received_on", "登记日期", ValueType.DATE),
            householdReference(false),
            requiredCode("channel", "反馈渠道", CHANNELS),
            requiredCode("kind", "类型", FEEDBACK_KINDS),
            requiredCode("area", "涉及方面", AREAS),
            optionalCode("severity", "严重程度", SEVERITIES).orDefault("normal"),
            ColumnSpec.optionalYesNo("original_kept", "原件保管", YES_NO),
            requiredCode("status", "处理状态", FEEDBACK_STATUSES),
            optional("closed_on", "关闭日期", ValueType.DATE),
            optional("action_id", "纠正措施编号", ValueType.TEXT),
            optional("summary", "内容摘要", ValueType.TEXT)),
            List.of("record_id"), List.of(Template.YEAR, "office_id"), "received_on",
            List.of(Rules.requiredWhen("closed_on", "status", "closed"), Rules.notBefore("closed_on", "received_on")),
            List.of());

    public static final Template RETURN_VISITS = new Template("return-visits", "return_visits", "回访记录", List.of(
            required("visit_id", "回访编号", ValueType.TEXT),
            officeReference(),
            required("visited_on", "回访日期", ValueType.DATE),
            householdReference(false),
            requiredCode("purpose", "回访类型", VISIT_PURPOSES),
            optional("ref_id", "关联编号", ValueType.TEXT),
            requiredCode("result", "回访结果", VISIT_RESULTS),
            optional("note", "备注", ValueType.TEXT)),
            List.of("visit_id"), List.of(Template.YEAR, "office_id"), "visited_on",
            List.of(Rules.allowedFor("result", "purpose", Map.of(
                    "survey_check", Set.of("confirmed", "not_confirmed", "unreachable"),
                    "paid_service", Set.of("satisfied", "dissatisfied", "unreachable"),
                    "complaint", Set.of("satisfied", "dissatisfied", "unreachable")))),
            List.of());

    public static final Template PURCHASES = new Template("purchases", "purchases", "经营消费记录", List.of(
            required("purchase_id", "消费编号", ValueType.TEXT),
            householdReference(true),
            officeReference(),
            required("purchased_on", "消费日期", ValueType.DATE),
            required("category", "消费类别", ValueType.TEXT),
            required("amount", "金额", ValueType.DECIMAL).between(0L, null)),
            List.of("purchase_id"), List.of(Template.YEAR, "office_id"), "purchased_on", List.of(), List.of());

    public static final Template INSPECTIONS = new Template("inspections", "inspections", "服务检查记录", List.of(
            required("inspection_id", "检查编号", ValueType.TEXT),
            officeReference(),
            required("inspected_on", "检查日期", ValueType.DATE),
            requiredCode("level", "检查级别", INSPECTION_LEVELS),
            required("score", "得分", ValueType.NUMBER).between(0L, 100L),
            optional("nonconformities", "不合格项数", ValueType.INTEGER).between(0L, null),
            optional("note", "备注", ValueType.TEXT)),
            List.of("inspection_id"), List.of(Template.YEAR, "office_id"), "inspected_on", List.of(), List.of());

    public static final Template ACTIONS = new Template("actions", "actions", "纠正和预防措施", List.of(
            required("action_id", "措施编号", ValueType.TEXT),
            officeReference().blankMeansHeadOffice(),
            required("opened_on", "开立日期", ValueType.DATE),
            requiredCode("source", "来源", ACTION_SOURCES),
            requiredCode("area", "涉及方面", AREAS),
            requiredCode("type", "类型", ACTION_TYPES),
            required("owner_department", "责任部门", ValueType.TEXT),
            required("due_on", "计划完成日期", ValueType.DATE),
            optional("closed_on", "完成日期", ValueType.DATE),
            optionalCode("verification", "验证结论", VERIFICATIONS).orDefault("pending"),
            optional("verified_on", "验证日期", ValueType.DATE),
            required("description", "措施描述", ValueType.TEXT)),
            List.of("action_id"), List.of(Template.YEAR, "office_id"), "opened_on",
            List.of(Rules.requiredUnless("verified_on", "verification", "pending")), List.of());

    /**
     * The load order: offices first (every template checks its office_id against them), then households (the
     * records that refer to a household are checked against them), then the rest.
     */
    private static final List<Template> ALL = List.of(OFFICES, HOUSEHOLDS, SURVEY_DISTRIBUTION, SURVEY_RESPONSES,
            FEEDBACK, RETURN_VISITS, PURCHASES, INSPECTIONS, ACTIONS);

    private ImportTemplates() {
    }

    public static List<Template> all() {
        return ALL;
    }

    /**
     * The template a file belongs to by the start of its name; the longest matching prefix wins. A review plan
     * is a YAML file named review-plan*.
     */
    public static Optional<Template> forFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (ReviewPlanTables.PLAN.matchesFileName(fileName) && (lower.endsWith(".yaml") || lower.endsWith(".yml"))) {
            return Optional.of(ReviewPlanTables.PLAN);
        }
        return ALL.stream()
                .filter(template -> template.matchesFileName(fileName))
                .max(Comparator.comparingInt(template -> template.name().length()));
    }

    public static Template byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown template: " + name));
    }

    private static List<ColumnSpec> surveyResponseColumns() {
        List<ColumnSpec> columns = new ArrayList<>(List.of(
                required("response_id", "问卷编号", ValueType.TEXT),
                officeReference(),
                required("year", "年度", ValueType.YEAR),
                householdReference(false),
                required("returned_on", "回收日期", ValueType.DATE)));
        // blank = not rated; a missing item column (an estate without lifts) leaves every rating blank
        for (SurveyItem item : SurveyItem.values()) {
            columns.add(optionalCode(item.code(), item.chinese(), RATINGS));
        }
        columns.add(optional("comment", "意见建议", ValueType.TEXT));
        return columns;
    }
}
