package com.propertyquality.review.marts;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.metrics.HouseholdProfile;
import com.propertyquality.review.metrics.Rating;
import com.propertyquality.review.metrics.SurveyItem;

/**
 * The customer marts: satisfaction by customer segment (客户类别, age band, family structure, occupation) and the
 * follow-up list of households to visit again. Column documentation: data/README.md.
 */
public final class CustomerMarts {

    public static final String SATISFACTION_BY_SEGMENT = "satisfaction_by_segment";
    public static final String FOLLOW_UP_LIST = "follow_up_list";

    /** The dimensions a household is segmented by, in the mart's order. */
    static final List<String> DIMENSIONS = List.of("category", "age_band", "family_structure", "occupation");

    private final LakeTables lake;

    public CustomerMarts(LakeTables lake) {
        this.lake = lake;
    }

    /** The customer family of the mart registry. */
    public static List<Mart> marts() {
        return List.of(
                new Mart(SATISFACTION_BY_SEGMENT, SatisfactionBySegment.COLUMNS, "satisfaction of forms linked to households, by customer category,"
                        + " age band, family structure and occupation", ctx -> new CustomerMarts(ctx.lake())
                        .satisfactionBySegment()),
                new Mart(FOLLOW_UP_LIST, FollowUpList.COLUMNS, "households to visit again: dissatisfied survey answers and return"
                        + " visits (households by id; no personal data)", ctx -> new CustomerMarts(ctx.lake()).followUpList()));
    }

    /** Per year, office (null = company), dimension and segment, over forms linked to a known household. */
    public Dataset<Row> satisfactionBySegment() {
        Dataset<Row> households = lake.read(ImportTemplates.HOUSEHOLDS).select(col("household_id"),
                col("category"),
                HouseholdProfile.ageBandColumn(col("head_age")).as("age_band"),
                HouseholdProfile.familyStructureColumn(col("family_size"), col("children"), col("elderly"))
                        .as("family_structure"),
                coalesce(col("occupation"), lit(HouseholdProfile.UNKNOWN)).as("occupation"));
        Dataset<Row> forms = lake.read(ImportTemplates.SURVEY_RESPONSES).join(households, "household_id");
        // one row per form and dimension: (dimension, segment) next to the form's ratings
        StringBuilder segments = new StringBuilder("stack(").append(DIMENSIONS.size());
        DIMENSIONS.forEach(d -> segments.append(", '").append(d).append("', ").append(d));
        List<String> columns = new ArrayList<>(List.of("year", "office_id", segments + ") as (dimension, segment)"));
        for (SurveyItem item : SurveyItem.values()) {
            columns.add(item.code());
        }
        Dataset<Row> perOffice = SurveyMarts.formCounts(forms.selectExpr(columns.toArray(String[]::new))
                .groupBy("year", "office_id", "dimension", "segment"));
        // the company's counts are the sums of its offices' (every form belongs to one office)
        Dataset<Row> company = perOffice.groupBy("year", "dimension", "segment")
                .agg(sum("forms").as("forms"), sum("rated_forms").as("rated_forms"), sum("qualified").as("qualified"),
                        sum("unsatisfied").as("unsatisfied"), sum("unrated").as("unrated"))
                .withColumn("office_id", lit(null).cast("string"));
        Dataset<Row> all = perOffice.unionByName(company);
        return all.select(col("year"), col("office_id"), col("dimension"), col("segment"), col("forms"),
                        col("rated_forms"), col("qualified"), col("unsatisfied"), col("unrated"),
                        SurveyMarts.rate().as("satisfaction_rate"), SurveyMarts.rateLow(col("rated_forms")),
                        SurveyMarts.rateHigh(col("rated_forms")))
                // dimensions in DIMENSIONS' order, age bands by age (not "under_30" after "75_plus")
                .transform(MartOrder.by(col("year"), col("office_id").asc_nulls_first(),
                        CodeColumns.position(DIMENSIONS, col("dimension")),
                        when(col("dimension").equalTo(lit("age_band")),
                                CodeColumns.position(HouseholdProfile.AGE_BANDS_IN_ORDER, col("segment"))).otherwise(lit(0L)),
                        col("segment")));
    }

