package com.propertyquality.review.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.metrics.ChangeSignificance;
import com.propertyquality.review.metrics.PercentagePoints;
import com.propertyquality.review.metrics.Rating;
import com.propertyquality.review.metrics.SatisfactionRate;
import com.propertyquality.review.metrics.ServiceLevel;
import com.propertyquality.review.metrics.SurveyItem;
import com.propertyquality.review.metrics.SurveyReturnRate;
import com.propertyquality.review.metrics.WilsonInterval;

/**
 * The survey marts: return rates per office and year, and satisfaction per office, per item and for the
 * company. One short method per mart; the formulas come from {@link SurveyReturnRate},
 * {@link SatisfactionRate}, {@link WilsonInterval} and {@link ChangeSignificance}. Column documentation:
 * data/README.md. A satisfaction rate's interval counts one unit per form: an item's rated answers, or the forms
 * that rated any item of a pooled rate ({@code rated_forms}); the return rate is a census and has none.
 */
public final class SurveyMarts {

    public static final String SURVEY_RETURNS = "survey_returns";
    public static final String SATISFACTION_BY_OFFICE = "satisfaction_by_office";
    public static final String SATISFACTION_BY_ITEM = "satisfaction_by_item";
    public static final String SATISFACTION_COMPANY = "satisfaction_company";
    public static final String SATISFACTION_BY_LEVEL = "satisfaction_by_level";

    private final SparkSession spark;
    private final Dataset<Row> offices;
    private final Dataset<Row> distribution;
    private final Dataset<Row> responses;

    /** The survey family of the mart registry. */
    public static List<Mart> marts() {
        return List.of(
                new Mart(SURVEY_RETURNS, SurveyReturns.COLUMNS, "survey return rate per office and survey year, against the threshold",
                        ctx -> new SurveyMarts(ctx.spark(), ctx.lake()).surveyReturns(ctx.returnThreshold())),
                new Mart(SATISFACTION_BY_OFFICE, SatisfactionByOffice.COLUMNS, "satisfaction (满意率) per office and survey year",
                        ctx -> new SurveyMarts(ctx.spark(), ctx.lake()).satisfactionByOffice()),
                new Mart(SATISFACTION_BY_ITEM, SatisfactionByItem.COLUMNS, "satisfaction per survey item, per office and company-wide",
                        ctx -> new SurveyMarts(ctx.spark(), ctx.lake()).satisfactionByItem()),
                new Mart(SATISFACTION_BY_LEVEL, SatisfactionByLevel.COLUMNS, "satisfaction per level (management, service), per office and"
                        + " company-wide", ctx -> new SurveyMarts(ctx.spark(), ctx.lake()).satisfactionByLevel()),
                new Mart(SATISFACTION_COMPANY, SatisfactionCompany.COLUMNS, "company satisfaction per survey year, pooled over all items",
                        ctx -> new SurveyMarts(ctx.spark(), ctx.lake()).satisfactionCompany()));
    }

    public SurveyMarts(SparkSession spark, LakeTables lake) {
        this.spark = spark;
        this.offices = lake.read(ImportTemplates.OFFICES).select("office_id", "office_name");
        this.distribution = lake.read(ImportTemplates.SURVEY_DISTRIBUTION)
                .select(col("year"), col("office_id"), col("forms_distributed").cast("long").as("forms_distributed"));
        this.responses = lake.read(ImportTemplates.SURVEY_RESPONSES);
    }

