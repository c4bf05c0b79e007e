package com.propertyquality.review.generate;

import java.nio.file.Path;
import java.util.stream.IntStream;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;

/** offices.csv (管理处名录): the office register every other file's office_id is checked against. */
final class OfficeRegister implements TemplateWriter {

    private static final Template TEMPLATE = ImportTemplates.OFFICES;
    private static final int ID = TEMPLATE.indexOf("office_id");
    private static final int NAME = TEMPLATE.indexOf("office_name");
    private static final int CITY = TEMPLATE.indexOf("city");
    private static final int TYPE = TEMPLATE.indexOf("property_type");
    private static final int HOUSEHOLDS = TEMPLATE.indexOf("households");

    private final Company company;

    OfficeRegister(Company company) {
        this.company = company;
    }

    @Override
    public long plannedRows() {
        return company.offices().size();
    }

    @Override
    public void write(OutputFolder out) {
        Flaw.Cycle flaws = new Flaw.Cycle(
                Flaw.duplicate(TEMPLATE, "duplicate office_id: the office entered again under a new name", row -> {
                    row[NAME] = "新" + row[NAME];
                    return row;
                }),
                Flaw.of("office_name", "office_name missing", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[NAME] = null;
                    return row;
                }),
                Flaw.of("property_type", "not a property type: 住宅小区 for 住宅", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[TYPE] = Flaw.notIn(ImportTemplates.PROPERTY_TYPES, "住宅小区");
                    return row;
                }));
        try (TemplateFile file = new TemplateFile(out, TEMPLATE, "offices", plannedRows(), flaws)) {
            for (OfficeProfile office : company.offices()) {
                Object[] row = file.newRow();
                row[ID] = office.id();
                row[NAME] = office.name();
                row[CITY] = office.city().name();
                row[TYPE] = office.propertyType();
                row[HOUSEHOLDS] = company.households(office.index());
                file.write(row, false);
            }
        }
        out.counts().fact("company", "offices", company.offices().size());
        out.counts().fact("company", "struggling_offices", company.offices().stream().filter(OfficeProfile::struggling)
                .map(OfficeProfile::id).toList());
        out.counts().fact("company", "offices_without_lifts", company.offices().stream().filter(o -> !o.lifts())
                .count());
        out.counts().fact("company", "largest_office_households",
                IntStream.range(0, company.offices().size()).map(company::households).max().orElse(0));
        out.counts().fact("company", "smallest_office_households",
                IntStream.range(0, company.offices().size()).map(company::households).min().orElse(0));
    }
}
