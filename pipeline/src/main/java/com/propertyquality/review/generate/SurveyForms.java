package com.propertyquality.review.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.metrics.Rating;
import com.propertyquality.review.metrics.SurveyItem;

/**
 * survey-responses-YYYY.csv (顾客意见调查表): one row per returned form. Each office runs its survey over four
 * weeks of the summer. Most items are rated satisfied; maintenance and complaint handling draw the most
 * dissatisfied ratings, struggling offices more than twice as many; a few items are left blank, and lift always
 * is on an estate without lifts.
 */
final class SurveyForms implements TemplateWriter {

    private static final Template TEMPLATE = ImportTemplates.SURVEY_RESPONSES;
    private static final int ID = TEMPLATE.indexOf("response_id");
    private static final int OFFICE = TEMPLATE.indexOf("office_id");
    private static final int YEAR = TEMPLATE.indexOf("year");
    private static final int HOUSEHOLD = TEMPLATE.indexOf("household_id");
    private static final int RETURNED = TEMPLATE.indexOf("returned_on");
    private static final int COMMENT = TEMPLATE.indexOf("comment");

    private static final int SURVEY_DAYS = 28;

    /** The chance an item is rated dissatisfied or very dissatisfied at an average office. */
    private static final Map<SurveyItem, Double> UNSATISFIED = new EnumMap<>(Map.of(
            SurveyItem.ENVIRONMENT, 0.075, SurveyItem.GREENING, 0.07, SurveyItem.MAINTENANCE, 0.16,
            SurveyItem.WATER_POWER, 0.07, SurveyItem.LIFT, 0.08, SurveyItem.SECURITY, 0.06,
            SurveyItem.RECEPTION, 0.08, SurveyItem.COMPLAINT_HANDLING, 0.15, SurveyItem.FOLLOW_UP, 0.07));

    private static final Weighted<Rating> QUALIFIED = Weighted.of(Rating.VERY_SATISFIED, 32, Rating.SATISFIED, 45,
            Rating.FAIRLY_SATISFIED, 23);
    private static final Weighted<Rating> UNQUALIFIED = Weighted.of(Rating.DISSATISFIED, 75,
            Rating.VERY_DISSATISFIED, 25);

    /** The head of a form: what a survey check needs to find it. */
    record SurveyForm(String id, LocalDate returnedOn, int household) {
    }

    private final Company company;

    SurveyForms(Company company) {
        this.company = company;
    }

    @Override
    public long plannedRows() {
        return company.shape().surveyResponses();
    }

    /** Form {@code number} (1-based) of the office, without its ratings. */
    static SurveyForm form(Company company, int office, int number) {
        return head(company, office, number, dice(company, office, number));
    }

    private static Dice dice(Company company, int office, int number) {
        return Dice.of(company.seed(), Dice.Stream.SURVEY_FORM, office, number);
    }

    private static SurveyForm head(Company company, int office, int number, Dice dice) {
        // the office's survey window: number 0 is the office's own dice
        LocalDate start = LocalDate.of(company.year(), 6, 1)
                .plusDays(Dice.of(company.seed(), Dice.Stream.SURVEY_FORM, office, 0).between(0, 45));
        int forms = company.formsReturned(office);
        LocalDate returned = start.plusDays((long) Math.floor((number - 1 + dice.unit()) * SURVEY_DAYS / forms));
        int household = company.someHousehold(office, 0.8, 0.003, dice);
        return new SurveyForm(RecordIds.surveyForm(company.year(), company.office(office).id(), number), returned,
                household);
    }

    @Override
    public void write(OutputFolder out) {
        int maintenance = TEMPLATE.indexOf(SurveyItem.MAINTENANCE.code());
        Flaw.Cycle flaws = new Flaw.Cycle(
                Flaw.of("office_id", "unknown office: the letter O typed for a zero", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[OFFICE] = RecordIds.mistyped((String) row[OFFICE]);
                    return row;
                }),
                Flaw.of(SurveyItem.MAINTENANCE.code(), "not a rating: 一般", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[maintenance] = Flaw.notIn(ImportTemplates.RATINGS, "一般");
                    return row;
                }),
                Flaw.of("response_id", "response_id missing", row -> {
                    row[ID] = null;
                    return row;
                }),
                Flaw.of("returned_on", "not a date: June has 30 days", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[RETURNED] = company.year() + "-06-31";
                    return row;
                }),
                Flaw.duplicate(TEMPLATE, "duplicate response_id: the same form typed in twice", row -> {
                    row[COMMENT] = "重复录入";
                    return row;
                }));
        long[] byRating = new long[Rating.values().length];
        long unrated = 0;
        try (TemplateFile file = new TemplateFile(out, TEMPLATE, "survey-responses-" + company.year(),
                plannedRows(), flaws)) {
            for (OfficeProfile office : company.offices()) {
                for (int k = 1; k <= company.formsReturned(office.index()); k++) {
                    Object[] row = file.newRow();
                    Dice dice = dice(company, office.index(), k);
                    SurveyForm form = head(company, office.index(), k, dice);
                    row[ID] = form.id();
                    row[OFFICE] = office.id();
                    row[YEAR] = company.year();
                    row[HOUSEHOLD] = company.householdId(office.index(), form.household());
                    row[RETURNED] = form.returnedOn();
                    // one mood per form: a displeased household marks several items down
                    double mood = StrictMath.exp(0.5 * dice.gaussian());
                    SurveyItem weakest = null;
                    for (SurveyItem item : SurveyItem.values()) {
                        Rating rating = rating(office, item, mood, dice);
                        row[TEMPLATE.indexOf(item.code())] = rating == null ? null : rating.code();
                        if (rating == null) {
                            unrated++;
                        } else {
                            byRating[rating.ordinal()]++;
                            if (!rating.isQualified() && weakest == null) {
                                weakest = item;
                            }
                        }
                    }
                    row[COMMENT] = dice.chance(0.12) ? FreeText.comment(weakest, dice) : null;
                    file.write(row, company.unknownHousehold(office.index(), form.household()));
                }
            }
        }
        long qualified = 0;
        long unsatisfied = 0;
        for (Rating rating : Rating.values()) {
            if (rating.isQualified()) {
                qualified += byRating[rating.ordinal()];
            } else {
                unsatisfied += byRating[rating.ordinal()];
            }
        }
        out.counts().fact("survey-responses", "qualified_items", qualified);
        out.counts().fact("survey-responses", "unsatisfied_items", unsatisfied);
        out.counts().fact("survey-responses", "unrated_items", unrated);
        out.counts().fact("survey-responses", "satisfaction_rate",
                qualified + unsatisfied == 0 ? null : Math.round(10_000.0 * qualified / (qualified + unsatisfied))
                        / 10_000.0);
    }

    /** null: not rated (left blank, or no lift on the estate). */
    private static Rating rating(OfficeProfile office, SurveyItem item, double mood, Dice dice) {
        boolean blank = dice.chance(0.025);
        double unsatisfied = Math.min(0.9, UNSATISFIED.get(item) * office.dissatisfaction() * mood);
        boolean displeased = dice.chance(unsatisfied);
        Rating rating = dice.pick(displeased ? UNQUALIFIED : QUALIFIED);
        if (blank || item == SurveyItem.LIFT && !office.lifts()) {
            return null;
        }
        return rating;
    }
}
