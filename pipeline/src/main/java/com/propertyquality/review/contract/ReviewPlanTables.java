package com.propertyquality.review.contract;

import static com.propertyquality.review.contract.ColumnSpec.optional;
import static com.propertyquality.review.contract.ColumnSpec.optionalCode;
import static com.propertyquality.review.contract.ColumnSpec.required;
import static com.propertyquality.review.contract.ColumnSpec.requiredCode;

import java.util.List;

/**
 * The annual review plan (年度管理评审计划, {@code review-plan*.yaml}) as lake tables, one per part of the plan,
 * partitioned by year. They are defined like the import templates, so the same rules, staging and commit load
 * them; a plan file's rows are its YAML entries. A later plan for the same year replaces the earlier one.
 */
public final class ReviewPlanTables {

    public static final CodeList METRICS = CodeList.of("metric",
            "satisfaction_rate", "满意率", "survey_return_rate", "调查表回收率", "complaint_closure_rate", "投诉处理率");

    public static final CodeList COMPARISONS = CodeList.of("comparison", "at_least", "不低于", "at_most", "不高于");

    public static final CodeList EVENT_KINDS = CodeList.of("kind",
            "major_accident", "重大事故", "serious_complaint", "严重投诉", "organisation_change", "组织机构变化",
            "scope_change", "范围变化", "resource_change", "资源变化", "law_change", "法律法规变化",
            "standard_change", "标准变化", "market_change", "市场变化", "audit", "审核",
            "serious_nonconformity", "严重不合格", "management_request", "领导要求", "other", "其它");

    /** Who audited the quality system (4.1.2 f and g, 4.3.4 f: 内、外审结果). */
    public static final CodeList AUDIT_KINDS = CodeList.of("audit", "internal", "内部审核",
            "second_party", "第二方审核", "third_party", "第三方审核");

    /** The grade of an audit finding; only {@code serious} is 4.1.2 g (质量管理体系审核有严重不合格). */
    public static final CodeList FINDING_GRADES = CodeList.of("grade", "serious", "严重不合格", "minor", "一般不合格",
            "observation", "观察项");

    /** The meeting: one row per year. Its name is the file-name prefix of plan files. */
    public static final Template PLAN = new Template("review-plan", "review_plan", "年度管理评审计划", List.of(
            required("year", "年度", ValueType.YEAR),
            required("meeting_date", "会议日期", ValueType.DATE),
            optional("meeting_time", "会议时间", ValueType.TEXT),
            required("place", "会议地点", ValueType.TEXT),
            required("chair", "主持人", ValueType.TEXT),
            required("management_representative", "管理者代表", ValueType.TEXT),
            optional("previous_review_on", "上次评审日期", ValueType.DATE)),
            List.of("year"), List.of("year"), null,
            List.of(Rules.notBefore("meeting_date", "previous_review_on")), List.of());

    public static final Template ATTENDEES = part("attendees", "review_attendees", "参加人员", List.of(
            required("name", "姓名", ValueType.TEXT),
            optional("department", "部门", ValueType.TEXT),
            optional("role", "职务", ValueType.TEXT)));

    public static final Template OBJECTIVES = part("objectives", "review_objectives", "质量目标", List.of(
            required("name", "目标", ValueType.TEXT),
            optionalCode("metric", "指标", METRICS),
            optionalCode("comparison", "比较", COMPARISONS).orDefault("at_least"),
            required("target", "目标值", ValueType.NUMBER)));

    public static final Template EVENTS = part("events", "review_events", "重要事项", List.of(
            required("date", "日期", ValueType.DATE),
            requiredCode("kind", "类别", EVENT_KINDS),
            required("description", "描述", ValueType.TEXT)));

    /**
     * The findings of the year's quality-system audits (内审 and second- or third-party audits), one per finding:
     * the evidence of procedure 4.1.2 g, which routine service inspections are not.
     */
    public static final Template AUDIT_FINDINGS = part("audit_findings", "review_audit_findings", "审核发现",
            List.of(
            required("date", "日期", ValueType.DATE),
            requiredCode("audit", "审核类别", AUDIT_KINDS),
            requiredCode("grade", "不合格等级", FINDING_GRADES),
            optional("office_id", "管理处编号", ValueType.TEXT),
            optional("clause", "标准条款", ValueType.TEXT),
            required("description", "描述", ValueType.TEXT)));

    public static final Template DEPARTMENT_REPORTS = part("department_reports", "review_department_reports",
            "部门报告", List.of(
            required("department", "部门", ValueType.TEXT),
            optional("title", "标题", ValueType.TEXT),
            required("text", "内容", ValueType.TEXT)));

    /** The lists of a plan, in the order the YAML keys are read. */
    public static final List<Template> PARTS = List.of(ATTENDEES, OBJECTIVES, EVENTS, AUDIT_FINDINGS,
            DEPARTMENT_REPORTS);

    private ReviewPlanTables() {
    }

    /**
     * A list of the plan: the plan's year, the entry's position in its list, then the entry's fields. Its name is
     * the YAML key of the list (it matches no file name: it has no file of its own).
     */
    private static Template part(String key, String dataset, String chinese, List<ColumnSpec> fields) {
        List<ColumnSpec> columns = new java.util.ArrayList<>();
        columns.add(required("year", "年度", ValueType.YEAR));
        columns.add(required("seq", "序号", ValueType.INTEGER));
        columns.addAll(fields);
        return new Template(key, dataset, chinese, columns, List.of("year", "seq"), List.of("year"));
    }

    /** The Chinese key of a plan list, for YAML written in Chinese. */
    public static String chineseKey(Template part) {
        return part.chineseName();
    }
}