    /** The declared columns of {@link #SATISFACTION_BY_SEGMENT}, in stored order; meanings as data/README.md shows them. */
    public static final class SatisfactionBySegment {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "survey year");
        public static final MartColumn OFFICE_ID = MartColumn.of("office_id", DataTypes.StringType,
                "the form's office; null on the company rows");
        public static final MartColumn DIMENSION = MartColumn.of("dimension", DataTypes.StringType,
                "`category`, `age_band`, `family_structure` or `occupation`");
        public static final MartColumn SEGMENT = MartColumn.of("segment", DataTypes.StringType,
                "the household's value in that dimension");
        public static final MartColumn FORMS = MartColumn.of("forms", DataTypes.LongType,
                "linked forms of the segment");
        public static final MartColumn RATED_FORMS = MartColumn.of("rated_forms", DataTypes.LongType,
                "those of them that rated at least one item");
        public static final MartColumn QUALIFIED = MartColumn.of("qualified", DataTypes.LongType,
                "as in `satisfaction_by_office`, over the segment's forms");
        public static final MartColumn UNSATISFIED = MartColumn.of("unsatisfied", DataTypes.LongType,
                "as in `satisfaction_by_office`, over the segment's forms");
        public static final MartColumn UNRATED = MartColumn.of("unrated", DataTypes.LongType,
                "as in `satisfaction_by_office`, over the segment's forms");
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
                YEAR, OFFICE_ID, DIMENSION, SEGMENT, FORMS, RATED_FORMS, QUALIFIED, UNSATISFIED, UNRATED,
                SATISFACTION_RATE, SATISFACTION_RATE_CI_LOW, SATISFACTION_RATE_CI_HIGH);

        private SatisfactionBySegment() {
        }
    }

    /** The declared columns of {@link #FOLLOW_UP_LIST}, in stored order; meanings as data/README.md shows them. */
    public static final class FollowUpList {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "the survey year of the form, or the year of the visit");
        public static final MartColumn OFFICE_ID = MartColumn.of("office_id", DataTypes.StringType,
                "the office (name from the register)");
        public static final MartColumn OFFICE_NAME = MartColumn.of("office_name", DataTypes.StringType,
                "the office (name from the register)");
        public static final MartColumn HOUSEHOLD_ID = MartColumn.of("household_id", DataTypes.StringType,
                "as given; null when the form names none");
        public static final MartColumn SOURCE = MartColumn.of("source", DataTypes.StringType,
                "`survey` or `return_visit`");
        public static final MartColumn REASON = MartColumn.of("reason", DataTypes.StringType,
                "`survey_dissatisfied`, `paid_service_dissatisfied`, `complaint_followup_dissatisfied`");
        public static final MartColumn DATE = MartColumn.of("date", DataTypes.DateType,
                "`returned_on` of the form, `visited_on` of the visit");
        public static final MartColumn REF_ID = MartColumn.of("ref_id", DataTypes.StringType,
                "the form's `response_id`, or the visit's `ref_id` (the work order or register entry)");
        public static final MartColumn DETAIL = MartColumn.of("detail", DataTypes.StringType,
                "the dissatisfied items of the form, comma-separated in alphabetical order; the visit's "
                + "`visit_id`");
        public static final MartColumn NOTE = MartColumn.of("note", DataTypes.StringType,
                "the form's comment, or the visit's note");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, OFFICE_ID, OFFICE_NAME, HOUSEHOLD_ID, SOURCE, REASON, DATE, REF_ID, DETAIL, NOTE);

        private FollowUpList() {
        }
    }

    /**
     * One row per dissatisfied survey form (any item dissatisfied or very dissatisfied) and per dissatisfied
     * paid-service or complaint return visit. The household is named by its id alone: contacts are personal data,
     * which stay in the private table that no mart reads; the office looks them up in its own customer records.
     */
    public Dataset<Row> followUpList() {
        Dataset<Row> responses = lake.read(ImportTemplates.SURVEY_RESPONSES);
        Dataset<Row> unhappyItems = SurveyMarts.ratings(responses, "year", "office_id", "response_id",
                        "household_id", "returned_on", "comment")
                .where(col("rating").isin(Rating.unsatisfiedCodes().toArray()))
                .groupBy("year", "office_id", "response_id")
                .agg(first("household_id").as("household_id"), first("returned_on").as("date"),
                        first("comment").as("note"), array_join(array_sort(collect_list("item")), ",").as("detail"));
        Dataset<Row> fromSurvey = unhappyItems.select(col("year"), col("office_id"), col("household_id"),
                lit("survey").as("source"), lit("survey_dissatisfied").as("reason"), col("date"),
                col("response_id").as("ref_id"), col("detail"), col("note"));
        Column purpose = col("purpose");
        Dataset<Row> fromVisits = lake.read(ImportTemplates.RETURN_VISITS)
                .where(col("result").equalTo("dissatisfied"))
                .select(year(col("visited_on")).as("year"), col("office_id"), col("household_id"),
                        lit("return_visit").as("source"),
                        when(purpose.equalTo("paid_service"), lit("paid_service_dissatisfied"))
                                .otherwise(lit("complaint_followup_dissatisfied")).as("reason"),
                        col("visited_on").as("date"), col("ref_id"), col("visit_id").as("detail"),
                        col("note"));
        Dataset<Row> offices = lake.read(ImportTemplates.OFFICES).select("office_id", "office_name");
        return fromSurvey.unionByName(fromVisits)
                .join(offices, JoinKeys.of(List.of("office_id")), "left")
                .select(col("year"), col("office_id"), col("office_name"), col("household_id"), col("source"),
                        col("reason"), col("date"), col("ref_id"), col("detail"), col("note"))
                .transform(MartOrder.by(col("year"), col("office_id"), col("date"), col("ref_id")));
    }
}
