package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import com.propertyquality.review.marts.QualityMarts.ReturnVisitVerification;
import com.propertyquality.review.metrics.AuthenticityRate;
import com.propertyquality.review.reports.document.Block;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Table;

/**
 * The return visits of procedure 5.2 ({@code return_visit_verification}): survey checks (5.2.1), paid-service
 * visits (5.2.2) and complaint follow-ups, as the customer-service chapter prints them for every office and an
 * office's report for that office; built once here.
 */
final class ReturnVisitTables {

    private ReturnVisitTables() {}

    /** The survey checks of one office's own report: its row, without a company line. */
    static List<Block> surveyCheckBlocks(List<MartRow> visits, int year, Lang lang) {
        return surveyCheckBlocks(visits, false, year, lang);
    }

    /**
     * The survey checks of procedure 5.2.1 per office (rows of return_visit_verification in the mart's order),
     * checks attempted beside checks that reached the household, with the checks that named no form of their
     * office. An office that returned forms and had none verified is shaded. {@code withCompany} adds the company
     * line: the offices' counts summed (a form belongs to one office and only that office's checks verify it) and
     * its rates from {@link AuthenticityRate}.
     */
    static List<Block> surveyCheckBlocks(List<MartRow> visits, boolean withCompany, int year, Lang lang) {
        List<Row> rows = new ArrayList<>(visits.stream()
                .map(row -> Row.shadedIf(unchecked(row), Labels.office(row),
                        row.count(ReturnVisitVerification.FORMS_RETURNED),
                        row.count(ReturnVisitVerification.SURVEY_CHECKS),
                                row.count(ReturnVisitVerification.SURVEY_CHECKS_REACHED),
                                        row.count(ReturnVisitVerification.FORMS_VERIFIED),
                        row.number(ReturnVisitVerification.VERIFIED_SHARE),
                                row.count(ReturnVisitVerification.CONFIRMED),
                                        row.count(ReturnVisitVerification.NOT_CONFIRMED),
                        row.count(ReturnVisitVerification.UNREACHABLE),
                                row.number(ReturnVisitVerification.AUTHENTICITY_RATE)))
                .toList());
        if (withCompany && !visits.isEmpty()) {
            rows.add(companySurveyChecks(visits, lang));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraphs.of(text(lang, "returnVisitTables.each_office_verifies_return_visits_that")));
        blocks.add(Table.of(List.of(
                        Column.text(text(lang, "column.office"), 14),
                        Column.count(text(lang, "column.forms_returned"), 6),
                        Column.count(text(lang, "column.checks_attempted"), 6),
                        Column.count(text(lang, "column.checks_reached"), 6),
                        Column.count(text(lang, "column.forms_verified"), 6),
                        Column.percent(text(lang, "column.share_verified"), 7),
                        Column.count(text(lang, "column.confirmed"), 5),
                        Column.count(text(lang, "column.not_confirmed"), 5),
                        Column.count(text(lang, "column.unreachable"), 6),
                        Column.percent(text(lang, "column.authenticity"), 7)),
                        rows)
                .withEmptyText(Labels.noRecords(year, lang))
                .withNote(text(lang, "returnVisitTables.only_check_that_reached_household_confirmed")));
        List<MartRow> unmatched = visits.stream()
                .filter(row -> row.count(ReturnVisitVerification.SURVEY_CHECKS_UNMATCHED) != null
                        && row.count(ReturnVisitVerification.SURVEY_CHECKS_UNMATCHED) > 0)
                .toList();
        if (!unmatched.isEmpty()) {
            String list = unmatched.stream()
                    .map(row -> Labels.office(row) + " " + row.count(ReturnVisitVerification.SURVEY_CHECKS_UNMATCHED))
                    .collect(Collectors.joining(text(lang, "common.comma")));
            blocks.add(Paragraphs.of(text(lang, "returnVisitTables.survey_checks_that_name_no_form", list)));
        }
        return blocks;
    }

    /** The company line: the offices' counts summed, the two rates from their sums. */
    private static Row companySurveyChecks(List<MartRow> visits, Lang lang) {
        long returned = sum(visits, "forms_returned");
        long verified = sum(visits, "forms_verified");
        long reached = sum(visits, "survey_checks_reached");
        long confirmed = sum(visits, "confirmed");
        return Row.of(Labels.company(lang), returned, sum(visits, "survey_checks"), reached, verified,
                AuthenticityRate.verifiedShare(verified, returned), confirmed, sum(visits, "not_confirmed"),
                sum(visits, "unreachable"), AuthenticityRate.of(confirmed, reached));
    }

    private static long sum(List<MartRow> rows, String count) {
        return rows.stream().map(row -> row.count(count)).filter(Objects::nonNull)
                .mapToLong(Long::longValue).sum();
    }

    private static boolean unchecked(MartRow row) {
        Long returned = row.count(ReturnVisitVerification.FORMS_RETURNED);
        Long verified = row.count(ReturnVisitVerification.FORMS_VERIFIED);
        return returned != null && returned > 0 && verified != null && verified == 0;
    }

    /** Paid-service visits (有偿服务, procedure 5.2.2) per office. */
    static Table paidServiceTable(List<MartRow> visits, int year, Lang lang) {
        return visitTable(visits, "paid_service", year, lang)
                .withCaption(text(lang, "returnVisitTables.paid_service_visits"))
                .withNote(text(lang, "returnVisitTables.return_visits_check_that_service_installation"));
    }

    /** Complaint follow-up visits (投诉回访) per office. */
    static Table complaintFollowUpTable(List<MartRow> visits, int year, Lang lang) {
        return visitTable(visits, "complaint_followup", year, lang)
                .withCaption(text(lang, "returnVisitTables.complaint_follow_up_visits"));
    }

    /** One kind of visit: the mart's {@code <prefix>_visits}, {@code _satisfied}, {@code _dissatisfied} and rate. */
    private static Table visitTable(List<MartRow> visits, String prefix, int year, Lang lang) {
        List<Row> rows = visits.stream()
                .map(row -> Row.of(Labels.office(row), row.count(prefix + "_visits"), row.count(prefix + "_satisfied"),
                        row.count(prefix + "_dissatisfied"), row.number(prefix + "_satisfaction")))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.office"), 16),
                        Column.count(text(lang, "column.visits"), 8),
                        Column.count(text(lang, "column.satisfied"), 8),
                        Column.count(text(lang, "column.dissatisfied"), 8),
                        Column.percent(text(lang, "column.satisfaction"), 8)),
                        rows)
                .withEmptyText(Labels.noRecords(year, lang));
    }
}
