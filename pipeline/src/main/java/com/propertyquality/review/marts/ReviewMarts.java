package com.propertyquality.review.marts;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.metrics.ActionState;
import com.propertyquality.review.metrics.ClosureRate;
import com.propertyquality.review.metrics.PercentagePoints;
import com.propertyquality.review.metrics.ReviewTriggers;
import com.propertyquality.review.metrics.SatisfactionRate;
import com.propertyquality.review.metrics.SurveyReturnRate;

/**
 * The management-review marts (管理评审, procedure 4.1): whether the review is held on schedule, every extra-review
 * trigger the data shows with its evidence, and the quality objectives of the plan against what the lake says.
 * The thresholds come from {@link ReviewTriggers}; the rates from {@link SurveyMarts}, {@link ClosureRate} and
 * {@link ActionState}. Column documentation: data/README.md (§5 review triggers, §6.20–6.22).
 */
public final class ReviewMarts {

    public static final String REVIEW_READINESS = "review_readiness";
    public static final String REVIEW_TRIGGERS = "review_triggers";
    public static final String REVIEW_OBJECTIVES_STATUS = "review_objectives_status";
    public static final String REVIEW_ACTIONS_FOLLOW_UP = "review_actions_follow_up";

    /** The action source of the actions a management review decides (管理评审). */
    public static final String REVIEW_ACTION_SOURCE = "review";

    /** The trigger codes, in the order of the mart. */
    public static final String REVIEW_OVERDUE = "review_overdue";
    public static final String MAJOR_COMPLAINT = "major_complaint";
    public static final String RETURN_RATE_BELOW_THRESHOLD = "return_rate_below_threshold";
    public static final String SATISFACTION_DROP = "satisfaction_drop";
    public static final String ACTION_NOT_EFFECTIVE = "action_not_effective";
    public static final String SERIOUS_NONCONFORMITY = "serious_nonconformity";
    /** Plan events that are a trigger of their own, coded by their kind. */
    public static final List<String> PLAN_EVENT_KINDS = List.of("organisation_change", "scope_change",
            "resource_change", "law_change", "standard_change", "market_change", "audit", "other");
    /** Plan events that count as a major complaint or accident. */
    public static final List<String> MAJOR_EVENT_KINDS = List.of("serious_complaint", "major_accident");

    public static final List<String> TRIGGER_ORDER;

    static {
        List<String> order = new ArrayList<>(List.of(REVIEW_OVERDUE, MAJOR_COMPLAINT, RETURN_RATE_BELOW_THRESHOLD,
                SATISFACTION_DROP, ACTION_NOT_EFFECTIVE, SERIOUS_NONCONFORMITY));
        order.addAll(PLAN_EVENT_KINDS);
        TRIGGER_ORDER = List.copyOf(order);
    }

    private final MartContext context;
    private final LakeTables lake;
    private final BigDecimal returnThreshold;
    private final LocalDate asOf;

    /** The review family of the mart registry. */
    public static List<Mart> marts() {
        return List.of(
                new Mart(REVIEW_READINESS, "per review year: meeting date, months since the previous review, the"
                        + " 12-month rule, and whether an extra review is due", List.of(REVIEW_TRIGGERS),
                        ctx -> new ReviewMarts(ctx).reviewReadiness()),
                new Mart(REVIEW_TRIGGERS, "every extra-review trigger the data shows, one row each with its evidence",
                        List.of(SurveyMarts.SURVEY_RETURNS, SurveyMarts.SATISFACTION_BY_OFFICE,
                                SurveyMarts.SATISFACTION_COMPANY),
                        ctx -> new ReviewMarts(ctx).reviewTriggers()),
                new Mart(REVIEW_OBJECTIVES_STATUS, "the plan's quality objectives against the figures of the lake",
                        List.of(SurveyMarts.SATISFACTION_COMPANY, SurveyMarts.SURVEY_RETURNS),
                        ctx -> new ReviewMarts(ctx).reviewObjectivesStatus()),
                new Mart(REVIEW_ACTIONS_FOLLOW_UP, "per review plan, the actions of management reviews it follows up"
                        + " (4.2.7), with their state at the as-of date",
                        ctx -> new ReviewMarts(ctx).reviewActionsFollowUp()));
    }

