package com.propertyquality.review.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.SparkSession;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.metrics.ActionState;
import com.propertyquality.review.metrics.ClosureRate;
import com.propertyquality.review.metrics.ReviewCutOff;
import com.propertyquality.review.metrics.ReviewTriggers;
import com.propertyquality.review.metrics.SatisfactionRate;
import com.propertyquality.review.metrics.SurveyReturnRate;

/**
 * The management-review marts (管理评审, procedure 4.1): whether the review is held on schedule, every extra-review
 * trigger the data shows with its evidence, and the quality objectives of the plan against what the lake says.
 * The thresholds come from {@link ReviewTriggers}; the rates from {@link SurveyMarts}, {@link ClosureRate} and
 * {@link ActionState}. Column documentation: data/README.md (§5.11–5.13 review triggers, cut-off and objectives, §6.20–6.24).
 */
public final class ReviewMarts {

    public static final String REVIEW_READINESS = "review_readiness";
    public static final String REVIEW_TRIGGERS = "review_triggers";
    public static final String REVIEW_ATTENTION_ITEMS = "review_attention_items";
    public static final String REVIEW_OBJECTIVES_STATUS = "review_objectives_status";
    public static final String REVIEW_ACTIONS_FOLLOW_UP = "review_actions_follow_up";

    /** The action source of the actions a management review decides (管理评审). */
    public static final String REVIEW_ACTION_SOURCE = "review";

    // ---- review_triggers: procedure 4.1.2 a–g, nothing else

    /** 4.1.2 d: a plan event of these kinds, or a register complaint of severity major. */
    public static final String MAJOR_COMPLAINT = "major_complaint";
    /** 4.1.2 g: a serious finding of a quality-system audit (audit findings, or a plan event saying so). */
    public static final String SERIOUS_NONCONFORMITY = "serious_nonconformity";
    /** Plan events that count as 4.1.2 d. */
    public static final List<String> MAJOR_EVENT_KINDS = List.of("serious_complaint", "major_accident");
    /** The clause of 4.1.2 each plan event kind is; kinds not here (other) are attention items. */
    public static final Map<String, String> EVENT_CLAUSES = Map.ofEntries(
            Map.entry("market_change", "a"),
            Map.entry("organisation_change", "b"), Map.entry("scope_change", "b"), Map.entry("resource_change", "b"),
            Map.entry("law_change", "c"),
            Map.entry("serious_complaint", "d"), Map.entry("major_accident", "d"),
            Map.entry("standard_change", "e"),
            Map.entry("audit", "f"), Map.entry("management_request", "f"),
            Map.entry("serious_nonconformity", "g"));
    /** The register's kind that 4.1.2 d reads as a complaint (never praise, opinions or requests). */
    public static final String COMPLAINT_KIND = "complaint";
    /** The register's severity of a serious complaint (顾客严重投诉). */
    public static final String MAJOR_SEVERITY = "major";
    /** The audit-finding grade that is 4.1.2 g. */
    public static final String SERIOUS_GRADE = "serious";

    /** The trigger codes in clause order (a plan event of a, b, c, e or f is coded by its kind). */
    public static final List<String> TRIGGER_ORDER = List.of("market_change", "organisation_change",
            "scope_change", "resource_change", "law_change", MAJOR_COMPLAINT, "standard_change", "audit",
            "management_request", SERIOUS_NONCONFORMITY);

    // ---- review_attention_items (关注事项): shown beside the triggers, never counted as 4.1.2

    public static final String REVIEW_OVERDUE = "review_overdue";
    public static final String RETURN_RATE_BELOW_THRESHOLD = "return_rate_below_threshold";
    public static final String SATISFACTION_DROP = "satisfaction_drop";
    public static final String ACTION_NOT_EFFECTIVE = "action_not_effective";
    /** A routine service inspection (微笑100% checks) with many nonconformities: not an audit, so not 4.1.2 g. */
    public static final String INSPECTION_NONCONFORMITIES = "inspection_nonconformities";
    /** A plan event of kind other: 4.1.2 does not list it. */
    public static final String OTHER_EVENT = "other_event";

    /** The attention items in the order of the mart, each with the clause of the procedures it comes from. */
    public static final Map<String, String> ATTENTION_BASIS;
    public static final List<String> ATTENTION_ORDER;

    static {
        Map<String, String> basis = new LinkedHashMap<>();
        basis.put(REVIEW_OVERDUE, "4.1.1");
        basis.put(RETURN_RATE_BELOW_THRESHOLD, "5.1.2");
        basis.put(SATISFACTION_DROP, "4.2.3");
        basis.put(ACTION_NOT_EFFECTIVE, "4.5.4");
        basis.put(INSPECTION_NONCONFORMITIES, "4.2.3");
        basis.put(OTHER_EVENT, "4.2.10");
        ATTENTION_BASIS = java.util.Collections.unmodifiableMap(basis);
        ATTENTION_ORDER = List.copyOf(basis.keySet());
    }

    private final MartContext context;
    private final LakeTables lake;
    private final BigDecimal returnThreshold;
    private final ReviewCutOff cutOff;

