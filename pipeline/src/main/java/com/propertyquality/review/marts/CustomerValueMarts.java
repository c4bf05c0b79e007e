package com.propertyquality.review.marts;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.metrics.Area;
import com.propertyquality.review.metrics.CustomerValue;
import com.propertyquality.review.metrics.Rating;
import com.propertyquality.review.metrics.SurveyItem;

/**
 * The customer-value marts (客户资源控制程序 and 客户需求识别程序): the value of every household of the register at the
 * as-of date, the value segments per office and category, the management and service needs per area, and the
 * business needs read from purchases. One short method per mart; the rules come from {@link CustomerValue}. Reads
 * {@code households} (never {@code households_private}), {@code purchases}, {@code feedback} and
 * {@code survey_responses}. Column documentation: data/README.md.
 */
public final class CustomerValueMarts {

    public static final String CUSTOMER_VALUE = "customer_value";
    public static final String CUSTOMER_SEGMENTS = "customer_segments";
    public static final String CUSTOMER_NEEDS = "customer_needs";
    public static final String PURCHASE_NEEDS = "purchase_needs";
    public static final String PURCHASE_SEASONALITY = "purchase_seasonality";

    private static final String COMPLAINT = "complaint";
    /** The register's kinds that state a need (篇2): complaints, service requests, opinions. Praise is no need. */
    private static final String SERVICE_REQUEST = "service_request";
    private static final String OPINION = "opinion";

    private final MartContext context;
    private final SparkSession spark;
    private final LakeTables lake;

    public CustomerValueMarts(MartContext context) {
        this.context = context;
        this.spark = context.spark();
        this.lake = context.lake();
    }

    /**
     * The review years the register is valued for, each with the day it is valued at ({@code year}, {@code as_of}):
     * every year of a review plan, a distribution record or a returned form, at that year's cut-off (or the one
     * {@code --as-of} day), so a review's customer value never slides with the day of the run or with a later
     * year's data. A lake without plan or survey values the register for the latest year of a purchase or feedback
     * entry.
     */
    Dataset<Row> valueYears() {
        // a few years at most: found with one small query, then handed to the marts as a literal table, so the
        // valuation's plan carries no union of registers and no fallback scan of purchases
        List<Integer> years = new ArrayList<>();
        for (Row row : lake.read(ReviewPlanTables.PLAN).select("year")
                .union(lake.read(ImportTemplates.SURVEY_DISTRIBUTION).select("year"))
                .union(lake.read(ImportTemplates.SURVEY_RESPONSES).select("year"))
                .distinct().collectAsList()) {
            if (!row.isNullAt(0)) {
                years.add(row.getInt(0));
            }
        }
        if (years.isEmpty()) {
            Row latest = lake.read(ImportTemplates.PURCHASES).select(year(col("purchased_on")).as("year"))
                    .union(lake.read(ImportTemplates.FEEDBACK).select("year")).agg(max("year")).first();
            if (!latest.isNullAt(0)) {
                years.add(latest.getInt(0));
            }
        }
        years.sort(null);
        List<Row> rows = new ArrayList<>();
        for (int year : years) {
            rows.add(RowFactory.create(year, java.sql.Date.valueOf(context.cutOff().forYear(year))));
        }
        StructType schema = new StructType().add("year", DataTypes.IntegerType, false)
                .add("as_of", DataTypes.DateType, false);
        return spark.createDataFrame(rows, schema);
    }