    /** The marts of a context: the survey figures they are built on come from {@link MartContext#mart}. */
    public ReviewMarts(MartContext context) {
        this.context = context;
        this.lake = context.lake();
        this.returnThreshold = context.returnThreshold();
        this.asOf = context.asOf();
    }

    /** Marts that compute the survey figures they are built on from the lake, in the same query. */
    public ReviewMarts(SparkSession spark, LakeTables lake, BigDecimal returnThreshold, LocalDate asOf) {
        this(new MartContext(spark, lake, returnThreshold, asOf));
    }

    // ---------------------------------------------------------------- review_readiness

    /** One row per year with a plan or with data (survey, feedback, inspections, actions, or a trigger). */
    public Dataset<Row> reviewReadiness() {
        Dataset<Row> triggers = context.mart(REVIEW_TRIGGERS);
        Dataset<Row> counts = triggers.groupBy("year").agg(count(lit(1)).as("triggers"),
                sum(when(col("trigger").notEqual(lit(REVIEW_OVERDUE)), 1L).otherwise(0L)).as("extra"));
        Dataset<Row> plan = plan().withColumn("has_plan", lit(true));
        Dataset<Row> years = plan.select("year")
                .union(lake.read(ImportTemplates.SURVEY_DISTRIBUTION).select("year"))
                .union(lake.read(ImportTemplates.SURVEY_RESPONSES).select("year"))
                .union(lake.read(ImportTemplates.FEEDBACK).select("year"))
                .union(lake.read(ImportTemplates.INSPECTIONS).select("year"))
                .union(lake.read(ImportTemplates.ACTIONS).select("year"))
                .union(triggers.select("year"))
                .distinct();
        Column previous = col("previous_review_on");
        Column meeting = col("meeting_date");
        Column dueBy = col("review_due_by");
        Column day = lit(asOf);
        return years.join(plan, JoinKeys.of(List.of("year")), "left")
                .join(counts, JoinKeys.of(List.of("year")), "left")
                .withColumn("review_due_by", ReviewTriggers.dueByColumn(previous))
                .select(col("year"),
                        coalesce(col("has_plan"), lit(false)).as("has_plan"),
                        meeting, col("meeting_time"), previous, dueBy,
                        ReviewTriggers.wholeMonthsColumn(previous, meeting).as("months_since_previous"),
                        ReviewTriggers.withinIntervalColumn(previous, meeting).as("within_12_months"),
                        when(meeting.isNotNull().and(previous.isNotNull()),
                                day.gt(dueBy).and(day.lt(meeting))).as("overdue_at_as_of"),
                        coalesce(col("triggers"), lit(0L)).as("triggers"),
                        coalesce(col("extra"), lit(0L)).gt(lit(0)).as("extra_review_due"),
                        day.as("as_of"))
                .orderBy("year");
    }

    // ---------------------------------------------------------------- review_triggers

    /** One row per trigger; see data/README.md §5 for the rules. */
    public Dataset<Row> reviewTriggers() {
        Dataset<Row> all = reviewOverdue()
                .unionByName(majorFeedback())
                .unionByName(majorEvents())
                .unionByName(returnRateBelowThreshold())
                .unionByName(satisfactionDrop())
                .unionByName(actionNotEffective())
                .unionByName(seriousNonconformity())
                .unionByName(planEvents());
        Column order = array_position(array(TRIGGER_ORDER.stream().map(org.apache.spark.sql.functions::lit).toArray(Column[]::new)),
                col("trigger"));
        return all.withColumn("as_of", lit(asOf))
                .orderBy(col("year"), order, col("office_id").asc_nulls_first(), col("date").asc_nulls_first(),
                        col("reference_id").asc_nulls_first());
    }

