package com.propertyquality.review.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.generate.OfficeProfile.SurveyStanding;

/**
 * return-visits-YYYY.csv (回访记录): the customer-service centre's calls after a returned form (survey check,
 * ref_id the response_id), a paid service (the purchase_id of a repair, housekeeping or appliance cleaning) or a
 * closed complaint (its record_id). Each follows the record it refers to by days and names its household. Most
 * forms are confirmed and most households satisfied; the office that returned more forms than it handed out has
 * many forms the household does not confirm.
 */
final class ReturnVisits implements TemplateWriter {

    private static final Template TEMPLATE = ImportTemplates.RETURN_VISITS;
    private static final int ID = TEMPLATE.indexOf("visit_id");
    private static final int OFFICE = TEMPLATE.indexOf("office_id");
    private static final int VISITED = TEMPLATE.indexOf("visited_on");
    private static final int HOUSEHOLD = TEMPLATE.indexOf("household_id");
    private static final int PURPOSE = TEMPLATE.indexOf("purpose");
    private static final int REF = TEMPLATE.indexOf("ref_id");
    private static final int RESULT = TEMPLATE.indexOf("result");
    private static final int NOTE = TEMPLATE.indexOf("note");

    private static final String SURVEY_CHECK = "survey_check";
    private static final String PAID_SERVICE = "paid_service";
    private static final String COMPLAINT = "complaint";

    private static final Weighted<String> CHECK_RESULTS = Weighted.codes(ImportTemplates.VISIT_RESULTS,
            "confirmed", 82, "not_confirmed", 7, "unreachable", 11);
    /** Forms nobody remembers filling in: the office that returned more than it handed out. */
    private static final Weighted<String> DOUBTFUL_CHECK_RESULTS = Weighted.codes(ImportTemplates.VISIT_RESULTS,
            "confirmed", 58, "not_confirmed", 30, "unreachable", 12);
    private static final Weighted<String> SERVICE_RESULTS = Weighted.codes(ImportTemplates.VISIT_RESULTS,
            "satisfied", 88, "dissatisfied", 5, "unreachable", 7);
    private static final Weighted<String> COMPLAINT_RESULTS = Weighted.codes(ImportTemplates.VISIT_RESULTS,
            "satisfied", 78, "dissatisfied", 12, "unreachable", 10);
    private static final Weighted<String> STRUGGLING_COMPLAINT_RESULTS = Weighted.codes(
            ImportTemplates.VISIT_RESULTS, "satisfied", 60, "dissatisfied", 28, "unreachable", 12);

    /** Tries to find a record of the right sort (a paid service, a closed complaint) before giving up. */
    private static final int ATTEMPTS = 12;

    private record Visit(int draw, LocalDate visitedOn, int household, String purpose, String ref, String result,
                         String note) {
    }

    private final Company company;

    ReturnVisits(Company company) {
        this.company = company;
        for (String purpose : List.of(SURVEY_CHECK, PAID_SERVICE, COMPLAINT)) {
            if (!purpose.equals(ImportTemplates.VISIT_PURPOSES.resolve(purpose))) {
                throw new IllegalStateException("not a visit purpose: " + purpose);
            }
        }
    }

    @Override
    public long plannedRows() {
        return company.shape().returnVisits();
    }

