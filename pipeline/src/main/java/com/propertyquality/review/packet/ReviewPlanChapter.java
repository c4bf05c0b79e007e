package com.propertyquality.review.packet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.metrics.ReviewTriggers;
import com.propertyquality.review.reports.document.Block;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * 管理评审计划 (procedure 4.1): the meeting of the year as the plan states it, whether it keeps the 12-month interval
 * (4.1.1), and the facts that call for an extra review (4.1.2) with their evidence. The plan is the lake's
 * {@code review_plan} / {@code review_attendees} (input, not a figure); the schedule and triggers are the marts'
 * {@code review_readiness} and {@code review_triggers}, printed as they are.
 */
public final class ReviewPlanChapter {

    private ReviewPlanChapter() {}

    public static Chapter build(PacketSource source, int year, Lang lang) {
        Optional<MartRow> plan = MartRow.of(source.lakeOfYear(ReviewPlanTables.PLAN.dataset(), year)).stream()
                .findFirst();
        Optional<MartRow> readiness = MartRow.of(source.martOfYear(ReviewMarts.REVIEW_READINESS, year)).stream()
                .findFirst();
        String title = lang.pick("管理评审计划", "Management review plan");
        // both lists name offices and plan entries alike: read them once
        Map<String, String> officeNames = officeNames(source);
        PlanEvents events = PlanEvents.of(source, year);
        return Chapter.of(title, lang.pick("管理评审计划", "Review plan"),
                meeting(source, year, plan, lang),
                schedule(year, plan.isPresent(), readiness, lang),
                triggers(source, year, readiness, officeNames, events, lang),
                attentionItems(source, year, officeNames, events, lang));
    }

    // ------------------------------------------------------------------ the meeting