    private Dataset<Row> reviewOverdue() {
        Column previous = col("previous_review_on");
        Column meeting = col("meeting_date");
        Column dueBy = ReviewTriggers.dueByColumn(previous);
        Column atAsOf = when(lit(asOf).gt(dueBy).and(lit(asOf).lt(meeting)), lit("；评审基准日已超期"))
                .otherwise(lit(""));
        return plan().filter(previous.isNotNull().and(ReviewTriggers.withinIntervalColumn(previous, meeting).equalTo(
                        lit(false))))
                .select(col("year"), lit(REVIEW_OVERDUE).as("trigger"), nullString().as("office_id"),
                        concat(format_string("上次评审 %s，会议日期 %s，晚于最迟日期 %s（间隔超过 %d 个月）",
                                previous.cast("string"), meeting.cast("string"), dueBy.cast("string"),
                                lit(ReviewTriggers.MAX_MONTHS_BETWEEN_REVIEWS)), atAsOf).as("evidence"),
                        nullString().as("reference_id"), dueBy.as("date"), lit("review_plan").as("source"));
    }

    private Dataset<Row> majorFeedback() {
        return lake.read(ImportTemplates.FEEDBACK).filter(col("severity").equalTo(lit("major")))
                .select(col("year"), lit(MAJOR_COMPLAINT).as("trigger"), col("office_id"),
                        format_string("重大%s · %s · %s：%s",
                                ChineseNames.of(ImportTemplates.FEEDBACK_KINDS, col("kind")),
                                ChineseNames.of(ImportTemplates.AREAS, col("area")),
                                ChineseNames.of(ImportTemplates.FEEDBACK_STATUSES, col("status")),
                                coalesce(col("summary"), lit(""))).as("evidence"),
                        col("record_id").as("reference_id"), col("received_on").as("date"),
                        lit("feedback").as("source"));
    }

    private Dataset<Row> majorEvents() {
        return events().filter(col("kind").isin(MAJOR_EVENT_KINDS.toArray()))
                .select(col("year"), lit(MAJOR_COMPLAINT).as("trigger"), nullString().as("office_id"),
                        format_string("%s：%s", ChineseNames.of(ReviewPlanTables.EVENT_KINDS, col("kind")),
                                col("description")).as("evidence"),
                        eventReference(), col("date"), lit("review_events").as("source"));
    }

    private Dataset<Row> planEvents() {
        return events().filter(col("kind").isin(PLAN_EVENT_KINDS.toArray()))
                .select(col("year"), col("kind").as("trigger"), nullString().as("office_id"),
                        col("description").as("evidence"), eventReference(), col("date"),
                        lit("review_events").as("source"));
    }

    private Dataset<Row> returnRateBelowThreshold() {
        Column anomaly = col("anomaly");
        Column evidence = when(anomaly.isNull(), format_string("回收率 %d/%d = %.3f，低于 %s",
                        col("forms_returned"), col("forms_distributed"), col("return_rate"),
                        lit(returnThreshold.toPlainString())))
                .otherwise(format_string("%s：回收 %d 份，发放 %s 份", when(anomaly.equalTo(
                                lit(SurveyReturnRate.NO_DISTRIBUTION_RECORD)),
                                lit(SurveyReturnRate.anomalyChinese(SurveyReturnRate.NO_DISTRIBUTION_RECORD)))
                                .when(anomaly.equalTo(lit(SurveyReturnRate.RETURNED_EXCEEDS_DISTRIBUTED)),
                                        lit(SurveyReturnRate.anomalyChinese(
                                                SurveyReturnRate.RETURNED_EXCEEDS_DISTRIBUTED)))
                                .otherwise(anomaly), col("forms_returned"),
                        coalesce(col("forms_distributed").cast("string"), lit("—"))));
        return context.mart(SurveyMarts.SURVEY_RETURNS)
                .filter(col("meets_threshold").equalTo(lit(false)))
                .select(col("year"), lit(RETURN_RATE_BELOW_THRESHOLD).as("trigger"), col("office_id"),
                        evidence.as("evidence"), nullString().as("reference_id"), nullDate().as("date"),
                        lit("survey_returns").as("source"));
    }

