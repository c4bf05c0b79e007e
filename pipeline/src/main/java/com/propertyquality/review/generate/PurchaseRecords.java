package com.propertyquality.review.generate;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;

/**
 * purchases-YYYY-MM.csv (经营消费记录): what households buy from the office's services, one file per month,
 * numbered per office in date order. Fresh food is bought most often, paid repairs and group buying bring the most
 * money; a few households buy far more than the rest (customer value); New Year and autumn group buying and
 * spring appliance cleaning make the seasons.
 */
final class PurchaseRecords implements TemplateWriter {

    private static final Template TEMPLATE = ImportTemplates.PURCHASES;
    private static final int ID = TEMPLATE.indexOf("purchase_id");
    private static final int HOUSEHOLD = TEMPLATE.indexOf("household_id");
    private static final int OFFICE = TEMPLATE.indexOf("office_id");
    private static final int PURCHASED = TEMPLATE.indexOf("purchased_on");
    private static final int CATEGORY = TEMPLATE.indexOf("category");
    private static final int AMOUNT = TEMPLATE.indexOf("amount");

    /** A category (free text in the contract) with its typical amount in yuan, its spread and bounds. */
    private record Category(String name, double median, double sigma, double min, double max) {
    }

    private static final Category FRESH = new Category("生鲜", 75, 0.6, 10, 600);
    private static final Category HOUSEKEEPING = new Category("家政", 260, 0.45, 60, 1200);
    private static final Category LAUNDRY = new Category("洗衣", 55, 0.5, 15, 300);
    private static final Category REPAIR = new Category("有偿维修", 300, 0.8, 30, 3000);
    private static final Category GROUP_BUYING = new Category("团购", 480, 0.7, 40, 3000);
    private static final Category APPLIANCE_CLEANING = new Category("家电清洗", 180, 0.4, 60, 800);
    private static final Category WATER = new Category("桶装水", 36, 0.4, 12, 150);
    private static final Category PLANTS = new Category("绿植租摆", 260, 0.5, 60, 1500);

    /** The services a paid-service return visit follows up (回访: 有偿服务). */
    static final Set<String> PAID_SERVICES = Set.of(REPAIR.name(), HOUSEKEEPING.name(), APPLIANCE_CLEANING.name());

    private static final Weighted<Category> CATEGORIES = Weighted.of(FRESH, 33, HOUSEKEEPING, 14, LAUNDRY, 13,
            REPAIR, 12, GROUP_BUYING, 12, APPLIANCE_CLEANING, 8, WATER, 6, PLANTS, 2);

    /** Per month (index 0 = January): appliance cleaning in spring, group buying at New Year and in autumn. */
    private static final List<Weighted<Category>> CATEGORIES_BY_MONTH = IntStream.rangeClosed(1, 12)
            .mapToObj(month -> CATEGORIES.reweighted(category -> seasonal(category, month))).toList();

    private static double seasonal(Category category, int month) {
        if (category == APPLIANCE_CLEANING) {
            return month >= 4 && month <= 6 ? 2.2 : 1.0;
        }
        if (category == GROUP_BUYING) {
            return month == 1 ? 1.8 : month >= 9 && month <= 11 ? 1.5 : 1.0;
        }
        return category == FRESH && month == 1 ? 1.3 : 1.0;
    }

    /** What a paid-service visit needs of a purchase. */
    record Purchase(String id, LocalDate purchasedOn, int household, String category, BigDecimal amount) {
    }

    private final Company company;

    PurchaseRecords(Company company) {
        this.company = company;
    }

    @Override
    public long plannedRows() {
        return company.shape().purchases();
    }

