package com.propertyquality.review.packet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.marts.CustomerMarts;
import com.propertyquality.review.marts.CustomerValueMarts;
import com.propertyquality.review.marts.FeedbackMarts.FeedbackSummary;
import com.propertyquality.review.marts.FeedbackMarts;
import com.propertyquality.review.marts.MartColumn;
import com.propertyquality.review.marts.QualityMarts.ActionsFailedVerification;
import com.propertyquality.review.marts.QualityMarts;
import com.propertyquality.review.marts.ReviewMarts.ReviewAttentionItems;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.marts.SurveyMarts.SatisfactionByItem;
import com.propertyquality.review.marts.SurveyMarts.SatisfactionByLevel;
import com.propertyquality.review.marts.SurveyMarts;

/**
 * One office's rows of every mart the office pages read, filtered once here so that no section can pick up
 * another office's row by mistake. Company-wide rows are kept only where a company figure is shown beside the
 * office's (items, levels).
 */
record OfficeFigures(PacketSource source, int year, String officeId, OfficeRegister register,
                 FeedbackByKind feedbackByKind, List<MartRow> failedActions) {

    OfficeFigures(PacketSource source, int year, String officeId) {
        this(source, year, officeId, OfficeRegister.of(source, year),
                FeedbackByKind.of(officeFeedback(source, year, officeId, FeedbackByKind.READ)),
                failedActionsOf(source, year, officeId));
    }

        static OfficeRegister.Office office(PacketSource source, int year, String officeId) {
            return OfficeRegister.of(source, year).find(officeId).orElseThrow(() -> new IllegalArgumentException(
                    "office '" + officeId + "' is not in the office register or the " + year + " survey returns"));
        }

        /**
         * The office's rows of feedback_summary with {@code columns} (and its id), read row by row (the mart holds
         * every office's).
         */
        static List<MartRow> officeFeedback(PacketSource source, int year, String officeId,
                                            List<MartColumn> columns) {
            List<MartColumn> read = new ArrayList<>(columns);
            read.add(FeedbackSummary.OFFICE_ID);
            List<MartRow> rows = new ArrayList<>();
            source.eachOfYear(FeedbackMarts.FEEDBACK_SUMMARY, year, read, row -> {
                if (officeId.equals(row.text(FeedbackSummary.OFFICE_ID))) {
                    rows.add(row);
                }
            });
            return rows;
        }

    private List<MartRow> own(String mart) {
        return source.rowsOfOffice(mart, year, officeId);
    }

    Optional<MartRow> returns() {
        return own(SurveyMarts.SURVEY_RETURNS).stream().findFirst();
    }

    Optional<MartRow> satisfaction() {
        return own(SurveyMarts.SATISFACTION_BY_OFFICE).stream().findFirst();
    }

    List<MartRow> items() {
        return own(SurveyMarts.SATISFACTION_BY_ITEM);
    }

    /**
     * The company-wide rate of each item, for comparison: from the mart's company rows alone, which the source keeps
     * apart (the appendix asks once per office; scanning the year's rows each time took 8% of a 2,000-office
     * packet's time).
     */
    Map<String, Double> companyItemRates() {
        Map<String, Double> rates = new LinkedHashMap<>();
        source.rowsOfCompany(SurveyMarts.SATISFACTION_BY_ITEM, year)
                .forEach(row -> rates.put(row.text(SatisfactionByItem.ITEM),
                        row.number(SatisfactionByItem.SATISFACTION_RATE)));
        return rates;
    }

    /** The office's level rows and the company-wide ones. */
    List<MartRow> levels() {
        return source.rowsOfYear(SurveyMarts.SATISFACTION_BY_LEVEL, year).stream()
                .filter(row -> row.text(SatisfactionByLevel.OFFICE_ID) == null
                        || officeId.equals(row.text(SatisfactionByLevel.OFFICE_ID)))
                .toList();
    }

    List<MartRow> segmentSatisfaction() {
        return own(CustomerMarts.SATISFACTION_BY_SEGMENT);
    }

    List<MartRow> returnVisits() {
        return own(QualityMarts.RETURN_VISIT_VERIFICATION);
    }

    List<MartRow> pareto() {
        return own(FeedbackMarts.COMPLAINT_PARETO);
    }

    List<MartRow> factorsWithoutAction() {
        return own(FeedbackMarts.MAIN_FACTORS_WITHOUT_ACTION);
    }

    List<MartRow> inspections() {
        return own(QualityMarts.INSPECTION_SUMMARY);
    }

    List<MartRow> seriousNonconformities() {
        return own(ReviewMarts.REVIEW_ATTENTION_ITEMS).stream()
                .filter(row -> ReviewMarts.INSPECTION_NONCONFORMITIES.equals(row.text(ReviewAttentionItems.ITEM)))
                        .toList();
    }

    List<MartRow> actions() {
        return own(QualityMarts.ACTION_STATUS);
    }

    /**
     * The actions found not effective that concern the year ({@link ActionTables#failedInYear}), per office, in the
     * mart's order: found once for every office's page, not once per office.
     */
    static Map<String, List<MartRow>> failedActionsByOffice(PacketSource source, int year) {
        Map<String, List<MartRow>> offices = new HashMap<>();
        for (MartRow row : ActionTables.failedInYear(source, year)) {
            String office = row.text(ActionsFailedVerification.OFFICE_ID);
            if (office != null) {
                offices.computeIfAbsent(office, id -> new ArrayList<>()).add(row);
            }
        }
        return offices;
    }

    /** One office's failed actions of the year ({@link #failedActionsByOffice}), for a page of that office alone. */
    static List<MartRow> failedActionsOf(PacketSource source, int year, String officeId) {
        return failedActionsByOffice(source, year).getOrDefault(officeId, List.of());
    }

    List<MartRow> segments() {
        return CustomerValueSnapshot.rowsOfOffice(source, CustomerValueMarts.CUSTOMER_SEGMENTS, year, officeId);
    }

    List<MartRow> needs() {
        return own(CustomerValueMarts.CUSTOMER_NEEDS);
    }

    /** Entries, closed, open over 30 days and major entries of one office and kind, summed over the mart's rows. */
    static final class KindCounts {
        long entries;
        long closed;
        long openOverDays;
        long major;

        void add(MartRow row) {
            long rowEntries = orZero(row.count(FeedbackSummary.ENTRIES));
            entries += rowEntries;
            closed += orZero(row.count(FeedbackSummary.CLOSED));
            openOverDays += orZero(row.count(FeedbackSummary.OPEN_OVER_30_DAYS));
            if (ReviewMarts.MAJOR_SEVERITY.equals(row.text(FeedbackSummary.SEVERITY))) {
                major += rowEntries;
            }
        }

        private static long orZero(Long count) {
            return count == null ? 0 : count;
        }
    }

    /**
     * One office's register entries of the year by kind, from feedback_summary read row by row: the kinds of the
     * code list in its order, then any other kind in the order met; a kind without rows is absent.
     */
    record FeedbackByKind(Map<String, KindCounts> kinds) {

        /** The columns of feedback_summary read: the office, the kind and what {@link KindCounts} sums. */
        static final List<MartColumn> READ = List.of(FeedbackSummary.OFFICE_ID, FeedbackSummary.KIND,
                FeedbackSummary.ENTRIES, FeedbackSummary.CLOSED, FeedbackSummary.OPEN_OVER_30_DAYS,
                FeedbackSummary.SEVERITY);

        FeedbackByKind() {
            this(new LinkedHashMap<>());
        }

        void add(MartRow row) {
            kinds.computeIfAbsent(row.text(FeedbackSummary.KIND), kind -> new KindCounts()).add(row);
        }

        /** Kinds in the code list's order, others after them as met. */
        FeedbackByKind ordered() {
            Map<String, KindCounts> ordered = new LinkedHashMap<>();
            ImportTemplates.FEEDBACK_KINDS.codes().forEach(kind -> {
                if (kinds.containsKey(kind)) {
                    ordered.put(kind, kinds.get(kind));
                }
            });
            kinds.forEach(ordered::putIfAbsent);
            return new FeedbackByKind(ordered);
        }

        /** The sums of one office's rows. */
        static FeedbackByKind of(List<MartRow> officeRows) {
            FeedbackByKind feedback = new FeedbackByKind();
            officeRows.forEach(feedback::add);
            return feedback.ordered();
        }

        /** Every office's, in one pass over the year's rows. */
        static Map<String, FeedbackByKind> ofEveryOffice(PacketSource source, int year) {
            Map<String, FeedbackByKind> offices = new HashMap<>();
            source.eachOfYear(FeedbackMarts.FEEDBACK_SUMMARY, year, READ, row -> {
                if (row.text(FeedbackSummary.OFFICE_ID) != null) {
                    offices.computeIfAbsent(row.text(FeedbackSummary.OFFICE_ID),
                            office -> new FeedbackByKind()).add(row);
                }
            });
            offices.replaceAll((office, feedback) -> feedback.ordered());
            return offices;
        }
    }
}
