package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.marts.FeedbackMarts.FeedbackSummary;
import com.propertyquality.review.marts.FeedbackMarts;
import com.propertyquality.review.marts.MartColumn;
import com.propertyquality.review.marts.QualityMarts.ActionStatus;
import com.propertyquality.review.marts.QualityMarts;
import com.propertyquality.review.marts.ReviewMarts.ReviewActionsFollowUp;
import com.propertyquality.review.marts.ReviewMarts.ReviewTriggersMart;
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
        List<MartRow> status = source.rowsOfYear(QualityMarts.ACTION_STATUS, year);
        return new Chapter(text(lang, "incidentsAndActions.major_incidents_corrective_preventive_actions"),
                text(lang, "incidentsAndActions.incidents_actions"), List.of(
                        Section.numbered(text(lang, "incidentsAndActions.major_accidents_serious_complaints"),
                                Paragraphs.of(text(lang, "incidentsAndActions.review_input_4_2_4_major")),
                                planIncidents(source, year, lang),
                                majorRegisterEntries(source, year, register, lang),
                                majorEntryHandling(source, year, register, lang)),
                        Section.numbered(text(lang, "incidentsAndActions.corrective_preventive_actions_their_effect"),
                                asOfNote(status, lang),
                                ActionTables.actionProgress(status, register, true, lang),
                                ActionTables.actionVerification(status, register, true, lang),
                                failedVerification(source, year, register, lang)),
                        Section.numbered(text(lang, "incidentsAndActions.follow_up_previous_review_s_actions"),
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
                        Column.date(text(lang, "column.date"), 9),
                        Column.text(text(lang, "column.kind"), 10),
                        Column.text(text(lang, "column.entry_description"), 50)), rows)
                .withCaption(text(lang, "incidentsAndActions.listed_review_plan"))
                .withEmptyText(text(lang, "incidentsAndActions.review_plan_lists_no_major_accident"));
    }

    /** The register entries of severity 重大, one trigger row each, with the mart's evidence as written. */
    static Table majorRegisterEntries(PacketSource source, int year, OfficeRegister register, Lang lang) {
        List<Row> rows = source.rowsOfYear(ReviewMarts.REVIEW_TRIGGERS, year).stream()
                .filter(row -> ReviewMarts.MAJOR_COMPLAINT.equals(row.text(ReviewTriggersMart.TRIGGER)))
                .filter(row -> !PLAN_EVENTS_SOURCE.equals(row.text(ReviewTriggersMart.SOURCE)))
                .map(row -> Row.of(row.date(ReviewTriggersMart.DATE), register.scopeOf(row, lang),
                        row.text(ReviewTriggersMart.REFERENCE_ID), TriggerEvidence.of(row, lang)))
                .toList();
        return Table.of(List.of(
                        Column.date(text(lang, "column.received"), 9),
                        Column.text(text(lang, "column.office"), 15),
                        Column.text(text(lang, "column.entry"), 12),
                        Column.text(text(lang, "column.evidence"), 40)), rows)
                .withCaption(text(lang, "incidentsAndActions.register_complaints_major_severity_serious_complaints"))
                .withEmptyText(text(lang, "incidentsAndActions.no_register_complaint_major_severity_this"));
    }

    /** The columns of feedback_summary the table of major entries reads. */
    private static final List<MartColumn> MAJOR_ENTRY_COLUMNS = List.of(FeedbackSummary.SEVERITY,
            FeedbackSummary.MONTH, FeedbackSummary.OFFICE_ID, FeedbackSummary.OFFICE_NAME, FeedbackSummary.KIND,
            FeedbackSummary.AREA, FeedbackSummary.ENTRIES, FeedbackSummary.CLOSED, FeedbackSummary.OPEN_OVER_30_DAYS);

    /** How the major entries were handled, per month, office, kind and area; still open ones shaded. */
    private static Table majorEntryHandling(PacketSource source, int year, OfficeRegister register, Lang lang) {
        List<MartRow> major = new ArrayList<>();
        source.eachOfYear(FeedbackMarts.FEEDBACK_SUMMARY, year, MAJOR_ENTRY_COLUMNS, row -> {
            if (ReviewMarts.MAJOR_SEVERITY.equals(row.text(FeedbackSummary.SEVERITY))) {
                major.add(row);
            }
        });
        List<Row> rows = major.stream()
                .map(row -> new Row(Arrays.asList(ReviewTerms.month(row.integer(FeedbackSummary.MONTH), lang),
                        register.nameOf(row),
                        Names.of(ImportTemplates.FEEDBACK_KINDS, row.text(FeedbackSummary.KIND), lang),
                        ReviewTerms.area(row.text(FeedbackSummary.AREA), lang),
                        row.count(FeedbackSummary.ENTRIES), row.count(FeedbackSummary.CLOSED),
                                row.count(FeedbackSummary.OPEN_OVER_30_DAYS)),
                        !Objects.equals(row.count(FeedbackSummary.CLOSED), row.count(FeedbackSummary.ENTRIES))))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.month"), 6),
                        Column.text(text(lang, "column.office"), 18),
                        Column.text(text(lang, "column.entry_type"), 8),
                        Column.text(text(lang, "column.area"), 10),
                        Column.count(text(lang, "column.entries"), 6),
                        Column.count(text(lang, "column.closed"), 6),
                        Column.count(text(lang, "column.open_over_30_days"), 8)), rows)
                .withCaption(text(lang, "incidentsAndActions.how_major_entries_were_handled"))
                .withEmptyText(text(lang, "incidentsAndActions.no_entry_major_severity_this_year"))
                .withNote(text(lang, "incidentsAndActions.shaded_not_all_closed"));
    }

    private static Paragraphs asOfNote(List<MartRow> status, Lang lang) {
        Optional<LocalDate> asOf = status.stream().map(row -> row.date(ActionStatus.AS_OF)).filter(Objects::nonNull)
                .findFirst();
        String date = asOf.map(LocalDate::toString).orElse("—");
        return Paragraphs.of(text(lang, "incidentsAndActions.actions_their_verification_judged_as_date", date));
    }

    static Table failedVerification(PacketSource source, int year, OfficeRegister register, Lang lang) {
        return ActionTables.failedTable(ActionTables.failedInYear(source, year), register, true, lang);
    }

    private static Paragraphs previousReview(PacketSource source, int year, Lang lang) {
        Optional<LocalDate> previous = PlanEntries.meeting(source, year).map(row -> row.date("previous_review_on"));
        List<String> lines = new ArrayList<>();
        lines.add(previous.map(date -> text(lang, "incidentsAndActions.previous_management_review_from_this_year",
                date))
                .orElse(text(lang, "incidentsAndActions.this_year_s_review_plan_gives")));
        lines.add(text(lang, "incidentsAndActions.table_lists_actions_whose_source_management"));
        return new Paragraphs(lines);
    }

    /** The previous reviews' actions this review follows up, as {@code review_actions_follow_up} has them. */
    private static Table previousReviewActions(PacketSource source, int year, Lang lang) {
        List<Row> rows = source.rowsOfYear(ReviewMarts.REVIEW_ACTIONS_FOLLOW_UP, year).stream()
                .map(action -> Row.shadedIf(action.isTrue(ReviewActionsFollowUp.OVERDUE)
                                || ActionState.Verification.NOT_EFFECTIVE.code().equals(action.text(ReviewActionsFollowUp.VERIFICATION)),
                        action.text(ReviewActionsFollowUp.ACTION_ID), action.text(ReviewActionsFollowUp.DESCRIPTION),
                                action.text(ReviewActionsFollowUp.OWNER_DEPARTMENT),
                        action.date(ReviewActionsFollowUp.OPENED_ON), action.date(ReviewActionsFollowUp.DUE_ON),
                                action.date(ReviewActionsFollowUp.CLOSED_ON),
                        stateName(action.text(ReviewActionsFollowUp.STATE), lang),
                        Names.of(ActionState.Verification.ofCode(action.text(ReviewActionsFollowUp.VERIFICATION)),
                                lang)))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.action"), 10),
                        Column.text(text(lang, "column.description"), 30),
                        Column.text(text(lang, "column.owner"), 9),
                        Column.date(text(lang, "column.opened"), 10),
                        Column.date(text(lang, "column.due_planned"), 10),
                        Column.date(text(lang, "column.completed_on"), 10),
                        Column.text(text(lang, "column.progress"), 8),
                        Column.text(text(lang, "column.effectiveness"), 8)), rows)
                .withCaption(text(lang, "incidentsAndActions.actions_decided_earlier_reviews"))
                .withEmptyText(text(lang, "incidentsAndActions.no_earlier_review_action_follow_up"))
                .withNote(text(lang, "incidentsAndActions.shaded_overdue_or_found_not_effective"));
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
