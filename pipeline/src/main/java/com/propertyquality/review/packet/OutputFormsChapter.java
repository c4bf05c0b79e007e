package com.propertyquality.review.packet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.marts.FeedbackMarts;
import com.propertyquality.review.marts.QualityMarts;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.marts.SurveyMarts;
import com.propertyquality.review.reports.Percent;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * 输出表单: the three records the review produces (4.4, 6.0), pre-filled from the data so the meeting only writes
 * what it decides: a draft 《管理评审报告》 with the findings the marts support, the 《管理评审改进措施及验证记录表》
 * listing every main factor without a corrective or preventive action and every action found not effective, and the
 * 《会议签到记录表》 with the plan's attendees. Blank cells for handwriting are {@code SIGNATURE} cells.
 */
public final class OutputFormsChapter {

    /** Blank lines of the improvement-action form for measures the meeting adds. */
    static final int EXTRA_ACTION_LINES = 3;
    /** Blank lines of the sign-in record for attendees the plan did not list. */
    static final int EXTRA_SIGN_IN_LINES = 4;
    /** Blank lines of the meeting notes (4.4.1). */
    static final int MEETING_NOTE_LINES = 4;

    private OutputFormsChapter() {}

    public static Chapter build(PacketSource source, int year, Lang lang) {
        OfficeRegister register = OfficeRegister.of(source, year);
        Optional<MartRow> meeting = PlanEntries.meeting(source, year);
        return new Chapter(lang.pick("输出表单", "Output forms"), lang.pick("输出表单", "Output forms"), List.of(
                Section.numbered(lang.pick("《管理评审报告》（草稿）", "Management review report (draft)"),
                        Paragraphs.of(lang.pick(
                                "品质督察部根据评审议题和会议记录编写，经管理者代表审核、总经理批准（4.4.2、4.4.3）。"
                                        + "“评审输入摘要”由数据预先填写；评审结论由会议填写。",
                                "Written by the quality department from the agenda and the minutes, checked by the"
                                        + " management representative and approved by the general manager (4.4.2,"
                                        + " 4.4.3). The summary of inputs is filled in from the data; the meeting"
                                        + " writes the conclusions.")),
                        meetingTable(meeting, lang),
                        findings(source, year, register, lang),
                        conclusions(lang),
                        approval(lang)),
                Section.numbered(lang.pick("《管理评审改进措施及验证记录表》", "Improvement actions and their verification"),
                        Paragraphs.of(lang.pick(
                                "责任部门根据《管理评审报告》的决定编制并组织实施，按《纠正和预防措施控制程序》执行（4.5.1）。"
                                        + "下表预先列出尚未制定纠正或预防措施的主要因素和验证无效的措施；改进措施、责任部门、完成日期和验证由手工填写。",
                                "The owners draw up and carry out the actions the report decides, under the corrective"
                                        + " and preventive action procedure (4.5.1). Listed in advance: the main"
                                        + " factors without a corrective or preventive action and the actions found not effective;"
                                        + " action, owner, completion date and verification are filled in by hand.")),
                        improvementActions(source, year, register, lang)),
                Section.numbered(lang.pick("《会议签到记录表》", "Meeting sign-in record"),
                        signInHeader(meeting, year, lang),
                        signIn(source, year, lang),
                        meetingNotes(lang))));
    }

    private static Table meetingTable(Optional<MartRow> meeting, Lang lang) {
        List<Row> rows = meeting.map(row -> List.of(Row.of(row.date("meeting_date"), row.text("meeting_time"),
                row.text("place"), row.text("chair"), row.text("management_representative"),
                row.date("previous_review_on")))).orElse(List.of());
        return Table.of(List.of(
                        Column.date(lang.pick("会议日期", "Meeting date"), 9),
                        Column.text(lang.pick("时间", "Time"), 6),
                        Column.text(lang.pick("地点", "Place"), 18),
                        Column.text(lang.pick("主持人", "Chair"), 12),
                        Column.text(lang.pick("管理者代表", "Management representative"), 12),
                        Column.date(lang.pick("上次评审日期", "Previous review"), 9)), rows)
                .withEmptyText(lang.pick("本年度尚无《年度管理评审计划》。", "There is no review plan for this year."));
    }