    /**
     * Office rows and the company row (office_id null), each against the same scope the year before: the counts
     * of satisfaction_by_office and satisfaction_company.
     */
    private Dataset<Row> satisfactionDrop() {
        Dataset<Row> counts = context.mart(SurveyMarts.SATISFACTION_BY_OFFICE)
                .select(col("year"), col("office_id"), col("qualified"), col("unsatisfied"))
                .unionByName(context.mart(SurveyMarts.SATISFACTION_COMPANY)
                        .select(col("year"), nullString().as("office_id"), col("qualified"), col("unsatisfied")));
        Dataset<Row> previous = counts.select(col("year").plus(1).as("p_year"), col("office_id").as("p_office"),
                col("qualified").as("p_qualified"), col("unsatisfied").as("p_unsatisfied"));
        Column rate = SatisfactionRate.column(col("qualified"), col("unsatisfied"));
        Column previousRate = SatisfactionRate.column(col("p_qualified"), col("p_unsatisfied"));
        return counts.join(previous, col("year").equalTo(col("p_year"))
                        .and(col("office_id").eqNullSafe(col("p_office"))))
                .filter(ReviewTriggers.satisfactionDroppedColumn(col("p_qualified"), col("p_unsatisfied"),
                        col("qualified"), col("unsatisfied")))
                .select(col("year"), lit(SATISFACTION_DROP).as("trigger"), col("office_id"),
                        format_string("满意率 %.4f → %.4f，下降 %.1f 个百分点（%s）", previousRate, rate,
                                PercentagePoints.column(previousRate, rate),
                                when(col("office_id").isNull(), lit("公司")).otherwise(col("office_id")))
                                .as("evidence"),
                        nullString().as("reference_id"), nullDate().as("date"), lit("survey_responses").as("source"));
    }

    private Dataset<Row> actionNotEffective() {
        Column verifiedOn = col("verified_on");
        return lake.read(ImportTemplates.ACTIONS)
                .filter(ActionState.column(col("opened_on"), col("due_on"), col("closed_on"), asOf)
                        .notEqual(lit(ActionState.NOT_OPENED.code())))
                .filter(ActionState.verificationColumn(col("verification"), verifiedOn, asOf)
                        .equalTo(lit(ActionState.Verification.NOT_EFFECTIVE.code())))
                .select(year(verifiedOn).as("year"), lit(ACTION_NOT_EFFECTIVE).as("trigger"), col("office_id"),
                        format_string("措施验证无效（%s，%s，%s）：%s",
                                ChineseNames.of(ImportTemplates.AREAS, col("area")),
                                ChineseNames.of(ImportTemplates.ACTION_TYPES, col("type")),
                                col("owner_department"), col("description")).as("evidence"),
                        col("action_id").as("reference_id"), verifiedOn.as("date"), lit("actions").as("source"));
    }

    private Dataset<Row> seriousNonconformity() {
        return lake.read(ImportTemplates.INSPECTIONS)
                .filter(ReviewTriggers.seriousNonconformityColumn(col("level"), col("nonconformities")))
                .select(col("year"), lit(SERIOUS_NONCONFORMITY).as("trigger"), col("office_id"),
                        format_string("%s不合格项 %d（限值 %d；外部检查任一项），得分 %s",
                                ChineseNames.of(ImportTemplates.INSPECTION_LEVELS, col("level")),
                                col("nonconformities"), lit(ReviewTriggers.NONCONFORMITY_LIMIT),
                                col("score").cast("string")).as("evidence"),
                        col("inspection_id").as("reference_id"), col("inspected_on").as("date"),
                        lit("inspections").as("source"));
    }

    // ---------------------------------------------------------------- review_objectives_status

