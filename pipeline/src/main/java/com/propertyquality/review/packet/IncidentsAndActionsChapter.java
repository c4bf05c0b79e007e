package com.propertyquality.review.packet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.marts.FeedbackMarts;
import com.propertyquality.review.marts.QualityMarts;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.metrics.ActionState;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * Three review inputs of procedure 4.2: major accidents and serious complaints (4.2.4), the corrective and
 * preventive actions and their effect (4.2.6), and the follow-up of the previous review's actions (4.2.7).
 * Severity comes from the plan's events and from the register's {@code severity} ({@code review_triggers} rows
 * {@code major_complaint}, {@code feedback_summary} rows {@code major}); actions from {@code action_status} and
 * {@code actions_failed_verification}, judged at the marts' as-of date.
 */
public final class IncidentsAndActionsChapter {

    /** The {@code review_triggers.source} of a trigger that is a plan event, not a register entry. */
    static final String PLAN_EVENTS_SOURCE = "review_events";

    private IncidentsAndActionsChapter() {}

    public static Chapter build(PacketSource source, int year, Lang lang) {
        OfficeRegister register = OfficeRegister.of(source, year);
        List<MartRow> status = MartRow.of(source.martOfYear(QualityMarts.ACTION_STATUS, year));
        return new Chapter(lang.pick("重大事件、纠正和预防措施", "Major incidents, corrective and preventive actions"),
                lang.pick("重大事件与措施", "Incidents and actions"), List.of(
                        Section.numbered(lang.pick("重大事故与顾客严重投诉", "Major accidents and serious complaints"),
                                Paragraphs.of(lang.pick(
                                        "管理评审内容4.2.4：发生的重大安全责任事故；增加评审频次的情况4.1.2 d：重大质量事故、顾客严重投诉。",
                                        "Review input 4.2.4 (major safety accidents) and extra-review case 4.1.2 d"
                                                + " (major quality accident, serious customer complaint).")),
                                planIncidents(source, year, lang),
                                majorRegisterEntries(source, year, register, lang),
                                majorEntryHandling(source, year, register, lang)),
                        Section.numbered(lang.pick("纠正和预防措施实施情况及其效果", "Corrective and preventive actions and their effect"),
                                asOfNote(status, lang),
                                ActionTables.actionProgress(status, register, true, lang),
                                ActionTables.actionVerification(status, register, true, lang),
                                failedVerification(source, year, register, lang)),
                        Section.numbered(lang.pick("以前管理评审的跟踪措施的实施及有效性", "Follow-up of the previous review's actions"),
                                previousReview(source, year, lang),
                                previousReviewActions(source, year, lang))));
    }

    /** The plan's events that are a major accident or a serious complaint, in plan order. */
    private static Table planIncidents(PacketSource source, int year, Lang lang) {
        List<Row> rows = PlanEntries.events(source, year).stream()
                .filter(row -> ReviewMarts.MAJOR_EVENT_KINDS.contains(row.text("kind")))
                .map(row -> Row.of(row.date("date"), Names.of(ReviewPlanTables.EVENT_KINDS, row.text("kind"), lang),
                        row.text("description")))
                .toList();
        return Table.of(List.of(
                        Column.date(lang.pick("日期", "Date"), 9),
                        Column.text(lang.pick("类别", "Kind"), 10),
                        Column.text(lang.pick("描述", "Description"), 50)), rows)
                .withCaption(lang.pick("评审计划所列事项", "Listed in the review plan"))
                .withEmptyText(lang.pick("评审计划未列重大事故或严重投诉。",
                        "The review plan lists no major accident or serious complaint."));
    }

    /** The register entries of severity 重大, one trigger row each, with the mart's evidence as written. */
    static Table majorRegisterEntries(PacketSource source, int year, OfficeRegister register, Lang lang) {
        List<Row> rows = MartRow.of(source.martOfYear(ReviewMarts.REVIEW_TRIGGERS, year)).stream()
                .filter(row -> ReviewMarts.MAJOR_COMPLAINT.equals(row.text("trigger")))
                .filter(row -> !PLAN_EVENTS_SOURCE.equals(row.text("source")))
                .map(row -> Row.of(row.date("date"), register.scopeOf(row, lang),
                        row.text("reference_id"), TriggerEvidence.of(row, lang)))
                .toList();
        return Table.of(List.of(
                        Column.date(lang.pick("登记日期", "Received"), 9),
                        Column.text(lang.pick("管理处", "Office"), 15),
                        Column.text(lang.pick("登记编号", "Entry"), 12),
                        Column.text(lang.pick("情况", "Evidence"), 40)), rows)
                .withCaption(lang.pick("《顾客意见登记表》中严重程度为“重大”的投诉（顾客严重投诉，4.1.2 d）",
                        "Register complaints of major severity (serious complaints, 4.1.2 d)"))
                .withEmptyText(lang.pick("本年度《顾客意见登记表》无严重程度为“重大”的投诉。",
                        "No register complaint of major severity this year."));
    }

