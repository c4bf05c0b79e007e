package com.propertyquality.review.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.metrics.Area;

/**
 * feedback-YYYY-MM.csv (顾客意见登记表): the register, one file per month as offices hand it in, every office's
 * entries of the month in turn, numbered per office in date order. Four areas draw most complaints (maintenance,
 * parking, environment, lift: the Pareto chart's main factors), water and power in the summer; entries are
 * mostly closed within days, later at a struggling office, and some stay open; a few complaints are major.
 */
final class FeedbackRegister implements TemplateWriter {

    private static final Template TEMPLATE = ImportTemplates.FEEDBACK;
    private static final int ID = TEMPLATE.indexOf("record_id");
    private static final int OFFICE = TEMPLATE.indexOf("office_id");
    private static final int RECEIVED = TEMPLATE.indexOf("received_on");
    private static final int HOUSEHOLD = TEMPLATE.indexOf("household_id");
    private static final int CHANNEL = TEMPLATE.indexOf("channel");
    private static final int KIND = TEMPLATE.indexOf("kind");
    private static final int AREA = TEMPLATE.indexOf("area");
    private static final int SEVERITY = TEMPLATE.indexOf("severity");
    private static final int ORIGINAL = TEMPLATE.indexOf("original_kept");
    private static final int STATUS = TEMPLATE.indexOf("status");
    private static final int CLOSED = TEMPLATE.indexOf("closed_on");
    private static final int ACTION = TEMPLATE.indexOf("action_id");
    private static final int SUMMARY = TEMPLATE.indexOf("summary");

    static final String COMPLAINT = "complaint";
    private static final String OPEN = Objects.requireNonNull(ImportTemplates.FEEDBACK_STATUSES.resolve("open"));
    private static final String CLOSED_STATUS =
            Objects.requireNonNull(ImportTemplates.FEEDBACK_STATUSES.resolve("closed"));
    private static final String MAJOR_SEVERITY = Objects.requireNonNull(ImportTemplates.SEVERITIES.resolve("major"));
    private static final String NORMAL_SEVERITY =
            Objects.requireNonNull(ImportTemplates.SEVERITIES.resolve("normal"));

    private static final Weighted<String> KINDS = Weighted.codes(ImportTemplates.FEEDBACK_KINDS,
            COMPLAINT, 40, "service_request", 30, "opinion", 19, "praise", 11);
    private static final Weighted<String> STRUGGLING_KINDS = KINDS.reweighted(kind -> switch (kind) {
        case COMPLAINT -> 1.5;
        case "praise" -> 0.5;
        default -> 1.0;
    });

    /**
     * The complaints' areas: four draw about 85%, so the Pareto chart's main factors (up to the area that crosses
     * 80%) are those four, three at an estate without lifts.
     */
    static final Weighted<Area> COMPLAINT_AREAS = Weighted.of(Area.MAINTENANCE, 38.0, Area.PARKING, 18.0,
            Area.ENVIRONMENT, 16.0, Area.LIFT, 13.0, Area.WATER_POWER, 3.0, Area.FEES, 2.5,
            Area.COMPLAINT_HANDLING, 2.5, Area.SECURITY, 2.0, Area.GREENING, 1.5, Area.RECEPTION, 1.0,
            Area.BUSINESS, 0.8, Area.FOLLOW_UP, 0.8, Area.OTHER, 0.6);
    private static final Weighted<Area> REQUEST_AREAS = Weighted.of(Area.MAINTENANCE, 40, Area.OTHER, 18,
            Area.WATER_POWER, 10, Area.LIFT, 8, Area.ENVIRONMENT, 8, Area.PARKING, 8, Area.BUSINESS, 8);
    private static final Weighted<Area> OPINION_AREAS = Weighted.of(Area.ENVIRONMENT, 25, Area.GREENING, 15,
            Area.PARKING, 15, Area.FEES, 15, Area.SECURITY, 15, Area.OTHER, 15);
    private static final Weighted<Area> PRAISE_AREAS = Weighted.of(Area.RECEPTION, 30, Area.MAINTENANCE, 30,
            Area.SECURITY, 20, Area.ENVIRONMENT, 20);

    private static final Map<String, Weighted<String>> CHANNELS = Map.of(
            COMPLAINT, Weighted.codes(ImportTemplates.CHANNELS, "phone", 30, "visit", 22, "hotline", 15,
                    "mailbox", 10, "letter", 8, "home_visit", 6, "symposium", 5, "inspection", 4),
            "service_request", Weighted.codes(ImportTemplates.CHANNELS, "phone", 55, "visit", 35,
                    "home_visit", 5, "letter", 5),
            "opinion", Weighted.codes(ImportTemplates.CHANNELS, "symposium", 25, "mailbox", 20, "visit", 20,
                    "letter", 15, "phone", 10, "home_visit", 10),
            "praise", Weighted.codes(ImportTemplates.CHANNELS, "letter", 30, "visit", 30, "phone", 25,
                    "mailbox", 10, "home_visit", 5));