    /** The customer-value family of the mart registry. */
    public static List<Mart> marts() {
        return List.of(
                new Mart(CUSTOMER_VALUE, CustomerValueMart.COLUMNS, "value of every household at the as-of date: spend, credit, tenure,"
                        + " service requests, five scores, value score and segment", ctx -> of(ctx).customerValue()),
                new Mart(CUSTOMER_SEGMENTS, CustomerSegments.COLUMNS, "households per value segment, per office and company-wide and"
                        + " category, with spend, credit and satisfaction", List.of(CUSTOMER_VALUE),
                        ctx -> of(ctx).customerSegments()),
                new Mart(CUSTOMER_NEEDS, CustomerNeeds.COLUMNS, "customer needs per area and level: complaints, service requests, opinions"
                        + " and dissatisfied survey answers, per office and company-wide", ctx -> of(ctx).customerNeeds()),
                new Mart(PURCHASE_NEEDS, PurchaseNeeds.COLUMNS, "business needs: purchases of the last 12 months per value segment and"
                        + " category, with the repeat-purchase interval", List.of(CUSTOMER_VALUE),
                        ctx -> of(ctx).purchaseNeeds()),
                new Mart(PURCHASE_SEASONALITY, PurchaseSeasonality.COLUMNS, "purchases and spend per year, month and category",
                        ctx -> of(ctx).purchaseSeasonality()));
    }

    private static CustomerValueMarts of(MartContext ctx) {
        return new CustomerValueMarts(ctx);
    }