    @Override
    public void write(OutputFolder out) {
        Flaw.Cycle flaws = new Flaw.Cycle(
                Flaw.of("purpose", "not a visit purpose: 电话回访 says how, not why", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[PURPOSE] = Flaw.notIn(ImportTemplates.VISIT_PURPOSES, "电话回访");
                    return row;
                }),
                Flaw.of("result", "满意 is no result of a survey check", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[PURPOSE] = SURVEY_CHECK;
                    row[RESULT] = "满意";
                    return row;
                }),
                Flaw.duplicate(TEMPLATE, "duplicate visit_id: the visit entered twice", row -> {
                    row[NOTE] = "重复录入";
                    return row;
                }),
                Flaw.of("visited_on", "visited_on missing", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[VISITED] = null;
                    return row;
                }));
        Map<String, Map<String, Long>> results = new TreeMap<>();
        try (TemplateFile file = new TemplateFile(out, TEMPLATE, "return-visits-" + company.year(),
                plannedRows(), flaws)) {
            for (OfficeProfile office : company.offices()) {
                // an office's visits are few (their number does not grow with the scale): sort them by day
                List<Visit> visits = new ArrayList<>(company.returnVisits(office.index()));
                for (int k = 1; k <= company.returnVisits(office.index()); k++) {
                    visits.add(visit(office, k));
                }
                visits.sort(Comparator.comparing(Visit::visitedOn).thenComparingInt(Visit::draw));
                int number = 0;
                for (Visit visit : visits) {
                    Object[] row = file.newRow();
                    row[ID] = RecordIds.returnVisit(company.year(), office.id(), ++number);
                    row[OFFICE] = office.id();
                    row[VISITED] = visit.visitedOn();
                    row[HOUSEHOLD] = company.householdId(office.index(), visit.household());
                    row[PURPOSE] = visit.purpose();
                    row[REF] = visit.ref();
                    row[RESULT] = visit.result();
                    row[NOTE] = visit.note();
                    results.computeIfAbsent(visit.purpose(), p -> new TreeMap<>()).merge(visit.result(), 1L,
                            Long::sum);
                    file.write(row, company.unknownHousehold(office.index(), visit.household()));
                }
            }
        }
        out.counts().fact("return-visits", "results_by_purpose", results);
    }

    private Visit visit(OfficeProfile office, int draw) {
        int o = office.index();
        Dice dice = Dice.of(company.seed(), Dice.Stream.RETURN_VISIT, o, draw);
        double checks = company.formsReturned(o) > 0 ? 0.16 * company.formsReturned(o) : 0;
        double services = company.purchases(o) > 0 ? 0.03 * company.purchases(o) : 0;
        double complaints = company.feedback(o) > 0 ? 0.024 * company.feedback(o) : 0;
        double roll = dice.unit() * (checks + services + complaints);
        String note = dice.chance(0.3) ? FreeText.visitNote(dice) : null;
        if (roll < checks) {
            SurveyForms.SurveyForm form = SurveyForms.form(company, o, 1 + dice.below(company.formsReturned(o)));
            Weighted<String> outcomes = company.standing(o) == SurveyStanding.RETURNED_EXCEEDS_DISTRIBUTED
                    ? DOUBTFUL_CHECK_RESULTS : CHECK_RESULTS;
            return new Visit(draw, within(form.returnedOn().plusDays(dice.between(2, 25))), form.household(),
                    SURVEY_CHECK, form.id(), dice.pick(outcomes), note);
        }
        if (roll < checks + services) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                PurchaseRecords.Purchase purchase = PurchaseRecords.purchase(company, o,
                        1 + dice.below(company.purchases(o)));
                if (PurchaseRecords.PAID_SERVICES.contains(purchase.category())) {
                    return new Visit(draw, within(purchase.purchasedOn().plusDays(dice.between(1, 10))),
                            purchase.household(), PAID_SERVICE, purchase.id(), dice.pick(SERVICE_RESULTS), note);
                }
            }
        }
        Weighted<String> outcomes = office.struggling() ? STRUGGLING_COMPLAINT_RESULTS : COMPLAINT_RESULTS;
        if (company.feedback(o) > 0) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                FeedbackRegister.Entry entry = FeedbackRegister.entry(company, o, 1 + dice.below(company.feedback(o)));
                if (entry.kind().equals(FeedbackRegister.COMPLAINT) && entry.closed()) {
                    return new Visit(draw, within(entry.closedOn().plusDays(dice.between(1, 7))), entry.household(),
                            COMPLAINT, entry.id(), dice.pick(outcomes), note);
                }
            }
        }
        // no closed complaint found: a visit after a complaint made by phone, not in the register
        return new Visit(draw, company.dayInYear(dice.below(365), 365, dice), 0, COMPLAINT, null,
                dice.pick(outcomes), note);
    }

    /** A visit planned after the year's end is made on its last day: the register is the year's. */
    private LocalDate within(LocalDate day) {
        return day.isAfter(company.lastDay()) ? company.lastDay() : day;
    }
}