    /** The findings the data supports, one short sentence each, numbered. */
    static Paragraphs findings(PacketSource source, int year, OfficeRegister register, Lang lang) {
        List<String> facts = new ArrayList<>();
        facts.add(satisfaction(source, year, lang));
        facts.addAll(objectives(source, year, lang));
        facts.add(returns(source, year, register, lang));
        facts.addAll(mainFactors(source, year, lang));
        facts.addAll(actions(source, year, register, lang));
        facts.add(triggers(source, year, lang));
        facts.add(schedule(source, year, lang));
        List<String> lines = new ArrayList<>();
        lines.add(lang.pick("评审输入摘要（据数据）：", "Summary of inputs (from the data):"));
        for (int i = 0; i < facts.size(); i++) {
            lines.add((i + 1) + ". " + facts.get(i));
        }
        return new Paragraphs(lines);
    }

    private static String satisfaction(PacketSource source, int year, Lang lang) {
        return MartRow.of(source.martOfYear(SurveyMarts.SATISFACTION_COMPANY, year)).stream().findFirst()
                .map(row -> lang.pick(
                        "全公司顾客满意率 " + Percent.format(row.number("satisfaction_rate")) + "（调查表 "
                                + row.count("forms") + " 份，合格项 " + row.count("qualified") + " 项，不满意项 "
                                + row.count("unsatisfied") + " 项）。",
                        "Company satisfaction " + Percent.format(row.number("satisfaction_rate")) + " ("
                                + row.count("forms") + " survey forms, " + row.count("qualified") + " qualified and "
                                + row.count("unsatisfied") + " unsatisfied items)."))
                .orElse(lang.pick("本年度无顾客意见调查表，没有满意率。", "No survey forms this year: no satisfaction rate."));
    }

    private static List<String> objectives(PacketSource source, int year, Lang lang) {
        List<MartRow> rows = MartRow.of(source.martOfYear(ReviewMarts.REVIEW_OBJECTIVES_STATUS, year));
        if (rows.isEmpty()) {
            return List.of(lang.pick("本年度评审计划未列质量目标。", "The review plan lists no quality objective."));
        }
        List<String> sentences = new ArrayList<>();
        for (MartRow row : rows) {
            String name = row.text("name");
            String target = comparison(row.text("comparison"), lang) + " " + Percent.format(row.number("target"));
            if ("every_office".equals(row.text("judged_by")) && row.flag("met") != null) {
                // 5.1.2: judged office by office; the pooled rate is shown beside, never the verdict
                boolean met = row.isTrue("met");
                String leftOut = Labels.leftOutOfCompanyRate(row.count("offices_left_out"), lang);
                sentences.add(lang.pick(
                        "质量目标“" + name + "”（各管理处" + target + "）：有发放记录的 " + row.count("offices_judged")
                                + " 个管理处中 " + row.count("offices_not_met") + " 个未达到，" + (met ? "已达到" : "未达到")
                                + "；全公司回收率 " + Percent.format(row.number("actual")) + leftOut + "。",
                        "Quality objective \"" + name + "\" (" + target + " in every office): "
                                + row.count("offices_not_met") + " of " + row.count("offices_judged")
                                + " offices with a distribution record fall short: " + (met ? "met" : "not met")
                                + "; company rate " + Percent.format(row.number("actual")) + leftOut + "."));
            } else if (row.text("metric") == null) {
                sentences.add(lang.pick("质量目标“" + name + "”（" + target + "）未对应数据指标，由会议评价。",
                        "Quality objective \"" + name + "\" (" + target + ") has no metric in the data: the"
                                + " meeting judges it."));
            } else if (row.number("actual") == null) {
                sentences.add(lang.pick("质量目标“" + name + "”（" + target + "）：本年度无数据，无法判断。",
                        "Quality objective \"" + name + "\" (" + target + "): no data this year."));
            } else {
                boolean met = row.isTrue("met");
                sentences.add(lang.pick(
                        "质量目标“" + name + "”：实际 " + Percent.format(row.number("actual")) + "，目标" + target + "，"
                                + (met ? "已达到。" : "未达到。"),
                        "Quality objective \"" + name + "\": actual " + Percent.format(row.number("actual"))
                                + ", target " + target + ": " + (met ? "met." : "not met.")));
            }
        }
        return sentences;
    }

