package com.propertyquality.review.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;

/**
 * survey-distribution.csv (调查表发放记录): forms handed out per office for the year. Most offices get 62-97% of
 * them back; about one in ten under 60%; a few offices have no row at all, and one returned more than it handed
 * out: the anomalies the return-rate check must show.
 */
final class SurveyDistribution implements TemplateWriter {

    private static final Template TEMPLATE = ImportTemplates.SURVEY_DISTRIBUTION;
    private static final int OFFICE = TEMPLATE.indexOf("office_id");
    private static final int YEAR = TEMPLATE.indexOf("year");
    private static final int FORMS = TEMPLATE.indexOf("forms_distributed");

    private final Company company;

    SurveyDistribution(Company company) {
        this.company = company;
    }

    @Override
    public long plannedRows() {
        return company.offices().stream().filter(o -> company.formsDistributed(o.index()) > 0).count();
    }

    @Override
    public void write(OutputFolder out) {
        Flaw.Cycle flaws = new Flaw.Cycle(
                Flaw.of("year", "year 25, not four digits", row -> {
                    row[YEAR] = "25";
                    return row;
                }),
                Flaw.duplicate(TEMPLATE, "duplicate office and year: the office's row entered twice", row -> {
                    row[FORMS] = (Integer) row[FORMS] + 10;
                    return row;
                }),
                Flaw.of("forms_distributed", "next year's row pre-filled with 0 forms", row -> {
                    row[YEAR] = company.year() + 1;
                    row[FORMS] = 0;
                    return row;
                }));
        try (TemplateFile file = new TemplateFile(out, TEMPLATE, "survey-distribution", plannedRows(), flaws)) {
            for (OfficeProfile office : company.offices()) {
                int distributed = company.formsDistributed(office.index());
                if (distributed > 0) {
                    Object[] row = file.newRow();
                    row[OFFICE] = office.id();
                    row[YEAR] = company.year();
                    row[FORMS] = distributed;
                    file.write(row, false);
                }
            }
        }
        facts(out.counts());
    }

    /** The return-rate facts of the valid rows, as the survey_returns mart and check-returns must find them. */
    private void facts(GeneratedCounts counts) {
        List<String> under = new ArrayList<>();
        List<String> noRecord = new ArrayList<>();
        List<String> exceeds = new ArrayList<>();
        long distributed = 0;
        long returned = 0;
        for (OfficeProfile office : company.offices()) {
            int o = office.index();
            returned += company.formsReturned(o);
            distributed += company.formsDistributed(o);
            if (company.formsDistributed(o) == 0) {
                noRecord.add(office.id());
            } else if (company.formsReturned(o) > company.formsDistributed(o)) {
                exceeds.add(office.id());
            } else if (company.underThreshold(o)) {
                under.add(office.id());
            }
        }
        counts.fact("survey", "threshold", 0.6);
        counts.fact("survey", "forms_distributed", distributed);
        counts.fact("survey", "forms_returned", returned);
        counts.fact("survey", "offices_under_threshold", under);
        counts.fact("survey", "offices_without_distribution_record", noRecord);
        counts.fact("survey", "offices_returned_exceeds_distributed", exceeds);
    }
}