    /** The review family of the mart registry. */
    public static List<Mart> marts() {
        return List.of(
                new Mart(REVIEW_READINESS, ReviewReadiness.COLUMNS, "per review year: meeting date, months since the previous review, the"
                        + " 12-month rule, the 4.1.2 triggers and attention items, and whether an extra review is"
                        + " due", List.of(REVIEW_TRIGGERS, REVIEW_ATTENTION_ITEMS),
                        ctx -> new ReviewMarts(ctx).reviewReadiness()),
                new Mart(REVIEW_TRIGGERS, ReviewTriggersMart.COLUMNS, "every extra-review trigger of procedure 4.1.2 (a-g) the data shows, one"
                        + " row each with its clause and evidence", ctx -> new ReviewMarts(ctx).reviewTriggers()),
                new Mart(REVIEW_ATTENTION_ITEMS, ReviewAttentionItems.COLUMNS, "attention items (关注事项) beside the triggers, not 4.1.2: the"
                        + " schedule, return rates under the threshold, satisfaction drops, actions found not"
                        + " effective, inspections with many nonconformities, other plan events",
                        List.of(SurveyMarts.SURVEY_RETURNS, SurveyMarts.SATISFACTION_BY_OFFICE,
                                SurveyMarts.SATISFACTION_COMPANY),
                        ctx -> new ReviewMarts(ctx).reviewAttentionItems()),
                new Mart(REVIEW_OBJECTIVES_STATUS, ReviewObjectivesStatus.COLUMNS, "the plan's quality objectives against the figures of the lake",
                        List.of(SurveyMarts.SATISFACTION_COMPANY, SurveyMarts.SURVEY_RETURNS),
                        ctx -> new ReviewMarts(ctx).reviewObjectivesStatus()),
                new Mart(REVIEW_ACTIONS_FOLLOW_UP, ReviewActionsFollowUp.COLUMNS, "per review plan, the actions of management reviews it follows up"
                        + " (4.2.7), with their state at the as-of date",
                        ctx -> new ReviewMarts(ctx).reviewActionsFollowUp()));
    }

    /** The marts of a context: the survey figures they are built on come from {@link MartContext#mart}. */
    public ReviewMarts(MartContext context) {
        this.context = context;
        this.lake = context.lake();
        this.returnThreshold = context.returnThreshold();
        this.cutOff = context.cutOff();
    }

    /** Marts that compute the survey figures they are built on from the lake, in the same query. */
    public ReviewMarts(SparkSession spark, LakeTables lake, BigDecimal returnThreshold, LocalDate asOf) {
        this(new MartContext(spark, lake, returnThreshold, asOf));
    }

    // ---------------------------------------------------------------- review_readiness