    private static String comparison(String code, Lang lang) {
        if (lang == Lang.ZH) {
            return Names.of(ReviewPlanTables.COMPARISONS, code, lang);
        }
        return code == null ? "" : code.replace('_', ' ');
    }

    private static String returns(PacketSource source, int year, OfficeRegister register, Lang lang) {
        List<MartRow> rows = MartRow.of(source.martOfYear(SurveyMarts.SURVEY_RETURNS, year));
        if (rows.isEmpty()) {
            return lang.pick("本年度无调查表发放和回收记录。", "No survey forms handed out or returned this year.");
        }
        String threshold = Percent.format(ShownThreshold.of(rows, source));
        List<String> below = rows.stream().filter(row -> !row.isTrue("meets_threshold"))
                .map(row -> returnCase(row, register, lang)).toList();
        if (below.isEmpty()) {
            return lang.pick("各管理处调查表回收率均达到 " + threshold + " 的要求（5.1.2）。",
                    "Every office returned at least " + threshold + " of its survey forms (5.1.2).");
        }
        return lang.pick(
                "调查表回收率未达到 " + threshold + " 要求的管理处 " + below.size() + " 个（5.1.2）："
                        + String.join("，", below) + "。",
                below.size() + " offices below the " + threshold + " return threshold (5.1.2): "
                        + String.join("; ", below) + ".");
    }

    private static String returnCase(MartRow row, OfficeRegister register, Lang lang) {
        String office = register.nameOf(row);
        String anomaly = row.text("anomaly");
        if ("no_distribution_record".equals(anomaly)) {
            return office + lang.pick("（无发放记录）", " (no record of forms handed out)");
        }
        String rate = Percent.format(row.number("return_rate"));
        if ("returned_exceeds_distributed".equals(anomaly)) {
            return office + " " + rate + lang.pick("（回收份数多于发放份数）", " (more returned than handed out)");
        }
        return office + " " + rate;
    }

    private static List<String> mainFactors(PacketSource source, int year, Lang lang) {
        List<MartRow> company = MartRow.of(source.martOfYear(FeedbackMarts.COMPLAINT_PARETO, year)).stream()
                .filter(row -> row.text("office_id") == null && row.isTrue("main_factor"))
                .toList();
        if (company.isEmpty()) {
            return List.of(lang.pick("本年度《顾客意见登记表》无投诉，没有主要因素。",
                    "No complaints in the register this year: no main factors."));
        }
        String factors = company.stream()
                .map(row -> ReviewTerms.area(row.text("area"), lang) + " " + row.count("complaints")
                        + lang.pick(" 件", ""))
                .collect(Collectors.joining(lang.pick("、", ", ")));
        List<String> withoutAction = company.stream().filter(row -> !row.isTrue("has_action"))
                .map(row -> ReviewTerms.area(row.text("area"), lang)).toList();
        List<String> sentences = new ArrayList<>();
        sentences.add(lang.pick("全公司投诉的主要因素（累计约占80%的涉及方面，5.1.3）：" + factors
                        + (withoutAction.isEmpty() ? "，均已制定纠正或预防措施。"
                                : "；其中尚未制定纠正或预防措施的：" + String.join("、", withoutAction) + "。"),
                "Main factors of the company's complaints (the areas making up 80%, 5.1.3): " + factors
                        + (withoutAction.isEmpty() ? "; each has a corrective or preventive action."
                                : "; without a corrective or preventive action: " + String.join(", ", withoutAction)
                                + ".")));
        long officeFactors = source.martOfYear(FeedbackMarts.MAIN_FACTORS_WITHOUT_ACTION, year).stream()
                .filter(row -> row.get("office_id") != null).count();
        if (officeFactors > 0) {
            sentences.add(lang.pick("各管理处尚有 " + officeFactors + " 项主要因素未制定纠正或预防措施，已列入《管理评审改进措施及验证记录表》。",
                    officeFactors + " main factors of single offices have no corrective or preventive action yet; they are"
                            + " listed on the improvement-action form."));
        }
        return sentences;
    }

