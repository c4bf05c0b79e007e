package com.propertyquality.review.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;

/**
 * households.csv (客户资料): every office's customer records, households 1..n of the office. Records of other
 * templates name these households; a number above n is a new tenant the records do not have yet.
 */
final class CustomerRecords implements TemplateWriter {

    private static final Template TEMPLATE = ImportTemplates.HOUSEHOLDS;
    private static final int ID = TEMPLATE.indexOf("household_id");
    private static final int OFFICE = TEMPLATE.indexOf("office_id");
    private static final int CATEGORY = TEMPLATE.indexOf("category");
    private static final int AGE = TEMPLATE.indexOf("head_age");
    private static final int OCCUPATION = TEMPLATE.indexOf("occupation");
    private static final int HOBBIES = TEMPLATE.indexOf("hobbies");
    private static final int FAMILY = TEMPLATE.indexOf("family_size");
    private static final int CHILDREN = TEMPLATE.indexOf("children");
    private static final int ELDERLY = TEMPLATE.indexOf("elderly");
    private static final int MOVED_IN = TEMPLATE.indexOf("moved_in_on");
    private static final int BILLED = TEMPLATE.indexOf("fee_months_billed");
    private static final int ON_TIME = TEMPLATE.indexOf("fee_months_on_time");
    private static final int NAME = TEMPLATE.indexOf("name");
    private static final int PHONE = TEMPLATE.indexOf("phone");

    /** Most customers are white-collar (H) or business people (G); committee members (A) are few. */
    private static final Weighted<String> CATEGORIES = Weighted.codes(ImportTemplates.CUSTOMER_CATEGORIES,
            "A", 3, "B", 3, "C", 5, "D", 5, "E", 7, "F", 8, "G", 22, "H", 35, "I", 12);
    /** The tenants of office buildings: mostly businesses. */
    private static final Weighted<String> COMMERCIAL_CATEGORIES = CATEGORIES.reweighted(code -> switch (code) {
        case "G" -> 3.0;
        case "A", "B", "C", "D" -> 0.3;
        default -> 1.0;
    });

    private static final Map<String, List<String>> OCCUPATIONS = Map.of(
            "A", List.of("退休教师", "工程师", "个体经营者"),
            "B", List.of("地产公司职员", "开发公司管理人员"),
            "C", List.of("国企职员", "银行职员"),
            "D", List.of("个体经营者", "公司职员"),
            "E", List.of("公务员", "街道办工作人员"),
            "F", List.of("中学教师", "小学教师", "律师", "大学教师"),
            "G", List.of("建材商", "贸易公司老板", "餐饮店老板", "电商店主"),
            "H", List.of("软件工程师", "会计", "销售经理", "设计师", "华为工程师"),
            "I", List.of("退休人员", "自由职业"));

    private static final Weighted<Integer> FAMILY_SIZES = Weighted.of(1, 10, 2, 22, 3, 33, 4, 22, 5, 9, 6, 4);

    private static final List<String> HOBBIES_LIST = List.of("茶艺", "健身", "瑜伽", "书法", "摄影", "钓鱼", "跑步",
            "园艺", "烹饪", "旅游", "广场舞", "羽毛球", "阅读", "音乐");

    private final Company company;

    CustomerRecords(Company company) {
        this.company = company;
    }

    @Override
    public long plannedRows() {
        return company.shape().households();
    }

    @Override
    public void write(OutputFolder out) {
        Flaw.Cycle flaws = new Flaw.Cycle(
                Flaw.duplicate(TEMPLATE, "duplicate household_id: the household entered again with a new phone",
                        row -> {
                            row[PHONE] = "100-0000-0000";
                            return row;
                        }),
                Flaw.of("category", "not a customer category: 白领 for H 普通白领", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[CATEGORY] = Flaw.notIn(ImportTemplates.CUSTOMER_CATEGORIES, "白领");
                    return row;
                }),
                Flaw.of("fee_months_on_time", "fee_months_on_time (12) above fee_months_billed (9)", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[BILLED] = 9;
                    row[ON_TIME] = 12;
                    return row;
                }),
                Flaw.of("head_age", "head_age 15, under 16", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[AGE] = 15;
                    return row;
                }));
        try (TemplateFile file = new TemplateFile(out, TEMPLATE, "households", plannedRows(), flaws)) {
            for (OfficeProfile office : company.offices()) {
                for (int h = 1; h <= company.households(office.index()); h++) {
                    file.write(household(office, h, file.newRow()), false);
                }
            }
        }
    }

    private Object[] household(OfficeProfile office, int number, Object[] row) {
        Dice dice = Dice.of(company.seed(), Dice.Stream.HOUSEHOLD, office.index(), number);
        String category = dice.pick(office.commercial() ? COMMERCIAL_CATEGORIES : CATEGORIES);
        row[ID] = RecordIds.household(office.id(), number);
        row[OFFICE] = office.id();
        row[CATEGORY] = category;
        row[AGE] = dice.chance(0.03) ? null : (int) Math.max(22, Math.min(90, Math.round(47 + 13 * dice.gaussian())));
        List<String> jobs = OCCUPATIONS.get(category);
        row[OCCUPATION] = dice.chance(0.08) ? null : jobs.get(dice.below(jobs.size()));
        row[HOBBIES] = hobbies(dice);
        if (!dice.chance(0.05)) {
            int family = dice.pick(FAMILY_SIZES);
            int children = family > 1 ? dice.between(0, Math.min(3, family - 1)) : 0;
            row[FAMILY] = family;
            row[CHILDREN] = children;
            row[ELDERLY] = dice.between(0, Math.min(2, family - 1 - children));
        }
        LocalDate movedIn = null;
        if (!dice.chance(0.03)) {
            LocalDate handedOver = LocalDate.of(office.estateBuilt(), 1, 1);
            long days = LocalDate.of(company.year(), 11, 30).toEpochDay() - handedOver.toEpochDay();
            movedIn = handedOver.plusDays((long) (dice.unit() * days));
        }
        row[MOVED_IN] = movedIn;
        // billed for the months of the year lived in; a few units are exempt (0)
        int billed = dice.chance(0.01) ? 0
                : movedIn != null && movedIn.getYear() == company.year() ? 13 - movedIn.getMonthValue() : 12;
        row[BILLED] = billed;
        boolean punctual = dice.chance(office.struggling() ? 0.6 : 0.75);
        row[ON_TIME] = punctual || billed == 0 ? billed : billed - dice.between(1, Math.min(billed, 6));
        row[NAME] = dice.chance(0.05) ? null : MadeUpPeople.name(dice);
        row[PHONE] = dice.chance(0.05) ? null : MadeUpPeople.phone(dice);
        return row;
    }

    /** Up to three, separated by ; or the full-width ； as clerks type them. */
    private static String hobbies(Dice dice) {
        int count = dice.between(0, 3);
        if (count == 0) {
            return null;
        }
        String separator = dice.chance(0.5) ? ";" : "；";
        StringBuilder text = new StringBuilder();
        int first = dice.below(HOBBIES_LIST.size());
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(separator);
            }
            text.append(HOBBIES_LIST.get((first + i * 5) % HOBBIES_LIST.size()));
        }
        return text.toString();
    }
}