    private static final Weighted<String> ORIGINAL_KEPT = Weighted.codes(ImportTemplates.YES_NO, "yes", 4, "no", 5);

    /** One complaint in 2,500 is major (重大), more at a struggling office. */
    private static final double MAJOR = 0.0004;

    /** Complaint areas by month: the summer's storms and heat, the holiday visitors' cars. */
    private static final Map<Integer, Weighted<Area>> COMPLAINT_AREAS_BY_MONTH = new TreeMap<>();

    static {
        for (int month = 1; month <= 12; month++) {
            boolean summer = month >= 6 && month <= 9;
            boolean holidays = month <= 2;
            COMPLAINT_AREAS_BY_MONTH.put(month, COMPLAINT_AREAS.reweighted(area -> switch (area) {
                case WATER_POWER -> summer ? 2.0 : 1.0;
                case ENVIRONMENT -> summer ? 1.2 : 1.0;
                case LIFT -> summer ? 1.15 : 1.0;
                case PARKING -> holidays ? 1.3 : 1.0;
                default -> 1.0;
            }));
        }
    }

    /** An entry of the register, as a return visit needs it. */
    record Entry(String id, LocalDate receivedOn, int household, String kind, Area area, String channel,
                 boolean major, boolean closed, LocalDate closedOn, String actionId) {
    }

    private final Company company;

    FeedbackRegister(Company company) {
        this.company = company;
    }

    @Override
    public long plannedRows() {
        return company.shape().feedback();
    }

    /** Entry {@code number} (1-based) of the office's register for the year. */
    static Entry entry(Company company, int office, int number) {
        return entry(company, office, number, dice(company, office, number));
    }

    private static Dice dice(Company company, int office, int number) {
        return Dice.of(company.seed(), Dice.Stream.FEEDBACK, office, number);
    }

    private static Entry entry(Company company, int office, int number, Dice dice) {
        OfficeProfile profile = company.office(office);
        int month = company.feedbackMonth(office, number);
        int before = company.feedbackBefore(office, month);
        int inMonth = company.feedbackBefore(office, month + 1) - before;
        LocalDate received = company.dayInMonth(month, number - before - 1, inMonth, dice);
        String kind = dice.pick(profile.struggling() ? STRUGGLING_KINDS : KINDS);
        Area area = dice.pick(areas(kind, month, profile.lifts()));
        String channel = dice.pick(CHANNELS.get(kind));
        int household = company.someHousehold(office, 0.85, 0.003, dice);
        boolean major = kind.equals(COMPLAINT) && dice.chance(profile.struggling() ? MAJOR * 3 : MAJOR);
        double days = switch (kind) {
            case "praise" -> dice.between(0, 2);
            case "service_request" -> dice.logNormal(2, 0.7);
            case "opinion" -> dice.logNormal(profile.closingDays() * 1.5, 0.8);
            default -> dice.logNormal(profile.closingDays() * (major ? 2 : 1), 0.9);
        };
        LocalDate closedOn = received.plusDays(Math.min(120, Math.round(days)));
        boolean closed = !dice.chance(profile.stuckOpen()) && !closedOn.isAfter(company.lastDay());
        String actionId = null;
        if (kind.equals(COMPLAINT) && company.actions(office) > 0 && dice.chance(0.1)) {
            // the complaint cites the office's corrective action on its area, when one was opened after it
            CorrectiveActions.Action action = CorrectiveActions.action(company, office,
                    1 + dice.below(company.actions(office)));
            if (action.area() == area && action.source().equals(CorrectiveActions.FEEDBACK_SOURCE)
                    && !action.openedOn().isBefore(received)) {
                actionId = action.id();
            }
        }
        return new Entry(RecordIds.feedback(company.year(), profile.id(), number), received, household, kind, area,
                channel, major, closed, closed ? closedOn : null, actionId);
    }

    private static Weighted<Area> areas(String kind, int month, boolean lifts) {
        Weighted<Area> areas = switch (kind) {
            case COMPLAINT -> COMPLAINT_AREAS_BY_MONTH.get(month);
            case "service_request" -> REQUEST_AREAS;
            case "opinion" -> OPINION_AREAS;
            default -> PRAISE_AREAS;
        };
        return lifts ? areas : areas.reweighted(area -> area == Area.LIFT ? 0 : 1);
    }

