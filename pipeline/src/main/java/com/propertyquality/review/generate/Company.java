package com.propertyquality.review.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.generate.OfficeProfile.SurveyStanding;

/**
 * The generated company: its offices and how many records of each template every office has, per month where
 * the register is split by month. This is all the generator keeps in memory (a few numbers per office); every
 * record is derived from it and its own {@link Dice} when it is written.
 */
final class Company {

    static final int YEAR = 2025;

    /** Register entries per month: fewer at the Spring Festival, more in the rainy, hot summer (leaks, air, lifts). */
    private static final double[] FEEDBACK_SEASON = {0.92, 0.72, 0.90, 0.98, 1.05, 1.15, 1.22, 1.20, 1.05, 0.97,
            0.92, 0.92};

    /** Purchases per month: the New Year shopping of January, the holiday dip of February, autumn group buying. */
    private static final double[] PURCHASE_SEASON = {1.30, 0.62, 0.85, 0.95, 1.00, 0.98, 0.90, 0.92, 1.02, 1.06,
            1.04, 1.02};

    private static final Weighted<String> PROPERTY_TYPES = Weighted.codes(ImportTemplates.PROPERTY_TYPES,
            "residential", 70, "commercial", 15, "mixed", 15);

    private static final List<String> ESTATE_WORDS = List.of("锦绣", "翠林", "海韵", "金湾", "华庭", "御景", "碧水",
            "枫林", "星河", "君悦", "紫荆", "丽景", "怡景", "东方", "世纪", "阳光", "天悦", "云山", "雅苑", "棕榈", "绿洲",
            "水岸", "书香", "荔园", "桃源", "龙湖", "凤凰", "嘉园", "兰亭", "海逸", "翠湖", "观澜", "半山", "湖畔",
            "香榭", "百合", "玉兰", "银湖", "金域", "朗庭");
    private static final List<String> RESIDENTIAL_SUFFIXES = List.of("花园", "山庄", "苑", "名苑", "雅居", "新城",
            "家园", "公馆", "华府", "名都");
    private static final List<String> COMMERCIAL_SUFFIXES = List.of("商务中心", "国际大厦", "广场", "写字楼",
            "金融中心", "科技园");
    private static final List<String> MIXED_SUFFIXES = List.of("综合体", "天地", "城", "中心区");
    private static final List<String> PHASES = List.of("二期", "三期", "四期", "五期", "东区", "西区", "南区", "北区");

    private final long seed;
    private final CompanyShape shape;
    private final List<OfficeProfile> offices;
    private final int[] households;
    private final int[] formsReturned;
    /** 0 when the office has no distribution record. */
    private final int[] formsDistributed;
    private final SurveyStanding[] standing;
    private final int[][] feedbackStarts;
    private final int[][] purchaseStarts;
    private final int[] returnVisits;
    private final int[] inspections;
    private final int[] actions;
    private final int headOfficeActions;

    private Company(long seed, CompanyShape shape, List<OfficeProfile> offices, int[] households,
                    int[] formsReturned, int[] formsDistributed, SurveyStanding[] standing, int[][] feedbackStarts,
                    int[][] purchaseStarts, int[] returnVisits, int[] inspections, int[] actions,
                    int headOfficeActions) {
        this.seed = seed;
        this.shape = shape;
        this.offices = List.copyOf(offices);
        this.households = households;
        this.formsReturned = formsReturned;
        this.formsDistributed = formsDistributed;
        this.standing = standing;
        this.feedbackStarts = feedbackStarts;
        this.purchaseStarts = purchaseStarts;
        this.returnVisits = returnVisits;
        this.inspections = inspections;
        this.actions = actions;
        this.headOfficeActions = headOfficeActions;
    }

