package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.marts.CustomerMarts.SatisfactionBySegment;
import com.propertyquality.review.marts.CustomerValueMarts.CustomerSegments;
import com.propertyquality.review.marts.FeedbackMarts.ComplaintPareto;
import com.propertyquality.review.marts.FeedbackMarts.FeedbackSummary;
import com.propertyquality.review.marts.MartColumn;
import com.propertyquality.review.marts.QualityMarts.InspectionSummary;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.marts.SurveyMarts.SatisfactionByItem;
import com.propertyquality.review.marts.SurveyMarts.SatisfactionByLevel;
import com.propertyquality.review.reports.document.Block;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * The chapters of an office's own report (管理处报告): its summary ({@link OfficeSummary}), then its satisfaction
 * by item, level and segment, its feedback, its inspections, its actions, its follow-up list and its customers.
 * Everything is that office's own rows ({@link OfficeFigures}); company-wide figures appear only as the yardstick.
 */
public final class OfficeReportChapters {

    private OfficeReportChapters() {}

    /**
     * The office's own report: the summary, then its satisfaction by item, level and segment, its feedback, its
     * inspections, its actions, its follow-up list and its customers.
     *
     * @throws IllegalArgumentException when the office is in neither the register nor the year's survey returns
     */
    public static List<Chapter> of(PacketSource source, int year, String officeId, Lang lang) {
        OfficeRegister.Office office = OfficeFigures.office(source, year, officeId);
        // one pass over the register's rows: the summary's sums by kind and the detail table both come from it
        List<MartRow> feedback = OfficeFigures.officeFeedback(source, year, office.id(), FEEDBACK_READ);
        OfficeFigures figures = new OfficeFigures(source, year, office.id(), OfficeRegister.of(source, year),
                OfficeFigures.FeedbackByKind.of(feedback),
                OfficeFigures.failedActionsOf(source, year, office.id()));
        List<Section> overview = OfficeSummary.sections(figures, office, lang).stream()
                .map(Section::flowing)
                .toList();
        return List.of(
                new Chapter(text(lang, "officeReportChapters.overview"),
                        text(lang, "officeReportChapters.overview"), overview),
                Chapter.of(text(lang, "officeReportChapters.customer_satisfaction"),
                        text(lang, "officeReportChapters.satisfaction"),
                        Section.numbered(text(lang, "officeReportChapters.satisfaction_item"),
                                satisfactionByItem(figures, lang)),
                        Section.numbered(text(lang, "officeReportChapters.satisfaction_level"),
                                satisfactionByLevel(figures, lang)),
                        Section.numbered(text(lang, "officeReportChapters.satisfaction_customer_segment"),
                                satisfactionBySegment(figures, lang)),
                        Section.numbered(
                                text(lang, "officeReportChapters.survey_checks_return_visits"), returnVisits(figures, year, lang))),
                Chapter.of(text(lang, "officeReportChapters.customer_feedback"),
                        text(lang, "officeReportChapters.feedback"),
                        Section.numbered(
                                text(lang, "officeReportChapters.complaints_main_factors"), pareto(figures, lang)),
                        Section.numbered(text(lang, "officeReportChapters.customer_feedback_register"),
                                feedbackRows(feedback, lang))),
                Chapter.of(text(lang, "common.service_inspections"), text(lang, "common.inspections"),
                        Section.numbered(text(lang, "officeReportChapters.inspections_month"),
                                inspectionRows(figures, lang)),
                        Section.numbered(text(lang, "officeReportChapters.serious_nonconformities"),
                                InspectionTables.seriousNonconformities(figures.seriousNonconformities(),
                                        figures.register(), lang))),
                Chapter.of(text(lang, "common.corrective_preventive_actions"),
                        text(lang, "column.corrective_preventive_actions"),
                        Section.numbered(text(lang, "officeReportChapters.progress_effect"),
                                ActionTables.actionProgress(figures.actions(), figures.register(), false,
                                        lang),
                                ActionTables.actionVerification(figures.actions(), figures.register(),
                                        false, lang),
                                ActionTables.failedTable(figures.failedActions(), figures.register(),
                                        false, lang)),
                        Section.numbered(
                                text(lang, "officeReportChapters.main_factors_without_corrective_or_preventive"),
                                factorsWithoutAction(figures, lang))),
                Chapter.of(text(lang, "officeReportChapters.households_visit_again"),
                        text(lang, "officeReportChapters.follow_up"),
                        new Section(null, false,
                                FollowUpTables.followUpBlocks(source, year, office.id()::equals, lang))),
                Chapter.of(text(lang, "officeReportChapters.customer_value_needs"),
                        text(lang, "officeReportChapters.customers"),
                        Section.numbered(text(lang, "common.value_segments"),
                                segmentRows(figures, lang)),
                        Section.numbered(text(lang, "officeReportChapters.customer_needs"),
                                needsRows(figures, lang))));
    }