    /** One row per objective of every plan, in plan order. */
    public Dataset<Row> reviewObjectivesStatus() {
        Dataset<Row> satisfaction = context.mart(SurveyMarts.SATISFACTION_COMPANY)
                .select(col("year"), lit("satisfaction_rate").as("metric"), col("satisfaction_rate").as("actual"));
        Dataset<Row> returns = context.mart(SurveyMarts.SURVEY_RETURNS)
                .select(col("year"), lit("survey_return_rate").as("metric"), col("company_return_rate").as("actual"))
                .distinct();
        Column closed = sum(when(col("status").equalTo(lit(FeedbackMarts.CLOSED)), 1L).otherwise(0L));
        Dataset<Row> closure = lake.read(ImportTemplates.FEEDBACK)
                .filter(col("kind").equalTo(lit(FeedbackMarts.COMPLAINT)))
                .groupBy("year").agg(closed.as("closed"), count(lit(1)).as("complaints"))
                .select(col("year"), lit("complaint_closure_rate").as("metric"),
                        ClosureRate.column(col("closed"), col("complaints")).as("actual"));
        Dataset<Row> actuals = satisfaction.unionByName(returns).unionByName(closure);
        Column actual = col("actual");
        Column target = col("target");
        Column met = when(actual.isNull(), lit(null).cast("boolean"))
                .when(col("comparison").equalTo(lit("at_most")), actual.leq(target))
                .otherwise(actual.geq(target));
        return lake.read(ReviewPlanTables.OBJECTIVES)
                .join(actuals, JoinKeys.of(List.of("year", "metric")), "left")
                .select(col("year"), col("seq"), col("name"), col("metric"), col("comparison"), target, actual,
                        met.as("met"))
                .orderBy("year", "seq");
    }

    // ---------------------------------------------------------------- helpers

    // ---------------------------------------------------------------- review_actions_follow_up

    /**
     * For every review plan, the actions decided by management reviews (source {@code review}) that its meeting
     * follows up (4.2.7): every such action opened before the meeting, except those already verified effective
     * before the previous review (that review saw them finished). An action still open is therefore followed up by
     * every review until it has been verified effective.
     */
    public Dataset<Row> reviewActionsFollowUp() {
        Column opened = col("opened_on");
        Column due = col("due_on");
        Column closed = col("closed_on");
        Dataset<Row> actions = lake.read(ImportTemplates.ACTIONS)
                .filter(col("source").equalTo(lit(REVIEW_ACTION_SOURCE)))
                .withColumn("state", ActionState.column(opened, due, closed, asOf))
                .withColumn("overdue", ActionState.overdueColumn(opened, due, closed, asOf))
                .withColumn("verification_at",
                        ActionState.verificationColumn(col("verification"), col("verified_on"), asOf))
                .filter(col("state").notEqual(lit(ActionState.NOT_OPENED.code())))
                .drop("year");
        Dataset<Row> plans = plan().select(col("year"), col("meeting_date"), col("previous_review_on"));
        Column finishedBeforePrevious = col("verification").equalTo(lit(ActionState.Verification.EFFECTIVE.code()))
                .and(col("verified_on").lt(col("previous_review_on")));
        Dataset<Row> offices = lake.read(ImportTemplates.OFFICES).select("office_id", "office_name");
        return plans.join(actions, opened.lt(col("meeting_date"))
                        .and(not(coalesce(finishedBeforePrevious, lit(false)))))
                .join(offices, JoinKeys.of(List.of("office_id")), "left")
                .select(col("year"), col("meeting_date"), col("previous_review_on"), col("action_id"),
                        col("office_id"), col("office_name"), col("area"), col("type"), col("owner_department"),
                        opened, due, closed, col("state"), col("overdue"), col("verification_at").as("verification"),
                        when(col("verified_on").leq(lit(asOf)), col("verified_on")).as("verified_on"),
                        col("description"), lit(asOf).as("as_of"))
                .orderBy(col("year"), opened, col("action_id"));
    }

    private Dataset<Row> plan() {
        return lake.read(ReviewPlanTables.PLAN).select("year", "meeting_date", "meeting_time", "previous_review_on");
    }

    private Dataset<Row> events() {
        return lake.read(ReviewPlanTables.EVENTS);
    }

    /** A plan event is named by its list and position: events#2. */
    private static Column eventReference() {
        return concat(lit("events#"), col("seq").cast("string")).as("reference_id");
    }

    private static Column nullString() {
        return lit(null).cast("string");
    }

    private static Column nullDate() {
        return lit(null).cast("date");
    }

}
