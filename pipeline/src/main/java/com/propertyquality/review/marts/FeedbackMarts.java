package com.propertyquality.review.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
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
import com.propertyquality.review.metrics.ClosureRate;
import com.propertyquality.review.metrics.DaysToClose;
import com.propertyquality.review.metrics.Fraction;
import com.propertyquality.review.metrics.MainFactors;
import com.propertyquality.review.metrics.OpenFeedback;
import com.propertyquality.review.metrics.ReviewCutOff;

/**
 * The feedback marts, from the register (顾客意见登记表) and the corrective actions: handling figures per group of
 * entries, and the Pareto view of complaints per area (主要因素). One short method per mart; the formulas come
 * from {@link ClosureRate}, {@link DaysToClose}, {@link OpenFeedback} and {@link MainFactors}. Column
 * documentation: data/README.md.
 */
public final class FeedbackMarts {

    public static final String FEEDBACK_SUMMARY = "feedback_summary";
    public static final String COMPLAINT_PARETO = "complaint_pareto";
    public static final String MAIN_FACTORS_WITHOUT_ACTION = "main_factors_without_action";

    static final String COMPLAINT = "complaint";
    static final String CLOSED = "closed";
    static final String CORRECTIVE = "corrective";
    static final String PREVENTIVE = "preventive";

    private final SparkSession spark;
    private final Dataset<Row> offices;
    private final Dataset<Row> feedback;
    /** The feedback table's rows, from its snapshot's summary: they size the summary's partitions. */
    private final long feedbackEntries;
    private final Dataset<Row> actions;
    private final Dataset<Row> plans;

    /** The feedback family of the mart registry. */
    public static List<Mart> marts() {
        return List.of(
                new Mart(FEEDBACK_SUMMARY, FeedbackSummary.COLUMNS, "feedback register entries per month, office, channel, kind, area and"
                        + " severity: closure, days to close, open over 30 days, originals kept",
                        ctx -> new FeedbackMarts(ctx.spark(), ctx.lake()).feedbackSummary(ctx.cutOff())),
                new Mart(COMPLAINT_PARETO, ComplaintPareto.COLUMNS, "complaints per area, company-wide and per office and year, with the"
                        + " main factors (80%) and whether a corrective or preventive action answers each",
                        ctx -> new FeedbackMarts(ctx.spark(), ctx.lake()).complaintPareto()),
                new Mart(MAIN_FACTORS_WITHOUT_ACTION, MainFactorsWithoutAction.COLUMNS, "main factors (主要因素) that have no corrective or preventive action, per"
                        + " year, company-wide and per office", List.of(COMPLAINT_PARETO),
                        ctx -> mainFactorsWithoutAction(ctx.mart(COMPLAINT_PARETO))));
    }

    public FeedbackMarts(SparkSession spark, LakeTables lake) {
        this.spark = spark;
        this.offices = lake.read(ImportTemplates.OFFICES).select("office_id", "office_name");
        this.feedback = lake.read(ImportTemplates.FEEDBACK);
        this.feedbackEntries = lake.rows(ImportTemplates.FEEDBACK);
        this.actions = lake.read(ImportTemplates.ACTIONS);
        this.plans = lake.read(ReviewPlanTables.PLAN).select("year", "meeting_date");
    }