    static Company build(CompanyShape shape, long seed) {
        int n = shape.offices();
        List<OfficeProfile> offices = offices(n, seed);
        Dice dice = Dice.of(seed, Dice.Stream.COMPANY, 0, 0);

        int[] households = Shares.split(shape.households(), weights(offices, o -> o.sizeWeight()), 1);
        int[] returned = Shares.split(shape.surveyResponses(),
                weights(offices, o -> households[o.index()] * o.engagement()));
        SurveyStanding[] standing = standings(offices, returned, dice);
        int[] distributed = new int[n];
        for (OfficeProfile office : offices) {
            distributed[office.index()] = distributed(standing[office.index()], returned[office.index()], dice);
        }

        int[] feedback = Shares.split(shape.feedback(), weights(offices, o -> households[o.index()] * o.complaints()));
        int[] purchases = Shares.split(shape.purchases(), weights(offices, o -> households[o.index()] * o.spending()));
        int[][] feedbackStarts = new int[n][];
        int[][] purchaseStarts = new int[n][];
        for (int o = 0; o < n; o++) {
            feedbackStarts[o] = Shares.starts(Shares.split(feedback[o], season(FEEDBACK_SEASON, dice)));
            purchaseStarts[o] = Shares.starts(Shares.split(purchases[o], season(PURCHASE_SEASON, dice)));
        }
        // survey checks follow the returned forms, paid-service visits the purchases, complaint visits the register
        int[] visits = Shares.split(shape.returnVisits(), weights(offices, o -> 0.16 * returned[o.index()]
                + 0.024 * feedback[o.index()] + 0.03 * purchases[o.index()] + 1e-9));
        int[] inspections = Shares.split(shape.inspections(),
                weights(offices, o -> Math.sqrt(households[o.index()]) + 1));
        int headOffice = (int) Math.round(shape.actions() * 0.05);
        int[] actions = Shares.split(shape.actions() - headOffice,
                weights(offices, o -> (feedback[o.index()] + 1) * (o.struggling() ? 2.0 : 1.0)));
        return new Company(seed, shape, offices, households, returned, distributed, standing, feedbackStarts,
                purchaseStarts, visits, inspections, actions, headOffice);
    }