    private static Section meeting(PacketSource source, int year, Optional<MartRow> plan, Lang lang) {
        String heading = lang.pick("会议安排", "The meeting");
        if (plan.isEmpty()) {
            // Procedure 4.1.3: the quality department drafts the plan a month before the review.
            return Section.numbered(heading, Paragraphs.of(lang.pick(
                    year + " 年度的《年度管理评审计划》缺失：品质督察部应在评审前一个月编制计划，经管理者代表审核、总经理批准"
                            + "（程序 4.1.3）。",
                    "The annual management review plan for " + year + " is missing: the quality department drafts it"
                            + " a month before the review, for the management representative to check and the general"
                            + " manager to approve (procedure 4.1.3).")));
        }
        MartRow meeting = plan.get();
        Table arrangement = Table.of(List.of(
                        Column.date(lang.pick("会议日期", "Date"), 9),
                        Column.text(lang.pick("会议时间", "Time"), 6),
                        Column.text(lang.pick("会议地点", "Place"), 18),
                        Column.text(lang.pick("主持人", "Chair"), 11),
                        Column.text(lang.pick("管理者代表", "Management representative"), 11)),
                List.of(Row.of(meeting.date("meeting_date"), meeting.text("meeting_time"), meeting.text("place"),
                        meeting.text("chair"), meeting.text("management_representative"))));
        List<Row> attendees = MartRow.of(source.lakeOfYear(ReviewPlanTables.ATTENDEES.dataset(), year)).stream()
                .sorted(Comparator.comparing((MartRow row) -> row.count("seq"),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .map(row -> Row.of(row.count("seq"), row.text("name"), row.text("department"), row.text("role")))
                .toList();
        Table attendeeTable = Table.of(List.of(
                        Column.count(lang.pick("序号", "No."), 4),
                        Column.text(lang.pick("姓名", "Name"), 8),
                        Column.text(lang.pick("部门", "Department"), 14),
                        Column.text(lang.pick("职务", "Role"), 10)),
                        attendees)
                .withCaption(lang.pick("参加人员", "Attendees"))
                .withEmptyText(lang.pick("计划未列出参加人员。", "The plan lists no attendees."))
                .withNote(lang.pick("原则上公司其他领导及各部门负责人均应参加评审（程序 4.3.3）。",
                        "As a rule, the company's other leaders and every department head attend (procedure 4.3.3)."));
        return Section.numbered(heading, arrangement, attendeeTable);
    }

    // ------------------------------------------------------------------ the 12-month rule

    private static Section schedule(int year, boolean hasPlan, Optional<MartRow> readiness, Lang lang) {
        String heading = lang.pick("评审时间间隔", "Interval since the previous review");
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraphs.of(lang.pick(
                "管理评审每年至少进行一次，时间间隔不超过 " + ReviewTriggers.MAX_MONTHS_BETWEEN_REVIEWS + " 个月（程序 4.1.1）。",
                "A management review is held at least once a year, never more than "
                        + ReviewTriggers.MAX_MONTHS_BETWEEN_REVIEWS + " months apart (procedure 4.1.1).")));
        List<Row> rows = readiness.filter(row -> row.isTrue("has_plan"))
                .map(row -> List.of(Row.shadedIf(
                        Boolean.FALSE.equals(row.flag("within_12_months")) || row.isTrue("overdue_at_as_of"),
                        row.date("previous_review_on"), row.date("review_due_by"), row.date("meeting_date"),
                        row.count("months_since_previous"), Labels.yesNo(row.flag("within_12_months"), lang),
                        row.date("as_of"), Labels.yesNo(row.flag("overdue_at_as_of"), lang))))
                .orElse(List.of());
        blocks.add(Table.of(List.of(
                        Column.date(lang.pick("上次评审日期", "Previous review"), 9),
                        Column.date(lang.pick("最迟评审日期", "Due by"), 9),
                        Column.date(lang.pick("会议日期", "Meeting date"), 9),
                        Column.count(lang.pick("间隔整月数", "Whole months since"), 7),
                        Column.text(lang.pick("符合12个月间隔", "Meets the 12-month rule"), 7),
                        Column.date(lang.pick("基准日", "As of"), 9),
                        Column.text(lang.pick("基准日已超期", "Overdue at the as-of date"), 8)),
                        rows)
                .withEmptyText(hasPlan
                        ? lang.pick("数据集市中没有 " + year + " 年度的评审时间间隔（请重新运行 aggregate）。",
                                "The marts hold no schedule for " + year + " (run aggregate again).")
                        : lang.pick("没有年度管理评审计划，无法判断评审时间间隔。",
                                "Without a review plan the interval cannot be judged."))
                .withNote(lang.pick("最迟评审日期 = 上次评审日期 + 12 个月；“符合12个月间隔”为“是”表示会议日期不晚于最迟"
                                + "评审日期。阴影表示超过 12 个月或在基准日已超期。",
                        "Due by = previous review + 12 months; \"Meets the 12-month rule\" is yes when the meeting is"
                                + " on or before that day. A shaded row is more than 12 months apart or overdue at the"
                                + " as-of date.")));
        readiness.filter(row -> row.isTrue("has_plan")).map(row -> verdict(row, lang))
                .ifPresent(line -> blocks.add(Paragraphs.of(line)));
        return Section.numbered(heading, blocks);
    }

    /** The conclusion on the interval, from the mart's own flags. */
    private static String verdict(MartRow row, Lang lang) {
        Boolean within = row.flag("within_12_months");
        LocalDate meeting = row.date("meeting_date");
        LocalDate dueBy = row.date("review_due_by");
        String text;
        if (within == null) {
            text = lang.pick("计划未填写上次评审日期，无法判断时间间隔是否超过 12 个月。",
                    "The plan gives no previous review date, so the 12-month interval cannot be judged.");
        } else if (within) {
            text = lang.pick("会议日期 " + meeting + " 不晚于最迟评审日期 " + dueBy + "，距上次评审 "
                            + row.count("months_since_previous") + " 个整月，符合要求。",
                    "The meeting on " + meeting + " is no later than the due date " + dueBy + ", "
                            + row.count("months_since_previous") + " whole months after the previous review:"
                            + " on schedule.");
        } else {
            text = lang.pick("会议日期 " + meeting + " 晚于最迟评审日期 " + dueBy + "，时间间隔超过 12 个月，不符合程序 4.1.1。",
                    "The meeting on " + meeting + " is after the due date " + dueBy
                            + ": more than 12 months apart, against procedure 4.1.1.");
        }
        if (row.isTrue("overdue_at_as_of")) {
            text += lang.pick("截至基准日 " + row.date("as_of") + "，评审已超期且尚未召开。",
                    " At the as-of date " + row.date("as_of") + " the review is overdue and not yet held.");
        }
        return text;
    }

    // ------------------------------------------------------------------ extra-review triggers

    private static Section triggers(PacketSource source, int year, Optional<MartRow> readiness,
                                    Map<String, String> officeNames, PlanEvents events, Lang lang) {
        String heading = lang.pick("增加管理评审频次的情形（4.1.2）", "Extra-review triggers (4.1.2)");
        List<Row> rows = MartRow.of(source.martOfYear(ReviewMarts.REVIEW_TRIGGERS, year)).stream()
                .map(row -> Row.of(ReviewTerms.clause(row.text("clause"), lang), office(row, officeNames, lang),
                        row.date("date"), TriggerEvidence.of(row, lang), events.reference(row.text("reference_id"), lang),
                        sourceName(row.text("source"), lang)))
                .toList();
        // the clause names the trigger in the procedure's words; the evidence says what happened
        Table table = Table.of(List.of(
                        Column.text(lang.pick("情形（条款）", "Clause"), 15),
                        Column.text(lang.pick("管理处", "Office"), 10),
                        Column.date(lang.pick("日期", "Date"), 9),
                        Column.text(lang.pick("依据", "Evidence"), 33),
                        Column.text(lang.pick("编号", "Reference"), 12),
                        Column.text(lang.pick("来源", "Source"), 9)),
                        rows)
                .withEmptyText(lang.pick(year + " 年度数据中没有程序 4.1.2 所列的情形。",
                        "The data of " + year + " shows nothing procedure 4.1.2 lists."))
                .withNote(lang.pick("只列程序 4.1.2 a–g 所列情形：重大质量事故和顾客严重投诉（投诉类、严重程度为重大的登记，"
                                + "表扬等不计），质量管理体系审核（内审、第二方、第三方审核）的严重不合格，以及评审计划所列事项。"
                                + "日常服务检查不属于质量管理体系审核，列入下表关注事项。",
                        "Only what procedure 4.1.2 a-g lists: major accidents and serious complaints (register entries"
                                + " of kind complaint and severity major; praise never counts), serious nonconformities"
                                + " of quality-system audits (internal, second- or third-party), and the plan's events."
                                + " Routine service inspections are not audits: they are attention items below."));
        return Section.numbered(heading, Paragraphs.of(extraReviewSentence(year, readiness, lang)), table);
    }

    private static Section attentionItems(PacketSource source, int year, Map<String, String> officeNames,
                                          PlanEvents events, Lang lang) {
        String heading = lang.pick("关注事项", "Attention items");
        List<Row> rows = MartRow.of(source.martOfYear(ReviewMarts.REVIEW_ATTENTION_ITEMS, year)).stream()
                .map(row -> Row.of(ReviewTerms.attentionItem(row.text("item"), lang), row.text("basis"),
                        office(row, officeNames, lang), row.date("date"), TriggerEvidence.of(row, lang),
                        events.reference(row.text("reference_id"), lang), sourceName(row.text("source"), lang)))
                .toList();
        Table table = Table.of(List.of(
                        Column.text(lang.pick("事项", "Item"), 13),
                        Column.text(lang.pick("条款", "Clause"), 6),
                        Column.text(lang.pick("管理处", "Office"), 9),
                        Column.date(lang.pick("日期", "Date"), 9),
                        Column.text(lang.pick("依据", "Evidence"), 32),
                        Column.text(lang.pick("编号", "Reference"), 10),
                        Column.text(lang.pick("来源", "Source"), 9)),
                        rows)
                .withEmptyText(lang.pick(year + " 年度没有关注事项。", "No attention items in " + year + "."))
                .withNote(lang.pick("关注事项供评审讨论，不属于程序 4.1.2 所列情形，不据此增加管理评审频次。",
                        "Attention items are for the review to discuss; procedure 4.1.2 does not list them, and they"
                                + " do not call for an extra review."));
        return Section.numbered(heading, Paragraphs.of(lang.pick(
                "以下事项不属于程序 4.1.2 所列情形，但评审应予关注：评审间隔（4.1.1）、回收率未达要求（5.1.2）、满意率下降和"
                        + "服务检查不合格（4.2.3）、措施验证无效（4.5.4）及计划所列其它事项。",
                "Not listed by procedure 4.1.2, but for the review's attention: the interval between reviews"
                        + " (4.1.1), return rates under the threshold (5.1.2), satisfaction drops and inspection"
                        + " nonconformities (4.2.3), actions found not effective (4.5.4) and the plan's other events.")),
                table);
    }

    private static String office(MartRow row, Map<String, String> officeNames, Lang lang) {
        return row.text("office_id") == null ? Labels.company(lang)
                : officeNames.getOrDefault(row.text("office_id"), row.text("office_id"));
    }

    /** Whether an extra review is due, as review_readiness says (the schedule itself does not count, §5.11). */
    private static String extraReviewSentence(int year, Optional<MartRow> readiness, Lang lang) {
        if (readiness.isEmpty()) {
            return lang.pick("数据集市中没有 " + year + " 年度的评审准备情况，无法判断是否需要增加管理评审。",
                    "The marts hold no review readiness for " + year + ": whether an extra review is due cannot be"
                            + " said.");
        }
        MartRow row = readiness.get();
        if (row.isTrue("extra_review_due")) {
            return lang.pick(year + " 年度出现程序 4.1.2 所列情形（共 " + row.count("triggers") + " 条记录，见下表），"
                            + "应增加管理评审频次。",
                    "In " + year + " the data shows events listed in procedure 4.1.2 (" + row.count("triggers")
                            + " records, below): an extra management review is due.");
        }
        return lang.pick(year + " 年度未出现程序 4.1.2 所列需增加管理评审频次的情形。",
                "In " + year + " nothing listed in procedure 4.1.2 calls for an extra management review.");
    }

    /** The record the evidence comes from, by the name of its form (顾客意见登记表, ...). */
    private static String sourceName(String source, Lang lang) {
        if (source == null) {
            return null;
        }
        if (lang == Lang.EN) {
            return Names.english(source);
        }
        if (source.equals("survey_returns")) {
            return "调查表回收率";
        }
        List<Template> forms = new ArrayList<>(ImportTemplates.all());
        forms.add(ReviewPlanTables.PLAN);
        forms.addAll(ReviewPlanTables.PARTS);
        return forms.stream().filter(form -> form.dataset().equals(source)).map(Template::chineseName).findFirst()
                .orElse(source);
    }

    /** The register's office names; the trigger mart names offices by id only. */
    private static Map<String, String> officeNames(PacketSource source) {
        Map<String, String> names = new HashMap<>();
        for (MartRow office : MartRow.of(source.lake(ImportTemplates.OFFICES.dataset()))) {
            if (office.text("office_id") != null && office.text("office_name") != null) {
                names.put(office.text("office_id"), office.text("office_name"));
            }
        }
        return names;
    }
}
