package com.propertyquality.review.marts;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.month;
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
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.metrics.ActionState;
import com.propertyquality.review.metrics.ReviewCutOff;
import com.propertyquality.review.metrics.Area;
import com.propertyquality.review.metrics.AuthenticityRate;
import com.propertyquality.review.metrics.SatisfactionRate;
import com.propertyquality.review.metrics.WilsonInterval;

/**
 * The quality marts: return visits (回访: survey checks, paid services, complaint follow-ups), service inspections
 * (微笑100% checks) with the month's complaints, and corrective and preventive actions at the as-of date. One
 * short method per mart; the formulas come from {@link AuthenticityRate}, {@link SatisfactionRate} and
 * {@link ActionState}. Column documentation: data/README.md.
 */
public final class QualityMarts {

    public static final String RETURN_VISIT_VERIFICATION = "return_visit_verification";
    public static final String INSPECTION_SUMMARY = "inspection_summary";
    public static final String ACTION_STATUS = "action_status";
    public static final String ACTIONS_FAILED_VERIFICATION = "actions_failed_verification";

    private final SparkSession spark;
    private final LakeTables lake;

    /** The quality family of the mart registry. */
    public static List<Mart> marts() {
        return List.of(
                new Mart(RETURN_VISIT_VERIFICATION, ReturnVisitVerification.COLUMNS,
                        "return visits per office and year: survey checks (authenticity), paid services, complaints",
                        ctx -> new QualityMarts(ctx.spark(), ctx.lake()).returnVisitVerification()),
                new Mart(INSPECTION_SUMMARY, InspectionSummary.COLUMNS,
                        "service inspections per office, month and level, with the office's complaints that month",
                        ctx -> new QualityMarts(ctx.spark(), ctx.lake()).inspectionSummary()),
                new Mart(ACTION_STATUS, ActionStatus.COLUMNS,
                        "corrective and preventive actions per year, office and area: open, overdue, verification",
                        ctx -> new QualityMarts(ctx.spark(), ctx.lake()).actionStatus(ctx.cutOff())),
                new Mart(ACTIONS_FAILED_VERIFICATION, ActionsFailedVerification.COLUMNS,
                        "every action whose verification found it not effective by its year's cut-off (or the --as-of day)",
                        ctx -> new QualityMarts(ctx.spark(), ctx.lake()).actionsFailedVerification(ctx.cutOff())));
    }

    public QualityMarts(SparkSession spark, LakeTables lake) {
        this.spark = spark;
        this.lake = lake;
    }

