package com.propertyquality.review.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.metrics.ActionState;
import com.propertyquality.review.metrics.Area;

/**
 * actions-YYYY.csv (纠正和预防措施): corrective and preventive actions per office, numbered in the order they were
 * opened, and the head office's (office_id blank) at the end. Most come from complaints and concern the areas
 * that draw them; most closed ones are verified effective, a few not effective; the head office's come from the
 * management review and audits.
 */
final class CorrectiveActions implements TemplateWriter {

    private static final Template TEMPLATE = ImportTemplates.ACTIONS;
    private static final int ID = TEMPLATE.indexOf("action_id");
    private static final int OFFICE = TEMPLATE.indexOf("office_id");
    private static final int OPENED = TEMPLATE.indexOf("opened_on");
    private static final int SOURCE = TEMPLATE.indexOf("source");
    private static final int AREA = TEMPLATE.indexOf("area");
    private static final int TYPE = TEMPLATE.indexOf("type");
    private static final int OWNER = TEMPLATE.indexOf("owner_department");
    private static final int DUE = TEMPLATE.indexOf("due_on");
    private static final int CLOSED = TEMPLATE.indexOf("closed_on");
    private static final int VERIFICATION = TEMPLATE.indexOf("verification");
    private static final int VERIFIED = TEMPLATE.indexOf("verified_on");
    private static final int DESCRIPTION = TEMPLATE.indexOf("description");

    static final String FEEDBACK_SOURCE = "feedback";

    private static final Weighted<String> OFFICE_SOURCES = Weighted.codes(ImportTemplates.ACTION_SOURCES,
            FEEDBACK_SOURCE, 70, "inspection", 10, "survey", 10, "audit", 5, "review", 5);
    private static final Weighted<String> HEAD_OFFICE_SOURCES = Weighted.codes(ImportTemplates.ACTION_SOURCES,
            "review", 35, "audit", 35, "survey", 15, "inspection", 15);
    private static final Weighted<String> TYPES = Weighted.codes(ImportTemplates.ACTION_TYPES,
            "corrective", 85, "preventive", 15);
    private static final Weighted<String> REVIEW_TYPES = Weighted.codes(ImportTemplates.ACTION_TYPES,
            "corrective", 50, "preventive", 50);
    /** Actions that do not come from a complaint: any area a check or an audit finds. */
    private static final Weighted<Area> CHECKED_AREAS = Weighted.of(Area.ENVIRONMENT, 12, Area.GREENING, 6,
            Area.MAINTENANCE, 14, Area.WATER_POWER, 6, Area.LIFT, 8, Area.SECURITY, 10, Area.PARKING, 6, Area.FEES, 4,
            Area.RECEPTION, 10, Area.COMPLAINT_HANDLING, 12, Area.FOLLOW_UP, 8, Area.BUSINESS, 2, Area.OTHER, 2);
    private static final Weighted<Integer> PLANNED_DAYS = Weighted.of(30, 35, 45, 25, 60, 25, 90, 15);

    private static final Map<Area, String> DEPARTMENTS = new EnumMap<>(Map.ofEntries(
            Map.entry(Area.MAINTENANCE, "工程部"), Map.entry(Area.LIFT, "工程部"), Map.entry(Area.WATER_POWER, "工程部"),
            Map.entry(Area.SECURITY, "秩序维护部"), Map.entry(Area.PARKING, "秩序维护部"),
            Map.entry(Area.ENVIRONMENT, "环境管理部"), Map.entry(Area.GREENING, "环境管理部"),
            Map.entry(Area.RECEPTION, "客户服务中心"), Map.entry(Area.COMPLAINT_HANDLING, "客户服务中心"),
            Map.entry(Area.FOLLOW_UP, "客户服务中心"), Map.entry(Area.FEES, "财务部"),
            Map.entry(Area.BUSINESS, "经营服务部"), Map.entry(Area.OTHER, "综合管理部")));

    /** What a register entry needs to cite an action: which one, when it was opened, why and about what. */
    record Action(String id, LocalDate openedOn, String source, Area area) {
    }

    private final Company company;

    CorrectiveActions(Company company) {
        this.company = company;
    }

    @Override
    public long plannedRows() {
        return company.shape().actions();
    }

    /** Action {@code number} (1-based) of the office; office index = number of offices means the head office. */
    static Action action(Company company, int office, int number) {
        return head(company, office, number, dice(company, office, number));
    }

    private static Dice dice(Company company, int office, int number) {
        return Dice.of(company.seed(), Dice.Stream.ACTION, office, number);
    }

    private static boolean headOffice(Company company, int office) {
        return office == company.offices().size();
    }