    /** The declared columns of {@link #REVIEW_READINESS}, in stored order; meanings as data/README.md shows them. */
    public static final class ReviewReadiness {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "review year (the plan's `year`)");
        public static final MartColumn HAS_PLAN = MartColumn.required("has_plan", DataTypes.BooleanType,
                "a plan of the year is in the lake");
        public static final MartColumn MEETING_DATE = MartColumn.of("meeting_date", DataTypes.DateType,
                "the plan's meeting date");
        public static final MartColumn MEETING_TIME = MartColumn.of("meeting_time", DataTypes.StringType,
                "as written in the plan");
        public static final MartColumn PREVIOUS_REVIEW_ON = MartColumn.of("previous_review_on", DataTypes.DateType,
                "the plan's date of the previous review");
        public static final MartColumn REVIEW_DUE_BY = MartColumn.of("review_due_by", DataTypes.DateType,
                "`previous_review_on + 12 months` "
                + "([§5.11](#511-the-management-review-schedule-and-extra-review-triggers-reviewtriggers))");
        public static final MartColumn MONTHS_SINCE_PREVIOUS = MartColumn.of("months_since_previous", DataTypes.IntegerType,
                "whole months from `previous_review_on` to `meeting_date`");
        public static final MartColumn WITHIN_12_MONTHS = MartColumn.of("within_12_months", DataTypes.BooleanType,
                "`meeting_date ≤ review_due_by`; null without a previous date (or without a plan). The "
                + "packet heads this column 符合12个月间隔 (meets the 12-month rule), so 是/否 reads without a "
                + "double negative");
        public static final MartColumn OVERDUE_AT_AS_OF = MartColumn.of("overdue_at_as_of", DataTypes.BooleanType,
                "`review_due_by < as_of < meeting_date`: at the year's cut-off the review is overdue and "
                + "not yet held; null without a plan or a previous date");
        public static final MartColumn TRIGGERS = MartColumn.required("triggers", DataTypes.LongType,
                "rows of `review_triggers` of the year: procedure 4.1.2 only; 0 when none");
        public static final MartColumn EXTRA_REVIEW_DUE = MartColumn.required("extra_review_due", DataTypes.BooleanType,
                "`triggers > 0`: at least one 4.1.2 trigger in the year");
        public static final MartColumn ATTENTION_ITEMS = MartColumn.required("attention_items", DataTypes.LongType,
                "rows of `review_attention_items` of the year (not 4.1.2)");
        public static final MartColumn AS_OF = MartColumn.required("as_of", DataTypes.DateType,
                "the day the year was judged at: its cut-off, or the `--as-of` day "
                + "([§5.12](#512-the-cut-off-of-a-review-year-基准日-reviewcutoff))");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, HAS_PLAN, MEETING_DATE, MEETING_TIME, PREVIOUS_REVIEW_ON, REVIEW_DUE_BY, MONTHS_SINCE_PREVIOUS,
                WITHIN_12_MONTHS, OVERDUE_AT_AS_OF, TRIGGERS, EXTRA_REVIEW_DUE, ATTENTION_ITEMS, AS_OF);

        private ReviewReadiness() {
        }
    }

    /** One row per year with a plan or with data (survey, feedback, inspections, actions, or a trigger). */
    public Dataset<Row> reviewReadiness() {
        Dataset<Row> triggers = context.mart(REVIEW_TRIGGERS);
        Dataset<Row> attention = context.mart(REVIEW_ATTENTION_ITEMS);
        Dataset<Row> counts = triggers.groupBy("year").agg(count(lit(1)).as("triggers"));
        Dataset<Row> attentionCounts = attention.groupBy("year").agg(count(lit(1)).as("attention_items"));
        Dataset<Row> plan = plan().withColumn("has_plan", lit(true));
        Dataset<Row> years = plan.select("year")
                .union(lake.read(ImportTemplates.SURVEY_DISTRIBUTION).select("year"))
                .union(lake.read(ImportTemplates.SURVEY_RESPONSES).select("year"))
                .union(lake.read(ImportTemplates.FEEDBACK).select("year"))
                .union(lake.read(ImportTemplates.INSPECTIONS).select("year"))
                .union(lake.read(ImportTemplates.ACTIONS).select("year"))
                .union(triggers.select("year"))
                .union(attention.select("year"))
                .distinct();
        Column previous = col("previous_review_on");
        Column meeting = col("meeting_date");
        Column dueBy = col("review_due_by");
        Column day = cutOff.forYear(col("year"));
        return years.join(plan, JoinKeys.of(List.of("year")), "left")
                .join(counts, JoinKeys.of(List.of("year")), "left")
                .join(attentionCounts, JoinKeys.of(List.of("year")), "left")
                .withColumn("review_due_by", ReviewTriggers.dueByColumn(previous))
                .select(col("year"),
                        coalesce(col("has_plan"), lit(false)).as("has_plan"),
                        meeting, col("meeting_time"), previous, dueBy,
                        ReviewTriggers.wholeMonthsColumn(previous, meeting).as("months_since_previous"),
                        ReviewTriggers.withinIntervalColumn(previous, meeting).as("within_12_months"),
                        when(meeting.isNotNull().and(previous.isNotNull()),
                                day.gt(dueBy).and(day.lt(meeting))).as("overdue_at_as_of"),
                        coalesce(col("triggers"), lit(0L)).as("triggers"),
                        coalesce(col("triggers"), lit(0L)).gt(lit(0)).as("extra_review_due"),
                        coalesce(col("attention_items"), lit(0L)).as("attention_items"),
                        day.as("as_of"))
                .transform(MartOrder.by("year"));
    }

    // ---------------------------------------------------------------- review_triggers

    /** The declared columns of {@link #REVIEW_TRIGGERS}, in stored order; meanings as data/README.md shows them. */
    public static final class ReviewTriggersMart {
        public static final MartColumn YEAR = MartColumn.required("year", DataTypes.IntegerType,
                "the year of the evidence (see §5.11)");
        public static final MartColumn CLAUSE = MartColumn.required("clause", DataTypes.StringType,
                "the clause of procedure 4.1.2: `a` … `g`");
        public static final MartColumn TRIGGER = MartColumn.required("trigger", DataTypes.StringType,
                "trigger code");
        public static final MartColumn OFFICE_ID = MartColumn.of("office_id", DataTypes.StringType,
                "the office; null when company-wide (plan events, findings without an office)");
        public static final MartColumn EVIDENCE_CODE = MartColumn.of("evidence_code", DataTypes.StringType,
                "the code the evidence is worded from: a register complaint's `area`, a plan event's `kind`, an "
                + "audit finding's `audit`");
        public static final MartColumn EVIDENCE_STATUS = MartColumn.of("evidence_status", DataTypes.StringType,
                "a register complaint's `status`; null otherwise");
        public static final MartColumn EVIDENCE_CLAUSE = MartColumn.of("evidence_clause", DataTypes.StringType,
                "an audit finding's standard clause, as recorded (`8.2.2`); null otherwise");
        public static final MartColumn EVIDENCE_TEXT = MartColumn.of("evidence_text", DataTypes.StringType,
                "what a person wrote, as recorded: the complaint's `summary`, the event's or the finding's "
                + "`description`");
        public static final MartColumn REFERENCE_ID = MartColumn.of("reference_id", DataTypes.StringType,
                "`record_id`, `events#<seq>` for a plan event, `audit_findings#<seq>` for a finding. The "
                + "packet shows a plan reference as the entry's date and description");
        public static final MartColumn DATE = MartColumn.of("date", DataTypes.DateType,
                "`received_on`, the event's or the finding's `date`");
        public static final MartColumn SOURCE = MartColumn.required("source", DataTypes.StringType,
                "`feedback`, `review_events` or `review_audit_findings`");
        public static final MartColumn AS_OF = MartColumn.required("as_of", DataTypes.DateType,
                "the year's cut-off (or the `--as-of` day)");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, CLAUSE, TRIGGER, OFFICE_ID, EVIDENCE_CODE, EVIDENCE_STATUS, EVIDENCE_CLAUSE, EVIDENCE_TEXT,
                REFERENCE_ID, DATE, SOURCE, AS_OF);

        private ReviewTriggersMart() {
        }
    }

    /** One row per trigger of procedure 4.1.2, coded by its clause; see data/README.md §5 for the rules. */
    public Dataset<Row> reviewTriggers() {
        // each kind carries the evidence fields it has; the others are null
        Dataset<Row> all = majorComplaints()
                .unionByName(clauseEvents(), true)
                .unionByName(seriousAuditFindings(), true);
        return all.withColumn("as_of", cutOff.forYear(col("year")))
                .transform(MartOrder.by(col("year"), col("clause"), CodeColumns.position(TRIGGER_ORDER, col("trigger")),
                        col("office_id").asc_nulls_first(), col("date").asc_nulls_first(),
                        col("reference_id").asc_nulls_first()))
                .select("year", "clause", "trigger", "office_id", "evidence_code", "evidence_status",
                        "evidence_clause", "evidence_text", "reference_id", "date", "source", "as_of");
    }

    /** The declared columns of {@link #REVIEW_ATTENTION_ITEMS}, in stored order; meanings as data/README.md shows them. */
    public static final class ReviewAttentionItems {
        public static final MartColumn YEAR = MartColumn.required("year", DataTypes.IntegerType,
                "the year of the evidence");
        public static final MartColumn ITEM = MartColumn.required("item", DataTypes.StringType,
                "item code");
        public static final MartColumn BASIS = MartColumn.required("basis", DataTypes.StringType,
                "the clause of the procedures it comes from: `4.1.1`, `5.1.2`, `4.2.3`, `4.5.4`, `4.2.10`");
        public static final MartColumn OFFICE_ID = MartColumn.of("office_id", DataTypes.StringType,
                "the office; null when company-wide (the company satisfaction, `review_overdue`, "
                + "head-office actions, plan events)");
        public static final MartColumn EVIDENCE_CODE = MartColumn.of("evidence_code", DataTypes.StringType,
                "the code the evidence is worded from: an action's `area`, an inspection's `level`, a plan event's "
                + "`kind`, a return rate's `anomaly` (null when the rate is simply under the threshold)");
        public static final MartColumn EVIDENCE_TYPE = MartColumn.of("evidence_type", DataTypes.StringType,
                "an action's `type` (`corrective`, `preventive`)");
        public static final MartColumn EVIDENCE_DEPARTMENT = MartColumn.of("evidence_department",
                DataTypes.StringType, "an action's `owner_department`, as recorded");
        public static final MartColumn EVIDENCE_COUNT = MartColumn.of("evidence_count", DataTypes.LongType,
                "`forms_returned` of a return rate; an inspection's `nonconformities`");
        public static final MartColumn EVIDENCE_TOTAL = MartColumn.of("evidence_total", DataTypes.LongType,
                "`forms_distributed` of a return rate; null without a distribution record");
        public static final MartColumn EVIDENCE_LIMIT = MartColumn.of("evidence_limit", DataTypes.LongType,
                "the limit the figure was judged against: 12 (months between reviews) for `review_overdue`, 5 "
                + "(nonconformities of an internal inspection; an external one counts with any) for "
                + "`inspection_nonconformities`");
        public static final MartColumn EVIDENCE_RATE = MartColumn.of("evidence_rate", DataTypes.DoubleType,
                "the return rate; the satisfaction rate of the year (`satisfaction_drop`)");
        public static final MartColumn EVIDENCE_PREVIOUS_RATE = MartColumn.of("evidence_previous_rate",
                DataTypes.DoubleType, "the satisfaction rate of the year before (`satisfaction_drop`)");
        public static final MartColumn EVIDENCE_THRESHOLD = MartColumn.of("evidence_threshold", DataTypes.DoubleType,
                "the return-rate threshold the mart was built with (`return_rate_below_threshold`)");
        public static final MartColumn EVIDENCE_SCORE = MartColumn.of("evidence_score", DataTypes.DoubleType,
                "an inspection's `score`");
        public static final MartColumn EVIDENCE_PREVIOUS_DATE = MartColumn.of("evidence_previous_date",
                DataTypes.DateType, "the plan's date of the previous review (`review_overdue`)");
        public static final MartColumn EVIDENCE_DATE = MartColumn.of("evidence_date", DataTypes.DateType,
                "the plan's meeting date (`review_overdue`)");
        public static final MartColumn EVIDENCE_TEXT = MartColumn.of("evidence_text", DataTypes.StringType,
                "what a person wrote, as recorded: an action's or a plan event's `description`");
        public static final MartColumn REFERENCE_ID = MartColumn.of("reference_id", DataTypes.StringType,
                "`action_id`, `inspection_id`, `events#<seq>`; null for survey figures and `review_overdue`");
        public static final MartColumn DATE = MartColumn.of("date", DataTypes.DateType,
                "`verified_on`, `inspected_on`, the event's `date`, or `review_due_by`; null for survey "
                + "figures");
        public static final MartColumn SOURCE = MartColumn.required("source", DataTypes.StringType,
                "`review_plan`, `review_events`, `survey_returns`, `survey_responses`, `actions`, "
                + "`inspections`");
        public static final MartColumn AS_OF = MartColumn.required("as_of", DataTypes.DateType,
                "the year's cut-off (or the `--as-of` day)");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, ITEM, BASIS, OFFICE_ID, EVIDENCE_CODE, EVIDENCE_TYPE, EVIDENCE_DEPARTMENT, EVIDENCE_COUNT,
                EVIDENCE_TOTAL, EVIDENCE_LIMIT, EVIDENCE_RATE, EVIDENCE_PREVIOUS_RATE, EVIDENCE_THRESHOLD, EVIDENCE_SCORE,
                EVIDENCE_PREVIOUS_DATE, EVIDENCE_DATE, EVIDENCE_TEXT, REFERENCE_ID, DATE, SOURCE, AS_OF);

        private ReviewAttentionItems() {
        }
    }

    /** One row per attention item (关注事项): what the review should hear of that 4.1.2 does not list. */
    public Dataset<Row> reviewAttentionItems() {
        // each item carries the evidence fields it has; the others are null
        Dataset<Row> all = reviewOverdue()
                .unionByName(returnRateBelowThreshold(), true)
                .unionByName(satisfactionDrop(), true)
                .unionByName(actionNotEffective(), true)
                .unionByName(inspectionNonconformities(), true)
                .unionByName(otherEvents(), true);
        return all.withColumn("basis", CodeColumns.lookup(ATTENTION_BASIS, col("item")))
                .withColumn("as_of", cutOff.forYear(col("year")))
                .transform(MartOrder.by(col("year"), CodeColumns.position(ATTENTION_ORDER, col("item")),
                        col("office_id").asc_nulls_first(), col("date").asc_nulls_first(),
                        col("reference_id").asc_nulls_first()))
                .select(col("year"), col("item"), col("basis"), col("office_id"), col("evidence_code"),
                        col("evidence_type"), col("evidence_department"), col("evidence_count"),
                        col("evidence_total"), col("evidence_limit"), col("evidence_rate"),
                        col("evidence_previous_rate"), col("evidence_threshold"), col("evidence_score"),
                        col("evidence_previous_date"), col("evidence_date"), col("evidence_text"),
                        col("reference_id"), col("date"), col("source"), col("as_of"));
    }

    private Dataset<Row> reviewOverdue() {
        Column previous = col("previous_review_on");
        Column meeting = col("meeting_date");
        Column dueBy = ReviewTriggers.dueByColumn(previous);
        return plan().filter(previous.isNotNull().and(ReviewTriggers.withinIntervalColumn(previous, meeting).equalTo(
                        lit(false))))
                .select(col("year"), lit(REVIEW_OVERDUE).as("item"), nullString().as("office_id"),
                        previous.as("evidence_previous_date"), meeting.as("evidence_date"),
                        lit((long) ReviewTriggers.MAX_MONTHS_BETWEEN_REVIEWS).as("evidence_limit"),
                        nullString().as("reference_id"), dueBy.as("date"), lit("review_plan").as("source"));
    }

    /** 4.1.2 d: complaints of severity major in the register. Praise, opinions and requests never count. */
    private Dataset<Row> majorComplaints() {
        return lake.read(ImportTemplates.FEEDBACK)
                .filter(col("kind").equalTo(lit(COMPLAINT_KIND)).and(col("severity").equalTo(lit(MAJOR_SEVERITY))))
                .select(col("year"), lit("d").as("clause"), lit(MAJOR_COMPLAINT).as("trigger"), col("office_id"),
                        col("area").as("evidence_code"), col("status").as("evidence_status"),
                        col("summary").as("evidence_text"),
                        col("record_id").as("reference_id"), col("received_on").as("date"),
                        lit("feedback").as("source"));
    }

    /**
     * The plan's events of a kind 4.1.2 lists, with its clause: a major accident or serious complaint is coded
     * {@link #MAJOR_COMPLAINT}, a serious nonconformity {@link #SERIOUS_NONCONFORMITY}, the others by their kind.
     */
    private Dataset<Row> clauseEvents() {
        Column kind = col("kind");
        Column clause = CodeColumns.lookup(EVENT_CLAUSES, kind);
        Column trigger = when(kind.isin(MAJOR_EVENT_KINDS.toArray()), lit(MAJOR_COMPLAINT))
                .when(kind.equalTo(lit(SERIOUS_NONCONFORMITY)), lit(SERIOUS_NONCONFORMITY))
                .otherwise(kind);
        return events().filter(kind.isin(EVENT_CLAUSES.keySet().toArray()))
                .select(col("year"), clause.as("clause"), trigger.as("trigger"), nullString().as("office_id"),
                        kind.as("evidence_code"), col("description").as("evidence_text"),
                        eventReference(), col("date"), lit("review_events").as("source"));
    }

    /** 4.1.2 g: findings graded serious in the year's quality-system audits (audit_findings of the plan). */
    private Dataset<Row> seriousAuditFindings() {
        return lake.read(ReviewPlanTables.AUDIT_FINDINGS).filter(col("grade").equalTo(lit(SERIOUS_GRADE)))
                .select(col("year"), lit("g").as("clause"), lit(SERIOUS_NONCONFORMITY).as("trigger"),
                        col("office_id"),
                        col("audit").as("evidence_code"), col("clause").as("evidence_clause"),
                        col("description").as("evidence_text"),
                        concat(lit("audit_findings#"), col("seq").cast("string")).as("reference_id"), col("date"),
                        lit("review_audit_findings").as("source"));
    }

    /** Plan events of kind other: shown to the review, not a 4.1.2 trigger. */
    private Dataset<Row> otherEvents() {
        return events().filter(not(col("kind").isin(EVENT_CLAUSES.keySet().toArray())))
                .select(col("year"), lit(OTHER_EVENT).as("item"), nullString().as("office_id"),
                        col("kind").as("evidence_code"), col("description").as("evidence_text"),
                        eventReference(), col("date"), lit("review_events").as("source"));
    }

    private Dataset<Row> returnRateBelowThreshold() {
        Column anomaly = col("anomaly");
        return context.mart(SurveyMarts.SURVEY_RETURNS)
                .filter(col("meets_threshold").equalTo(lit(false)))
                .select(col("year"), lit(RETURN_RATE_BELOW_THRESHOLD).as("item"), col("office_id"),
                        anomaly.as("evidence_code"), col("forms_returned").as("evidence_count"),
                        col("forms_distributed").as("evidence_total"), col("return_rate").as("evidence_rate"),
                        lit(returnThreshold.doubleValue()).as("evidence_threshold"),
                        nullString().as("reference_id"), nullDate().as("date"),
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
                .select(col("year"), lit(SATISFACTION_DROP).as("item"), col("office_id"),
                        previousRate.as("evidence_previous_rate"), rate.as("evidence_rate"),
                        nullString().as("reference_id"), nullDate().as("date"), lit("survey_responses").as("source"));
    }

    private Dataset<Row> actionNotEffective() {
        Column verifiedOn = col("verified_on");
        // reported in the year of its verification, judged at that year's cut-off
        Column day = cutOff.forYear(year(verifiedOn));
        return lake.read(ImportTemplates.ACTIONS)
                .filter(ActionState.column(col("opened_on"), col("due_on"), col("closed_on"), day)
                        .notEqual(lit(ActionState.NOT_OPENED.code())))
                .filter(ActionState.verificationColumn(col("verification"), verifiedOn, day)
                        .equalTo(lit(ActionState.Verification.NOT_EFFECTIVE.code())))
                .select(year(verifiedOn).as("year"), lit(ACTION_NOT_EFFECTIVE).as("item"), col("office_id"),
                        col("area").as("evidence_code"), col("type").as("evidence_type"),
                        col("owner_department").as("evidence_department"), col("description").as("evidence_text"),
                        col("action_id").as("reference_id"), verifiedOn.as("date"), lit("actions").as("source"));
    }

    /** Routine inspections with many nonconformities: an inspection is not a quality-system audit (4.1.2 g). */
    private Dataset<Row> inspectionNonconformities() {
        return lake.read(ImportTemplates.INSPECTIONS)
                .filter(ReviewTriggers.seriousNonconformityColumn(col("level"), col("nonconformities")))
                .select(col("year"), lit(INSPECTION_NONCONFORMITIES).as("item"), col("office_id"),
                        col("level").as("evidence_code"), col("nonconformities").cast("long").as("evidence_count"),
                        lit((long) ReviewTriggers.NONCONFORMITY_LIMIT).as("evidence_limit"),
                        col("score").cast("double").as("evidence_score"),
                        col("inspection_id").as("reference_id"), col("inspected_on").as("date"),
                        lit("inspections").as("source"));
    }

    // ---------------------------------------------------------------- review_objectives_status

    /** The declared columns of {@link #REVIEW_OBJECTIVES_STATUS}, in stored order; meanings as data/README.md shows them. */
    public static final class ReviewObjectivesStatus {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "plan year");
        public static final MartColumn SEQ = MartColumn.of("seq", DataTypes.IntegerType,
                "the objective's position in the plan");
        public static final MartColumn NAME = MartColumn.of("name", DataTypes.StringType,
                "目标");
        public static final MartColumn METRIC = MartColumn.of("metric", DataTypes.StringType,
                "metric code, or null");
        public static final MartColumn COMPARISON = MartColumn.of("comparison", DataTypes.StringType,
                "`at_least` or `at_most`");
        public static final MartColumn TARGET = MartColumn.of("target", DataTypes.DoubleType,
                "a fraction (0.9 for 90%)");
        public static final MartColumn ACTUAL = MartColumn.of("actual", DataTypes.DoubleType,
                "the company figure: satisfaction pooled over every item "
                + "([§6.4](#64-satisfaction_company-company-satisfaction-per-survey-year)), the company "
                + "return rate without the offices with an anomaly "
                + "([§6.1](#61-survey_returns-return-rate-per-office-and-survey-year)), or closed complaints "
                + "/ complaints of the year ([§5.4](#54-closure-rate-of-the-feedback-register-closurerate)); "
                + "null for an unknown metric or a year without the data");
        public static final MartColumn ACTUAL_CI_LOW = MartColumn.of("actual_ci_low", DataTypes.DoubleType,
                "the 95% Wilson interval of `actual` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)) for the "
                + "sampled figures: satisfaction on `satisfaction_company.rated_forms`, complaint closure on "
                + "the year's complaints; null for the return rate (a census), an unknown metric or a year "
                + "without the data. The verdict `met` compares `actual` itself, as the procedure asks");
        public static final MartColumn ACTUAL_CI_HIGH = MartColumn.of("actual_ci_high", DataTypes.DoubleType,
                "the 95% Wilson interval of `actual` "
                + "([§5.15](#515-intervals-and-significance-wilsoninterval-changesignificance)) for the "
                + "sampled figures: satisfaction on `satisfaction_company.rated_forms`, complaint closure on "
                + "the year's complaints; null for the return rate (a census), an unknown metric or a year "
                + "without the data. The verdict `met` compares `actual` itself, as the procedure asks");
        public static final MartColumn MET = MartColumn.of("met", DataTypes.BooleanType,
                "see §5.13");
        public static final MartColumn JUDGED_BY = MartColumn.of("judged_by", DataTypes.StringType,
                "`every_office` (the return rate) or `company_figure`; null without a metric");
        public static final MartColumn OFFICES_JUDGED = MartColumn.of("offices_judged", DataTypes.LongType,
                "return rate: offices with a distribution record; null otherwise");
        public static final MartColumn OFFICES_NOT_MET = MartColumn.of("offices_not_met", DataTypes.LongType,
                "return rate: offices among them below the target or with an anomaly");
        public static final MartColumn OFFICES_LEFT_OUT = MartColumn.of("offices_left_out", DataTypes.LongType,
                "return rate: offices left out of `actual` for an anomaly");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, SEQ, NAME, METRIC, COMPARISON, TARGET, ACTUAL, ACTUAL_CI_LOW, ACTUAL_CI_HIGH, MET, JUDGED_BY,
                OFFICES_JUDGED, OFFICES_NOT_MET, OFFICES_LEFT_OUT);

        private ReviewObjectivesStatus() {
        }
    }

    /**
     * One row per objective of every plan, in plan order. How each is judged ({@code judged_by}):
     * <ul>
     *   <li>{@code survey_return_rate}, {@code every_office}: procedure 5.1.2 asks every office to reach the rate, so
     *       the objective is met only when every office with a distribution record meets it ({@code
     *       survey_returns.meets_threshold} against the plan's target; an office with returns over 100% does not);
     *       {@code offices_judged} and {@code offices_not_met} say how many; {@code actual} is the pooled company
     *       rate of the offices without an anomaly, shown beside, never the verdict.</li>
     *   <li>{@code satisfaction_rate} and {@code complaint_closure_rate}, {@code company_figure}: the company figure
     *       (pooled over all rated items; closed complaints / complaints) against the target, with its 95%
     *       interval ({@code actual_ci_low}, {@code actual_ci_high}); the return rate, a census, has none.</li>
     * </ul>
     */
    public Dataset<Row> reviewObjectivesStatus() {
        Dataset<Row> satisfaction = context.mart(SurveyMarts.SATISFACTION_COMPANY)
                .select(col("year"), lit("satisfaction_rate").as("metric"), col("satisfaction_rate").as("actual"),
                        nullLong().as("offices_left_out"), col("rated_forms").as("units"));
        Dataset<Row> returns = context.mart(SurveyMarts.SURVEY_RETURNS)
                .select(col("year"), col("company_return_rate").as("actual"),
                        col("company_offices_left_out").as("offices_left_out"), nullLong().as("units"))
                .distinct()
                .withColumn("metric", lit("survey_return_rate"));
        Column closed = sum(when(col("status").equalTo(lit(FeedbackMarts.CLOSED)), 1L).otherwise(0L));
        Dataset<Row> closure = lake.read(ImportTemplates.FEEDBACK)
                .filter(col("kind").equalTo(lit(FeedbackMarts.COMPLAINT)))
                .groupBy("year").agg(closed.as("closed"), count(lit(1)).as("complaints"))
                .select(col("year"), lit("complaint_closure_rate").as("metric"),
                        ClosureRate.column(col("closed"), col("complaints")).as("actual"),
                        nullLong().as("offices_left_out"), col("complaints").as("units"));
        // the return-rate objective, office by office, against the objective's own target
        Dataset<Row> objectives = lake.read(ReviewPlanTables.OBJECTIVES);
        Column distributed = col("forms_distributed");
        Dataset<Row> perOffice = objectives.filter(col("metric").equalTo(lit("survey_return_rate")))
                .select("year", "seq", "target", "comparison")
                .join(context.mart(SurveyMarts.SURVEY_RETURNS).filter(distributed.isNotNull())
                        .select("year", "forms_distributed", "forms_returned"), JoinKeys.of(List.of("year")))
                .withColumn("office_met", SurveyReturnRate.meetsTargetColumn(distributed, col("forms_returned"),
                        col("target"), col("comparison")))
                .groupBy("year", "seq").agg(count(lit(1)).as("offices_judged"),
                        sum(when(col("office_met"), 0L).otherwise(1L)).as("offices_not_met"));
        Dataset<Row> actuals = satisfaction.unionByName(returns).unionByName(closure);
        Column actual = col("actual");
        Column target = col("target");
        Column everyOffice = col("metric").equalTo(lit("survey_return_rate"));
        Column companyMet = when(actual.isNull(), lit(null).cast("boolean"))
                .when(col("comparison").equalTo(lit("at_most")), actual.leq(target))
                .otherwise(actual.geq(target));
        Column officesMet = when(coalesce(col("offices_judged"), lit(0L)).equalTo(lit(0L)), lit(null).cast("boolean"))
                .otherwise(col("offices_not_met").equalTo(lit(0L)));
        return objectives
                .join(actuals, JoinKeys.of(List.of("year", "metric")), "left")
                .join(perOffice, JoinKeys.of(List.of("year", "seq")), "left")
                .select(col("year"), col("seq"), col("name"), col("metric"), col("comparison"), target, actual,
                        // the sampled company figures' interval (units: rated forms, complaints); the return rate is
                        // a census (units null), so none
                        QualityMarts.withInterval(actual, col("units"), "actual", true),
                        QualityMarts.withInterval(actual, col("units"), "actual", false),
                        when(everyOffice, officesMet).otherwise(companyMet).as("met"),
                        when(everyOffice, lit("every_office")).when(col("metric").isNotNull(), lit("company_figure"))
                                .as("judged_by"),
                        col("offices_judged"), col("offices_not_met"), col("offices_left_out"))
                .transform(MartOrder.by("year", "seq"));
    }

    // ---------------------------------------------------------------- helpers

    // ---------------------------------------------------------------- review_actions_follow_up

    /** The declared columns of {@link #REVIEW_ACTIONS_FOLLOW_UP}, in stored order; meanings as data/README.md shows them. */
    public static final class ReviewActionsFollowUp {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "the review plan's year");
        public static final MartColumn MEETING_DATE = MartColumn.of("meeting_date", DataTypes.DateType,
                "the plan's meeting date");
        public static final MartColumn PREVIOUS_REVIEW_ON = MartColumn.of("previous_review_on", DataTypes.DateType,
                "the plan's date of the previous review");
        public static final MartColumn ACTION_ID = MartColumn.of("action_id", DataTypes.StringType,
                "as recorded in the review plan");
        public static final MartColumn OFFICE_ID = MartColumn.of("office_id", DataTypes.StringType,
                "null = head office");
        public static final MartColumn OFFICE_NAME = MartColumn.of("office_name", DataTypes.StringType,
                "from the register; null for the head office");
        public static final MartColumn AREA = MartColumn.of("area", DataTypes.StringType,
                "area code");
        public static final MartColumn TYPE = MartColumn.of("type", DataTypes.StringType,
                "`corrective` or `preventive`");
        public static final MartColumn OWNER_DEPARTMENT = MartColumn.of("owner_department", DataTypes.StringType,
                "as recorded in the review plan");
        public static final MartColumn OPENED_ON = MartColumn.of("opened_on", DataTypes.DateType,
                "as recorded");
        public static final MartColumn DUE_ON = MartColumn.of("due_on", DataTypes.DateType,
                "as recorded");
        public static final MartColumn CLOSED_ON = MartColumn.of("closed_on", DataTypes.DateType,
                "as recorded");
        public static final MartColumn STATE = MartColumn.of("state", DataTypes.StringType,
                "the action's state at the as-of date: `open`, `closed_on_time`, `closed_late` "
                + "([§5.9](#59-actions-at-the-cut-off-actionstate))");
        public static final MartColumn OVERDUE = MartColumn.of("overdue", DataTypes.BooleanType,
                "open after its due date at the as-of date");
        public static final MartColumn VERIFICATION = MartColumn.of("verification", DataTypes.StringType,
                "the verification at the as-of date: `effective`, `not_effective` or `pending` (a "
                + "verification dated after the as-of date is still `pending`)");
        public static final MartColumn VERIFIED_ON = MartColumn.of("verified_on", DataTypes.DateType,
                "the verification date when on or before the as-of date, else null");
        public static final MartColumn DESCRIPTION = MartColumn.of("description", DataTypes.StringType,
                "as recorded in the review plan");
        public static final MartColumn AS_OF = MartColumn.required("as_of", DataTypes.DateType,
                "the day the row was judged at: the cut-off of its year, or the `--as-of` day "
                + "([§5.12](#512-the-cut-off-of-a-review-year-基准日-reviewcutoff))");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, MEETING_DATE, PREVIOUS_REVIEW_ON, ACTION_ID, OFFICE_ID, OFFICE_NAME, AREA, TYPE,
                OWNER_DEPARTMENT, OPENED_ON, DUE_ON, CLOSED_ON, STATE, OVERDUE, VERIFICATION, VERIFIED_ON,
                DESCRIPTION, AS_OF);

        private ReviewActionsFollowUp() {
        }
    }

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
        // each plan's actions are judged at the cut-off of the plan's year
        Column day = cutOff.forYear(col("year"));
        Dataset<Row> actions = lake.read(ImportTemplates.ACTIONS)
                .filter(col("source").equalTo(lit(REVIEW_ACTION_SOURCE)))
                .drop("year");
        Dataset<Row> plans = plan().select(col("year"), col("meeting_date"), col("previous_review_on"));
        Column finishedBeforePrevious = col("verification").equalTo(lit(ActionState.Verification.EFFECTIVE.code()))
                .and(col("verified_on").lt(col("previous_review_on")));
        Dataset<Row> offices = lake.read(ImportTemplates.OFFICES).select("office_id", "office_name");
        return plans.join(actions, opened.lt(col("meeting_date"))
                        .and(not(coalesce(finishedBeforePrevious, lit(false)))))
                .withColumn("state", ActionState.column(opened, due, closed, day))
                .withColumn("overdue", ActionState.overdueColumn(opened, due, closed, day))
                .withColumn("verification_at",
                        ActionState.verificationColumn(col("verification"), col("verified_on"), day))
                .filter(col("state").notEqual(lit(ActionState.NOT_OPENED.code())))
                .join(offices, JoinKeys.of(List.of("office_id")), "left")
                .select(col("year"), col("meeting_date"), col("previous_review_on"), col("action_id"),
                        col("office_id"), col("office_name"), col("area"), col("type"), col("owner_department"),
                        opened, due, closed, col("state"), col("overdue"), col("verification_at").as("verification"),
                        when(col("verified_on").leq(day), col("verified_on")).as("verified_on"),
                        col("description"), day.as("as_of"))
                .transform(MartOrder.by(col("year"), opened, col("action_id")));
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

    private static Column nullLong() {
        return lit(null).cast("long");
    }

    private static Column nullDate() {
        return lit(null).cast("date");
    }

}