    private static List<String> actions(PacketSource source, int year, OfficeRegister register, Lang lang) {
        List<String> sentences = new ArrayList<>();
        List<MartRow> status = MartRow.of(source.martOfYear(QualityMarts.ACTION_STATUS, year));
        if (!status.isEmpty()) {
            String asOf = String.valueOf(status.get(0).date("as_of"));
            sentences.add(lang.pick(
                    "本年度开立纠正和预防措施 " + Tally.sum(status, "actions") + " 项；截至基准日 " + asOf + "，未完成 "
                            + Tally.sum(status, "open") + " 项，其中逾期 " + Tally.sum(status, "overdue") + " 项；验证有效 "
                            + Tally.sum(status, "verified_effective") + " 项，待验证 "
                            + Tally.sum(status, "verification_pending") + " 项。",
                    Tally.sum(status, "actions") + " corrective and preventive actions opened this year; at the as-of"
                            + " date " + asOf + ", " + Tally.sum(status, "open") + " open, of which "
                            + Tally.sum(status, "overdue") + " overdue; " + Tally.sum(status, "verified_effective")
                            + " verified effective, " + Tally.sum(status, "verification_pending") + " pending."));
        }
        List<MartRow> failed = ActionTables.failedInYear(source, year);
        if (failed.isEmpty()) {
            sentences.add(lang.pick("没有验证无效的纠正和预防措施。", "No action was found not effective."));
        } else {
            String list = failed.stream()
                    .map(row -> row.text("action_id") + lang.pick("（", " (")
                            + register.ownerOf(row, lang)
                            + lang.pick("，", ", ") + ReviewTerms.area(row.text("area"), lang) + lang.pick("）", ")"))
                    .collect(Collectors.joining(lang.pick("、", "; ")));
            sentences.add(lang.pick("验证无效的措施 " + failed.size() + " 项：" + list + "，须由责任部门重新制定并实施（4.5.4）。",
                    failed.size() + " actions found not effective: " + list + "; their owners must redo them"
                            + " (4.5.4)."));
        }
        return sentences;
    }

    private static String triggers(PacketSource source, int year, Lang lang) {
        Map<String, Long> counts = new LinkedHashMap<>();
        ReviewMarts.TRIGGER_ORDER.forEach(code -> counts.put(code, 0L));
        for (MartRow row : MartRow.of(source.martOfYear(ReviewMarts.REVIEW_TRIGGERS, year))) {
            counts.merge(row.text("trigger"), 1L, Long::sum);
        }
        List<String> found = counts.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .map(entry -> ReviewTerms.trigger(entry.getKey(), lang) + " " + entry.getValue()
                        + lang.pick(" 项", ""))
                .toList();
        if (found.isEmpty()) {
            return lang.pick("数据未显示应增加管理评审频次的情况（4.1.2）。",
                    "The data shows no case for an extra review (4.1.2).");
        }
        return lang.pick("数据显示应增加管理评审频次的情况（4.1.2）：" + String.join("，", found) + "。",
                "Cases for an extra review in the data (4.1.2): " + String.join("; ", found) + ".");
    }