    private static int count(Company company, int office) {
        return headOffice(company, office) ? company.headOfficeActions() : company.actions(office);
    }

    private static Action head(Company company, int office, int number, Dice dice) {
        boolean head = headOffice(company, office);
        LocalDate opened = company.dayInYear(number - 1, count(company, office), dice);
        String source = dice.pick(head ? HEAD_OFFICE_SOURCES : OFFICE_SOURCES);
        Area area = dice.pick(source.equals(FEEDBACK_SOURCE) ? FeedbackRegister.COMPLAINT_AREAS : CHECKED_AREAS);
        String officeId = head ? null : company.office(office).id();
        return new Action(RecordIds.action(company.year(), officeId, number), opened, source, area);
    }

    @Override
    public void write(OutputFolder out) {
        Flaw.Cycle flaws = new Flaw.Cycle(
                Flaw.of("verified_on", "verified effective but verified_on blank", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[VERIFICATION] = ActionState.Verification.EFFECTIVE.code();
                    row[VERIFIED] = null;
                    return row;
                }),
                Flaw.of("owner_department", "owner_department missing", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[OWNER] = null;
                    return row;
                }),
                Flaw.of("area", "not an area: 设备", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[AREA] = Flaw.notIn(ImportTemplates.AREAS, "设备");
                    return row;
                }),
                Flaw.duplicate(TEMPLATE, "duplicate action_id: the action entered again", row -> {
                    row[DESCRIPTION] = row[DESCRIPTION] + "（补录）";
                    return row;
                }));
        Map<String, Long> verifications = new TreeMap<>();
        Map<String, Long> sources = new TreeMap<>();
        long closed = 0;
        try (TemplateFile file = new TemplateFile(out, TEMPLATE, "actions-" + company.year(),
                plannedRows(), flaws)) {
            for (int office = 0; office <= company.offices().size(); office++) {
                for (int k = 1; k <= count(company, office); k++) {
                    Object[] row = row(office, k, file.newRow());
                    String verification = row[VERIFICATION] == null ? ActionState.Verification.PENDING.code()
                            : (String) row[VERIFICATION];
                    verifications.merge(verification, 1L, Long::sum);
                    sources.merge((String) row[SOURCE], 1L, Long::sum);
                    closed += row[CLOSED] == null ? 0 : 1;
                    file.write(row, false);
                }
            }
        }
        out.counts().fact("actions", "head_office_actions", company.headOfficeActions());
        out.counts().fact("actions", "closed", closed);
        out.counts().fact("actions", "by_verification", verifications);
        out.counts().fact("actions", "by_source", sources);
    }

    private Object[] row(int office, int number, Object[] row) {
        Dice dice = dice(company, office, number);
        Action action = head(company, office, number, dice);
        boolean head = headOffice(company, office);
        boolean struggling = !head && company.office(office).struggling();
        row[ID] = action.id();
        row[OFFICE] = head ? null : company.office(office).id();
        row[OPENED] = action.openedOn();
        row[SOURCE] = action.source();
        row[AREA] = action.area().code();
        row[TYPE] = dice.pick(action.source().equals("review") ? REVIEW_TYPES : TYPES);
        row[OWNER] = head && dice.chance(0.5) ? "品质督察部" : DEPARTMENTS.get(action.area());
        int planned = dice.pick(PLANNED_DAYS);
        LocalDate due = action.openedOn().plusDays(planned);
        row[DUE] = due;
        // most actions due within the year are done, some late; of those due later, a few are done early
        boolean done = dice.chance(!due.isAfter(company.lastDay()) ? (struggling ? 0.65 : 0.85) : 0.35);
        LocalDate closedOn = action.openedOn().plusDays(Math.round(planned * dice.between(0.4, 1.3)));
        closedOn = done && !closedOn.isAfter(company.lastDay()) ? closedOn : null;
        row[CLOSED] = closedOn;
        LocalDate verifiedOn = closedOn == null ? null : closedOn.plusDays(dice.between(15, 45));
        boolean effective = dice.chance(struggling ? 0.8 : 0.93);
        if (verifiedOn != null && !verifiedOn.isAfter(company.lastDay())) {
            row[VERIFICATION] = (effective ? ActionState.Verification.EFFECTIVE
                    : ActionState.Verification.NOT_EFFECTIVE).code();
            row[VERIFIED] = verifiedOn;
        } else {
            // pending: written out, or left blank (the default)
            row[VERIFICATION] = dice.chance(0.25) ? null : ActionState.Verification.PENDING.code();
            row[VERIFIED] = null;
        }
        row[DESCRIPTION] = FreeText.action(action.area(), dice);
        return row;
    }
}