    /** The declared columns of {@link #FEEDBACK_SUMMARY}, in stored order; meanings as data/README.md shows them. */
    public static final class FeedbackSummary {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "year of `received_on` (the lake's `year` partition)");
        public static final MartColumn MONTH = MartColumn.of("month", DataTypes.IntegerType,
                "month of `received_on`, 1–12");
        public static final MartColumn OFFICE_ID = MartColumn.of("office_id", DataTypes.StringType,
                "the office");
        public static final MartColumn OFFICE_NAME = MartColumn.of("office_name", DataTypes.StringType,
                "from the register (left join); null only when the office is not in the register");
        public static final MartColumn CHANNEL = MartColumn.of("channel", DataTypes.StringType,
                "channel code (`phone`, `visit`, …)");
        public static final MartColumn KIND = MartColumn.of("kind", DataTypes.StringType,
                "`complaint`, `opinion`, `service_request` or `praise`");
        public static final MartColumn AREA = MartColumn.of("area", DataTypes.StringType,
                "area code ([§2.11](#211-the-area-catalogue--涉及方面))");
        public static final MartColumn LEVEL = MartColumn.of("level", DataTypes.StringType,
                "the area's level: `management`, `service` or `business` (`Area`)");
        public static final MartColumn SEVERITY = MartColumn.of("severity", DataTypes.StringType,
                "`normal` or `major` (blank is stored as `normal`)");
        public static final MartColumn ENTRIES = MartColumn.required("entries", DataTypes.LongType,
                "stored entries");
        public static final MartColumn CLOSED = MartColumn.of("closed", DataTypes.LongType,
                "entries with `status` `closed`");
        public static final MartColumn CLOSURE_RATE = MartColumn.of("closure_rate", DataTypes.DoubleType,
                "`closed / entries` ([§5.4](#54-closure-rate-of-the-feedback-register-closurerate)); never "
                + "null here, because every row has entries");
        public static final MartColumn CLOSURE_RATE_CI_LOW = MartColumn.of("closure_rate_ci_low", DataTypes.DoubleType,
                "the 95% Wilson interval of `closure_rate` on `entries` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)); null when "
                + "`closure_rate` is null");
        public static final MartColumn CLOSURE_RATE_CI_HIGH = MartColumn.of("closure_rate_ci_high", DataTypes.DoubleType,
                "the 95% Wilson interval of `closure_rate` on `entries` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)); null when "
                + "`closure_rate` is null");
        public static final MartColumn MEDIAN_DAYS_TO_CLOSE = MartColumn.of("median_days_to_close", DataTypes.DoubleType,
                "exact median of `closed_on − received_on` in days, over the closed entries "
                + "([§5.5](#55-days-to-close-and-their-percentiles-daystoclose)); null when none is closed");
        public static final MartColumn P90_DAYS_TO_CLOSE = MartColumn.of("p90_days_to_close", DataTypes.DoubleType,
                "exact 90th percentile of the same days, with linear interpolation; null when none is "
                + "closed");
        public static final MartColumn OPEN_OVER_30_DAYS = MartColumn.of("open_over_30_days", DataTypes.LongType,
                "entries open at the as-of date and received more than 30 days before it "
                + "([§5.6](#56-open-at-the-as-of-date-and-open-over-30-days-openfeedback))");
        public static final MartColumn ORIGINALS_KEPT = MartColumn.of("originals_kept", DataTypes.LongType,
                "entries with `original_kept` true (原件保管)");
        public static final MartColumn ORIGINALS_KNOWN = MartColumn.of("originals_known", DataTypes.LongType,
                "entries where `original_kept` is given (true or false); blank counts in neither");
        public static final MartColumn ORIGINAL_KEPT_SHARE = MartColumn.of("original_kept_share", DataTypes.DoubleType,
                "`originals_kept / originals_known`; null when `originals_known` is 0");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, MONTH, OFFICE_ID, OFFICE_NAME, CHANNEL, KIND, AREA, LEVEL, SEVERITY, ENTRIES, CLOSED,
                CLOSURE_RATE, CLOSURE_RATE_CI_LOW, CLOSURE_RATE_CI_HIGH, MEDIAN_DAYS_TO_CLOSE, P90_DAYS_TO_CLOSE,
                OPEN_OVER_30_DAYS, ORIGINALS_KEPT, ORIGINALS_KNOWN, ORIGINAL_KEPT_SHARE);

        private FeedbackSummary() {
        }
    }

    /** One row per (year, month, office, channel, kind, area, severity) with at least one entry. */
    public Dataset<Row> feedbackSummary(LocalDate asOf) {
        return feedbackSummary(ReviewCutOff.asOf(asOf));
    }

    /**
     * As above, each entry's "open over 30 days" judged at the cut-off of its year. The groups are summed by
     * {@link FeedbackGroups}, each entry judged here by the formulas' Spark forms.
     */
    public Dataset<Row> feedbackSummary(ReviewCutOff cutOff) {
        Column received = col("received_on");
        Column isClosed = col("status").equalTo(lit(CLOSED));
        Column kept = col("original_kept");
        FeedbackGroups.Entries judged = new FeedbackGroups.Entries(col("year"), month(received), col("office_id"),
                col("channel"), col("kind"), col("area"), col("level"), col("severity"), isClosed,
                when(isClosed, DaysToClose.daysColumn(received, col("closed_on"))),
                OpenFeedback.openOverDaysColumn(col("status"), received, col("closed_on"), cutOff.forYear(col("year"))),
                kept.equalTo(lit(true)), kept.isNotNull());
        int partitions = FeedbackGroups.partitions(feedbackEntries, spark.sparkContext().defaultParallelism());
        return FeedbackGroups.summed(feedback.join(areas(), JoinKeys.of(List.of("area")), "left"), judged, partitions)
                .join(offices, JoinKeys.of(List.of("office_id")), "left")
                // the rate once, then its interval: the interval's expression repeats the rate a dozen times, and
                // written out in it made the stage's generated method too long for the JIT to compile
                .withColumn("closure_rate", ClosureRate.column(col("closed"), col("entries")))
                .select(col("year"), col("month"), col("office_id"), col("office_name"), col("channel"),
                        col("kind"), col("area"), col("level"), col("severity"), col("entries"), col("closed"),
                        col("closure_rate"),
                        // n = the entries: each entry is closed or not
                        QualityMarts.withInterval(col("closure_rate"), col("entries"), "closure_rate", true),
                        QualityMarts.withInterval(col("closure_rate"), col("entries"), "closure_rate", false),
                        col("median_days_to_close"), col("p90_days_to_close"),
                        col("open_over_30_days"),
                        col("originals_kept"), col("originals_known"),
                        Fraction.column(col("originals_kept"), col("originals_known")).as("original_kept_share"))
                .transform(MartOrder.by("year", "month", "office_id", "channel", "kind", "area", "severity"));
    }

    /** The declared columns of {@link #COMPLAINT_PARETO}, in stored order; meanings as data/README.md shows them. */
    public static final class ComplaintPareto {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "year of `received_on`");
        public static final MartColumn OFFICE_ID = MartColumn.of("office_id", DataTypes.StringType,
                "null = company-wide row");
        public static final MartColumn OFFICE_NAME = MartColumn.of("office_name", DataTypes.StringType,
                "from the register (left join); null on company-wide rows");
        public static final MartColumn AREA = MartColumn.of("area", DataTypes.StringType,
                "area code");
        public static final MartColumn AREA_NAME = MartColumn.of("area_name", DataTypes.StringType,
                "Chinese name (`维修保养`)");
        public static final MartColumn LEVEL = MartColumn.of("level", DataTypes.StringType,
                "`management`, `service` or `business`");
        public static final MartColumn COMPLAINTS = MartColumn.required("complaints", DataTypes.LongType,
                "register entries with `kind` `complaint`, for this area, scope and year");
        public static final MartColumn SCOPE_COMPLAINTS = MartColumn.of("scope_complaints", DataTypes.LongType,
                "all complaints of the scope (company or office) and year, over every area");
        public static final MartColumn SHARE = MartColumn.of("share", DataTypes.DoubleType,
                "`complaints / scope_complaints`");
        public static final MartColumn CUMULATIVE_SHARE = MartColumn.of("cumulative_share", DataTypes.DoubleType,
                "complaints of this area and of every area ranked before it, divided by `scope_complaints`");
        public static final MartColumn RANK = MartColumn.of("rank", DataTypes.IntegerType,
                "position in the order complaints descending, then area code ascending; 1 = most complaints");
        public static final MartColumn MAIN_FACTOR = MartColumn.of("main_factor", DataTypes.BooleanType,
                "complaints of the areas ranked before it `< 0.80 × scope_complaints`, compared exactly "
                + "([§5.7](#57-main-factors-主要因素-mainfactors))");
        public static final MartColumn HAS_ACTION = MartColumn.of("has_action", DataTypes.BooleanType,
                "a corrective **or preventive** action for this area that addresses the year: opened in "
                + "the year, or after it up to the day of that year's review meeting "
                + "([§5.7](#57-main-factors-主要因素-mainfactors)). For an office row, the action must be that "
                + "office's own or a head-office action (`office_id` blank). For a company-wide row, an "
                + "action of any office or of the head office counts");
        public static final MartColumn CORRECTIVE_ACTION = MartColumn.of("corrective_action", DataTypes.BooleanType,
                "such an action of `type` `corrective` exists");
        public static final MartColumn PREVENTIVE_ACTION = MartColumn.of("preventive_action", DataTypes.BooleanType,
                "such an action of `type` `preventive` exists");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, OFFICE_ID, OFFICE_NAME, AREA, AREA_NAME, LEVEL, COMPLAINTS, SCOPE_COMPLAINTS, SHARE,
                CUMULATIVE_SHARE, RANK, MAIN_FACTOR, HAS_ACTION, CORRECTIVE_ACTION, PREVENTIVE_ACTION);

        private ComplaintPareto() {
        }
    }

    /**
     * Per year: one row per area with complaints company-wide (office_id null), and one per office and area with
     * complaints. An office without complaints in a year has no rows for it.
     */
    public Dataset<Row> complaintPareto() {
        Dataset<Row> complaints = feedback.filter(col("kind").equalTo(lit(COMPLAINT)));
        Dataset<Row> perOffice = complaints.groupBy("year", "office_id", "area").agg(count(lit(1)).as("complaints"));
        // the company's counts as the sums of its offices': one scan of the feedback serves both
        Dataset<Row> company = perOffice.groupBy("year", "area").agg(sum(col("complaints")).as("complaints"))
                .withColumn("office_id", lit(null).cast("string"));
        // window partitions group the null office_id of the company rows together
        WindowSpec scope = Window.partitionBy("year", "office_id");
        WindowSpec ordered = scope.orderBy(MainFactors.order(col("complaints"), col("area")));
        Column running = sum(col("complaints")).over(
                ordered.rowsBetween(Window.unboundedPreceding(), Window.currentRow()));
        Column total = sum(col("complaints")).over(scope);
        Dataset<Row> pareto = perOffice.unionByName(company)
                .withColumn("rank", row_number().over(ordered))
                .withColumn("running", running)
                .withColumn("scope_complaints", total);
        Column before = col("running").minus(col("complaints"));
        return withActions(pareto)
                .join(areas(), JoinKeys.of(List.of("area")), "left")
                .join(offices, JoinKeys.of(List.of("office_id")), "left")
                .select(col("year"), col("office_id"), col("office_name"), col("area"), col("area_name"),
                        col("level"), col("complaints"), col("scope_complaints"),
                        col("complaints").cast("double").divide(col("scope_complaints").cast("double")).as("share"),
                        col("running").cast("double").divide(col("scope_complaints").cast("double"))
                                .as("cumulative_share"),
                        col("rank"),
                        MainFactors.column(before, col("scope_complaints")).as("main_factor"),
                        col("has_action"), col("corrective_action"), col("preventive_action"))
                .transform(MartOrder.by(col("year"), col("office_id").asc_nulls_first(), col("rank")));
    }

    /** The declared columns of {@link #MAIN_FACTORS_WITHOUT_ACTION}, in stored order; meanings as data/README.md shows them. */
    public static final class MainFactorsWithoutAction {
        /** Those of complaint_pareto without its action columns, in the same order. */
        public static final MartColumns COLUMNS = ComplaintPareto.COLUMNS.without(ComplaintPareto.MAIN_FACTOR,
                ComplaintPareto.HAS_ACTION, ComplaintPareto.CORRECTIVE_ACTION, ComplaintPareto.PREVENTIVE_ACTION);

        private MainFactorsWithoutAction() {
        }
    }

    /** The rows of complaint_pareto that are main factors without a corrective or preventive action: to open. */
    public static Dataset<Row> mainFactorsWithoutAction(Dataset<Row> complaintPareto) {
        return complaintPareto.where(col("main_factor").and(col("has_action").equalTo(lit(false))))
                .drop("main_factor", "has_action", "corrective_action", "preventive_action");
    }

    /**
     * has_action: a corrective or preventive action for the area that addresses the year ({@link
     * MainFactors#addresses}: opened in the year, or after it up to the year's review meeting), by the office or by
     * the head office (office_id null, a company-wide measure) for an office row, by anyone for a company-wide row;
     * corrective_action and preventive_action say which kinds there are.
     */
    private Dataset<Row> withActions(Dataset<Row> pareto) {
        // the years of any feedback (a superset of the pareto's, which the left join below makes harmless): read
        // from the partition column alone instead of computing the pareto a second time
        Dataset<Row> reviewYears = feedback.select("year").distinct().join(plans, JoinKeys.of(List.of("year")), "left");
        Dataset<Row> addressing = actions.drop("year")
                .join(reviewYears, MainFactors.addressesColumn(col("opened_on"), col("year"), col("meeting_date")))
                .select(col("year"), col("office_id"), col("area"),
                        col("type").equalTo(lit(CORRECTIVE)).as("corrective"),
                        col("type").equalTo(lit(PREVENTIVE)).as("preventive"));
        Dataset<Row> anywhere = kinds(addressing, List.of("year", "area"), "any");
        Dataset<Row> headOffice = kinds(addressing.filter(col("office_id").isNull()), List.of("year", "area"), "head");
        Dataset<Row> own = kinds(addressing.filter(col("office_id").isNotNull()), List.of("year", "office_id", "area"),
                "own");
        Column company = col("office_id").isNull();
        Column corrective = when(company, flag("any_corrective"))
                .otherwise(flag("own_corrective").or(flag("head_corrective")));
        Column preventive = when(company, flag("any_preventive"))
                .otherwise(flag("own_preventive").or(flag("head_preventive")));
        return pareto.join(anywhere, JoinKeys.of(List.of("year", "area")), "left")
                .join(headOffice, JoinKeys.of(List.of("year", "area")), "left")
                .join(own, JoinKeys.of(List.of("year", "office_id", "area")), "left")
                .withColumn("corrective_action", corrective)
                .withColumn("preventive_action", preventive)
                .withColumn("has_action", col("corrective_action").or(col("preventive_action")))
                .drop("any_corrective", "any_preventive", "head_corrective", "head_preventive", "own_corrective",
                        "own_preventive");
    }

    /** Per key, whether any corrective and any preventive action is among the rows: {prefix}_corrective, ... */
    private static Dataset<Row> kinds(Dataset<Row> addressing, List<String> keys, String prefix) {
        Column[] by = keys.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        return addressing.groupBy(by).agg(max(col("corrective")).as(prefix + "_corrective"),
                max(col("preventive")).as(prefix + "_preventive"));
    }

    private static Column flag(String name) {
        return coalesce(col(name), lit(false));
    }

    /** The area catalogue with Chinese names and levels, for joins. */
    private Dataset<Row> areas() {
        List<Row> rows = new ArrayList<>();
        for (Area area : Area.values()) {
            rows.add(RowFactory.create(area.code(), area.chinese(), area.level().code()));
        }
        StructType schema = new StructType()
                .add("area", DataTypes.StringType)
                .add("area_name", DataTypes.StringType)
                .add("level", DataTypes.StringType);
        return spark.createDataFrame(rows, schema);
    }

}