    /** The declared columns of {@link #RETURN_VISIT_VERIFICATION}, in stored order; meanings as data/README.md shows them. */
    public static final class ReturnVisitVerification {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "survey year and visit year (see above)");
        public static final MartColumn OFFICE_ID = MartColumn.of("office_id", DataTypes.StringType,
                "from the register");
        public static final MartColumn OFFICE_NAME = MartColumn.of("office_name", DataTypes.StringType,
                "from the register");
        public static final MartColumn FORMS_RETURNED = MartColumn.of("forms_returned", DataTypes.LongType,
                "stored `survey_responses` rows of the office and survey year; 0 when none (the same as "
                + "`survey_returns.forms_returned`)");
        public static final MartColumn SURVEY_CHECKS = MartColumn.of("survey_checks", DataTypes.LongType,
                "checks attempted: `return_visits` of the office in the year with `purpose` "
                + "`survey_check`, every result");
        public static final MartColumn SURVEY_CHECKS_REACHED = MartColumn.of("survey_checks_reached", DataTypes.LongType,
                "checks that reached the household: those of `survey_checks` with `result` `confirmed` or "
                + "`not_confirmed`");
        public static final MartColumn FORMS_VERIFIED = MartColumn.of("forms_verified", DataTypes.LongType,
                "forms of the office and survey year that have at least one survey check of that office "
                + "that reached the household, made in any year (distinct `response_id`s: a form checked "
                + "twice counts once)");
        public static final MartColumn VERIFIED_SHARE = MartColumn.of("verified_share", DataTypes.DoubleType,
                "`forms_verified / forms_returned`; null when `forms_returned` is 0. A count of the "
                + "checking done, not a sample: no interval");
        public static final MartColumn SURVEY_CHECKS_UNMATCHED = MartColumn.of("survey_checks_unmatched", DataTypes.LongType,
                "survey checks of the year whose `ref_id` is blank or is no stored `response_id` of the "
                + "office");
        public static final MartColumn CONFIRMED = MartColumn.of("confirmed", DataTypes.LongType,
                "survey checks of the year with `result` `confirmed` 属实");
        public static final MartColumn NOT_CONFIRMED = MartColumn.of("not_confirmed", DataTypes.LongType,
                "〃 `not_confirmed` 不属实");
        public static final MartColumn UNREACHABLE = MartColumn.of("unreachable", DataTypes.LongType,
                "〃 `unreachable` 未联系上");
        public static final MartColumn AUTHENTICITY_RATE = MartColumn.of("authenticity_rate", DataTypes.DoubleType,
                "`confirmed / survey_checks_reached`; unreachable checks are not in it; null when no check "
                + "reached anyone");
        public static final MartColumn AUTHENTICITY_RATE_CI_LOW = MartColumn.of("authenticity_rate_ci_low", DataTypes.DoubleType,
                "the 95% Wilson interval of `authenticity_rate` on `survey_checks_reached` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)); null when "
                + "`authenticity_rate` is null");
        public static final MartColumn AUTHENTICITY_RATE_CI_HIGH = MartColumn.of("authenticity_rate_ci_high", DataTypes.DoubleType,
                "the 95% Wilson interval of `authenticity_rate` on `survey_checks_reached` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)); null when "
                + "`authenticity_rate` is null");
        public static final MartColumn PAID_SERVICE_VISITS = MartColumn.of("paid_service_visits", DataTypes.LongType,
                "visits of the year with `purpose` `paid_service`, every result");
        public static final MartColumn PAID_SERVICE_SATISFIED = MartColumn.of("paid_service_satisfied", DataTypes.LongType,
                "〃 with `result` `satisfied`");
        public static final MartColumn PAID_SERVICE_DISSATISFIED = MartColumn.of("paid_service_dissatisfied", DataTypes.LongType,
                "〃 with `result` `dissatisfied`");
        public static final MartColumn PAID_SERVICE_SATISFACTION = MartColumn.of("paid_service_satisfaction", DataTypes.DoubleType,
                "`paid_service_satisfied / (paid_service_satisfied + paid_service_dissatisfied)` (the 满意率 "
                + "formula, `SatisfactionRate`); null when both are 0");
        public static final MartColumn PAID_SERVICE_SATISFACTION_CI_LOW = MartColumn.of("paid_service_satisfaction_ci_low", DataTypes.DoubleType,
                "the 95% Wilson interval of `paid_service_satisfaction` on `paid_service_satisfied + "
                + "paid_service_dissatisfied` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)); null when "
                + "`paid_service_satisfaction` is null");
        public static final MartColumn PAID_SERVICE_SATISFACTION_CI_HIGH = MartColumn.of("paid_service_satisfaction_ci_high", DataTypes.DoubleType,
                "the 95% Wilson interval of `paid_service_satisfaction` on `paid_service_satisfied + "
                + "paid_service_dissatisfied` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)); null when "
                + "`paid_service_satisfaction` is null");
        public static final MartColumn COMPLAINT_FOLLOWUP_VISITS = MartColumn.of("complaint_followup_visits", DataTypes.LongType,
                "visits of the year with `purpose` `complaint` 投诉回访, every result");
        public static final MartColumn COMPLAINT_FOLLOWUP_SATISFIED = MartColumn.of("complaint_followup_satisfied", DataTypes.LongType,
                "〃 with `result` `satisfied`");
        public static final MartColumn COMPLAINT_FOLLOWUP_DISSATISFIED = MartColumn.of("complaint_followup_dissatisfied", DataTypes.LongType,
                "〃 with `result` `dissatisfied`");
        public static final MartColumn COMPLAINT_FOLLOWUP_SATISFACTION = MartColumn.of("complaint_followup_satisfaction", DataTypes.DoubleType,
                "`complaint_followup_satisfied / (complaint_followup_satisfied + "
                + "complaint_followup_dissatisfied)`; null when both are 0");
        public static final MartColumn COMPLAINT_FOLLOWUP_SATISFACTION_CI_LOW = MartColumn.of("complaint_followup_satisfaction_ci_low", DataTypes.DoubleType,
                "the 95% Wilson interval of `complaint_followup_satisfaction` on "
                + "`complaint_followup_satisfied + complaint_followup_dissatisfied` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)); null when "
                + "`complaint_followup_satisfaction` is null");
        public static final MartColumn COMPLAINT_FOLLOWUP_SATISFACTION_CI_HIGH = MartColumn.of("complaint_followup_satisfaction_ci_high", DataTypes.DoubleType,
                "the 95% Wilson interval of `complaint_followup_satisfaction` on "
                + "`complaint_followup_satisfied + complaint_followup_dissatisfied` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)); null when "
                + "`complaint_followup_satisfaction` is null");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, OFFICE_ID, OFFICE_NAME, FORMS_RETURNED, SURVEY_CHECKS, SURVEY_CHECKS_REACHED, FORMS_VERIFIED,
                VERIFIED_SHARE, SURVEY_CHECKS_UNMATCHED, CONFIRMED, NOT_CONFIRMED, UNREACHABLE, AUTHENTICITY_RATE,
                AUTHENTICITY_RATE_CI_LOW, AUTHENTICITY_RATE_CI_HIGH, PAID_SERVICE_VISITS, PAID_SERVICE_SATISFIED,
                PAID_SERVICE_DISSATISFIED, PAID_SERVICE_SATISFACTION, PAID_SERVICE_SATISFACTION_CI_LOW,
                PAID_SERVICE_SATISFACTION_CI_HIGH, COMPLAINT_FOLLOWUP_VISITS, COMPLAINT_FOLLOWUP_SATISFIED,
                COMPLAINT_FOLLOWUP_DISSATISFIED, COMPLAINT_FOLLOWUP_SATISFACTION,
                COMPLAINT_FOLLOWUP_SATISFACTION_CI_LOW, COMPLAINT_FOLLOWUP_SATISFACTION_CI_HIGH);

        private ReturnVisitVerification() {
        }
    }

    /** One row per office of the register and year found in survey_responses or return_visits. */
    public Dataset<Row> returnVisitVerification() {
        Dataset<Row> responses = lake.read(ImportTemplates.SURVEY_RESPONSES).select("year", "office_id", "response_id");
        Dataset<Row> visits = lake.read(ImportTemplates.RETURN_VISITS).select("year", "office_id", "purpose", "ref_id",
                "result");
        Dataset<Row> years = responses.select("year").union(visits.select("year")).distinct();
        Dataset<Row> returned = responses.groupBy("year", "office_id").agg(count(lit(1)).as("forms_returned"));

        // a survey check names a form by its response_id; it must be a form of the visiting office (any survey year),
        // and only a check that reached the household verifies it (5.2.1): an unreachable visit checked nothing
        Dataset<Row> checked = visits.filter(col("purpose").equalTo("survey_check")
                        .and(AuthenticityRate.reachedColumn(col("result"))))
                .select(col("office_id"), col("ref_id").as("response_id")).distinct();
        Dataset<Row> verified = responses.join(checked, JoinKeys.of(List.of("office_id", "response_id")), "left_semi")
                .groupBy("year", "office_id").agg(countDistinct(col("response_id")).as("forms_verified"));
        Dataset<Row> formKeys = responses.select(col("office_id").as("form_office"), col("response_id"))
                .distinct().withColumn("matched", lit(true));
        Dataset<Row> matchedVisits = visits.join(formKeys,
                col("office_id").equalTo(col("form_office")).and(col("ref_id").equalTo(col("response_id"))), "left");

        Column check = col("purpose").equalTo("survey_check");
        Column paid = col("purpose").equalTo("paid_service");
        Column complaint = col("purpose").equalTo("complaint");
        Column result = col("result");
        Dataset<Row> visitCounts = matchedVisits.groupBy("year", "office_id").agg(
                countOf(check).as("survey_checks"),
                countOf(check.and(AuthenticityRate.reachedColumn(result))).as("survey_checks_reached"),
                countOf(check.and(col("matched").isNull())).as("survey_checks_unmatched"),
                countOf(check.and(AuthenticityRate.confirmedColumn(result))).as("confirmed"),
                countOf(check.and(result.equalTo(AuthenticityRate.NOT_CONFIRMED))).as("not_confirmed"),
                countOf(check.and(result.equalTo(AuthenticityRate.UNREACHABLE))).as("unreachable"),
                countOf(paid).as("paid_service_visits"),
                countOf(paid.and(result.equalTo("satisfied"))).as("paid_service_satisfied"),
                countOf(paid.and(result.equalTo("dissatisfied"))).as("paid_service_dissatisfied"),
                countOf(complaint).as("complaint_followup_visits"),
                countOf(complaint.and(result.equalTo("satisfied"))).as("complaint_followup_satisfied"),
                countOf(complaint.and(result.equalTo("dissatisfied"))).as("complaint_followup_dissatisfied"));

        Dataset<Row> grid = offices().crossJoin(years)
                .join(returned, joinKeys(), "left")
                .join(verified, joinKeys(), "left")
                .join(visitCounts, joinKeys(), "left");
        for (String count : List.of("forms_returned", "forms_verified", "survey_checks", "survey_checks_reached",
                "survey_checks_unmatched", "confirmed", "not_confirmed", "unreachable", "paid_service_visits", "paid_service_satisfied",
                "paid_service_dissatisfied", "complaint_followup_visits", "complaint_followup_satisfied",
                "complaint_followup_dissatisfied")) {
            grid = grid.withColumn(count, coalesce(col(count), lit(0L)));
        }
        // the sampled rates and their interval's units: the checks that reached a household, and the visits that
        // gave an answer (satisfied / (satisfied + dissatisfied), unreachable in neither: the 满意率 formula); the
        // verified share counts the checking done, a census, and has no interval
        Column reached = col("survey_checks_reached");
        Column authenticity = AuthenticityRate.column(col("confirmed"), reached);
        Column paidAnswers = col("paid_service_satisfied").plus(col("paid_service_dissatisfied"));
        Column paidService = SatisfactionRate.column(col("paid_service_satisfied"), col("paid_service_dissatisfied"));
        Column followUpAnswers = col("complaint_followup_satisfied").plus(col("complaint_followup_dissatisfied"));
        Column followUp = SatisfactionRate.column(col("complaint_followup_satisfied"),
                col("complaint_followup_dissatisfied"));
        return grid.select(col("year"), col("office_id"), col("office_name"),
                        col("forms_returned"), col("survey_checks"), col("survey_checks_reached"),
                        col("forms_verified"),
                        AuthenticityRate.verifiedShareColumn(col("forms_verified"), col("forms_returned"))
                                .as("verified_share"),
                        col("survey_checks_unmatched"),
                        col("confirmed"), col("not_confirmed"), col("unreachable"),
                        authenticity.as("authenticity_rate"),
                        withInterval(authenticity, reached, "authenticity_rate", true),
                        withInterval(authenticity, reached, "authenticity_rate", false),
                        col("paid_service_visits"), col("paid_service_satisfied"), col("paid_service_dissatisfied"),
                        paidService.as("paid_service_satisfaction"),
                        withInterval(paidService, paidAnswers, "paid_service_satisfaction", true),
                        withInterval(paidService, paidAnswers, "paid_service_satisfaction", false),
                        col("complaint_followup_visits"), col("complaint_followup_satisfied"),
                        col("complaint_followup_dissatisfied"),
                        followUp.as("complaint_followup_satisfaction"),
                        withInterval(followUp, followUpAnswers, "complaint_followup_satisfaction", true),
                        withInterval(followUp, followUpAnswers, "complaint_followup_satisfaction", false))
                .transform(MartOrder.by("year", "office_id"));
    }

    /** The declared columns of {@link #INSPECTION_SUMMARY}, in stored order; meanings as data/README.md shows them. */
    public static final class InspectionSummary {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "year of `inspected_on`");
        public static final MartColumn MONTH = MartColumn.of("month", DataTypes.IntegerType,
                "month of `inspected_on`, 1–12");
        public static final MartColumn OFFICE_ID = MartColumn.of("office_id", DataTypes.StringType,
                "the office");
        public static final MartColumn OFFICE_NAME = MartColumn.of("office_name", DataTypes.StringType,
                "from the register (left join)");
        public static final MartColumn LEVEL = MartColumn.of("level", DataTypes.StringType,
                "inspection level code");
        public static final MartColumn LEVEL_NAME = MartColumn.of("level_name", DataTypes.StringType,
                "its Chinese name (`质量管理部月检`, `神秘顾客`, …)");
        public static final MartColumn INSPECTIONS = MartColumn.of("inspections", DataTypes.LongType,
                "stored inspections");
        public static final MartColumn AVERAGE_SCORE = MartColumn.of("average_score", DataTypes.DoubleType,
                "mean `score` of those inspections (not rounded)");
        public static final MartColumn MIN_SCORE = MartColumn.of("min_score", DataTypes.DoubleType,
                "lowest `score`");
        public static final MartColumn NONCONFORMITIES = MartColumn.of("nonconformities", DataTypes.LongType,
                "sum of the `nonconformities` that were given; a blank count adds nothing; 0 when none was "
                + "given");
        public static final MartColumn INSPECTIONS_WITHOUT_COUNT = MartColumn.of("inspections_without_count", DataTypes.LongType,
                "inspections whose `nonconformities` was blank. A row with `inspections_without_count = "
                + "inspections` recorded no count at all, and its `nonconformities` 0 means \"unknown\", not "
                + "\"none found\"");
        public static final MartColumn COMPLAINTS = MartColumn.of("complaints", DataTypes.LongType,
                "the office's complaints of that year and month, the same on each of its level rows; 0 "
                + "when none");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, MONTH, OFFICE_ID, OFFICE_NAME, LEVEL, LEVEL_NAME, INSPECTIONS, AVERAGE_SCORE, MIN_SCORE,
                NONCONFORMITIES, INSPECTIONS_WITHOUT_COUNT, COMPLAINTS);

        private InspectionSummary() {
        }
    }

    /**
     * One row per year, month, office and inspection level with at least one inspection; the office's complaints
     * of that month repeat on each of its level rows. A month with complaints and no inspection has no row.
     */
    public Dataset<Row> inspectionSummary() {
        Dataset<Row> inspections = lake.read(ImportTemplates.INSPECTIONS)
                .withColumn("month", month(col("inspected_on")));
        Dataset<Row> summary = inspections.groupBy("year", "month", "office_id", "level").agg(
                count(lit(1)).as("inspections"),
                avg(col("score")).as("average_score"),
                min(col("score")).as("min_score"),
                coalesce(sum(col("nonconformities").cast("long")), lit(0L)).as("nonconformities"),
                countOf(col("nonconformities").isNull()).as("inspections_without_count"));
        Dataset<Row> complaints = lake.read(ImportTemplates.FEEDBACK)
                .filter(col("kind").equalTo("complaint"))
                .withColumn("month", month(col("received_on")))
                .groupBy("year", "month", "office_id").agg(count(lit(1)).as("complaints"));
        List<String> levels = ImportTemplates.INSPECTION_LEVELS.codes();
        Column levelName = ChineseNames.of(ImportTemplates.INSPECTION_LEVELS, col("level"), lit(null).cast("string"));
        return summary.join(complaints, JoinKeys.of(List.of("year", "month", "office_id")), "left")
                .join(offices(), JoinKeys.of(List.of("office_id")), "left")
                .select(col("year"), col("month"), col("office_id"), col("office_name"), col("level"),
                        levelName.as("level_name"), col("inspections"), col("average_score"), col("min_score"),
                        col("nonconformities"), col("inspections_without_count"),
                        coalesce(col("complaints"), lit(0L)).as("complaints"),
                        CodeColumns.position(levels, col("level")).as("level_order"))
                .transform(MartOrder.by("year", "month", "office_id", "level_order"))
                .drop("level_order");
    }

    /** The declared columns of {@link #ACTION_STATUS}, in stored order; meanings as data/README.md shows them. */
    public static final class ActionStatus {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "year of `opened_on`");
        public static final MartColumn OFFICE_ID = MartColumn.of("office_id", DataTypes.StringType,
                "null = head office");
        public static final MartColumn OFFICE_NAME = MartColumn.of("office_name", DataTypes.StringType,
                "from the register; null for the head office");
        public static final MartColumn AREA = MartColumn.of("area", DataTypes.StringType,
                "area code");
        public static final MartColumn AREA_NAME = MartColumn.of("area_name", DataTypes.StringType,
                "its Chinese name (`维修保养`)");
        public static final MartColumn LEVEL = MartColumn.of("level", DataTypes.StringType,
                "the area's level: `management`, `service` or `business` (§2.11)");
        public static final MartColumn ACTIONS = MartColumn.of("actions", DataTypes.LongType,
                "actions opened on or before the as-of date");
        public static final MartColumn CORRECTIVE = MartColumn.of("corrective", DataTypes.LongType,
                "of them, `type` `corrective` 纠正");
        public static final MartColumn PREVENTIVE = MartColumn.of("preventive", DataTypes.LongType,
                "of them, `type` `preventive` 预防");
        public static final MartColumn OPEN = MartColumn.of("open", DataTypes.LongType,
                "state `open` at the as-of date: not closed, or closed after it");
        public static final MartColumn OVERDUE = MartColumn.of("overdue", DataTypes.LongType,
                "open at the as-of date with `due_on` before it");
        public static final MartColumn CLOSED_ON_TIME = MartColumn.of("closed_on_time", DataTypes.LongType,
                "closed by the as-of date, on or before `due_on`");
        public static final MartColumn CLOSED_LATE = MartColumn.of("closed_late", DataTypes.LongType,
                "closed by the as-of date, after `due_on`");
        public static final MartColumn VERIFIED_EFFECTIVE = MartColumn.of("verified_effective", DataTypes.LongType,
                "verification `effective` dated on or before the as-of date");
        public static final MartColumn VERIFIED_NOT_EFFECTIVE = MartColumn.of("verified_not_effective", DataTypes.LongType,
                "verification `not_effective` dated on or before the as-of date");
        public static final MartColumn VERIFICATION_PENDING = MartColumn.of("verification_pending", DataTypes.LongType,
                "every other action: `pending`, or a verification dated after the as-of date");
        public static final MartColumn AS_OF = MartColumn.required("as_of", DataTypes.DateType,
                "the day the row was judged at: the cut-off of its year, or the `--as-of` day "
                + "([§5.12](#512-the-cut-off-of-a-review-year-基准日-reviewcutoff))");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, OFFICE_ID, OFFICE_NAME, AREA, AREA_NAME, LEVEL, ACTIONS, CORRECTIVE, PREVENTIVE, OPEN, OVERDUE,
                CLOSED_ON_TIME, CLOSED_LATE, VERIFIED_EFFECTIVE, VERIFIED_NOT_EFFECTIVE, VERIFICATION_PENDING, AS_OF);

        private ActionStatus() {
        }
    }

    /**
     * One row per year of opened_on, office (null = head office) and area with at least one action opened on or
     * before the as-of date; every figure is the state at that date.
     */
    public Dataset<Row> actionStatus(LocalDate asOf) {
        return actionStatus(ReviewCutOff.asOf(asOf));
    }

    /** As above, each action judged at the cut-off of its year (the year of opened_on). */
    public Dataset<Row> actionStatus(ReviewCutOff cutOff) {
        Column state = col("state");
        Column verification = col("verification_at");
        return actionsAt(cutOff)
                .groupBy("year", "office_id", "area").agg(
                        count(lit(1)).as("actions"),
                        countOf(col("type").equalTo("corrective")).as("corrective"),
                        countOf(col("type").equalTo("preventive")).as("preventive"),
                        countOf(state.equalTo(ActionState.OPEN.code())).as("open"),
                        countOf(col("overdue")).as("overdue"),
                        countOf(state.equalTo(ActionState.CLOSED_ON_TIME.code())).as("closed_on_time"),
                        countOf(state.equalTo(ActionState.CLOSED_LATE.code())).as("closed_late"),
                        countOf(verification.equalTo(ActionState.Verification.EFFECTIVE.code()))
                                .as("verified_effective"),
                        countOf(verification.equalTo(ActionState.Verification.NOT_EFFECTIVE.code()))
                                .as("verified_not_effective"),
                        countOf(verification.equalTo(ActionState.Verification.PENDING.code()))
                                .as("verification_pending"))
                .join(areas(), "area")
                .join(offices(), JoinKeys.of(List.of("office_id")), "left")
                .select(col("year"), col("office_id"), col("office_name"), col("area"), col("area_name"),
                        col("level"), col("actions"), col("corrective"), col("preventive"), col("open"),
                        col("overdue"), col("closed_on_time"), col("closed_late"), col("verified_effective"),
                        col("verified_not_effective"), col("verification_pending"), cutOff.forYear(col("year")).as("as_of"),
                        col("area_order"))
                .transform(MartOrder.by(col("year"), col("office_id").asc_nulls_first(), col("area_order")))
                .drop("area_order");
    }

    /** The declared columns of {@link #ACTIONS_FAILED_VERIFICATION}, in stored order; meanings as data/README.md shows them. */
    public static final class ActionsFailedVerification {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "year of `opened_on`");
        public static final MartColumn OFFICE_ID = MartColumn.of("office_id", DataTypes.StringType,
                "null = head office");
        public static final MartColumn OFFICE_NAME = MartColumn.of("office_name", DataTypes.StringType,
                "from the register; null for the head office");
        public static final MartColumn ACTION_ID = MartColumn.of("action_id", DataTypes.StringType,
                "as in `actions`");
        public static final MartColumn AREA = MartColumn.of("area", DataTypes.StringType,
                "area code");
        public static final MartColumn TYPE = MartColumn.of("type", DataTypes.StringType,
                "`corrective` or `preventive`");
        public static final MartColumn OWNER_DEPARTMENT = MartColumn.of("owner_department", DataTypes.StringType,
                "as in `actions`");
        public static final MartColumn OPENED_ON = MartColumn.of("opened_on", DataTypes.DateType,
                "as in `actions`");
        public static final MartColumn DUE_ON = MartColumn.of("due_on", DataTypes.DateType,
                "as in `actions`");
        public static final MartColumn CLOSED_ON = MartColumn.of("closed_on", DataTypes.DateType,
                "null when not closed");
        public static final MartColumn VERIFIED_ON = MartColumn.of("verified_on", DataTypes.DateType,
                "the date of the failed verification, on or before `as_of`");
        public static final MartColumn DESCRIPTION = MartColumn.of("description", DataTypes.StringType,
                "as in `actions`");
        public static final MartColumn AS_OF = MartColumn.required("as_of", DataTypes.DateType,
                "the day the row was judged at: the cut-off of its year, or the `--as-of` day "
                + "([§5.12](#512-the-cut-off-of-a-review-year-基准日-reviewcutoff))");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, OFFICE_ID, OFFICE_NAME, ACTION_ID, AREA, TYPE, OWNER_DEPARTMENT, OPENED_ON, DUE_ON, CLOSED_ON,
                VERIFIED_ON, DESCRIPTION, AS_OF);

        private ActionsFailedVerification() {
        }
    }

    /** One row per action whose verification, by the as-of date, found it not effective. */
    public Dataset<Row> actionsFailedVerification(LocalDate asOf) {
        return actionsFailedVerification(ReviewCutOff.asOf(asOf));
    }

    /** As above, each action judged at the cut-off of its year. */
    public Dataset<Row> actionsFailedVerification(ReviewCutOff cutOff) {
        return actionsAt(cutOff)
                .filter(col("verification_at").equalTo(ActionState.Verification.NOT_EFFECTIVE.code()))
                .join(offices(), JoinKeys.of(List.of("office_id")), "left")
                .select(col("year"), col("office_id"), col("office_name"), col("action_id"), col("area"),
                        col("type"), col("owner_department"), col("opened_on"), col("due_on"), col("closed_on"),
                        col("verified_on"), col("description"), cutOff.forYear(col("year")).as("as_of"))
                .transform(MartOrder.by(col("year"), col("office_id").asc_nulls_first(), col("verified_on"),
                        col("action_id")));
    }

    /** The actions opened on or before the as-of date, with their state, overdue flag and verification then. */
    private Dataset<Row> actionsAt(ReviewCutOff cutOff) {
        Column opened = col("opened_on");
        Column due = col("due_on");
        Column closed = col("closed_on");
        Column asOf = cutOff.forYear(col("year"));
        return lake.read(ImportTemplates.ACTIONS)
                .withColumn("state", ActionState.column(opened, due, closed, asOf))
                .withColumn("overdue", ActionState.overdueColumn(opened, due, closed, asOf))
                .withColumn("verification_at",
                        ActionState.verificationColumn(col("verification"), col("verified_on"), asOf))
                .filter(col("state").notEqual(ActionState.NOT_OPENED.code()));
    }

    private Dataset<Row> offices() {
        return lake.read(ImportTemplates.OFFICES).select("office_id", "office_name");
    }

    /** The area catalogue with Chinese names, levels and catalogue order, for joins. */
    private Dataset<Row> areas() {
        List<Row> rows = new ArrayList<>();
        for (Area area : Area.values()) {
            rows.add(RowFactory.create(area.code(), area.chinese(), area.level().code(), area.ordinal()));
        }
        StructType schema = new StructType()
                .add("area", DataTypes.StringType)
                .add("area_name", DataTypes.StringType)
                .add("level", DataTypes.StringType)
                .add("area_order", DataTypes.IntegerType);
        return spark.createDataFrame(rows, schema);
    }

    /** How many rows of the group meet the condition (a null condition counts as not met). */
    private static Column countOf(Column condition) {
        return sum(when(condition, 1L).otherwise(0L));
    }

    private static scala.collection.immutable.Seq<String> joinKeys() {
        return JoinKeys.of(List.of("year", "office_id"));
    }


    /** {@code <name>_ci_low} or {@code _ci_high}: the 95% Wilson bound of a rate on its units. */
    static Column withInterval(Column rate, Column units, String name, boolean low) {
        return (low ? WilsonInterval.lowColumn(rate, units) : WilsonInterval.highColumn(rate, units))
                .as(name + (low ? "_ci_low" : "_ci_high"));
    }
}