    /** How the major entries were handled, per month, office, kind and area; still open ones shaded. */
    private static Table majorEntryHandling(PacketSource source, int year, OfficeRegister register, Lang lang) {
        List<MartRow> major = new ArrayList<>();
        source.eachOfYear(FeedbackMarts.FEEDBACK_SUMMARY, year, row -> {
            if (ReviewMarts.MAJOR_SEVERITY.equals(row.text("severity"))) {
                major.add(row);
            }
        });
        List<Row> rows = major.stream()
                .map(row -> new Row(Arrays.asList(ReviewTerms.month(row.integer("month"), lang),
                        register.nameOf(row),
                        Names.of(ImportTemplates.FEEDBACK_KINDS, row.text("kind"), lang),
                        ReviewTerms.area(row.text("area"), lang),
                        row.count("entries"), row.count("closed"), row.count("open_over_30_days")),
                        !Objects.equals(row.count("closed"), row.count("entries"))))
                .toList();
        return Table.of(List.of(
                        Column.text(lang.pick("月份", "Month"), 6),
                        Column.text(lang.pick("管理处", "Office"), 18),
                        Column.text(lang.pick("类型", "Kind"), 8),
                        Column.text(lang.pick("涉及方面", "Area"), 10),
                        Column.count(lang.pick("件数", "Entries"), 6),
                        Column.count(lang.pick("已关闭", "Closed"), 6),
                        Column.count(lang.pick("超过30天未关闭", "Open over 30 days"), 8)), rows)
                .withCaption(lang.pick("重大登记的处理情况", "How the major entries were handled"))
                .withEmptyText(lang.pick("本年度无严重程度为“重大”的登记。", "No entry of major severity this year."))
                .withNote(lang.pick("底纹：尚未全部关闭。", "Shaded: not all closed."));
    }

    private static Paragraphs asOfNote(List<MartRow> status, Lang lang) {
        Optional<LocalDate> asOf = status.stream().map(row -> row.date("as_of")).filter(Objects::nonNull).findFirst();
        String date = asOf.map(LocalDate::toString).orElse("—");
        return Paragraphs.of(lang.pick(
                "措施状态和验证结论按基准日 " + date + " 判断；逾期指基准日尚未完成且已过计划完成日期。“公司总部”为不属于某一管理处的措施。",
                "Actions and their verification are judged at the as-of date " + date + "; overdue means not"
                        + " completed and past the due date. \"Head office\" actions belong to no office."));
    }

    static Table failedVerification(PacketSource source, int year, OfficeRegister register, Lang lang) {
        return ActionTables.failedTable(ActionTables.failedInYear(source, year), register, true, lang);
    }

    private static Paragraphs previousReview(PacketSource source, int year, Lang lang) {
        Optional<LocalDate> previous = PlanEntries.meeting(source, year).map(row -> row.date("previous_review_on"));
        List<String> lines = new ArrayList<>();
        lines.add(previous.map(date -> lang.pick("上次管理评审日期：" + date + "（据本年度评审计划）。",
                        "Previous management review: " + date + " (from this year's plan)."))
                .orElse(lang.pick("本年度评审计划未填写上次管理评审日期。",
                        "This year's review plan gives no date of the previous review.")));
        lines.add(lang.pick("下表列出来源为“管理评审”、在本次会议前开立的措施，上次评审前已验证有效的除外：未验证有效的措施每次评审都跟踪，"
                        + "直至验证有效。",
                "The table lists the actions whose source is \"management review\" opened before this meeting,"
                        + " except those verified effective before the previous review: an action is followed up at"
                        + " every review until it is verified effective."));
        return new Paragraphs(lines);
    }

    /** The previous reviews' actions this review follows up, as {@code review_actions_follow_up} has them. */
    private static Table previousReviewActions(PacketSource source, int year, Lang lang) {
        List<Row> rows = MartRow.of(source.martOfYear(ReviewMarts.REVIEW_ACTIONS_FOLLOW_UP, year)).stream()
                .map(action -> Row.shadedIf(action.isTrue("overdue")
                                || ActionState.Verification.NOT_EFFECTIVE.code().equals(action.text("verification")),
                        action.text("action_id"), action.text("description"), action.text("owner_department"),
                        action.date("opened_on"), action.date("due_on"), action.date("closed_on"),
                        stateName(action.text("state"), lang),
                        Names.of(ActionState.Verification.ofCode(action.text("verification")), lang)))
                .toList();
        return Table.of(List.of(
                        Column.text(lang.pick("措施编号", "Action"), 10),
                        Column.text(lang.pick("措施描述", "Description"), 30),
                        Column.text(lang.pick("责任部门", "Owner"), 9),
                        Column.date(lang.pick("开立日期", "Opened"), 10),
                        Column.date(lang.pick("计划完成", "Due"), 10),
                        Column.date(lang.pick("完成日期", "Closed"), 10),
                        Column.text(lang.pick("实施情况", "Progress"), 8),
                        Column.text(lang.pick("有效性", "Effective?"), 8)), rows)
                .withCaption(lang.pick("以前管理评审决定的措施", "Actions decided by earlier reviews"))
                .withEmptyText(lang.pick("没有需要跟踪的以前管理评审措施。", "No earlier review action to follow up."))
                .withNote(lang.pick("阴影行为逾期未完成或验证无效的措施；实施情况和有效性按基准日判断。",
                        "Shaded: overdue, or found not effective; progress and effect as of the as-of date."));
    }

    private static String stateName(String code, Lang lang) {
        for (ActionState state : ActionState.values()) {
            if (state.code().equals(code)) {
                return Names.of(state, lang);
            }
        }
        return code;
    }
}
