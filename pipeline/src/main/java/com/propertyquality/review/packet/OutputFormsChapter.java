package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.marts.FeedbackMarts.ComplaintPareto;
import com.propertyquality.review.marts.FeedbackMarts;
import com.propertyquality.review.marts.QualityMarts.ActionStatus;
import com.propertyquality.review.marts.QualityMarts.ActionsFailedVerification;
import com.propertyquality.review.marts.QualityMarts;
import com.propertyquality.review.marts.ReviewMarts.ReviewObjectivesStatus;
import com.propertyquality.review.marts.ReviewMarts.ReviewReadiness;
import com.propertyquality.review.marts.ReviewMarts.ReviewTriggersMart;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.marts.SurveyMarts.SatisfactionCompany;
import com.propertyquality.review.marts.SurveyMarts.SurveyReturns;
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
        return new Chapter(text(lang, "outputForms.output_forms"), text(lang, "outputForms.output_forms"), List.of(
                Section.numbered(text(lang, "outputForms.management_review_report_draft"),
                        Paragraphs.of(text(lang, "outputForms.written_quality_department_from_agenda_minutes")),
                        meetingTable(meeting, lang),
                        findings(source, year, register, lang),
                        conclusions(lang),
                        approval(lang)),
                Section.numbered(text(lang, "outputForms.improvement_actions_their_verification"),
                        Paragraphs.of(text(lang, "outputForms.owners_draw_up_carry_out_actions")),
                        improvementActions(source, year, register, lang)),
                Section.numbered(text(lang, "outputForms.meeting_sign_record"),
                        signInHeader(meeting, year, lang),
                        signIn(source, year, lang),
                        meetingNotes(lang))));
    }

    private static Table meetingTable(Optional<MartRow> meeting, Lang lang) {
        List<Row> rows = meeting.map(row -> List.of(Row.of(row.date("meeting_date"), row.text("meeting_time"),
                row.text("place"), row.text("chair"), row.text("management_representative"),
                row.date("previous_review_on")))).orElse(List.of());
        return Table.of(List.of(
                        Column.date(text(lang, "column.meeting_date"), 9),
                        Column.text(text(lang, "column.time"), 6),
                        Column.text(text(lang, "column.place"), 18),
                        Column.text(text(lang, "column.chair"), 12),
                        Column.text(text(lang, "column.management_representative"), 12),
                        Column.date(text(lang, "column.previous_review"), 9)), rows)
                .withEmptyText(text(lang, "outputForms.there_no_review_plan_this_year"));
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
        lines.add(text(lang, "outputForms.summary_inputs_from_data"));
        for (int i = 0; i < facts.size(); i++) {
            lines.add((i + 1) + ". " + facts.get(i));
        }
        return new Paragraphs(lines);
    }

    private static String satisfaction(PacketSource source, int year, Lang lang) {
        return source.rowsOfYear(SurveyMarts.SATISFACTION_COMPANY, year).stream().findFirst()
                .map(row -> text(lang, "outputForms.company_satisfaction_survey_forms_qualified_unsatisfied",
                        Percent.format(row.number(SatisfactionCompany.SATISFACTION_RATE)),
                                row.count(SatisfactionCompany.FORMS), row.count(SatisfactionCompany.QUALIFIED),
                        row.count(SatisfactionCompany.UNSATISFIED)))
                .orElse(text(lang, "outputForms.no_survey_forms_this_year_no"));
    }

    private static List<String> objectives(PacketSource source, int year, Lang lang) {
        List<MartRow> rows = source.rowsOfYear(ReviewMarts.REVIEW_OBJECTIVES_STATUS, year);
        if (rows.isEmpty()) {
            return List.of(text(lang, "outputForms.review_plan_lists_no_quality_objective"));
        }
        List<String> sentences = new ArrayList<>();
        for (MartRow row : rows) {
            String name = row.text(ReviewObjectivesStatus.NAME);
            String target = comparison(row.text(ReviewObjectivesStatus.COMPARISON),
                    lang) + " " + Percent.format(row.number(ReviewObjectivesStatus.TARGET));
            if ("every_office".equals(row.text(ReviewObjectivesStatus.JUDGED_BY))
                    && row.flag(ReviewObjectivesStatus.MET) != null) {
                // 5.1.2: judged office by office; the pooled rate is shown beside, never the verdict
                boolean met = row.isTrue(ReviewObjectivesStatus.MET);
                String leftOut = Labels.leftOutOfCompanyRate(row.count(ReviewObjectivesStatus.OFFICES_LEFT_OUT), lang);
                String verdict = text(lang, met ? "common.met" : "common.not_met");
                sentences.add(text(lang, "outputForms.quality_objective_every_office_offices_with", name, target,
                        row.count(ReviewObjectivesStatus.OFFICES_JUDGED),
                                row.count(ReviewObjectivesStatus.OFFICES_NOT_MET), verdict,
                        Percent.format(row.number(ReviewObjectivesStatus.ACTUAL)), leftOut));
            } else if (row.text(ReviewObjectivesStatus.METRIC) == null) {
                sentences.add(text(lang, "outputForms.quality_objective_has_no_metric_data", name, target));
            } else if (row.number(ReviewObjectivesStatus.ACTUAL) == null) {
                sentences.add(text(lang, "outputForms.quality_objective_no_data_this_year", name, target));
            } else {
                String verdict = text(lang, row.isTrue(ReviewObjectivesStatus.MET) ? "common.met" : "common.not_met");
                sentences.add(text(lang, "outputForms.quality_objective_actual_target", name,
                        Percent.format(row.number(ReviewObjectivesStatus.ACTUAL)), target, verdict));
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
        List<MartRow> rows = source.rowsOfYear(SurveyMarts.SURVEY_RETURNS, year);
        if (rows.isEmpty()) {
            return text(lang, "outputForms.no_survey_forms_handed_out_or");
        }
        String threshold = Percent.format(ShownThreshold.of(rows, source));
        List<String> below = rows.stream().filter(row -> !row.isTrue(SurveyReturns.MEETS_THRESHOLD))
                .map(row -> returnCase(row, register, lang)).toList();
        if (below.isEmpty()) {
            return text(lang, "outputForms.every_office_returned_least_its_survey", threshold);
        }
        return text(lang, "outputForms.offices_below_return_threshold_5_1", threshold, below.size(),
                String.join(text(lang, "common.list_separator"), below));
    }

    private static String returnCase(MartRow row, OfficeRegister register, Lang lang) {
        String office = register.nameOf(row);
        String anomaly = row.text(SurveyReturns.ANOMALY);
        if ("no_distribution_record".equals(anomaly)) {
            return office + text(lang, "outputForms.no_record_forms_handed_out");
        }
        String rate = Percent.format(row.number(SurveyReturns.RETURN_RATE));
        if ("returned_exceeds_distributed".equals(anomaly)) {
            return office + " " + rate + text(lang, "outputForms.more_returned_than_handed_out");
        }
        return office + " " + rate;
    }

    private static List<String> mainFactors(PacketSource source, int year, Lang lang) {
        List<MartRow> company = source.rowsOfYear(FeedbackMarts.COMPLAINT_PARETO, year).stream()
                .filter(row -> row.text(ComplaintPareto.OFFICE_ID) == null && row.isTrue(ComplaintPareto.MAIN_FACTOR))
                .toList();
        if (company.isEmpty()) {
            return List.of(text(lang, "outputForms.no_complaints_register_this_year_no"));
        }
        String factors = company.stream()
                .map(row -> text(lang, "outputForms.factor_complaints",
                        ReviewTerms.area(row.text(ComplaintPareto.AREA), lang),
                        row.count(ComplaintPareto.COMPLAINTS)))
                .collect(Collectors.joining(text(lang, "common.enumeration_comma")));
        List<String> withoutAction = company.stream().filter(row -> !row.isTrue(ComplaintPareto.HAS_ACTION))
                .map(row -> ReviewTerms.area(row.text(ComplaintPareto.AREA), lang)).toList();
        List<String> sentences = new ArrayList<>();
        sentences.add(withoutAction.isEmpty()
                ? text(lang, "outputForms.main_factors_each_with_action", factors)
                : text(lang, "outputForms.main_factors_some_without_action", factors,
                        String.join(text(lang, "common.enumeration_comma"), withoutAction)));
        long officeFactors = source.rowsOfYear(FeedbackMarts.MAIN_FACTORS_WITHOUT_ACTION, year).stream()
                .filter(row -> row.get(ComplaintPareto.OFFICE_ID) != null).count();
        if (officeFactors > 0) {
            sentences.add(text(lang, "outputForms.main_factors_single_offices_have_no", officeFactors));
        }
        return sentences;
    }

    private static List<String> actions(PacketSource source, int year, OfficeRegister register, Lang lang) {
        List<String> sentences = new ArrayList<>();
        List<MartRow> status = source.rowsOfYear(QualityMarts.ACTION_STATUS, year);
        if (!status.isEmpty()) {
            String asOf = String.valueOf(status.get(0).date(ActionStatus.AS_OF));
            sentences.add(text(lang, "outputForms.corrective_preventive_actions_opened_this_year",
                    Tally.sum(status, ActionStatus.ACTIONS), asOf, Tally.sum(status, ActionStatus.OPEN),
                            Tally.sum(status, ActionStatus.OVERDUE),
                    Tally.sum(status, ActionStatus.VERIFIED_EFFECTIVE), Tally.sum(status,
                            ActionStatus.VERIFICATION_PENDING)));
        }
        List<MartRow> failed = ActionTables.failedInYear(source, year);
        if (failed.isEmpty()) {
            sentences.add(text(lang, "outputForms.no_action_was_found_not_effective"));
        } else {
            String list = failed.stream()
                    .map(row -> text(lang, "outputForms.failed_action", row.text(ActionsFailedVerification.ACTION_ID),
                            register.ownerOf(row, lang), ReviewTerms.area(row.text(ActionsFailedVerification.AREA),
                                    lang)))
                    .collect(Collectors.joining(text(lang, "outputForms.enumeration_comma")));
            sentences.add(text(lang, "outputForms.actions_found_not_effective_their_owners", failed.size(), list));
        }
        return sentences;
    }

    private static String triggers(PacketSource source, int year, Lang lang) {
        Map<String, Long> counts = new LinkedHashMap<>();
        ReviewMarts.TRIGGER_ORDER.forEach(code -> counts.put(code, 0L));
        for (MartRow row : source.rowsOfYear(ReviewMarts.REVIEW_TRIGGERS, year)) {
            counts.merge(row.text(ReviewTriggersMart.TRIGGER), 1L, Long::sum);
        }
        List<String> found = counts.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .map(entry -> text(lang, "outputForms.trigger_count", ReviewTerms.trigger(entry.getKey(), lang),
                        entry.getValue()))
                .toList();
        if (found.isEmpty()) {
            return text(lang, "outputForms.data_shows_no_case_extra_review");
        }
        return text(lang, "outputForms.cases_extra_review_data_4_1",
                String.join(text(lang, "common.list_separator"), found));
    }

    private static String schedule(PacketSource source, int year, Lang lang) {
        Optional<MartRow> readiness = source.rowsOfYear(ReviewMarts.REVIEW_READINESS, year).stream()
                .findFirst();
        if (readiness.isEmpty() || !readiness.get().isTrue(ReviewReadiness.HAS_PLAN)) {
            return text(lang, "outputForms.no_review_plan_this_year_interval");
        }
        MartRow row = readiness.get();
        if (row.date(ReviewReadiness.PREVIOUS_REVIEW_ON) == null
                || row.flag(ReviewReadiness.WITHIN_12_MONTHS) == null) {
            return text(lang, "outputForms.plan_gives_no_date_previous_review");
        }
        if (row.isTrue(ReviewReadiness.WITHIN_12_MONTHS)) {
            return text(lang, "outputForms.previous_review_this_meeting_months_apart",
                    row.date(ReviewReadiness.PREVIOUS_REVIEW_ON),
                    row.date(ReviewReadiness.MEETING_DATE), row.count(ReviewReadiness.MONTHS_SINCE_PREVIOUS));
        }
        return text(lang, "outputForms.previous_review_this_meeting_after_latest",
                row.date(ReviewReadiness.PREVIOUS_REVIEW_ON),
                row.date(ReviewReadiness.MEETING_DATE), row.date(ReviewReadiness.REVIEW_DUE_BY));
    }

    /** The decisions 4.4.2 asks the report to hold, and the general manager's conclusion (4.4.2 d), left blank. */
    private static Table conclusions(Lang lang) {
        return Table.of(List.of(
                        Column.text(text(lang, "column.conclusion"), 24),
                        Column.signature(text(lang, "column.decisions_actions_meeting"), 56)),
                List.of(
                        Row.of(text(lang, "outputForms.improving_quality_system_its_processes_policy"), null),
                        Row.of(text(lang, "outputForms.b_improving_service_against_customer_requirements"), null),
                        Row.of(text(lang, "outputForms.c_resource_needs"), null),
                        Row.of(text(lang, "outputForms.general_manager_s_conclusion_system_s"), null)))
                .withCaption(text(lang, "outputForms.conclusions_written_meeting"));
    }

    private static Table approval(Lang lang) {
        return Table.of(List.of(
                        Column.signature(text(lang, "column.written_quality_department"), 20),
                        Column.signature(text(lang, "column.checked_management_representative"), 20),
                        Column.signature(text(lang, "column.approved_general_manager"), 20),
                        Column.signature(text(lang, "column.date"), 12)),
                List.of(Row.of(null, null, null, null)));
    }

    /**
     * Every main factor of the year without a corrective or preventive action (company-wide and per office, as the mart lists
     * them), then every action found not effective (shaded, to be redone), then blank lines for the meeting's own.
     */
    static Table improvementActions(PacketSource source, int year, OfficeRegister register, Lang lang) {
        List<Row> rows = new ArrayList<>();
        long number = 1;
        for (MartRow row : source.rowsOfYear(FeedbackMarts.MAIN_FACTORS_WITHOUT_ACTION, year)) {
            String issue = text(lang, "outputForms.main_factor_without_corrective_or_preventive")
                    + ReviewTerms.area(row.text(ComplaintPareto.AREA), lang);
            rows.add(Row.of(number++, issue, register.scopeOf(row, lang), row.count(ComplaintPareto.COMPLAINTS), null,
                    null, null,
                    null));
        }
        for (MartRow row : ActionTables.failedInYear(source, year)) {
            String office = register.ownerOf(row, lang);
            String description = row.text(ActionsFailedVerification.DESCRIPTION) == null ? ""
                    : " " + row.text(ActionsFailedVerification.DESCRIPTION);
            rows.add(Row.shaded(number++, text(lang, "outputForms.action_found_not_effective")
                    + row.text(ActionsFailedVerification.ACTION_ID) + description, office, null, null, null, null,
                            null));
        }
        for (int i = 0; i < EXTRA_ACTION_LINES; i++) {
            rows.add(Row.of(number++, "", "", null, null, null, null, null));
        }
        return Table.of(List.of(
                        Column.count(text(lang, "column.no"), 4),
                        Column.text(text(lang, "column.issue"), 26),
                        Column.text(text(lang, "column.office"), 13),
                        Column.count(text(lang, "column.complaint_count"), 6),
                        Column.signature(text(lang, "column.improvement_action"), 20),
                        Column.signature(text(lang, "column.owner"), 9),
                        Column.signature(text(lang, "column.completed"), 8),
                        Column.signature(text(lang, "column.verification_verifier"), 12)), rows)
                .withEmptyText(text(lang, "outputForms.no_issue_listed_advance"))
                .withNote(text(lang, "outputForms.shaded_actions_found_not_effective_be"));
    }

    private static Paragraphs signInHeader(Optional<MartRow> meeting, int year, Lang lang) {
        return meeting.map(row -> Paragraphs.of(text(lang, "outputForms.management_review_date_place_chair", year,
                row.date("meeting_date"), (row.text("meeting_time") == null ? "" : " " + row.text("meeting_time")),
                row.text("place"), row.text("chair"))))
                .orElse(Paragraphs.of(text(lang, "outputForms.management_review_no_review_plan_this", year)));
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
                        Column.count(text(lang, "column.no"), 4),
                        Column.text(text(lang, "column.name"), 10),
                        Column.text(text(lang, "column.department"), 18),
                        Column.text(text(lang, "column.role"), 10),
                        Column.signature(text(lang, "column.signature"), 18)), rows)
                .withNote(text(lang, "outputForms.heads_department_attending_review_sign_here"));
    }

    private static Table meetingNotes(Lang lang) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < MEETING_NOTE_LINES; i++) {
            rows.add(Row.of((Object) null));
        }
        return Table.of(List.of(Column.signature(text(lang, "column.minutes_quality_department_4_4_1"), 80)), rows);
    }
}