    private static Table satisfactionByItem(OfficeFigures figures, Lang lang) {
        Map<String, Double> company = figures.companyItemRates();
        List<Row> rows = figures.items().stream()
                .map(row -> {
                    Double rate = row.number(SatisfactionByItem.SATISFACTION_RATE);
                    Double companyRate = company.get(row.text(SatisfactionByItem.ITEM));
                    boolean below = rate != null && companyRate != null && rate < companyRate;
                    return new Row(Arrays.asList(ReviewTerms.surveyItem(row.text(SatisfactionByItem.ITEM), lang),
                            ReviewTerms.level(row.text(SatisfactionByItem.LEVEL), lang),
                                    row.count(SatisfactionByItem.QUALIFIED),
                            row.count(SatisfactionByItem.UNSATISFIED), row.count(SatisfactionByItem.UNRATED), rate,
                                    companyRate), below);
                })
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.item"), 13),
                        Column.text(text(lang, "column.level"), 7),
                        Column.count(text(lang, "column.qualified"), 7),
                        Column.count(text(lang, "column.unsatisfied"), 7),
                        Column.count(text(lang, "column.unrated"), 7),
                        Column.percent(text(lang, "column.satisfaction"), 8),
                        Column.percent(text(lang, "column.company"), 8)), rows)
                .withEmptyText(text(lang, "officeReportChapters.no_survey_forms_this_office_this"))
                .withNote(text(lang, "officeReportChapters.shaded_below_company_s_rate_item"));
    }

    private static Table satisfactionByLevel(OfficeFigures figures, Lang lang) {
        Map<String, Double> company = new LinkedHashMap<>();
        figures.levels().stream().filter(row -> row.text(SatisfactionByLevel.OFFICE_ID) == null)
                .forEach(row -> company.put(row.text(SatisfactionByLevel.LEVEL),
                        row.number(SatisfactionByLevel.SATISFACTION_RATE)));
        List<Row> rows = figures.levels().stream().filter(row -> row.text(SatisfactionByLevel.OFFICE_ID) != null)
                .map(row -> Row.of(ReviewTerms.level(row.text(SatisfactionByLevel.LEVEL), lang),
                        row.count(SatisfactionByLevel.QUALIFIED),
                        row.count(SatisfactionByLevel.UNSATISFIED), row.count(SatisfactionByLevel.UNRATED),
                                row.number(SatisfactionByLevel.SATISFACTION_RATE),
                        company.get(row.text(SatisfactionByLevel.LEVEL))))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.level"), 10),
                        Column.count(text(lang, "column.qualified"), 8),
                        Column.count(text(lang, "column.unsatisfied"), 8),
                        Column.count(text(lang, "column.unrated"), 8),
                        Column.percent(text(lang, "column.satisfaction"), 8),
                        Column.percent(text(lang, "column.company"), 8)), rows)
                .withEmptyText(text(lang, "officeReportChapters.no_survey_forms_this_office_this"));
    }

    private static Table satisfactionBySegment(OfficeFigures figures, Lang lang) {
        List<Row> rows = figures.segmentSatisfaction().stream()
                .map(row -> Row.of(ReviewTerms.dimension(row.text(SatisfactionBySegment.DIMENSION), lang),
                        ReviewTerms.segment(row.text(SatisfactionBySegment.DIMENSION),
                                row.text(SatisfactionBySegment.SEGMENT), lang), row.count(SatisfactionBySegment.FORMS),
                        row.count(SatisfactionBySegment.QUALIFIED), row.count(SatisfactionBySegment.UNSATISFIED),
                                row.number(SatisfactionBySegment.SATISFACTION_RATE)))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.dimension"), 10),
                        Column.text(text(lang, "column.segment"), 16),
                        Column.count(text(lang, "column.forms"), 7),
                        Column.count(text(lang, "column.qualified"), 7),
                        Column.count(text(lang, "column.unsatisfied"), 7),
                        Column.percent(text(lang, "column.satisfaction"), 8)), rows)
                .withEmptyText(text(lang, "officeReportChapters.no_survey_form_this_office_linked"));
    }

    /** The survey checks and the two kinds of return visit, as the customer-service chapter shows them. */
    private static List<Block> returnVisits(OfficeFigures figures, int year, Lang lang) {
        List<Block> blocks = new ArrayList<>(ReturnVisitTables.surveyCheckBlocks(figures.returnVisits(), year,
                lang));
        blocks.add(ReturnVisitTables.paidServiceTable(figures.returnVisits(), year, lang));
        blocks.add(ReturnVisitTables.complaintFollowUpTable(figures.returnVisits(), year, lang));
        return blocks;
    }

    /** The office's Pareto chart (none without complaints) and every area of it. */
    private static List<Block> pareto(OfficeFigures figures, Lang lang) {
        List<Block> blocks = new ArrayList<>();
        ParetoTables.chart(figures.pareto(), text(lang, "officeReportChapters.pareto_chart_complaints"),
                lang).ifPresent(blocks::add);
        blocks.add(paretoTable(figures, lang));
        return blocks;
    }

    private static Table paretoTable(OfficeFigures figures, Lang lang) {
        List<Row> rows = figures.pareto().stream()
                .map(row -> new Row(Arrays.asList(row.count(ComplaintPareto.RANK),
                        ReviewTerms.area(row.text(ComplaintPareto.AREA), lang),
                        row.count(ComplaintPareto.COMPLAINTS), row.number(ComplaintPareto.SHARE),
                                row.number(ComplaintPareto.CUMULATIVE_SHARE),
                        Labels.yesNo(row.isTrue(ComplaintPareto.MAIN_FACTOR), lang), ReviewTerms.mainFactorAction(row,
                                lang)),
                        row.isTrue(ComplaintPareto.MAIN_FACTOR) && !row.isTrue(ComplaintPareto.HAS_ACTION)))
                .toList();
        return Table.of(List.of(
                        Column.count(text(lang, "column.rank"), 5),
                        Column.text(text(lang, "column.area"), 12),
                        Column.count(text(lang, "column.complaint_count"), 8),
                        Column.percent(text(lang, "column.share"), 8),
                        Column.percent(text(lang, "column.cumulative"), 8),
                        Column.text(text(lang, "column.main_factor"), 7),
                        Column.text(text(lang, "column.corrective_preventive_actions"), 8)), rows)
                .withEmptyText(text(lang, "common.no_complaints_this_office_this_year"))
                .withNote(text(lang, "officeReportChapters.shaded_main_factor_without_corrective_or"));
    }

    /** The columns of the office's feedback_summary rows read here: its sums by kind's, and the register table's. */
    private static final List<MartColumn> FEEDBACK_READ = Stream.concat(OfficeFigures.FeedbackByKind.READ.stream(),
            Stream.of(FeedbackSummary.MONTH, FeedbackSummary.CHANNEL, FeedbackSummary.AREA)).toList();

    private static Table feedbackRows(List<MartRow> feedback, Lang lang) {
        List<Row> rows = feedback.stream()
                .map(row -> new Row(Arrays.asList(ReviewTerms.month(row.integer(FeedbackSummary.MONTH), lang),
                        Names.of(ImportTemplates.CHANNELS, row.text(FeedbackSummary.CHANNEL), lang),
                        Names.of(ImportTemplates.FEEDBACK_KINDS, row.text(FeedbackSummary.KIND), lang),
                        ReviewTerms.area(row.text(FeedbackSummary.AREA), lang),
                        Names.of(ImportTemplates.SEVERITIES, row.text(FeedbackSummary.SEVERITY), lang),
                        row.count(FeedbackSummary.ENTRIES), row.count(FeedbackSummary.CLOSED),
                                row.count(FeedbackSummary.OPEN_OVER_30_DAYS)),
                        ReviewMarts.MAJOR_SEVERITY.equals(row.text(FeedbackSummary.SEVERITY))
                                || row.isPositive(FeedbackSummary.OPEN_OVER_30_DAYS)))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.month"), 6),
                        Column.text(text(lang, "column.channel"), 9),
                        Column.text(text(lang, "column.entry_type"), 8),
                        Column.text(text(lang, "column.area"), 10),
                        Column.text(text(lang, "column.severity"), 7),
                        Column.count(text(lang, "column.entries"), 6),
                        Column.count(text(lang, "column.closed"), 6),
                        Column.count(text(lang, "column.open_over_30_days"), 8)), rows)
                .withEmptyText(text(lang, "common.no_register_entry_this_office_this"))
                .withNote(text(lang, "officeReportChapters.shaded_major_or_open_over_30"));
    }

    private static Table inspectionRows(OfficeFigures figures, Lang lang) {
        List<Row> rows = figures.inspections().stream()
                .map(row -> Row.of(ReviewTerms.month(row.integer(InspectionSummary.MONTH), lang),
                        Names.of(ImportTemplates.INSPECTION_LEVELS, row.text(InspectionSummary.LEVEL), lang),
                                row.count(InspectionSummary.INSPECTIONS),
                        row.number(InspectionSummary.AVERAGE_SCORE), row.number(InspectionSummary.MIN_SCORE),
                        InspectionTables.recordedNonconformities(row),
                        row.count(InspectionSummary.COMPLAINTS)))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.month"), 6),
                        Column.text(text(lang, "column.inspection_level"), 13),
                        Column.count(text(lang, "column.inspections"), 7),
                        Column.decimal(text(lang, "column.average_score"), 8),
                        Column.decimal(text(lang, "column.lowest_score"), 8),
                        Column.count(text(lang, "column.nonconformities"), 8),
                        Column.count(text(lang, "column.complaints_that_month"), 8)), rows)
                .withEmptyText(text(lang, "officeReportChapters.no_inspection_this_office_this_year"))
                .withNote(text(lang, "officeReportChapters.month_s_complaints_office_s_repeated"));
    }

    private static Table factorsWithoutAction(OfficeFigures figures, Lang lang) {
        List<Row> rows = figures.factorsWithoutAction().stream()
                .map(row -> Row.shaded(row.count(ComplaintPareto.RANK),
                        ReviewTerms.area(row.text(ComplaintPareto.AREA), lang),
                        row.count(ComplaintPareto.COMPLAINTS), row.number(ComplaintPareto.SHARE),
                                row.number(ComplaintPareto.CUMULATIVE_SHARE)))
                .toList();
        return Table.of(List.of(
                        Column.count(text(lang, "column.rank"), 5),
                        Column.text(text(lang, "column.area"), 12),
                        Column.count(text(lang, "column.complaint_count"), 8),
                        Column.percent(text(lang, "column.share"), 8),
                        Column.percent(text(lang, "column.cumulative"), 8)), rows)
                .withEmptyText(text(lang, "officeReportChapters.every_main_factor_has_corrective_or"))
                .withNote(text(lang, "officeReportChapters.office_departments_concerned_draw_up_actions"));
    }

    private static Table segmentRows(OfficeFigures figures, Lang lang) {
        List<Row> rows = figures.segments().stream()
                .map(row -> Row.of(ReviewTerms.category(row.text(CustomerSegments.CATEGORY), lang),
                        ReviewTerms.valueSegment(row.text(CustomerSegments.VALUE_SEGMENT), lang),
                                row.count(CustomerSegments.HOUSEHOLDS),
                        row.number(CustomerSegments.SHARE), row.number(CustomerSegments.AVG_SPEND_12M),
                                row.number(CustomerSegments.AVG_CREDIT_RATE),
                        row.count(CustomerSegments.FORMS), row.number(CustomerSegments.SATISFACTION_RATE)))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.customer_category"), 16),
                        Column.text(text(lang, "column.value_segment"), 11),
                        Column.count(text(lang, "column.households"), 7),
                        Column.percent(text(lang, "column.share_office"), 8),
                        Column.decimal(text(lang, "column.average_spend_12_months_yuan"), 11),
                        Column.percent(text(lang, "column.average_time_payment"), 9),
                        Column.count(text(lang, "column.survey_forms"), 7),
                        Column.percent(text(lang, "column.satisfaction"), 8)), rows)
                .withEmptyText(text(lang, "common.no_customer_value_figures_this_office"));
    }

    private static Table needsRows(OfficeFigures figures, Lang lang) {
        return SegmentTables.needs(figures.needs(), null, lang)
                .withEmptyText(text(lang, "officeReportChapters.no_complaints_service_requests_opinions_or"))
                .withNote(text(lang, "officeReportChapters.total_complaints_service_requests_opinions_dissatisfied"));
    }
}