    private static List<OfficeProfile> offices(int n, long seed) {
        Dice companyDice = Dice.of(seed, Dice.Stream.COMPANY, 0, 1);
        // about one office in twelve is clearly worse run (at least one once there are four offices)
        int struggling = n >= 4 ? Math.max(1, (int) Math.round(n * 0.08)) : 0;
        Set<Integer> strugglingOffices = new HashSet<>(permutation(n, companyDice).subList(0, struggling));
        int[] perCity = new int[City.ALL.values().size()];
        Set<String> names = new HashSet<>();
        List<OfficeProfile> offices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Dice dice = Dice.of(seed, Dice.Stream.OFFICE, i, 0);
            City city = dice.pick(City.ALL);
            int number = ++perCity[City.ALL.values().indexOf(city)];
            String type = dice.pick(PROPERTY_TYPES);
            boolean bad = strugglingOffices.contains(i);
            boolean commercial = type.equals("commercial");
            double typeSize = commercial ? 0.35 : type.equals("mixed") ? 1.4 : 1.0;
            offices.add(new OfficeProfile(i, RecordIds.office(city.code(), number), name(city, type, dice, names),
                    city, type, !type.equals("residential") || dice.chance(0.88), dice.between(1998, 2023), bad,
                    dice.logNormal(1, 0.8) * typeSize,
                    dice.logNormal(1, 0.25) * (bad ? 2.3 : 1.0),
                    dice.logNormal(1, 0.3) * (bad ? 1.8 : 1.0) * (commercial ? 0.7 : 1.0),
                    dice.logNormal(1, 0.35) * (commercial ? 0.4 : 1.0),
                    dice.logNormal(1, 0.2),
                    dice.logNormal(4, 0.25) * (bad ? 2.2 : 1.0),
                    bad ? 0.07 : 0.015,
                    dice.gaussian() * 1.8 - (bad ? 6 : 0)));
        }
        return offices;
    }

    /** 南山锦绣花园管理处: district, estate, kind of estate; a later estate of the same name is 二期, 三期, ... */
    private static String name(City city, String type, Dice dice, Set<String> used) {
        List<String> suffixes = switch (type) {
            case "commercial" -> COMMERCIAL_SUFFIXES;
            case "mixed" -> MIXED_SUFFIXES;
            default -> RESIDENTIAL_SUFFIXES;
        };
        String estate = city.districts().get(dice.below(city.districts().size()))
                + ESTATE_WORDS.get(dice.below(ESTATE_WORDS.size())) + suffixes.get(dice.below(suffixes.size()));
        String name = estate + "管理处";
        for (int phase = 0; !used.add(name); phase++) {
            name = estate + (phase < PHASES.size() ? PHASES.get(phase) : (phase + 2) + "期") + "管理处";
        }
        return name;
    }

    /**
     * About one office in ten under the 60% threshold (the struggling ones first), and, once the company has three
     * offices, one per 100 with no distribution record (at least one) and one per 200 that returned more forms
     * than it distributed (at least one).
     */
    private static SurveyStanding[] standings(List<OfficeProfile> offices, int[] returned, Dice dice) {
        int n = offices.size();
        SurveyStanding[] standing = new SurveyStanding[n];
        Arrays.fill(standing, SurveyStanding.MEETS_THRESHOLD);
        if (n < 3) {
            return standing;
        }
        List<Integer> order = permutation(n, dice);
        int exceeds = Math.max(1, (int) Math.round(n / 200.0));
        int noRecord = Math.max(1, (int) Math.round(n / 100.0));
        int under = Math.max(1, (int) Math.round(n * 0.10));
        for (int o : order) {
            if (exceeds > 0 && returned[o] >= 2 && !offices.get(o).struggling()) {
                standing[o] = SurveyStanding.RETURNED_EXCEEDS_DISTRIBUTED;
                exceeds--;
            }
        }
        for (int o : order) {
            if (noRecord > 0 && standing[o] == SurveyStanding.MEETS_THRESHOLD && !offices.get(o).struggling()) {
                standing[o] = SurveyStanding.NO_DISTRIBUTION_RECORD;
                noRecord--;
            }
        }
        for (boolean strugglingFirst : new boolean[] {true, false}) {
            for (int o : order) {
                if (under > 0 && standing[o] == SurveyStanding.MEETS_THRESHOLD
                        && offices.get(o).struggling() == strugglingFirst) {
                    standing[o] = SurveyStanding.UNDER_THRESHOLD;
                    under--;
                }
            }
        }
        return standing;
    }

    /**
     * Forms distributed for a return rate of the standing's range. Rounding goes the safe way: down for an office
     * meeting the threshold (its rate is at least the drawn one), up for one under it.
     */
    private static int distributed(SurveyStanding standing, int returned, Dice dice) {
        return switch (standing) {
            case NO_DISTRIBUTION_RECORD -> 0;
            case UNDER_THRESHOLD -> Math.max(1, (int) Math.ceil(returned / dice.between(0.36, 0.57)));
            case RETURNED_EXCEEDS_DISTRIBUTED -> Math.max(1, (int) Math.floor(returned / dice.between(1.04, 1.12)));
            case MEETS_THRESHOLD -> returned == 0 ? dice.between(20, 60)
                    : Math.max(returned, (int) Math.floor(returned / dice.between(0.62, 0.97)));
        };
    }

    private static double[] season(double[] months, Dice dice) {
        double[] weights = new double[months.length];
        for (int m = 0; m < months.length; m++) {
            weights[m] = months[m] * dice.logNormal(1, 0.08);
        }
        return weights;
    }

    private static double[] weights(List<OfficeProfile> offices,
                                    ToDoubleFunction<OfficeProfile> weight) {
        return offices.stream().mapToDouble(weight).toArray();
    }

    private static List<Integer> permutation(int n, Dice dice) {
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        for (int i = n - 1; i > 0; i--) {
            int j = dice.below(i + 1);
            order.set(i, order.set(j, order.get(i)));
        }
        return order;
    }

    // ------------------------------------------------------------------------------------------ what it holds

    long seed() {
        return seed;
    }

    CompanyShape shape() {
        return shape;
    }

    int year() {
        return YEAR;
    }

    List<OfficeProfile> offices() {
        return offices;
    }

    OfficeProfile office(int index) {
        return offices.get(index);
    }

    /** Customer records (客户资料) of the office: households 1..n exist, a higher number is unknown. */
    int households(int office) {
        return households[office];
    }

    int formsReturned(int office) {
        return formsReturned[office];
    }

    /** 0: no distribution record. */
    int formsDistributed(int office) {
        return formsDistributed[office];
    }

    /** Returned under 60% of the forms distributed (in whole numbers: 5 returned < 3 distributed). */
    boolean underThreshold(int office) {
        return formsDistributed[office] > 0 && 5L * formsReturned[office] < 3L * formsDistributed[office];
    }

    SurveyStanding standing(int office) {
        return standing[office];
    }

    int feedback(int office) {
        return feedbackStarts[office][12];
    }

    /** Entries of the office before month 1-12 (13: the whole year): month m holds before(m)+1 .. before(m+1). */
    int feedbackBefore(int office, int month) {
        return feedbackStarts[office][month - 1];
    }

    int feedbackMonth(int office, int number) {
        return monthOf(feedbackStarts[office], number);
    }

    int purchases(int office) {
        return purchaseStarts[office][12];
    }

    /** As {@link #feedbackBefore}. */
    int purchasesBefore(int office, int month) {
        return purchaseStarts[office][month - 1];
    }

    int purchaseMonth(int office, int number) {
        return monthOf(purchaseStarts[office], number);
    }

    int returnVisits(int office) {
        return returnVisits[office];
    }

    int inspections(int office) {
        return inspections[office];
    }

    int actions(int office) {
        return actions[office];
    }

    int headOfficeActions() {
        return headOfficeActions;
    }

    /** The id of household {@code number} of the office, null for 0 (no household named). */
    String householdId(int office, int number) {
        return number == 0 ? null : RecordIds.household(offices.get(office).id(), number);
    }

    /** A household the customer records do not have (a new tenant): the ingest stores the row with a warning. */
    boolean unknownHousehold(int office, int number) {
        return number > households[office];
    }

    /**
     * A household that files a record: mostly one of the office's customer records, now and then a new tenant
     * the records do not have yet; 0 when the record names none.
     */
    int someHousehold(int office, double named, double unknown, Dice dice) {
        if (!dice.chance(named) || households[office] == 0) {
            return 0;
        }
        if (dice.chance(unknown)) {
            return households[office] + 1 + dice.below(200);
        }
        return 1 + dice.below(households[office]);
    }

    LocalDate firstDay() {
        return LocalDate.of(YEAR, 1, 1);
    }

    LocalDate lastDay() {
        return LocalDate.of(YEAR, 12, 31);
    }

    /**
     * The day of the i-th of {@code count} records spread over a month, in order: record i falls in the i-th slice
     * of the month, at a random point of it, so a register numbered by date stays in date order.
     */
    LocalDate dayInMonth(int month, int i, int count, Dice dice) {
        YearMonth yearMonth = YearMonth.of(YEAR, month);
        int days = yearMonth.lengthOfMonth();
        int day = (int) Math.floor((i + dice.unit()) * days / count);
        return yearMonth.atDay(Math.min(days, day + 1));
    }

    /** The same over the whole year. */
    LocalDate dayInYear(int i, int count, Dice dice) {
        int days = firstDay().lengthOfYear();
        int day = (int) Math.floor((i + dice.unit()) * days / count);
        return firstDay().plusDays(Math.min(days - 1, day));
    }

    /** The month (1-12) of record {@code number} (1-based) given the running starts of the months. */
    private static int monthOf(int[] starts, int number) {
        for (int m = 1; m <= 12; m++) {
            if (number <= starts[m]) {
                return m;
            }
        }
        throw new IllegalArgumentException("no record " + number + " (the office has " + starts[12] + ")");
    }
}