    /** The declared columns of {@link #CUSTOMER_VALUE}, in stored order; meanings as data/README.md shows them. */
    public static final class CustomerValueMart {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "the review year");
        public static final MartColumn OFFICE_ID = MartColumn.of("office_id", DataTypes.StringType,
                "from the register");
        public static final MartColumn HOUSEHOLD_ID = MartColumn.of("household_id", DataTypes.StringType,
                "as in `households`");
        public static final MartColumn CATEGORY = MartColumn.of("category", DataTypes.StringType,
                "customer category `A`–`I`");
        public static final MartColumn SPEND_12M = MartColumn.of("spend_12m", DataTypes.createDecimalType(18, 2),
                "Σ `amount` of the household's purchases in the window; 0 when none");
        public static final MartColumn PURCHASES_12M = MartColumn.of("purchases_12m", DataTypes.LongType,
                "number of those purchases");
        public static final MartColumn CREDIT_RATE = MartColumn.of("credit_rate", DataTypes.DoubleType,
                "[§5.10](#510-customer-value-客户价值评估-customervalue); null when billed months are 0 or "
                + "unknown");
        public static final MartColumn TENURE_YEARS = MartColumn.of("tenure_years", DataTypes.IntegerType,
                "whole years since `moved_in_on`; null when unknown");
        public static final MartColumn SERVICE_REQUESTS_12M = MartColumn.of("service_requests_12m", DataTypes.LongType,
                "the household's feedback entries in the window, of any kind except `praise`");
        public static final MartColumn PURCHASE_POTENTIAL = MartColumn.of("purchase_potential", DataTypes.DoubleType,
                "the scores, 0–100");
        public static final MartColumn CREDIT = MartColumn.of("credit", DataTypes.DoubleType,
                "the scores, 0–100");
        public static final MartColumn VALUE_CONTRIBUTION = MartColumn.of("value_contribution", DataTypes.DoubleType,
                "the scores, 0–100");
        public static final MartColumn LOYALTY = MartColumn.of("loyalty", DataTypes.DoubleType,
                "the scores, 0–100");
        public static final MartColumn SERVICE_DEMAND = MartColumn.of("service_demand", DataTypes.DoubleType,
                "the scores, 0–100");
        public static final MartColumn VALUE_SCORE = MartColumn.of("value_score", DataTypes.DoubleType,
                "their weighted mean");
        public static final MartColumn VALUE_SEGMENT = MartColumn.of("value_segment", DataTypes.StringType,
                "`most_valuable`, `high_value`, `steady`, `at_risk`, `new`");
        public static final MartColumn SEGMENT_REASON = MartColumn.of("segment_reason", DataTypes.StringType,
                "the rule that decided the segment");
        public static final MartColumn AS_OF = MartColumn.of("as_of", DataTypes.DateType,
                "the day the household was valued at: the year's cut-off, or the `--as-of` day; the "
                + "12-month window ends on it");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, OFFICE_ID, HOUSEHOLD_ID, CATEGORY, SPEND_12M, PURCHASES_12M, CREDIT_RATE, TENURE_YEARS,
                SERVICE_REQUESTS_12M, PURCHASE_POTENTIAL, CREDIT, VALUE_CONTRIBUTION, LOYALTY, SERVICE_DEMAND,
                VALUE_SCORE, VALUE_SEGMENT, SEGMENT_REASON, AS_OF);

        private CustomerValueMart() {
        }
    }

    /** One row per review year and household of the register, valued at the year's as-of date. */
    public Dataset<Row> customerValue() {
        Dataset<Row> years = org.apache.spark.sql.functions.broadcast(valueYears());
        Column asOf = col("as_of");
        Dataset<Row> spend = lake.read(ImportTemplates.PURCHASES).select("household_id", "purchased_on", "amount")
                .join(years, CustomerValue.inWindowColumn(col("purchased_on"), asOf))
                .groupBy("year", "household_id").agg(sum("amount").as("spend"), count(lit(1)).as("purchases"));
        Dataset<Row> requests = lake.read(ImportTemplates.FEEDBACK)
                .where(col("household_id").isNotNull().and(CustomerValue.serviceRequestColumn(col("kind"))))
                .select("household_id", "received_on")
                .join(years, CustomerValue.inWindowColumn(col("received_on"), asOf))
                .groupBy("year", "household_id").agg(count(lit(1)).as("requests"));
        WindowSpec office = Window.partitionBy("year", "office_id");
        Dataset<Row> facts = lake.read(ImportTemplates.HOUSEHOLDS).crossJoin(years)
                .join(spend, JoinKeys.of(List.of("year", "household_id")), "left")
                .join(requests, JoinKeys.of(List.of("year", "household_id")), "left")
                .select(col("year"), col("as_of"), col("office_id"), col("household_id"), col("category"),
                        coalesce(col("spend"), lit(0)).cast(DataTypes.createDecimalType(18, 2)).as("spend_12m"),
                        coalesce(col("purchases"), lit(0L)).as("purchases_12m"),
                        CustomerValue.creditRateColumn(col("fee_months_billed"), col("fee_months_on_time"))
                                .as("credit_rate"),
                        CustomerValue.tenureYearsColumn(col("moved_in_on"), asOf).as("tenure_years"),
                        coalesce(col("requests"), lit(0L)).as("service_requests_12m"))
                .withColumn("lower_spenders", rank().over(office.orderBy("spend_12m")).minus(1))
                .withColumn("office_households", count(lit(1)).over(office))
                .withColumn("office_average", avg(col("spend_12m").cast("double")).over(office));
        Dataset<Row> scored = facts
                .withColumn("purchase_potential", CustomerValue.purchasePotentialColumn(col("lower_spenders"),
                        col("office_households")))
                .withColumn("credit", CustomerValue.creditColumn(col("credit_rate")))
                .withColumn("value_contribution", CustomerValue.valueContributionColumn(col("spend_12m"),
                        col("office_average")))
                .withColumn("loyalty", CustomerValue.loyaltyColumn(col("tenure_years")))
                .withColumn("service_demand", CustomerValue.serviceDemandColumn(col("service_requests_12m")))
                .withColumn("value_score", CustomerValue.valueScoreColumn(col("purchase_potential"), col("credit"),
                        col("value_contribution"), col("loyalty"), col("service_demand")));
        Column[] rule = {col("tenure_years"), col("credit_rate"), col("purchase_potential"),
                col("service_requests_12m"), col("value_score")};
        return scored
                .withColumn("value_segment", CustomerValue.segmentColumn(rule[0], rule[1], rule[2], rule[3], rule[4]))
                .withColumn("segment_reason",
                        CustomerValue.segmentReasonColumn(rule[0], rule[1], rule[2], rule[3], rule[4]))
                .select("year", "office_id", "household_id", "category", "spend_12m", "purchases_12m",
                        "credit_rate", "tenure_years", "service_requests_12m", "purchase_potential", "credit",
                        "value_contribution", "loyalty", "service_demand", "value_score", "value_segment",
                        "segment_reason", "as_of")
                .transform(MartOrder.by("year", "office_id", "household_id"));
    }

    /** The declared columns of {@link #CUSTOMER_SEGMENTS}, in stored order; meanings as data/README.md shows them. */
    public static final class CustomerSegments {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "the review year (as in `customer_value`)");
        public static final MartColumn OFFICE_ID = MartColumn.of("office_id", DataTypes.StringType,
                "null = company-wide row");
        public static final MartColumn CATEGORY = MartColumn.of("category", DataTypes.StringType,
                "customer category");
        public static final MartColumn VALUE_SEGMENT = MartColumn.of("value_segment", DataTypes.StringType,
                "as in `customer_value`");
        public static final MartColumn HOUSEHOLDS = MartColumn.of("households", DataTypes.LongType,
                "households of the group");
        public static final MartColumn SHARE = MartColumn.of("share", DataTypes.DoubleType,
                "`households` / all households of the scope (the office, or the company)");
        public static final MartColumn AVG_SPEND_12M = MartColumn.of("avg_spend_12m", DataTypes.DoubleType,
                "the mean `spend_12m` of the group");
        public static final MartColumn AVG_CREDIT_RATE = MartColumn.of("avg_credit_rate", DataTypes.DoubleType,
                "the mean `credit_rate` over the households that have one; null when none has");
        public static final MartColumn SURVEY_YEAR = MartColumn.of("survey_year", DataTypes.IntegerType,
                "the survey year used; null when no survey year is at or before the as-of year");
        public static final MartColumn FORMS = MartColumn.of("forms", DataTypes.LongType,
                "the group's forms of `survey_year`; 0 when none");
        public static final MartColumn RATED_FORMS = MartColumn.of("rated_forms", DataTypes.LongType,
                "those of the forms that rated at least one item; 0 when none");
        public static final MartColumn QUALIFIED = MartColumn.of("qualified", DataTypes.LongType,
                "as in [§6.2](#62-satisfaction_by_office-satisfaction-per-office-and-survey-year), over "
                + "those forms; 0 when none");
        public static final MartColumn UNSATISFIED = MartColumn.of("unsatisfied", DataTypes.LongType,
                "as in [§6.2](#62-satisfaction_by_office-satisfaction-per-office-and-survey-year), over "
                + "those forms; 0 when none");
        public static final MartColumn SATISFACTION_RATE = MartColumn.of("satisfaction_rate", DataTypes.DoubleType,
                "`SatisfactionRate` ([§5.2](#52-satisfaction-rate-满意率-satisfactionrate)); null when "
                + "nothing was rated");
        public static final MartColumn SATISFACTION_RATE_CI_LOW = MartColumn.of("satisfaction_rate_ci_low", DataTypes.DoubleType,
                "the 95% Wilson interval of `satisfaction_rate` on `rated_forms` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)); null when "
                + "`satisfaction_rate` is null");
        public static final MartColumn SATISFACTION_RATE_CI_HIGH = MartColumn.of("satisfaction_rate_ci_high", DataTypes.DoubleType,
                "the 95% Wilson interval of `satisfaction_rate` on `rated_forms` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)); null when "
                + "`satisfaction_rate` is null");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, OFFICE_ID, CATEGORY, VALUE_SEGMENT, HOUSEHOLDS, SHARE, AVG_SPEND_12M, AVG_CREDIT_RATE,
                SURVEY_YEAR, FORMS, RATED_FORMS, QUALIFIED, UNSATISFIED, SATISFACTION_RATE, SATISFACTION_RATE_CI_LOW,
                SATISFACTION_RATE_CI_HIGH);

        private CustomerSegments() {
        }
    }

    /**
     * Per review year, office (null = company), category and value segment: households, their share of the scope,
     * average spend and credit, and the satisfaction of their forms in the latest survey year up to the review year.
     */
    public Dataset<Row> customerSegments() {
        Dataset<Row> value = context.mart(CUSTOMER_VALUE);
        Dataset<Row> responses = lake.read(ImportTemplates.SURVEY_RESPONSES);
        // for each review year, the latest survey year up to it
        Dataset<Row> surveyYears = value.select("year").distinct()
                .join(responses.select(col("year").as("survey_year")).distinct(),
                        col("survey_year").leq(col("year")), "left")
                .groupBy("year").agg(max("survey_year").as("survey_year"));
        Dataset<Row> forms = responses.withColumnRenamed("year", "survey_year").drop("office_id")
                .join(surveyYears, "survey_year")
                .join(value.select("year", "household_id", "office_id", "category", "value_segment"),
                        JoinKeys.of(List.of("year", "household_id")));
        Dataset<Row> perOffice = segmentFigures(value, forms, List.of("year", "office_id", "category",
                "value_segment"), List.of("year", "office_id"));
        Dataset<Row> company = segmentFigures(value, forms, List.of("year", "category", "value_segment"),
                List.of("year"))
                .withColumn("office_id", lit(null).cast("string"));
        return perOffice.unionByName(company)
                .join(surveyYears, JoinKeys.of(List.of("year")), "left")
                .select(col("year"), col("office_id"), col("category"), col("value_segment"), col("households"),
                        col("share"), col("avg_spend_12m"), col("avg_credit_rate"), col("survey_year"),
                        coalesce(col("forms"), lit(0L)).as("forms"),
                        coalesce(col("rated_forms"), lit(0L)).as("rated_forms"),
                        coalesce(col("qualified"), lit(0L)).as("qualified"),
                        coalesce(col("unsatisfied"), lit(0L)).as("unsatisfied"),
                        SurveyMarts.rate().as("satisfaction_rate"), SurveyMarts.rateLow(col("rated_forms")),
                        SurveyMarts.rateHigh(col("rated_forms")))
                .transform(MartOrder.by(col("year"), col("office_id").asc_nulls_first(), col("category"),
                        col("value_segment")));
    }

    private static Dataset<Row> segmentFigures(Dataset<Row> value, Dataset<Row> forms, List<String> keys,
                                               List<String> scope) {
        Column[] by = keys.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        WindowSpec scopeWindow = Window.partitionBy(scope.stream().map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new));
        Dataset<Row> households = value.groupBy(by).agg(count(lit(1)).as("households"),
                        avg(col("spend_12m").cast("double")).as("avg_spend_12m"),
                        avg("credit_rate").as("avg_credit_rate"))
                .withColumn("share", col("households").cast("double")
                        .divide(sum("households").over(scopeWindow).cast("double")));
        return households.join(SurveyMarts.formCounts(forms.groupBy(by)), JoinKeys.of(keys), "left");
    }

    /** The declared columns of {@link #CUSTOMER_NEEDS}, in stored order; meanings as data/README.md shows them. */
    public static final class CustomerNeeds {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "year of `received_on`, or the survey year");
        public static final MartColumn OFFICE_ID = MartColumn.of("office_id", DataTypes.StringType,
                "null = company-wide row");
        public static final MartColumn LEVEL = MartColumn.of("level", DataTypes.StringType,
                "`management`, `service` or `business` (area catalogue)");
        public static final MartColumn AREA = MartColumn.of("area", DataTypes.StringType,
                "area code");
        public static final MartColumn AREA_NAME = MartColumn.of("area_name", DataTypes.StringType,
                "Chinese name (`维修保养`)");
        public static final MartColumn SURVEY_ITEM = MartColumn.of("survey_item", DataTypes.StringType,
                "the survey item with the same code; null when there is none");
        public static final MartColumn COMPLAINTS = MartColumn.of("complaints", DataTypes.LongType,
                "register entries of `kind` `complaint` 投诉 for the area, scope and year; 0 when none");
        public static final MartColumn SERVICE_REQUESTS = MartColumn.of("service_requests", DataTypes.LongType,
                "〃 `kind` `service_request` 服务需求");
        public static final MartColumn OPINIONS = MartColumn.of("opinions", DataTypes.LongType,
                "〃 `kind` `opinion` 意见建议");
        public static final MartColumn DISSATISFIED = MartColumn.of("dissatisfied", DataTypes.LongType,
                "answers rated `dissatisfied` or `very_dissatisfied` for the item, scope and survey year; "
                + "null when the area has no survey item");
        public static final MartColumn NEEDS = MartColumn.of("needs", DataTypes.LongType,
                "`complaints + service_requests + opinions + dissatisfied` (null counted as 0): every need "
                + "stated for the area");
        public static final MartColumn RANK = MartColumn.of("rank", DataTypes.IntegerType,
                "1…n within the scope and year, ordered by `needs` descending, then `complaints` "
                + "descending, then `dissatisfied` descending (null counted as 0), then `area` ascending");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, OFFICE_ID, LEVEL, AREA, AREA_NAME, SURVEY_ITEM, COMPLAINTS, SERVICE_REQUESTS, OPINIONS,
                DISSATISFIED, NEEDS, RANK);

        private CustomerNeeds() {
        }
    }

    /**
     * Per year, office (null = company) and area, the needs customers state (物业客户需求识别管理程序, 篇2): the
     * register's complaints, service requests and opinions (praise is no need), and the dissatisfied survey answers
     * of the area's survey item where one exists. The level comes from the area catalogue ({@link Area}). Each
     * source counts in its own year column (the register's year of receipt, the survey year), not the as-of date.
     * Ranked by all four together, then complaints, then dissatisfied answers.
     */
    public Dataset<Row> customerNeeds() {
        Dataset<Row> stated = lake.read(ImportTemplates.FEEDBACK)
                .where(col("kind").isin(COMPLAINT, SERVICE_REQUEST, OPINION));
        Dataset<Row> unhappy = SurveyMarts.ratings(lake.read(ImportTemplates.SURVEY_RESPONSES), "year", "office_id")
                .where(col("rating").isin(Rating.unsatisfiedCodes().toArray()))
                .withColumnRenamed("item", "area");
        Dataset<Row> perOffice = needs(stated, unhappy, List.of("year", "office_id", "area"));
        Dataset<Row> company = needs(stated, unhappy, List.of("year", "area"))
                .withColumn("office_id", lit(null).cast("string"));
        WindowSpec scope = Window.partitionBy(col("year"), col("office_id"))
                .orderBy(col("needs").desc(), col("complaints").desc(),
                        coalesce(col("dissatisfied"), lit(0L)).desc(), col("area"));
        return perOffice.unionByName(company)
                .join(areas(), "area")
                .select(col("year"), col("office_id"), col("level"), col("area"), col("area_name"),
                        col("survey_item"), col("complaints"), col("service_requests"), col("opinions"),
                        when(col("survey_item").isNotNull(), col("dissatisfied")).as("dissatisfied"),
                        col("complaints").plus(col("service_requests")).plus(col("opinions"))
                                .plus(col("dissatisfied")).as("needs"))
                .withColumn("rank", row_number().over(scope))
                .transform(MartOrder.by(col("year"), col("office_id").asc_nulls_first(), col("rank")));
    }

    private static Dataset<Row> needs(Dataset<Row> stated, Dataset<Row> unhappy, List<String> keys) {
        Column[] by = keys.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        Column kind = col("kind");
        Dataset<Row> register = stated.groupBy(by).agg(
                sum(when(kind.equalTo(COMPLAINT), 1L).otherwise(0L)).as("complaints"),
                sum(when(kind.equalTo(SERVICE_REQUEST), 1L).otherwise(0L)).as("service_requests"),
                sum(when(kind.equalTo(OPINION), 1L).otherwise(0L)).as("opinions"));
        Dataset<Row> d = unhappy.groupBy(by).agg(count(lit(1)).as("dissatisfied"));
        Dataset<Row> joined = register.join(d, JoinKeys.of(keys), "full_outer");
        for (String count : List.of("complaints", "service_requests", "opinions", "dissatisfied")) {
            joined = joined.withColumn(count, coalesce(col(count), lit(0L)));
        }
        return joined;
    }

    /** The area catalogue with level, Chinese name and the survey item of the same code (null when none). */
    private Dataset<Row> areas() {
        List<Row> rows = new ArrayList<>();
        List<String> items = java.util.Arrays.stream(SurveyItem.values()).map(SurveyItem::code).toList();
        for (Area area : Area.values()) {
            rows.add(RowFactory.create(area.code(), area.chinese(), area.level().code(),
                    items.contains(area.code()) ? area.code() : null));
        }
        StructType schema = new StructType().add("area", DataTypes.StringType)
                .add("area_name", DataTypes.StringType).add("level", DataTypes.StringType)
                .add("survey_item", DataTypes.StringType);
        return spark.createDataFrame(rows, schema);
    }

    /** The declared columns of {@link #PURCHASE_NEEDS}, in stored order; meanings as data/README.md shows them. */
    public static final class PurchaseNeeds {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "the review year (as in `customer_value`)");
        public static final MartColumn VALUE_SEGMENT = MartColumn.of("value_segment", DataTypes.StringType,
                "the household's value segment, as in `customer_value`");
        public static final MartColumn CATEGORY = MartColumn.of("category", DataTypes.StringType,
                "as written in `purchases`");
        public static final MartColumn PURCHASES = MartColumn.of("purchases", DataTypes.LongType,
                "purchases in the window");
        public static final MartColumn HOUSEHOLDS = MartColumn.of("households", DataTypes.LongType,
                "distinct households that made them");
        public static final MartColumn SPEND = MartColumn.of("spend", DataTypes.createDecimalType(18, 2),
                "Σ `amount`");
        public static final MartColumn SHARE = MartColumn.of("share", DataTypes.DoubleType,
                "`spend` / the segment's total spend in the window; null when that total is 0");
        public static final MartColumn RANK = MartColumn.of("rank", DataTypes.IntegerType,
                "1…n within the segment, ordered by `spend` descending, then `category` ascending");
        public static final MartColumn TOP_CATEGORY = MartColumn.of("top_category", DataTypes.BooleanType,
                "`rank = 1`");
        public static final MartColumn REPEAT_INTERVALS = MartColumn.of("repeat_intervals", DataTypes.LongType,
                "intervals counted");
        public static final MartColumn MEDIAN_REPEAT_DAYS = MartColumn.of("median_repeat_days", DataTypes.DoubleType,
                "the exact median of those intervals (the mean of the two middle values when their number "
                + "is even); null without an interval");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, VALUE_SEGMENT, CATEGORY, PURCHASES, HOUSEHOLDS, SPEND, SHARE, RANK, TOP_CATEGORY,
                REPEAT_INTERVALS, MEDIAN_REPEAT_DAYS);

        private PurchaseNeeds() {
        }
    }

    /**
     * Per value segment and purchase category, over the purchases of the 12-month window by households of the
     * register: purchases, households, spend, share of the segment's spend, the segment's top category, and the
     * median days between consecutive purchases of one household in the category (the later one in the window).
     */
    public Dataset<Row> purchaseNeeds() {
        // each review year's segments and the 12 months before its as-of day (customer_value carries both)
        Dataset<Row> segments = context.mart(CUSTOMER_VALUE).select("year", "as_of", "household_id", "value_segment");
        // the purchase's own year (its partition) is not the review year it is counted for
        // spread by household once: the sequence (by household and category), the join to the segments and the
        // households' first purchases below all use that spread, so the purchases are shuffled once
        Dataset<Row> purchases = lake.read(ImportTemplates.PURCHASES).drop("year").repartition(col("household_id"));
        WindowSpec sequence = Window.partitionBy("household_id", "category").orderBy("purchased_on", "purchase_id");
        Dataset<Row> windowed = purchases
                .withColumn("days_since_previous",
                        datediff(col("purchased_on"), lag("purchased_on", 1).over(sequence)))
                .join(segments, "household_id")
                .where(CustomerValue.inWindowColumn(col("purchased_on"), col("as_of")));
        WindowSpec segment = Window.partitionBy("year", "value_segment");
        return windowed.withColumn("household_first", householdFirst("category", "year", "value_segment"))
                .groupBy("year", "value_segment", "category")
                .agg(count(lit(1)).as("purchases"), count(when(col("household_first"), lit(1))).as("households"),
                        sum("amount").cast(DataTypes.createDecimalType(18, 2)).as("spend"),
                        count("days_since_previous").as("repeat_intervals"),
                        median(col("days_since_previous")).as("median_repeat_days"))
                .withColumn("segment_spend", sum("spend").over(segment))
                .withColumn("share", when(col("segment_spend").equalTo(0), lit(null).cast("double"))
                        .otherwise(col("spend").cast("double").divide(col("segment_spend").cast("double"))))
                .withColumn("rank", row_number().over(segment.orderBy(col("spend").desc(), col("category"))))
                .withColumn("top_category", col("rank").equalTo(1))
                .select(col("year"), col("value_segment"), col("category"), col("purchases"),
                        col("households"), col("spend"), col("share"), col("rank"), col("top_category"),
                        col("repeat_intervals"), col("median_repeat_days"))
                .transform(MartOrder.by(col("year"), col("value_segment"), col("rank")));
    }

    /**
     * Whether a purchase is its household's first of the group that {@code keys} make: counting these rows counts
     * the group's households once each. Spark's distinct count would aggregate per household first (in
     * `purchase_needs` with the median's buffers, past Spark's 128 keys by sorting): at scale 10 `purchase_needs`
     * took twice the CPU, `purchase_seasonality` a third more (BENCHMARKS.md, issue 17).
     */
    private static Column householdFirst(String... keys) {
        return row_number().over(Window.partitionBy("household_id", keys).orderBy("purchased_on", "purchase_id"))
                .equalTo(1);
    }

    /** The declared columns of {@link #PURCHASE_SEASONALITY}, in stored order; meanings as data/README.md shows them. */
    public static final class PurchaseSeasonality {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "year of `purchased_on`");
        public static final MartColumn MONTH = MartColumn.of("month", DataTypes.IntegerType,
                "month of `purchased_on`, 1–12");
        public static final MartColumn CATEGORY = MartColumn.of("category", DataTypes.StringType,
                "purchase category, as in `purchases`");
        public static final MartColumn PURCHASES = MartColumn.of("purchases", DataTypes.LongType,
                "count of purchases");
        public static final MartColumn HOUSEHOLDS = MartColumn.of("households", DataTypes.LongType,
                "distinct households");
        public static final MartColumn SPEND = MartColumn.of("spend", DataTypes.createDecimalType(18, 2),
                "Σ `amount`");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, MONTH, CATEGORY, PURCHASES, HOUSEHOLDS, SPEND);

        private PurchaseSeasonality() {
        }
    }

    /** Per year, month and category of every purchase in the lake: purchases, households and spend. */
    public Dataset<Row> purchaseSeasonality() {
        Dataset<Row> purchases = lake.read(ImportTemplates.PURCHASES).drop("year")
                .withColumn("year", year(col("purchased_on"))).withColumn("month", month(col("purchased_on")));
        return purchases.withColumn("household_first", householdFirst("year", "month", "category"))
                .groupBy("year", "month", "category")
                .agg(count(lit(1)).as("purchases"), count(when(col("household_first"), lit(1))).as("households"),
                        sum("amount").cast(DataTypes.createDecimalType(18, 2)).as("spend"))
                .transform(MartOrder.by("year", "month", "category"));
    }
}
