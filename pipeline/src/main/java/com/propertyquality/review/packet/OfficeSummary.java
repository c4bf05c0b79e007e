package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.marts.CustomerValueMarts.CustomerSegments;
import com.propertyquality.review.marts.FeedbackMarts.ComplaintPareto;
import com.propertyquality.review.marts.QualityMarts.ActionStatus;
import com.propertyquality.review.marts.SurveyMarts.SatisfactionByItem;
import com.propertyquality.review.marts.SurveyMarts.SatisfactionByOffice;
import com.propertyquality.review.marts.SurveyMarts.SurveyReturns;
import com.propertyquality.review.metrics.CustomerValue;
import com.propertyquality.review.reports.Percent;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * The one-page summary of an office: head office's appendix prints it for every office, an office's own report
 * opens with it. Everything it shows is that office's own rows ({@link OfficeFigures}); the company-wide figure
 * is shown beside it where the procedure compares against it (satisfaction, return rate, items).
 */
final class OfficeSummary {

    private OfficeSummary() {}

    /**
     * The office's one-page summary: returns and satisfaction against the company, its items below the company,
     * its feedback, inspections, actions and value segments; one section starting on a new page.
     */
    static List<Section> sections(OfficeFigures figures, OfficeRegister.Office office, Lang lang) {
        return List.of(Section.onNewPage(title(office, lang),
                surveyFigures(figures, lang),
                itemsBelowCompany(figures, lang),
                feedbackByKind(figures, lang),
                mainFactors(figures, lang),
                InspectionTables.byOfficeAndLevel(figures.inspections(), figures.register(), false, lang)
                        .withCaption(text(lang, "common.service_inspections")),
                actionSummary(figures, lang),
                ActionTables.failedTable(figures.failedActions(), figures.register(), false, lang),
                valueSegments(figures, lang)));
    }


    private static String title(OfficeRegister.Office office, Lang lang) {
        String name = office.name() == null ? office.id() : office.name();
        return text(lang, "officeSummary.office_and_id", name, office.id());
    }

    /** Returns and satisfaction in one row, each beside the company's; shaded under the return threshold. */
    private static Table surveyFigures(OfficeFigures figures, Lang lang) {
        Optional<MartRow> returns = figures.returns();
        Optional<MartRow> satisfaction = figures.satisfaction();
        List<Row> rows = new ArrayList<>();
        if (returns.isPresent() || satisfaction.isPresent()) {
            boolean below = returns.isPresent() && !returns.get().isTrue(SurveyReturns.MEETS_THRESHOLD);
            rows.add(new Row(Arrays.asList(
                    returns.map(row -> row.count(SurveyReturns.FORMS_RETURNED)).orElse(null),
                    returns.map(row -> row.number(SurveyReturns.RETURN_RATE)).orElse(null),
                    returns.map(row -> row.number(SurveyReturns.COMPANY_RETURN_RATE)).orElse(null),
                    satisfaction.map(row -> row.number(SatisfactionByOffice.SATISFACTION_RATE)).orElse(null),
                    satisfaction.map(row -> row.number(SatisfactionByOffice.COMPANY_SATISFACTION_RATE)).orElse(null),
                    satisfaction.map(row -> row.number(SatisfactionByOffice.GAP_POINTS)).orElse(null),
                    satisfaction.map(row -> row.count(SatisfactionByOffice.RANK)).orElse(null)), below));
        }
        return Table.of(List.of(
                        Column.count(text(lang, "column.forms_returned"), 7),
                        Column.percent(text(lang, "column.return_rate"), 8),
                        Column.percent(text(lang, "column.company_return_rate"), 8),
                        Column.percent(text(lang, "column.satisfaction"), 8),
                        Column.percent(text(lang, "column.company_satisfaction"), 8),
                        Column.points(text(lang, "column.gap_company_points"), 9),
                        Column.count(text(lang, "column.satisfaction_rank"), 7)), rows)
                .withCaption(text(lang, "officeSummary.customer_survey"))
                .withEmptyText(text(lang, "officeSummary.no_survey_record_this_office_this"))
                .withNote(returnNote(returns, figures, lang));
    }