    private static String schedule(PacketSource source, int year, Lang lang) {
        Optional<MartRow> readiness = MartRow.of(source.martOfYear(ReviewMarts.REVIEW_READINESS, year)).stream()
                .findFirst();
        if (readiness.isEmpty() || !readiness.get().isTrue("has_plan")) {
            return lang.pick("本年度尚无《年度管理评审计划》，无法判断评审间隔（4.1.1）。",
                    "No review plan this year: the interval between reviews cannot be judged (4.1.1).");
        }
        MartRow row = readiness.get();
        if (row.date("previous_review_on") == null || row.flag("within_12_months") == null) {
            return lang.pick("评审计划未填写上次评审日期，无法判断与上次评审的间隔是否超过12个月（4.1.1）。",
                    "The plan gives no date of the previous review: the 12-month rule cannot be judged (4.1.1).");
        }
        if (row.isTrue("within_12_months")) {
            return lang.pick("上次管理评审 " + row.date("previous_review_on") + "，本次会议 " + row.date("meeting_date")
                            + "，间隔 " + row.count("months_since_previous") + " 个月，未超过12个月（4.1.1）。",
                    "Previous review " + row.date("previous_review_on") + ", this meeting " + row.date("meeting_date")
                            + ": " + row.count("months_since_previous") + " months apart, within 12 months (4.1.1).");
        }
        return lang.pick("上次管理评审 " + row.date("previous_review_on") + "，本次会议 " + row.date("meeting_date")
                        + "，晚于最迟日期 " + row.date("review_due_by") + "，间隔超过12个月，不符合4.1.1的要求。",
                "Previous review " + row.date("previous_review_on") + ", this meeting " + row.date("meeting_date")
                        + ", after the latest date " + row.date("review_due_by") + ": more than 12 months apart,"
                        + " against 4.1.1.");
    }

    /** The decisions 4.4.2 asks the report to hold, and the general manager's conclusion (4.4.2 d), left blank. */
    private static Table conclusions(Lang lang) {
        return Table.of(List.of(
                        Column.text(lang.pick("评审结论", "Conclusion"), 24),
                        Column.signature(lang.pick("决定和措施（会议填写）", "Decisions and actions (by the meeting)"), 56)),
                List.of(
                        Row.of(lang.pick("a. 质量管理体系及其过程的改进（质量方针、质量目标、组织结构、过程控制等方面的评价）",
                                "a. Improving the quality system and its processes (policy, objectives, organisation,"
                                        + " process control)"), null),
                        Row.of(lang.pick("b. 与顾客要求有关的产品的改进（现有产品符合要求的评价，是否需要进行产品过程审核）",
                                "b. Improving the service against customer requirements (conformity, need for a"
                                        + " process audit)"), null),
                        Row.of(lang.pick("c. 资源需求", "c. Resource needs"), null),
                        Row.of(lang.pick("总经理对质量管理体系适宜性、充分性、有效性的结论",
                                "The general manager's conclusion on the system's suitability, adequacy and"
                                        + " effectiveness"), null)))
                .withCaption(lang.pick("评审结论（会议填写）", "Conclusions (written by the meeting)"));
    }

    private static Table approval(Lang lang) {
        return Table.of(List.of(
                        Column.signature(lang.pick("编制（品质督察部）", "Written (quality department)"), 20),
                        Column.signature(lang.pick("审核（管理者代表）", "Checked (management representative)"), 20),
                        Column.signature(lang.pick("批准（总经理）", "Approved (general manager)"), 20),
                        Column.signature(lang.pick("日期", "Date"), 12)),
                List.of(Row.of(null, null, null, null)));
    }

