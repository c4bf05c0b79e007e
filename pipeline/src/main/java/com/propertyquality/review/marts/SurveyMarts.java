package com.propertyquality.review.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
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
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.metrics.Rating;
import com.propertyquality.review.metrics.SatisfactionRate;
import com.propertyquality.review.metrics.SurveyItem;
import com.propertyquality.review.metrics.SurveyReturnRate;

/**
 * The survey marts: return rates per office and year, and satisfaction per office, per item and for the
 * company. One short method per mart; the formulas come from {@link SurveyReturnRate} and
 * {@link SatisfactionRate}. Column documentation: data/README.md.
 */
public final class SurveyMarts {

    public static final String SURVEY_RETURNS = "survey_returns";
    public static final String SATISFACTION_BY_OFFICE = "satisfaction_by_office";
    public static final String SATISFACTION_BY_ITEM = "satisfaction_by_item";
    public static final String SATISFACTION_COMPANY = "satisfaction_company";

    private final SparkSession spark;
    private final Dataset<Row> offices;
    private final Dataset<Row> distribution;
    private final Dataset<Row> responses;

    /** The survey family of the mart registry. */
    public static List<Mart> marts() {
        return List.of(
                new Mart(SURVEY_RETURNS, "survey return rate per office and survey year, against the threshold",
                        ctx -> new SurveyMarts(ctx.spark(), ctx.lake()).surveyReturns(ctx.returnThreshold())),
                new Mart(SATISFACTION_BY_OFFICE, "satisfaction (满意率) per office and survey year",
                        ctx -> new SurveyMarts(ctx.spark(), ctx.lake()).satisfactionByOffice()),
                new Mart(SATISFACTION_BY_ITEM, "satisfaction per survey item, per office and company-wide",
                        ctx -> new SurveyMarts(ctx.spark(), ctx.lake()).satisfactionByItem()),
                new Mart(SATISFACTION_COMPANY, "company satisfaction per survey year, pooled over all items",
                        ctx -> new SurveyMarts(ctx.spark(), ctx.lake()).satisfactionCompany()));
    }

    public SurveyMarts(SparkSession spark, LakeTables lake) {
        this.spark = spark;
        this.offices = lake.read(ImportTemplates.OFFICES).select("office_id", "office_name");
        this.distribution = lake.read(ImportTemplates.SURVEY_DISTRIBUTION)
                .select(col("year"), col("office_id"), col("forms_distributed").cast("long").as("forms_distributed"));
        this.responses = lake.read(ImportTemplates.SURVEY_RESPONSES);
    }

    /** One row per office of the register and survey year in the lake, with or without data. */
    public Dataset<Row> surveyReturns(BigDecimal threshold) {
        Dataset<Row> years = distribution.select("year").union(responses.select("year")).distinct();
        Dataset<Row> returned = responses.groupBy("year", "office_id").agg(count(lit(1)).as("forms_returned"));
        Column distributed = col("forms_distributed");
        Column returnedForms = col("forms_returned");
        return offices.crossJoin(years)
                .join(distribution, joinKeys(), "left")
                .join(returned, joinKeys(), "left")
                .withColumn("forms_returned", coalesce(returnedForms, lit(0L)))
                .select(col("year"), col("office_id"), col("office_name"), distributed, returnedForms,
                        SurveyReturnRate.column(distributed, returnedForms).as("return_rate"),
                        SurveyReturnRate.meetsThresholdColumn(distributed, returnedForms, threshold)
                                .as("meets_threshold"),
                        SurveyReturnRate.anomalyColumn(distributed, returnedForms).as("anomaly"),
                        lit(threshold.doubleValue()).as("threshold"))
                .orderBy("year", "office_id");
    }

    /** One row per office and year with at least one stored form. */
    public Dataset<Row> satisfactionByOffice() {
        Dataset<Row> forms = responses.groupBy("year", "office_id").agg(count(lit(1)).as("forms"));
        Dataset<Row> counts = ratingCounts(ratings().groupBy("year", "office_id"));
        return forms.join(counts, joinKeys())
                .join(offices, scala(List.of("office_id")), "left")
                .select(col("year"), col("office_id"), col("office_name"), col("forms"), col("qualified"),
                        col("unsatisfied"), col("unrated"), rate().as("satisfaction_rate"))
                .orderBy("year", "office_id");
    }

    /** Per year, office and item; rows with a null office_id hold the company-wide figures. */
    public Dataset<Row> satisfactionByItem() {
        Dataset<Row> perOffice = ratingCounts(ratings().groupBy("year", "office_id", "item"));
        Dataset<Row> company = ratingCounts(ratings().groupBy("year", "item"))
                .withColumn("office_id", lit(null).cast("string"));
        return perOffice.unionByName(company)
                .join(items(), "item")
                .select(col("year"), col("office_id"), col("item"), col("item_name"), col("level"),
                        col("qualified").plus(col("unsatisfied")).plus(col("unrated")).as("forms"),
                        col("qualified"), col("unsatisfied"), col("unrated"), rate().as("satisfaction_rate"),
                        col("item_order"))
                .orderBy(col("year"), col("office_id").asc_nulls_first(), col("item_order"))
                .drop("item_order");
    }

    /** Per year, pooled over every item of every office: not an average of office rates. */
    public Dataset<Row> satisfactionCompany() {
        Dataset<Row> forms = responses.groupBy("year").agg(count(lit(1)).as("forms"));
        Dataset<Row> counts = ratingCounts(ratings().groupBy("year"));
        return forms.join(counts, "year")
                .select(col("year"), col("forms"), col("qualified"), col("unsatisfied"), col("unrated"),
                        rate().as("satisfaction_rate"))
                .orderBy("year");
    }

    /** Every rating slot of every form as (year, office_id, item, rating); rating null when not rated. */
    private Dataset<Row> ratings() {
        StringBuilder stack = new StringBuilder("stack(").append(SurveyItem.perForm());
        for (SurveyItem item : SurveyItem.values()) {
            stack.append(", '").append(item.code()).append("', ").append(item.code());
        }
        stack.append(") as (item, rating)");
        return responses.selectExpr("year", "office_id", stack.toString());
    }

    private static Dataset<Row> ratingCounts(org.apache.spark.sql.RelationalGroupedDataset grouped) {
        Column rating = col("rating");
        return grouped.agg(
                sum(when(rating.isin(Rating.qualifiedCodes().toArray()), 1L).otherwise(0L)).as("qualified"),
                sum(when(rating.isin(Rating.unsatisfiedCodes().toArray()), 1L).otherwise(0L)).as("unsatisfied"),
                sum(when(rating.isNull(), 1L).otherwise(0L)).as("unrated"));
    }

    private static Column rate() {
        return SatisfactionRate.column(col("qualified"), col("unsatisfied"));
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
        return scala(List.of("year", "office_id"));
    }

    private static scala.collection.immutable.Seq<String> scala(List<String> columns) {
        return scala.jdk.javaapi.CollectionConverters.asScala(columns).toList();
    }
}
