package com.propertyquality.review.generate;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;

/**
 * inspections-YYYY.csv (服务检查记录, 微笑100%): every office gets the quality department's and the director's
 * monthly checks, the service centre's monthly check, four mystery-shopper visits and now and then an external
 * audit; the customer-service supervisor's daily checks make up the rest. Scores are in the low nineties, lower
 * for mystery shoppers and at a struggling office; more nonconformities go with a lower score.
 */
final class ServiceInspections implements TemplateWriter {

    private static final Template TEMPLATE = ImportTemplates.INSPECTIONS;
    private static final int ID = TEMPLATE.indexOf("inspection_id");
    private static final int OFFICE = TEMPLATE.indexOf("office_id");
    private static final int INSPECTED = TEMPLATE.indexOf("inspected_on");
    private static final int LEVEL = TEMPLATE.indexOf("level");
    private static final int SCORE = TEMPLATE.indexOf("score");
    private static final int NONCONFORMITIES = TEMPLATE.indexOf("nonconformities");
    private static final int NOTE = TEMPLATE.indexOf("note");

    /** A level of inspection, how often an office gets it in a year (0: the rest) and its usual score. */
    private record Level(String code, int perYear, boolean monthly, double meanScore) {

        Level {
            if (!code.equals(ImportTemplates.INSPECTION_LEVELS.resolve(code))) {
                throw new IllegalStateException("not an inspection level: " + code);
            }
        }
    }

    /** In the order an office's inspections are planned: when it has few, the monthly ones come first. */
    private static final List<Level> LEVELS = List.of(
            new Level("quality_monthly", 12, true, 90),
            new Level("director_monthly", 12, true, 93),
            new Level("service_center", 12, true, 91),
            new Level("mystery_shopper", 4, false, 86),
            new Level("external", 1, false, 89));
    private static final Level DAILY = new Level("supervisor_daily", 0, false, 95);

    /** An external audit visits about one office in three. */
    private static final double EXTERNAL = 0.3;

    private record Inspection(int draw, LocalDate inspectedOn, Level level) {
    }

    private final Company company;

    ServiceInspections(Company company) {
        this.company = company;
    }

    @Override
    public long plannedRows() {
        return company.shape().inspections();
    }

    @Override
    public void write(OutputFolder out) {
        Flaw.Cycle flaws = new Flaw.Cycle(
                Flaw.of("score", "score 105: the director added five bonus points", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[SCORE] = BigDecimal.valueOf(105);
                    return row;
                }),
                Flaw.of("level", "not a level: 质量月检 for 质量管理部月检", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[LEVEL] = Flaw.notIn(ImportTemplates.INSPECTION_LEVELS, "质量月检");
                    return row;
                }),
                Flaw.duplicate(TEMPLATE, "duplicate inspection_id: the check entered twice", row -> {
                    row[NOTE] = "重复录入";
                    return row;
                }),
                Flaw.of("nonconformities", "nonconformities -1", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[NONCONFORMITIES] = -1;
                    return row;
                }));
        Map<String, Long> byLevel = new TreeMap<>();
        try (TemplateFile file = new TemplateFile(out, TEMPLATE, "inspections-" + company.year(),
                plannedRows(), flaws)) {
            for (OfficeProfile office : company.offices()) {
                List<Inspection> plan = plan(office);
                int number = 0;
                for (Inspection inspection : plan) {
                    Dice dice = Dice.of(company.seed(), Dice.Stream.INSPECTION, office.index(),
                            1_000_000L + inspection.draw());
                    double score = Math.max(55, Math.min(100, inspection.level().meanScore() + office.scoreOffset()
                            + 3 * dice.gaussian()));
                    // inspectors write whole points, or one decimal
                    BigDecimal written = dice.chance(0.6) ? BigDecimal.valueOf(Math.round(score))
                            : BigDecimal.valueOf(Math.round(score * 10), 1);
                    int nonconformities = (int) Math.round((100 - score) / 3 * dice.unit());
                    Object[] row = file.newRow();
                    row[ID] = RecordIds.inspection(company.year(), office.id(), ++number);
                    row[OFFICE] = office.id();
                    row[INSPECTED] = inspection.inspectedOn();
                    row[LEVEL] = inspection.level().code();
                    row[SCORE] = written;
                    row[NONCONFORMITIES] = dice.chance(0.02) ? null : nonconformities;
                    row[NOTE] = FreeText.findings(nonconformities, dice);
                    byLevel.merge(inspection.level().code(), 1L, Long::sum);
                    file.write(row, false);
                }
            }
        }
        out.counts().fact("inspections", "by_level", byLevel);
    }

    /** The office's inspections of the year, in date order. */
    private List<Inspection> plan(OfficeProfile office) {
        int total = company.inspections(office.index());
        Dice dice = Dice.of(company.seed(), Dice.Stream.INSPECTION, office.index(), 0);
        List<Inspection> plan = new ArrayList<>(total);
        for (Level level : LEVELS) {
            int times = level.code().equals("external") ? (dice.chance(EXTERNAL) ? 1 : 0) : level.perYear();
            for (int i = 0; i < times && plan.size() < total; i++) {
                LocalDate day;
                if (level.monthly()) {
                    YearMonth month = YearMonth.of(company.year(), i + 1);
                    day = month.atDay(dice.between(1, month.lengthOfMonth()));
                } else {
                    day = company.firstDay().plusDays(dice.below(company.firstDay().lengthOfYear()));
                }
                plan.add(new Inspection(plan.size(), day, level));
            }
        }
        int daily = total - plan.size();
        for (int i = 0; i < daily; i++) {
            plan.add(new Inspection(plan.size(), company.dayInYear(i, daily, dice), DAILY));
        }
        plan.sort(Comparator.comparing(Inspection::inspectedOn).thenComparingInt(Inspection::draw));
        return plan;
    }
}
