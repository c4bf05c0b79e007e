package com.propertyquality.review.packet;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.propertyquality.review.marts.FeedbackMarts.FeedbackSummary;
import com.propertyquality.review.marts.FeedbackMarts;
import com.propertyquality.review.marts.ReviewMarts.ReviewReadiness;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.marts.SurveyMarts.SurveyReturns;
import com.propertyquality.review.marts.SurveyMarts;

/**
 * Whether the marts hold data of a review year: the one rule by which {@code report}, {@code review} and
 * {@code check-returns} refuse a year, and {@code report --office} an office, instead of writing a packet of empty
 * tables with a cover ready to sign.
 *
 * A year has data when the marts hold at least one of what the packet is built on:
 * <ul>
 * <li>the survey: a {@code survey_returns} row of the year (the mart has rows for a year only when the lake holds a
 * distribution record or a returned form of it);</li>
 * <li>the feedback register: a {@code feedback_summary} row of the year (an entry received in it);</li>
 * <li>the review plan: the year's {@code review_readiness} row with {@code has_plan}.</li>
 * </ul>
 * An office has data in a year when its {@code survey_returns} row of the year has a distribution record or a
 * returned form, or {@code feedback_summary} has a row of it in the year (the plan is the company's, no office's).
 */
public final class YearData {

    private YearData() {}

    /** True when the marts hold a survey record, a feedback entry or the review plan of the year. */
    public static boolean of(PacketSource source, int year) {
        if (!source.martOfYear(SurveyMarts.SURVEY_RETURNS, year).isEmpty()) {
            return true;
        }
        if (source.rowsOfYear(ReviewMarts.REVIEW_READINESS, year).stream()
                .anyMatch(row -> row.isTrue(ReviewReadiness.HAS_PLAN))) {
            return true;
        }
        // last: the register's mart is read row by row, all of it
        AtomicBoolean feedback = new AtomicBoolean();
        source.eachOfYear(FeedbackMarts.FEEDBACK_SUMMARY, year, List.of(), row -> feedback.set(true));
        return feedback.get();
    }

    /** True when the marts hold a survey record or a feedback entry of the office in the year. */
    public static boolean ofOffice(PacketSource source, int year, String officeId) {
        boolean survey = source.rowsOfOffice(SurveyMarts.SURVEY_RETURNS, year, officeId).stream()
                .anyMatch(row -> row.get(SurveyReturns.FORMS_DISTRIBUTED) != null
                        || row.isPositive(SurveyReturns.FORMS_RETURNED));
        if (survey) {
            return true;
        }
        AtomicBoolean feedback = new AtomicBoolean();
        source.eachOfYear(FeedbackMarts.FEEDBACK_SUMMARY, year, List.of(FeedbackSummary.OFFICE_ID), row -> {
            if (officeId.equals(row.text(FeedbackSummary.OFFICE_ID))) {
                feedback.set(true);
            }
        });
        return feedback.get();
    }

    /** Refuses a year without data, before anything is rendered or written. */
    public static void require(PacketSource source, int year) {
        if (!of(source, year)) {
            throw new NoData("no data for " + year + ": the marts hold no survey record, feedback entry or review"
                    + " plan of that year; nothing was written");
        }
    }

    /**
     * Refuses an office of the register without data in the year. An office the register does not know is left to
     * {@link OfficeReport}, whose refusal says so.
     */
    public static void requireOffice(PacketSource source, int year, String officeId) {
        if (OfficeRegister.of(source, year).find(officeId).isPresent() && !ofOffice(source, year, officeId)) {
            throw new NoData("no data for office " + officeId + " in " + year + ": the marts hold no survey record"
                    + " or feedback entry of that office in that year; nothing was written");
        }
    }

    /** A year (or an office's year) the marts hold nothing of: a refused run, exit status 1. */
    public static final class NoData extends IllegalStateException {

        NoData(String message) {
            super(message);
        }
    }
}