    /** The declared columns of {@link #SURVEY_RETURNS}, in stored order; meanings as data/README.md shows them. */
    public static final class SurveyReturns {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "survey year");
        public static final MartColumn OFFICE_ID = MartColumn.of("office_id", DataTypes.StringType,
                "from the register");
        public static final MartColumn OFFICE_NAME = MartColumn.of("office_name", DataTypes.StringType,
                "from the register");
        public static final MartColumn FORMS_DISTRIBUTED = MartColumn.of("forms_distributed", DataTypes.LongType,
                "`survey_distribution.forms_distributed`; null without a distribution record");
        public static final MartColumn FORMS_RETURNED = MartColumn.required("forms_returned", DataTypes.LongType,
                "count of stored `survey_responses` rows for the office and year; 0 when none");
        public static final MartColumn RETURN_RATE = MartColumn.of("return_rate", DataTypes.DoubleType,
                "`forms_returned / forms_distributed`; null when `forms_distributed` is null; may exceed 1");
        public static final MartColumn MEETS_THRESHOLD = MartColumn.of("meets_threshold", DataTypes.BooleanType,
                "[§5.3](#53-survey-return-rate-回收率-surveyreturnrate); never null in practice (false "
                + "whenever there is an anomaly)");
        public static final MartColumn ANOMALY = MartColumn.of("anomaly", DataTypes.StringType,
                "`no_distribution_record`, `returned_exceeds_distributed`, or null");
        public static final MartColumn THRESHOLD = MartColumn.required("threshold", DataTypes.DoubleType,
                "the threshold the mart was built with (`0.6`)");
        public static final MartColumn PREVIOUS_RETURN_RATE = MartColumn.of("previous_return_rate", DataTypes.DoubleType,
                "the office's `return_rate` in the year before; null when it had none");
        public static final MartColumn CHANGE_POINTS = MartColumn.of("change_points", DataTypes.DoubleType,
                "`(return_rate − previous_return_rate) × 100`, in percentage points (百分点); null when "
                + "either is null");
        public static final MartColumn RANK = MartColumn.of("rank", DataTypes.IntegerType,
                "the office's place within the year by `return_rate`, highest first (1 = best; equal rates "
                + "share a place, as SQL `RANK`); null when the office has no rate");
        public static final MartColumn COMPANY_RETURN_RATE = MartColumn.of("company_return_rate", DataTypes.DoubleType,
                "the company's return rate for the year: Σ `forms_returned` / Σ `forms_distributed` over "
                + "the offices **without an anomaly** ([§5.3](#53-survey-return-rate-回收率-surveyreturnrate)); "
                + "null when no office qualifies");
        public static final MartColumn COMPANY_OFFICES_LEFT_OUT = MartColumn.of("company_offices_left_out", DataTypes.LongType,
                "offices of the year left out of `company_return_rate` for an anomaly (with a distribution "
                + "record or returned forms)");
        public static final MartColumn GAP_POINTS = MartColumn.of("gap_points", DataTypes.DoubleType,
                "`(return_rate − company_return_rate) × 100`; null when the office has no rate");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, OFFICE_ID, OFFICE_NAME, FORMS_DISTRIBUTED, FORMS_RETURNED, RETURN_RATE, MEETS_THRESHOLD,
                ANOMALY, THRESHOLD, PREVIOUS_RETURN_RATE, CHANGE_POINTS, RANK, COMPANY_RETURN_RATE,
                COMPANY_OFFICES_LEFT_OUT, GAP_POINTS);

        private SurveyReturns() {
        }
    }

    /** One row per office of the register and survey year in the lake, with or without data. */
    public Dataset<Row> surveyReturns(BigDecimal threshold) {
        Dataset<Row> years = distribution.select("year").union(responses.select("year")).distinct();
        Dataset<Row> returned = responses.groupBy("year", "office_id").agg(count(lit(1)).as("forms_returned"));
        Column distributed = col("forms_distributed");
        Column returnedForms = col("forms_returned");
        Dataset<Row> rates = offices.crossJoin(years)
                .join(distribution, joinKeys(), "left")
                .join(returned, joinKeys(), "left")
                .withColumn("forms_returned", coalesce(returnedForms, lit(0L)))
                .select(col("year"), col("office_id"), col("office_name"), distributed, returnedForms,
                        SurveyReturnRate.column(distributed, returnedForms).as("return_rate"),
                        SurveyReturnRate.meetsThresholdColumn(distributed, returnedForms, threshold)
                                .as("meets_threshold"),
                        SurveyReturnRate.anomalyColumn(distributed, returnedForms).as("anomaly"),
                        lit(threshold.doubleValue()).as("threshold"));
        // the company figure pools the offices without an anomaly (SurveyReturnRate.inCompanyRate): an office at
        // 110% is a data error, not a good result, and says how many were left out
        Column pooled = SurveyReturnRate.inCompanyRateColumn(distributed, returnedForms);
        Dataset<Row> company = rates.groupBy("year")
                .agg(SurveyReturnRate.column(sum(when(pooled, distributed)), sum(when(pooled, returnedForms)))
                                .as("company_return_rate"),
                        sum(when(SurveyReturnRate.leftOutOfCompanyRateColumn(distributed, returnedForms), 1L)
                                .otherwise(0L)).as("company_offices_left_out"));
        return compared(rates, company, "return_rate", "company_return_rate", null);
    }

    /** The declared columns of {@link #SATISFACTION_BY_OFFICE}, in stored order; meanings as data/README.md shows them. */
    public static final class SatisfactionByOffice {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "survey year");
        public static final MartColumn OFFICE_ID = MartColumn.of("office_id", DataTypes.StringType,
                "the office");
        public static final MartColumn OFFICE_NAME = MartColumn.of("office_name", DataTypes.StringType,
                "from the register (left join); null only when the office is not in the register");
        public static final MartColumn FORMS = MartColumn.required("forms", DataTypes.LongType,
                "stored forms");
        public static final MartColumn RATED_FORMS = MartColumn.of("rated_forms", DataTypes.LongType,
                "forms that rated at least one item: the n of the interval and the test "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance))");
        public static final MartColumn QUALIFIED = MartColumn.of("qualified", DataTypes.LongType,
                "item ratings `very_satisfied`, `satisfied` or `fairly_satisfied`, over all 9 items of all "
                + "forms");
        public static final MartColumn UNSATISFIED = MartColumn.of("unsatisfied", DataTypes.LongType,
                "item ratings `dissatisfied` or `very_dissatisfied`");
        public static final MartColumn UNRATED = MartColumn.of("unrated", DataTypes.LongType,
                "blank item ratings, including columns missing from a file");
        public static final MartColumn SATISFACTION_RATE = MartColumn.of("satisfaction_rate", DataTypes.DoubleType,
                "`qualified / (qualified + unsatisfied)`; null when that sum is 0");
        public static final MartColumn SATISFACTION_RATE_CI_LOW = MartColumn.of("satisfaction_rate_ci_low", DataTypes.DoubleType,
                "the 95% Wilson interval of `satisfaction_rate` on `rated_forms` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)); null when "
                + "`satisfaction_rate` is null");
        public static final MartColumn SATISFACTION_RATE_CI_HIGH = MartColumn.of("satisfaction_rate_ci_high", DataTypes.DoubleType,
                "the 95% Wilson interval of `satisfaction_rate` on `rated_forms` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)); null when "
                + "`satisfaction_rate` is null");
        public static final MartColumn PREVIOUS_SATISFACTION_RATE = MartColumn.of("previous_satisfaction_rate", DataTypes.DoubleType,
                "the office's `satisfaction_rate` in the year before; null when it had none");
        public static final MartColumn PREVIOUS_RATED_FORMS = MartColumn.of("previous_rated_forms", DataTypes.LongType,
                "the office's `rated_forms` in the year before; null when it had no row");
        public static final MartColumn CHANGE_POINTS = MartColumn.of("change_points", DataTypes.DoubleType,
                "`(satisfaction_rate − previous_satisfaction_rate) × 100`, in percentage points (百分点); "
                + "null when either is null");
        public static final MartColumn CHANGE_SIGNIFICANT = MartColumn.of("change_significant", DataTypes.BooleanType,
                "whether the change passes the two-proportion test at 95% on `rated_forms` and "
                + "`previous_rated_forms` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)); null when "
                + "there is no previous year's rate or either year rated nothing; false when both years are "
                + "all satisfied (or all unsatisfied)");
        public static final MartColumn RANK = MartColumn.of("rank", DataTypes.IntegerType,
                "the office's place within the year by `satisfaction_rate`, highest first (1 = best; equal "
                + "rates share a place, as SQL `RANK`); null when the office has no rate");
        public static final MartColumn COMPANY_SATISFACTION_RATE = MartColumn.of("company_satisfaction_rate", DataTypes.DoubleType,
                "the company figure of the year, as in `satisfaction_company` (pooled over all items, not "
                + "an average of offices)");
        public static final MartColumn GAP_POINTS = MartColumn.of("gap_points", DataTypes.DoubleType,
                "`(satisfaction_rate − company_satisfaction_rate) × 100`; null when the office has no rate");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, OFFICE_ID, OFFICE_NAME, FORMS, RATED_FORMS, QUALIFIED, UNSATISFIED, UNRATED, SATISFACTION_RATE,
                SATISFACTION_RATE_CI_LOW, SATISFACTION_RATE_CI_HIGH, PREVIOUS_SATISFACTION_RATE,
                PREVIOUS_RATED_FORMS, CHANGE_POINTS, CHANGE_SIGNIFICANT, RANK, COMPANY_SATISFACTION_RATE, GAP_POINTS);

        private SatisfactionByOffice() {
        }
    }

    /** One row per office and year with at least one stored form. */
    public Dataset<Row> satisfactionByOffice() {
        Dataset<Row> rates = formCounts(responses.groupBy("year", "office_id"))
                .join(offices, JoinKeys.of(List.of("office_id")), "left")
                .select(col("year"), col("office_id"), col("office_name"), col("forms"), col("rated_forms"),
                        col("qualified"), col("unsatisfied"), col("unrated"), rate().as("satisfaction_rate"),
                        rateLow(col("rated_forms")), rateHigh(col("rated_forms")));
        Dataset<Row> company = satisfactionCompany().select(col("year"),
                col("satisfaction_rate").as("company_satisfaction_rate"));
        return compared(rates, company, "satisfaction_rate", "company_satisfaction_rate", "rated_forms");
    }

    /**
     * Adds to per-office rates: the office's rate the year before and the change in points, its rank within
     * the year (1 = best, equal rates share a rank, offices without a rate last and unranked), the company
     * figure and the office's gap to it in points. A sampled rate names its units ({@code units}, null for a
     * census): last year's units are carried as {@code previous_<units>} and {@code change_significant} says
     * whether the change passes the two-proportion test.
     */
    private static Dataset<Row> compared(Dataset<Row> rates, Dataset<Row> company, String rate, String companyRate,
                                         String units) {
        List<Column> carried = new ArrayList<>(List.of(col("year").plus(1).as("year"), col("office_id"),
                col(rate).as("previous_" + rate)));
        if (units != null) {
            carried.add(col(units).as("previous_" + units));
        }
        Dataset<Row> previous = rates.select(carried.toArray(Column[]::new));
        WindowSpec byYear = Window.partitionBy("year").orderBy(col(rate).desc_nulls_last());
        Dataset<Row> changed = rates.join(previous, joinKeys(), "left")
                .join(company, JoinKeys.of(List.of("year")), "left")
                .withColumn("change_points", PercentagePoints.column(col(rate), col("previous_" + rate)));
        if (units != null) {
            changed = changed.withColumn("change_significant", ChangeSignificance.column(col(rate), col(units),
                    col("previous_" + rate), col("previous_" + units)));
        }
        return changed
                .withColumn("rank", when(col(rate).isNotNull(), rank().over(byYear)))
                .withColumn("gap_points", PercentagePoints.column(col(rate), col(companyRate)))
                .transform(MartOrder.by("year", "office_id"));
    }

    /** The declared columns of {@link #SATISFACTION_BY_ITEM}, in stored order; meanings as data/README.md shows them. */
    public static final class SatisfactionByItem {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "survey year");
        public static final MartColumn OFFICE_ID = MartColumn.of("office_id", DataTypes.StringType,
                "null = company-wide row");
        public static final MartColumn ITEM = MartColumn.of("item", DataTypes.StringType,
                "item code");
        public static final MartColumn ITEM_NAME = MartColumn.of("item_name", DataTypes.StringType,
                "Chinese name (`维修保养`)");
        public static final MartColumn LEVEL = MartColumn.of("level", DataTypes.StringType,
                "`management` or `service`");
        public static final MartColumn FORMS = MartColumn.of("forms", DataTypes.LongType,
                "`qualified + unsatisfied + unrated` = the number of forms (each form has one slot per "
                + "item)");
        public static final MartColumn QUALIFIED = MartColumn.of("qualified", DataTypes.LongType,
                "ratings of this item that are qualified");
        public static final MartColumn UNSATISFIED = MartColumn.of("unsatisfied", DataTypes.LongType,
                "ratings of this item that are unsatisfied");
        public static final MartColumn UNRATED = MartColumn.of("unrated", DataTypes.LongType,
                "forms that left this item blank");
        public static final MartColumn SATISFACTION_RATE = MartColumn.of("satisfaction_rate", DataTypes.DoubleType,
                "`qualified / (qualified + unsatisfied)`; null when that sum is 0");
        public static final MartColumn SATISFACTION_RATE_CI_LOW = MartColumn.of("satisfaction_rate_ci_low", DataTypes.DoubleType,
                "the 95% Wilson interval of `satisfaction_rate` on the item's rated answers, `qualified + "
                + "unsatisfied` (one per form) "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)); null when "
                + "`satisfaction_rate` is null");
        public static final MartColumn SATISFACTION_RATE_CI_HIGH = MartColumn.of("satisfaction_rate_ci_high", DataTypes.DoubleType,
                "the 95% Wilson interval of `satisfaction_rate` on the item's rated answers, `qualified + "
                + "unsatisfied` (one per form) "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)); null when "
                + "`satisfaction_rate` is null");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, OFFICE_ID, ITEM, ITEM_NAME, LEVEL, FORMS, QUALIFIED, UNSATISFIED, UNRATED, SATISFACTION_RATE,
                SATISFACTION_RATE_CI_LOW, SATISFACTION_RATE_CI_HIGH);

        private SatisfactionByItem() {
        }
    }

    /** Per year, office and item; rows with a null office_id hold the company-wide figures. */
    public Dataset<Row> satisfactionByItem() {
        Dataset<Row> perOffice = itemCounts(responses, "year", "office_id");
        // the company's counts are the sums of its offices' (every form belongs to one office)
        Dataset<Row> company = perOffice.groupBy("year", "item")
                .agg(sum("qualified").as("qualified"), sum("unsatisfied").as("unsatisfied"),
                        sum("unrated").as("unrated"))
                .withColumn("office_id", lit(null).cast("string"));
        return perOffice.unionByName(company)
                .join(items(), "item")
                .select(col("year"), col("office_id"), col("item"), col("item_name"), col("level"),
                        col("qualified").plus(col("unsatisfied")).plus(col("unrated")).as("forms"),
                        col("qualified"), col("unsatisfied"), col("unrated"), rate().as("satisfaction_rate"),
                        // one answer per form: the item's rated answers are independent units
                        rateLow(col("qualified").plus(col("unsatisfied"))),
                        rateHigh(col("qualified").plus(col("unsatisfied"))), col("item_order"))
                .transform(MartOrder.by(col("year"), col("office_id").asc_nulls_first(), col("item_order")))
                .drop("item_order");
    }

    /** The declared columns of {@link #SATISFACTION_BY_LEVEL}, in stored order; meanings as data/README.md shows them. */
    public static final class SatisfactionByLevel {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "survey year");
        public static final MartColumn OFFICE_ID = MartColumn.of("office_id", DataTypes.StringType,
                "null on the company rows");
        public static final MartColumn LEVEL = MartColumn.of("level", DataTypes.StringType,
                "`management` or `service`");
        public static final MartColumn RATED_FORMS = MartColumn.of("rated_forms", DataTypes.LongType,
                "forms that rated at least one of the level's items");
        public static final MartColumn QUALIFIED = MartColumn.of("qualified", DataTypes.LongType,
                "as in `satisfaction_by_office`, over the level's items only");
        public static final MartColumn UNSATISFIED = MartColumn.of("unsatisfied", DataTypes.LongType,
                "as in `satisfaction_by_office`, over the level's items only");
        public static final MartColumn UNRATED = MartColumn.of("unrated", DataTypes.LongType,
                "as in `satisfaction_by_office`, over the level's items only");
        public static final MartColumn SATISFACTION_RATE = MartColumn.of("satisfaction_rate", DataTypes.DoubleType,
                "`qualified / (qualified + unsatisfied)`; null when that sum is 0");
        public static final MartColumn SATISFACTION_RATE_CI_LOW = MartColumn.of("satisfaction_rate_ci_low", DataTypes.DoubleType,
                "the 95% Wilson interval of `satisfaction_rate` on `rated_forms` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)); null when "
                + "`satisfaction_rate` is null");
        public static final MartColumn SATISFACTION_RATE_CI_HIGH = MartColumn.of("satisfaction_rate_ci_high", DataTypes.DoubleType,
                "the 95% Wilson interval of `satisfaction_rate` on `rated_forms` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)); null when "
                + "`satisfaction_rate` is null");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, OFFICE_ID, LEVEL, RATED_FORMS, QUALIFIED, UNSATISFIED, UNRATED, SATISFACTION_RATE,
                SATISFACTION_RATE_CI_LOW, SATISFACTION_RATE_CI_HIGH);

        private SatisfactionByLevel() {
        }
    }

    /** Per year, level (management, service) and office; rows with a null office_id hold the company figures. */
    public Dataset<Row> satisfactionByLevel() {
        Dataset<Row> perOffice = levelCounts(responses, "year", "office_id");
        Dataset<Row> company = summedCounts(perOffice.groupBy("year", "level"))
                .withColumn("office_id", lit(null).cast("string"));
        return perOffice.unionByName(company)
                .select(col("year"), col("office_id"), col("level"), col("rated_forms"), col("qualified"),
                        col("unsatisfied"), col("unrated"), rate().as("satisfaction_rate"),
                        rateLow(col("rated_forms")), rateHigh(col("rated_forms")))
                .transform(MartOrder.by(col("year"), col("office_id").asc_nulls_first(), col("level")));
    }

    /** The declared columns of {@link #SATISFACTION_COMPANY}, in stored order; meanings as data/README.md shows them. */
    public static final class SatisfactionCompany {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "survey year");
        public static final MartColumn FORMS = MartColumn.required("forms", DataTypes.LongType,
                "stored forms of the year");
        public static final MartColumn RATED_FORMS = MartColumn.of("rated_forms", DataTypes.LongType,
                "forms that rated at least one item (the sum of the offices' `rated_forms`)");
        public static final MartColumn QUALIFIED = MartColumn.of("qualified", DataTypes.LongType,
                "as in [§6.2](#62-satisfaction_by_office-satisfaction-per-office-and-survey-year), over "
                + "all offices");
        public static final MartColumn UNSATISFIED = MartColumn.of("unsatisfied", DataTypes.LongType,
                "〃");
        public static final MartColumn UNRATED = MartColumn.of("unrated", DataTypes.LongType,
                "〃");
        public static final MartColumn SATISFACTION_RATE = MartColumn.of("satisfaction_rate", DataTypes.DoubleType,
                "`qualified / (qualified + unsatisfied)`; null when that sum is 0");
        public static final MartColumn SATISFACTION_RATE_CI_LOW = MartColumn.of("satisfaction_rate_ci_low", DataTypes.DoubleType,
                "the 95% Wilson interval of `satisfaction_rate` on `rated_forms` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)); null when "
                + "`satisfaction_rate` is null");
        public static final MartColumn SATISFACTION_RATE_CI_HIGH = MartColumn.of("satisfaction_rate_ci_high", DataTypes.DoubleType,
                "the 95% Wilson interval of `satisfaction_rate` on `rated_forms` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)); null when "
                + "`satisfaction_rate` is null");
        public static final MartColumn PREVIOUS_SATISFACTION_RATE = MartColumn.of("previous_satisfaction_rate", DataTypes.DoubleType,
                "the company rate of the year before; null when there is none");
        public static final MartColumn PREVIOUS_RATED_FORMS = MartColumn.of("previous_rated_forms", DataTypes.LongType,
                "that year's `rated_forms`");
        public static final MartColumn CHANGE_POINTS = MartColumn.of("change_points", DataTypes.DoubleType,
                "`(satisfaction_rate − previous_satisfaction_rate) × 100`; null when either is null");
        public static final MartColumn CHANGE_SIGNIFICANT = MartColumn.of("change_significant", DataTypes.BooleanType,
                "whether the change passes the two-proportion test at 95% on `rated_forms` and "
                + "`previous_rated_forms` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)), as in "
                + "`satisfaction_by_office`; null without a previous year's rate");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, FORMS, RATED_FORMS, QUALIFIED, UNSATISFIED, UNRATED, SATISFACTION_RATE,
                SATISFACTION_RATE_CI_LOW, SATISFACTION_RATE_CI_HIGH, PREVIOUS_SATISFACTION_RATE,
                PREVIOUS_RATED_FORMS, CHANGE_POINTS, CHANGE_SIGNIFICANT);

        private SatisfactionCompany() {
        }
    }

    /**
     * Per year, pooled over every item of every office: not an average of office rates. With last year's rate, the
     * change in points and whether it passes the two-proportion test on the forms of both years, as per office.
     */
    public Dataset<Row> satisfactionCompany() {
        Dataset<Row> rates = formCounts(responses.groupBy("year"))
                .select(col("year"), col("forms"), col("rated_forms"), col("qualified"), col("unsatisfied"),
                        col("unrated"), rate().as("satisfaction_rate"), rateLow(col("rated_forms")),
                        rateHigh(col("rated_forms")));
        Dataset<Row> previous = rates.select(col("year").plus(1).as("year"),
                col("satisfaction_rate").as("previous_satisfaction_rate"),
                col("rated_forms").as("previous_rated_forms"));
        return rates.join(previous, JoinKeys.of(List.of("year")), "left")
                .withColumn("change_points", PercentagePoints.column(col("satisfaction_rate"),
                        col("previous_satisfaction_rate")))
                .withColumn("change_significant", ChangeSignificance.column(col("satisfaction_rate"),
                        col("rated_forms"), col("previous_satisfaction_rate"), col("previous_rated_forms")))
                .transform(MartOrder.by("year"));
    }

    /** Every rating slot of the given forms, as (keep..., item, rating); rating null when not rated. */
    static Dataset<Row> ratings(Dataset<Row> forms, String... keep) {
        StringBuilder stack = new StringBuilder("stack(").append(SurveyItem.perForm());
        for (SurveyItem item : SurveyItem.values()) {
            stack.append(", '").append(item.code()).append("', ").append(item.code());
        }
        stack.append(") as (item, rating)");
        String[] columns = java.util.Arrays.copyOf(keep, keep.length + 1);
        columns[keep.length] = stack.toString();
        return forms.selectExpr(columns);
    }

    /**
     * Per group of forms ({@code by}) and item: the qualified, unsatisfied and unrated counts of the item's rating
     * slots, in one aggregation of the forms (a sum per item and count) instead of a row per slot ({@link #ratings}):
     * nine times fewer rows to aggregate (BENCHMARKS.md, issue 17).
     */
    static Dataset<Row> itemCounts(Dataset<Row> forms, String... by) {
        List<Column> sums = new ArrayList<>();
        StringBuilder stack = new StringBuilder("stack(").append(SurveyItem.perForm());
        for (SurveyItem item : SurveyItem.values()) {
            Column rating = col(item.code());
            String prefix = "item_" + item.ordinal();
            sums.add(sum(qualified(rating)).as(prefix + "_qualified"));
            sums.add(sum(unsatisfied(rating)).as(prefix + "_unsatisfied"));
            sums.add(sum(unrated(rating)).as(prefix + "_unrated"));
            stack.append(", '").append(item.code()).append("', ").append(prefix).append("_qualified, ")
                    .append(prefix).append("_unsatisfied, ").append(prefix).append("_unrated");
        }
        stack.append(") as (item, qualified, unsatisfied, unrated)");
        return unpivoted(forms, sums, stack, by);
    }

    /**
     * Per group of forms ({@code by}) and level: the forms that rated at least one of the level's items
     * ({@code rated_forms}: a level's rate pools several items of one form, which count as one unit) and the
     * qualified, unsatisfied and unrated counts over the level's items, in one aggregation of the forms.
     */
    static Dataset<Row> levelCounts(Dataset<Row> forms, String... by) {
        List<Column> sums = new ArrayList<>();
        List<ServiceLevel> levels = java.util.Arrays.stream(SurveyItem.values()).map(SurveyItem::level).distinct()
                .toList();
        StringBuilder stack = new StringBuilder("stack(").append(levels.size());
        for (ServiceLevel level : levels) {
            List<SurveyItem> items = java.util.Arrays.stream(SurveyItem.values())
                    .filter(item -> item.level() == level).toList();
            String prefix = "level_" + level.ordinal();
            Column qualified = perForm(items, SurveyMarts::qualified);
            Column unsatisfied = perForm(items, SurveyMarts::unsatisfied);
            sums.add(sum(when(qualified.plus(unsatisfied).gt(0), 1L).otherwise(0L)).as(prefix + "_rated_forms"));
            sums.add(sum(qualified).as(prefix + "_qualified"));
            sums.add(sum(unsatisfied).as(prefix + "_unsatisfied"));
            sums.add(sum(perForm(items, SurveyMarts::unrated)).as(prefix + "_unrated"));
            stack.append(", '").append(level.code()).append("', ").append(prefix).append("_rated_forms, ")
                    .append(prefix).append("_qualified, ").append(prefix).append("_unsatisfied, ").append(prefix)
                    .append("_unrated");
        }
        stack.append(") as (level, rated_forms, qualified, unsatisfied, unrated)");
        return unpivoted(forms, sums, stack, by);
    }

    /** The forms grouped {@code by}, aggregated to one wide row per group, then turned into a row per stacked part. */
    private static Dataset<Row> unpivoted(Dataset<Row> forms, List<Column> sums, CharSequence stack, String... by) {
        Dataset<Row> wide = forms.groupBy(java.util.Arrays.stream(by).map(functions::col).toArray(Column[]::new))
                .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
        String[] columns = java.util.Arrays.copyOf(by, by.length + 1);
        columns[by.length] = stack.toString();
        return wide.selectExpr(columns);
    }

    /** The sums of per-form (or per-office) counts: rated_forms, qualified, unsatisfied, unrated. */
    static Dataset<Row> summedCounts(org.apache.spark.sql.RelationalGroupedDataset grouped) {
        return grouped.agg(sum("rated_forms").as("rated_forms"), sum("qualified").as("qualified"),
                sum("unsatisfied").as("unsatisfied"), sum("unrated").as("unrated"));
    }

    /**
     * forms, the forms that rated at least one item ({@code rated_forms}: the units of the pooled rate's
     * interval), and the qualified, unsatisfied and unrated item counts over every rating slot of those forms, of
     * grouped survey forms (one row per form), in one pass, without a row per slot.
     */
    static Dataset<Row> formCounts(org.apache.spark.sql.RelationalGroupedDataset groupedForms) {
        Column rated = perForm(SurveyMarts::qualified).plus(perForm(SurveyMarts::unsatisfied));
        return groupedForms.agg(count(lit(1)).as("forms"), sum(when(rated.gt(0), 1L).otherwise(0L)).as("rated_forms"),
                sum(perForm(SurveyMarts::qualified)).as("qualified"),
                sum(perForm(SurveyMarts::unsatisfied)).as("unsatisfied"), sum(perForm(SurveyMarts::unrated))
                        .as("unrated"));
    }

    /** A slot's count (1 or 0) summed over the items of one form. */
    private static Column perForm(java.util.function.Function<Column, Column> slot) {
        return perForm(List.of(SurveyItem.values()), slot);
    }

    /** A slot's count (1 or 0) summed over some items of one form. */
    private static Column perForm(List<SurveyItem> items, java.util.function.Function<Column, Column> slot) {
        Column total = lit(0L);
        for (SurveyItem item : items) {
            total = total.plus(slot.apply(col(item.code())));
        }
        return total;
    }

    private static Column qualified(Column rating) {
        return when(rating.isin(Rating.qualifiedCodes().toArray()), 1L).otherwise(0L);
    }

    private static Column unsatisfied(Column rating) {
        return when(rating.isin(Rating.unsatisfiedCodes().toArray()), 1L).otherwise(0L);
    }

    private static Column unrated(Column rating) {
        return when(rating.isNull(), 1L).otherwise(0L);
    }

    /** The satisfaction rate of a row of counts. */
    static Column rate() {
        return SatisfactionRate.column(col("qualified"), col("unsatisfied"));
    }

    /** {@code satisfaction_rate_ci_low}: the 95% interval's lower bound of {@link #rate} on these units. */
    static Column rateLow(Column units) {
        return WilsonInterval.lowColumn(rate(), units).as("satisfaction_rate_ci_low");
    }

    /** {@code satisfaction_rate_ci_high}, as {@link #rateLow}. */
    static Column rateHigh(Column units) {
        return WilsonInterval.highColumn(rate(), units).as("satisfaction_rate_ci_high");
    }

    /** The item catalogue with Chinese names, levels and form order, for joins. */
    private Dataset<Row> items() {
        List<Row> rows = new ArrayList<>();
        for (SurveyItem item : SurveyItem.values()) {
            rows.add(RowFactory.create(item.code(), item.chinese(), item.level().code(), item.ordinal()));
        }
        StructType schema = new StructType()
                .add("item", DataTypes.StringType)
                .add("item_name", DataTypes.StringType)
                .add("level", DataTypes.StringType)
                .add("item_order", DataTypes.IntegerType);
        return spark.createDataFrame(rows, schema);
    }

    private static scala.collection.immutable.Seq<String> joinKeys() {
        return JoinKeys.of(List.of("year", "office_id"));
    }

}