    static Purchase purchase(Company company, int office, int number) {
        Dice dice = Dice.of(company.seed(), Dice.Stream.PURCHASE, office, number);
        int month = company.purchaseMonth(office, number);
        int before = company.purchasesBefore(office, month);
        LocalDate day = company.dayInMonth(month, number - before - 1,
                company.purchasesBefore(office, month + 1) - before, dice);
        Category category = dice.pick(CATEGORIES_BY_MONTH.get(month - 1));
        int households = company.households(office);
        int household;
        if (households == 0) {
            household = 1; // an office without customer records: every buyer is unknown to them
        } else if (dice.chance(0.002)) {
            household = households + 1 + dice.below(200); // a new tenant
        } else {
            // low numbers buy far more: a few loyal households carry the office's business
            household = 1 + (int) Math.floor(households * StrictMath.pow(dice.unit(), 2.2));
        }
        double yuan = Math.max(category.min(), Math.min(category.max(),
                dice.logNormal(category.median(), category.sigma())));
        // mostly whole yuan, some half yuan, a few to the fen
        double rounded = dice.chance(0.6) ? Math.round(yuan) : dice.chance(0.75) ? Math.round(yuan * 2) / 2.0
                : Math.round(yuan * 100) / 100.0;
        BigDecimal amount = BigDecimal.valueOf(Math.round(rounded * 100), 2);
        return new Purchase(RecordIds.purchase(company.year(), company.office(office).id(), number), day, household,
                category.name(), amount);
    }

    @Override
    public void write(OutputFolder out) {
        Flaw.Cycle flaws = new Flaw.Cycle(
                Flaw.of("amount", "negative amount: a refund typed as a purchase", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[AMOUNT] = ((BigDecimal) row[AMOUNT]).negate();
                    return row;
                }),
                Flaw.of("household_id", "household_id missing: a walk-in customer", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[HOUSEHOLD] = null;
                    return row;
                }),
                Flaw.of("amount", "an amount with three decimals", row -> {
                    row[ID] = RecordIds.reentered((String) row[ID]);
                    row[AMOUNT] = ((BigDecimal) row[AMOUNT]).toPlainString() + "5";
                    return row;
                }),
                Flaw.duplicate(TEMPLATE, "duplicate purchase_id: the purchase entered twice", row -> {
                    row[AMOUNT] = ((BigDecimal) row[AMOUNT]).add(BigDecimal.ONE);
                    return row;
                }));
        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, BigDecimal> amounts = new TreeMap<>();
        for (int month = 1; month <= 12; month++) {
            long rows = 0;
            for (int office = 0; office < company.offices().size(); office++) {
                rows += company.purchasesBefore(office, month + 1) - company.purchasesBefore(office, month);
            }
            String stem = "purchases-" + company.year() + "-" + RecordIds.padded(month, 2);
            try (TemplateFile file = new TemplateFile(out, TEMPLATE, stem, rows, flaws)) {
                for (OfficeProfile office : company.offices()) {
                    int last = company.purchasesBefore(office.index(), month + 1);
                    for (int k = company.purchasesBefore(office.index(), month) + 1; k <= last; k++) {
                        Purchase purchase = purchase(company, office.index(), k);
                        Object[] row = file.newRow();
                        row[ID] = purchase.id();
                        row[HOUSEHOLD] = company.householdId(office.index(), purchase.household());
                        row[OFFICE] = office.id();
                        row[PURCHASED] = purchase.purchasedOn();
                        row[CATEGORY] = purchase.category();
                        row[AMOUNT] = purchase.amount();
                        byCategory.merge(purchase.category(), 1L, Long::sum);
                        amounts.merge(purchase.category(), purchase.amount(), BigDecimal::add);
                        file.write(row, company.unknownHousehold(office.index(), purchase.household()));
                    }
                }
            }
        }
        out.counts().fact("purchases", "by_category", byCategory);
        Map<String, String> amountText = new LinkedHashMap<>();
        amounts.forEach((category, amount) -> amountText.put(category, amount.toPlainString()));
        out.counts().fact("purchases", "amount_by_category", amountText);
        out.counts().fact("purchases", "amount", amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .toPlainString());
    }
}
