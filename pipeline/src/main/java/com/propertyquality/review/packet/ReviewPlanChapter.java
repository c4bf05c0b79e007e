package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

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
import com.propertyquality.review.marts.ReviewMarts.ReviewAttentionItems;
import com.propertyquality.review.marts.ReviewMarts.ReviewReadiness;
import com.propertyquality.review.marts.ReviewMarts.ReviewTriggersMart;
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
        Optional<MartRow> readiness = source.rowsOfYear(ReviewMarts.REVIEW_READINESS, year).stream()
                .findFirst();
        String title = text(lang, "reviewPlan.management_review_plan");
        // both lists name offices and plan entries alike: read them once
        Map<String, String> officeNames = officeNames(source);
        PlanEvents events = PlanEvents.of(source, year);
        return Chapter.of(title, text(lang, "reviewPlan.review_plan"),
                meeting(source, year, plan, lang),
                schedule(year, plan.isPresent(), readiness, lang),
                triggers(source, year, readiness, officeNames, events, lang),
                attentionItems(source, year, officeNames, events, lang));
    }

    // ------------------------------------------------------------------ the meeting

    private static Section meeting(PacketSource source, int year, Optional<MartRow> plan, Lang lang) {
        String heading = text(lang, "reviewPlan.meeting");
        if (plan.isEmpty()) {
            // Procedure 4.1.3: the quality department drafts the plan a month before the review.
            return Section.numbered(heading, Paragraphs.of(
                    text(lang, "reviewPlan.annual_management_review_plan_missing_quality",
                    year)));
        }
        MartRow meeting = plan.get();
        Table arrangement = Table.of(List.of(
                        Column.date(text(lang, "column.meeting_date_short"), 9),
                        Column.text(text(lang, "column.meeting_time"), 6),
                        Column.text(text(lang, "column.meeting_place"), 18),
                        Column.text(text(lang, "column.chair"), 11),
                        Column.text(text(lang, "column.management_representative"), 11)),
                List.of(Row.of(meeting.date("meeting_date"), meeting.text("meeting_time"), meeting.text("place"),
                        meeting.text("chair"), meeting.text("management_representative"))));
        List<Row> attendees = MartRow.of(source.lakeOfYear(ReviewPlanTables.ATTENDEES.dataset(), year)).stream()
                .sorted(Comparator.comparing((MartRow row) -> row.count("seq"),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .map(row -> Row.of(row.count("seq"), row.text("name"), row.text("department"), row.text("role")))
                .toList();
        Table attendeeTable = Table.of(List.of(
                        Column.count(text(lang, "column.no"), 4),
                        Column.text(text(lang, "column.name"), 8),
                        Column.text(text(lang, "column.department"), 14),
                        Column.text(text(lang, "column.role"), 10)),
                        attendees)
                .withCaption(text(lang, "reviewPlan.attendees"))
                .withEmptyText(text(lang, "reviewPlan.plan_lists_no_attendees"))
                .withNote(text(lang, "reviewPlan.as_rule_company_s_other_leaders"));
        return Section.numbered(heading, arrangement, attendeeTable);
    }

    // ------------------------------------------------------------------ the 12-month rule

    private static Section schedule(int year, boolean hasPlan, Optional<MartRow> readiness, Lang lang) {
        String heading = text(lang, "reviewPlan.interval_since_previous_review");
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraphs.of(text(lang, "reviewPlan.management_review_held_least_once_year",
                ReviewTriggers.MAX_MONTHS_BETWEEN_REVIEWS)));
        List<Row> rows = readiness.filter(row -> row.isTrue(ReviewReadiness.HAS_PLAN))
                .map(row -> List.of(Row.shadedIf(
                        Boolean.FALSE.equals(row.flag(ReviewReadiness.WITHIN_12_MONTHS))
                                || row.isTrue(ReviewReadiness.OVERDUE_AT_AS_OF),
                        row.date(ReviewReadiness.PREVIOUS_REVIEW_ON), row.date(ReviewReadiness.REVIEW_DUE_BY),
                                row.date(ReviewReadiness.MEETING_DATE),
                        row.count(ReviewReadiness.MONTHS_SINCE_PREVIOUS),
                                Labels.yesNo(row.flag(ReviewReadiness.WITHIN_12_MONTHS), lang),
                        row.date(ReviewReadiness.AS_OF), Labels.yesNo(row.flag(ReviewReadiness.OVERDUE_AT_AS_OF),
                                lang))))
                .orElse(List.of());
        blocks.add(Table.of(List.of(
                        Column.date(text(lang, "column.previous_review"), 9),
                        Column.date(text(lang, "column.review_due_by"), 9),
                        Column.date(text(lang, "column.meeting_date"), 9),
                        Column.count(text(lang, "column.whole_months_since"), 7),
                        Column.text(text(lang, "column.meets_12_month_rule"), 7),
                        Column.date(text(lang, "column.as"), 9),
                        Column.text(text(lang, "column.overdue_as_date"), 8)),
                        rows)
                .withEmptyText(hasPlan
                        ? text(lang, "reviewPlan.marts_hold_no_schedule_run_aggregate", year)
                        : text(lang, "reviewPlan.without_review_plan_interval_cannot_be"))
                .withNote(text(lang, "reviewPlan.due_previous_review_12_months_meets")));
        readiness.filter(row -> row.isTrue(ReviewReadiness.HAS_PLAN)).map(row -> verdict(row, lang))
                .ifPresent(line -> blocks.add(Paragraphs.of(line)));
        return Section.numbered(heading, blocks);
    }

    /** The conclusion on the interval, from the mart's own flags. */
    private static String verdict(MartRow row, Lang lang) {
        Boolean within = row.flag(ReviewReadiness.WITHIN_12_MONTHS);
        LocalDate meeting = row.date(ReviewReadiness.MEETING_DATE);
        LocalDate dueBy = row.date(ReviewReadiness.REVIEW_DUE_BY);
        String text;
        if (within == null) {
            text = text(lang, "reviewPlan.plan_gives_no_previous_review_date");
        } else if (within) {
            text = text(lang, "reviewPlan.meeting_no_later_than_due_date", meeting, dueBy,
                    row.count(ReviewReadiness.MONTHS_SINCE_PREVIOUS));
        } else {
            text = text(lang, "reviewPlan.meeting_after_due_date_more_than", meeting, dueBy);
        }
        if (row.isTrue(ReviewReadiness.OVERDUE_AT_AS_OF)) {
            text += text(lang, "reviewPlan.as_date_review_overdue_not_yet", row.date(ReviewReadiness.AS_OF));
        }
        return text;
    }

    // ------------------------------------------------------------------ extra-review triggers

    private static Section triggers(PacketSource source, int year, Optional<MartRow> readiness,
                                    Map<String, String> officeNames, PlanEvents events, Lang lang) {
        String heading = text(lang, "reviewPlan.extra_review_triggers_4_1_2");
        List<Row> rows = source.rowsOfYear(ReviewMarts.REVIEW_TRIGGERS, year).stream()
                .map(row -> Row.of(ReviewTerms.clause(row.text(ReviewTriggersMart.CLAUSE), lang), office(row,
                        officeNames, lang),
                        row.date(ReviewTriggersMart.DATE), TriggerEvidence.of(row, lang),
                                events.reference(row.text(ReviewTriggersMart.REFERENCE_ID), lang),
                        sourceName(row.text(ReviewTriggersMart.SOURCE), lang)))
                .toList();
        // the clause names the trigger in the procedure's words; the evidence says what happened
        Table table = Table.of(List.of(
                        Column.text(text(lang, "column.clause"), 15),
                        Column.text(text(lang, "column.office"), 10),
                        Column.date(text(lang, "column.date"), 9),
                        Column.text(text(lang, "column.basis"), 33),
                        Column.text(text(lang, "column.record_id"), 12),
                        Column.text(text(lang, "column.source"), 9)),
                        rows)
                .withEmptyText(text(lang, "reviewPlan.data_shows_nothing_procedure_4_1", year))
                .withNote(text(lang, "reviewPlan.only_what_procedure_4_1_2"));
        return Section.numbered(heading, Paragraphs.of(extraReviewSentence(year, readiness, lang)), table);
    }

    private static Section attentionItems(PacketSource source, int year, Map<String, String> officeNames,
                                          PlanEvents events, Lang lang) {
        String heading = text(lang, "reviewPlan.attention_items");
        List<Row> rows = source.rowsOfYear(ReviewMarts.REVIEW_ATTENTION_ITEMS, year).stream()
                .map(row -> Row.of(ReviewTerms.attentionItem(row.text(ReviewAttentionItems.ITEM), lang),
                        row.text(ReviewAttentionItems.BASIS),
                        office(row, officeNames, lang), row.date(ReviewAttentionItems.DATE), TriggerEvidence.of(row,
                                lang),
                        events.reference(row.text(ReviewAttentionItems.REFERENCE_ID), lang),
                                sourceName(row.text(ReviewAttentionItems.SOURCE), lang)))
                .toList();
        Table table = Table.of(List.of(
                        Column.text(text(lang, "column.attention_item"), 13),
                        Column.text(text(lang, "column.clause_letter"), 6),
                        Column.text(text(lang, "column.office"), 9),
                        Column.date(text(lang, "column.date"), 9),
                        Column.text(text(lang, "column.basis"), 32),
                        Column.text(text(lang, "column.record_id"), 10),
                        Column.text(text(lang, "column.source"), 9)),
                        rows)
                .withEmptyText(text(lang, "reviewPlan.no_attention_items", year))
                .withNote(text(lang, "reviewPlan.attention_items_review_discuss_procedure_4"));
        return Section.numbered(heading, Paragraphs.of(text(lang, "reviewPlan.not_listed_procedure_4_1_2")),
                table);
    }

    private static String office(MartRow row, Map<String, String> officeNames, Lang lang) {
        return row.text(ReviewTriggersMart.OFFICE_ID) == null ? Labels.company(lang)
                : officeNames.getOrDefault(row.text(ReviewTriggersMart.OFFICE_ID),
                        row.text(ReviewTriggersMart.OFFICE_ID));
    }

    /** Whether an extra review is due, as review_readiness says (the schedule itself does not count, §5.11). */
    private static String extraReviewSentence(int year, Optional<MartRow> readiness, Lang lang) {
        if (readiness.isEmpty()) {
            return text(lang, "reviewPlan.marts_hold_no_review_readiness_whether", year);
        }
        MartRow row = readiness.get();
        if (row.isTrue(ReviewReadiness.EXTRA_REVIEW_DUE)) {
            return text(lang, "reviewPlan.data_shows_events_listed_procedure_4", year,
                    row.count(ReviewReadiness.TRIGGERS));
        }
        return text(lang, "reviewPlan.nothing_listed_procedure_4_1_2", year);
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
            return text(lang, "reviewPlan.survey_returns_source");
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