    private static String returnNote(Optional<MartRow> returns, OfficeFigures figures, Lang lang) {
        if (returns.isEmpty()) {
            return null;
        }
        MartRow row = returns.get();
        String threshold = Percent.format(ShownThreshold.of(returns, figures.source()));
        String distributed = row.count(SurveyReturns.FORMS_DISTRIBUTED) == null ? "—"
                : row.count(SurveyReturns.FORMS_DISTRIBUTED).toString();
        String verdict;
        if ("no_distribution_record".equals(row.text(SurveyReturns.ANOMALY))) {
            verdict = text(lang, "officeSummary.no_record_forms_handed_out_no");
        } else if ("returned_exceeds_distributed".equals(row.text(SurveyReturns.ANOMALY))) {
            verdict = text(lang, "officeSummary.more_forms_returned_than_handed_out");
        } else {
            verdict = row.isTrue(SurveyReturns.MEETS_THRESHOLD) ? text(lang, "officeSummary.meets_it")
                    : text(lang, "officeSummary.below_it");
        }
        Long leftOut = row.count(SurveyReturns.COMPANY_OFFICES_LEFT_OUT);
        String company = leftOut != null && leftOut > 0
                ? text(lang, "officeSummary.company_rate_leaves_out_offices_with", leftOut)
                : "";
        return text(lang, "officeSummary.forms_handed_out_return_rate_must", distributed, threshold, verdict, company);
    }