    /**
     * Every main factor of the year without a corrective or preventive action (company-wide and per office, as the mart lists
     * them), then every action found not effective (shaded, to be redone), then blank lines for the meeting's own.
     */
    static Table improvementActions(PacketSource source, int year, OfficeRegister register, Lang lang) {
        List<Row> rows = new ArrayList<>();
        long number = 1;
        for (MartRow row : MartRow.of(source.martOfYear(FeedbackMarts.MAIN_FACTORS_WITHOUT_ACTION, year))) {
            String issue = lang.pick("主要因素未制定纠正或预防措施：", "Main factor without a corrective or preventive action: ")
                    + ReviewTerms.area(row.text("area"), lang);
            rows.add(Row.of(number++, issue, register.scopeOf(row, lang), row.count("complaints"), null, null, null,
                    null));
        }
        for (MartRow row : ActionTables.failedInYear(source, year)) {
            String office = register.ownerOf(row, lang);
            String description = row.text("description") == null ? "" : " " + row.text("description");
            rows.add(Row.shaded(number++, lang.pick("措施验证无效：", "Action found not effective: ")
                    + row.text("action_id") + description, office, null, null, null, null, null));
        }
        for (int i = 0; i < EXTRA_ACTION_LINES; i++) {
            rows.add(Row.of(number++, "", "", null, null, null, null, null));
        }
        return Table.of(List.of(
                        Column.count(lang.pick("序号", "No."), 4),
                        Column.text(lang.pick("问题", "Issue"), 26),
                        Column.text(lang.pick("管理处", "Office"), 13),
                        Column.count(lang.pick("投诉件数", "Complaints"), 6),
                        Column.signature(lang.pick("改进措施", "Action"), 20),
                        Column.signature(lang.pick("责任部门", "Owner"), 9),
                        Column.signature(lang.pick("完成日期", "Completed"), 8),
                        Column.signature(lang.pick("验证结论及验证人", "Verification and verifier"), 12)), rows)
                .withEmptyText(lang.pick("无预先列出的问题。", "No issue listed in advance."))
                .withNote(lang.pick("底纹：验证无效、须重新制定的措施（4.5.4）。",
                        "Shaded: actions found not effective, to be redone (4.5.4)."));
    }

    private static Paragraphs signInHeader(Optional<MartRow> meeting, int year, Lang lang) {
        return meeting.map(row -> Paragraphs.of(lang.pick(
                        year + " 年度管理评审会议　日期：" + row.date("meeting_date")
                                + (row.text("meeting_time") == null ? "" : " " + row.text("meeting_time"))
                                + "　地点：" + row.text("place") + "　主持人：" + row.text("chair"),
                        "Management review " + year + ". Date: " + row.date("meeting_date")
                                + (row.text("meeting_time") == null ? "" : " " + row.text("meeting_time"))
                                + ". Place: " + row.text("place") + ". Chair: " + row.text("chair") + ".")))
                .orElse(Paragraphs.of(lang.pick(year + " 年度管理评审会议（本年度尚无评审计划）",
                        "Management review " + year + " (no review plan this year)")));
    }

    /** The plan's attendees in plan order with a blank signature, then blank lines for anyone unplanned. */
    static Table signIn(PacketSource source, int year, Lang lang) {
        List<Row> rows = new ArrayList<>();
        long number = 1;
        for (MartRow attendee : PlanEntries.attendees(source, year)) {
            rows.add(Row.of(number++, attendee.text("name"), attendee.text("department"), attendee.text("role"),
                    null));
        }
        for (int i = 0; i < EXTRA_SIGN_IN_LINES; i++) {
            rows.add(Row.of(number++, "", "", "", null));
        }
        return Table.of(List.of(
                        Column.count(lang.pick("序号", "No."), 4),
                        Column.text(lang.pick("姓名", "Name"), 10),
                        Column.text(lang.pick("部门", "Department"), 18),
                        Column.text(lang.pick("职务", "Role"), 10),
                        Column.signature(lang.pick("签到", "Signature"), 18)), rows)
                .withNote(lang.pick("部门负责人参加管理评审，须在本表签到（4.4.3）。",
                        "Heads of department attending the review sign in here (4.4.3)."));
    }

    private static Table meetingNotes(Lang lang) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < MEETING_NOTE_LINES; i++) {
            rows.add(Row.of((Object) null));
        }
        return Table.of(List.of(Column.signature(lang.pick("会议情况记录（品质督察部，4.4.1）",
                        "Minutes (quality department, 4.4.1)"), 80)), rows);
    }
}