    @Override
    public void write(OutputFolder out) {
        Flaw.Cycle flaws = new Flaw.Cycle(
                Flaw.of("closed_on", "status closed but closed_on blank", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[STATUS] = CLOSED_STATUS;
                    row[CLOSED] = null;
                    return row;
                }),
                Flaw.of("channel", "not a channel: 微信", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[CHANNEL] = Flaw.notIn(ImportTemplates.CHANNELS, "微信");
                    return row;
                }),
                Flaw.of("closed_on", "closed_on ten days before received_on", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[STATUS] = CLOSED_STATUS;
                    row[CLOSED] = ((LocalDate) row[RECEIVED]).minusDays(10);
                    return row;
                }),
                Flaw.of("office_id", "unknown office: the letter O typed for a zero", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[OFFICE] = RecordIds.mistyped((String) row[OFFICE]);
                    return row;
                }),
                Flaw.of("received_on", "not a date: February has 28 days", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[RECEIVED] = company.year() + "-02-30";
                    return row;
                }),
                Flaw.duplicate(TEMPLATE, "duplicate record_id: the entry registered twice", row -> {
                    row[SUMMARY] = "重复登记";
                    return row;
                }));
        Facts facts = new Facts();
        for (int month = 1; month <= 12; month++) {
            long rows = 0;
            for (int office = 0; office < company.offices().size(); office++) {
                rows += company.feedbackBefore(office, month + 1) - company.feedbackBefore(office, month);
            }
            String stem = "feedback-" + company.year() + "-" + RecordIds.padded(month, 2);
            try (TemplateFile file = new TemplateFile(out, TEMPLATE, stem, rows, flaws)) {
                for (OfficeProfile office : company.offices()) {
                    int first = company.feedbackBefore(office.index(), month) + 1;
                    int last = company.feedbackBefore(office.index(), month + 1);
                    for (int k = first; k <= last; k++) {
                        Dice dice = dice(company, office.index(), k);
                        Entry entry = entry(company, office.index(), k, dice);
                        facts.add(entry);
                        file.write(row(office, entry, dice, file.newRow()),
                                company.unknownHousehold(office.index(), entry.household()));
                    }
                }
            }
        }
        facts.write(out.counts());
    }

    /** The entry as the clerk wrote it down, with the entry's dice past the draws that made the entry. */
    private Object[] row(OfficeProfile office, Entry entry, Dice dice, Object[] row) {
        row[ID] = entry.id();
        row[OFFICE] = office.id();
        row[RECEIVED] = entry.receivedOn();
        row[HOUSEHOLD] = company.householdId(office.index(), entry.household());
        row[CHANNEL] = entry.channel();
        row[KIND] = entry.kind();
        row[AREA] = entry.area().code();
        // a blank severity is normal, as many clerks leave it
        row[SEVERITY] = entry.major() ? MAJOR_SEVERITY : dice.chance(0.3) ? null : NORMAL_SEVERITY;
        row[ORIGINAL] = dice.chance(0.1) ? null : dice.pick(ORIGINAL_KEPT);
        row[STATUS] = entry.closed() ? CLOSED_STATUS : OPEN;
        row[CLOSED] = entry.closedOn();
        row[ACTION] = entry.actionId();
        row[SUMMARY] = dice.chance(0.05) ? null : summary(entry, dice);
        return row;
    }

    private static String summary(Entry entry, Dice dice) {
        return switch (entry.kind()) {
            case COMPLAINT -> FreeText.complaint(entry.area(), dice);
            case "service_request" -> FreeText.request(entry.area(), dice);
            case "opinion" -> FreeText.opinion(dice);
            default -> FreeText.praise(dice);
        };
    }

    /** What the valid entries hold, for expected.json: the Pareto of complaints, how many are open, major... */
    private static final class Facts {
        private final Map<String, Long> kinds = new TreeMap<>();
        private final Map<Area, Long> complaintAreas = new EnumMap<>(Area.class);
        private long open;
        private long major;
        private long citingAction;
        private long closedComplaints;
        private long complaints;
        private long daysToClose;
        private long closedEntries;

        void add(Entry entry) {
            kinds.merge(entry.kind(), 1L, Long::sum);
            if (entry.kind().equals(COMPLAINT)) {
                complaintAreas.merge(entry.area(), 1L, Long::sum);
                complaints++;
                closedComplaints += entry.closed() ? 1 : 0;
            }
            open += entry.closed() ? 0 : 1;
            major += entry.major() ? 1 : 0;
            citingAction += entry.actionId() == null ? 0 : 1;
            if (entry.closed()) {
                closedEntries++;
                daysToClose += ChronoUnit.DAYS.between(entry.receivedOn(), entry.closedOn());
            }
        }

        void write(GeneratedCounts counts) {
            counts.fact("feedback", "by_kind", kinds);
            Map<String, Long> areas = new LinkedHashMap<>();
            complaintAreas.entrySet().stream()
                    .sorted(Map.Entry.<Area, Long>comparingByValue().reversed()
                            .thenComparing(e -> e.getKey().ordinal()))
                    .forEach(e -> areas.put(e.getKey().code(), e.getValue()));
            counts.fact("feedback", "complaints_by_area", areas);
            counts.fact("feedback", "open", open);
            counts.fact("feedback", "major", major);
            counts.fact("feedback", "citing_an_action", citingAction);
            counts.fact("feedback", "complaint_closure_rate",
                    complaints == 0 ? null : Math.round(10_000.0 * closedComplaints / complaints) / 10_000.0);
            counts.fact("feedback", "mean_days_to_close",
                    closedEntries == 0 ? null : Math.round(10.0 * daysToClose / closedEntries) / 10.0);
        }
    }
}