    /** The office's items rated lower than the company's same item. */
    private static Table itemsBelowCompany(OfficeFigures figures, Lang lang) {
        Map<String, Double> company = figures.companyItemRates();
        List<Row> rows = figures.items().stream()
                .filter(row -> row.number(SatisfactionByItem.SATISFACTION_RATE) != null
                        && company.get(row.text(SatisfactionByItem.ITEM)) != null
                        && row.number(SatisfactionByItem.SATISFACTION_RATE) < company.get(row.text(SatisfactionByItem.ITEM)))
                .map(row -> Row.of(ReviewTerms.surveyItem(row.text(SatisfactionByItem.ITEM), lang),
                        ReviewTerms.level(row.text(SatisfactionByItem.LEVEL), lang),
                                row.count(SatisfactionByItem.UNSATISFIED),
                        row.number(SatisfactionByItem.SATISFACTION_RATE),
                                company.get(row.text(SatisfactionByItem.ITEM))))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.item"), 14),
                        Column.text(text(lang, "column.level"), 8),
                        Column.count(text(lang, "column.unsatisfied"), 8),
                        Column.percent(text(lang, "column.office_satisfaction"), 9),
                        Column.percent(text(lang, "column.company"), 9)), rows)
                .withCaption(text(lang, "officeSummary.items_below_company"))
                .withEmptyText(text(lang, "officeSummary.no_item_below_company_s_rate"));
    }

    /** The register entries by kind: counts add up across the mart's rows; no rate is totalled. */
    private static Table feedbackByKind(OfficeFigures figures, Lang lang) {
        List<Row> rows = new ArrayList<>();
        figures.feedbackByKind().kinds().forEach((kind, counts) -> rows.add(Row.of(
                Names.of(ImportTemplates.FEEDBACK_KINDS, kind, lang), counts.entries, counts.closed,
                counts.openOverDays, counts.major)));
        return Table.of(List.of(
                        Column.text(text(lang, "column.entry_type"), 12),
                        Column.count(text(lang, "column.register_entries"), 8),
                        Column.count(text(lang, "column.closed"), 8),
                        Column.count(text(lang, "column.open_over_30_days"), 9),
                        Column.count(text(lang, "column.major"), 8)), rows)
                .withCaption(text(lang, "officeSummary.feedback_register"))
                .withEmptyText(text(lang, "common.no_register_entry_this_office_this"));
    }

    private static Table mainFactors(OfficeFigures figures, Lang lang) {
        List<Row> rows = figures.pareto().stream().filter(row -> row.isTrue(ComplaintPareto.MAIN_FACTOR))
                .map(row -> new Row(Arrays.asList(ReviewTerms.area(row.text(ComplaintPareto.AREA), lang),
                        row.count(ComplaintPareto.COMPLAINTS),
                        row.number(ComplaintPareto.SHARE), row.number(ComplaintPareto.CUMULATIVE_SHARE),
                                ReviewTerms.mainFactorAction(row, lang)),
                        !row.isTrue(ComplaintPareto.HAS_ACTION)))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.main_factor"), 12),
                        Column.count(text(lang, "column.complaint_count"), 8),
                        Column.percent(text(lang, "column.share"), 8),
                        Column.percent(text(lang, "column.cumulative"), 8),
                        Column.text(text(lang, "column.corrective_preventive_actions"), 8)), rows)
                .withCaption(text(lang, "officeSummary.main_factors_complaints_5_1_3"))
                .withEmptyText(text(lang, "common.no_complaints_this_office_this_year"))
                .withNote(text(lang, "officeSummary.shaded_no_corrective_or_preventive_action"));
    }

    /** The office's actions by area: how many are open, overdue, effective, not effective. */
    private static Table actionSummary(OfficeFigures figures, Lang lang) {
        List<Row> rows = figures.actions().stream()
                .map(row -> new Row(Arrays.asList(ReviewTerms.area(row.text(ActionStatus.AREA), lang),
                        row.count(ActionStatus.ACTIONS),
                        row.count(ActionStatus.OPEN), row.count(ActionStatus.OVERDUE),
                                row.count(ActionStatus.VERIFIED_EFFECTIVE),
                        row.count(ActionStatus.VERIFIED_NOT_EFFECTIVE), row.count(ActionStatus.VERIFICATION_PENDING)),
                        row.isPositive(ActionStatus.OVERDUE) || row.isPositive(ActionStatus.VERIFIED_NOT_EFFECTIVE)))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.area"), 12),
                        Column.count(text(lang, "column.actions"), 7),
                        Column.count(text(lang, "column.open"), 7),
                        Column.count(text(lang, "column.overdue"), 7),
                        Column.count(text(lang, "column.effective"), 7),
                        Column.count(text(lang, "column.not_effective"), 7),
                        Column.count(text(lang, "column.pending"), 7)), rows)
                .withCaption(text(lang, "common.corrective_preventive_actions"))
                .withEmptyText(text(lang, "officeSummary.no_action_this_office_this_year"))
                .withNote(text(lang, "officeSummary.shaded_action_overdue_or_not_effective"));
    }

    /** Households per value segment, totalled over the categories (households add up; shares are not totalled). */
    private static Table valueSegments(OfficeFigures figures, Lang lang) {
        Map<String, List<MartRow>> bySegment = new LinkedHashMap<>();
        CustomerValue.segments().forEach(segment -> bySegment.put(segment, new ArrayList<>()));
        figures.segments().forEach(row -> bySegment.computeIfAbsent(row.text(CustomerSegments.VALUE_SEGMENT),
                k -> new ArrayList<>())
                .add(row));
        List<Row> rows = new ArrayList<>();
        bySegment.forEach((segment, groups) -> {
            if (!groups.isEmpty()) {
                rows.add(Row.of(ReviewTerms.valueSegment(segment, lang), Tally.sum(groups, CustomerSegments.HOUSEHOLDS),
                        Tally.sum(groups, CustomerSegments.FORMS)));
            }
        });
        return Table.of(List.of(
                        Column.text(text(lang, "column.value_segment"), 14),
                        Column.count(text(lang, "column.households"), 8),
                        Column.count(text(lang, "column.survey_forms"), 8)), rows)
                .withCaption(text(lang, "common.value_segments"))
                .withEmptyText(text(lang, "common.no_customer_value_figures_this_office"));
    }
}
