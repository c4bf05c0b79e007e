package com.propertyquality.review.marts;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.metrics.ItemImportance;
import com.propertyquality.review.metrics.ItemPriority;
import com.propertyquality.review.metrics.SurveyItem;

/**
 * The improvement priorities (改进优先级): every survey item's satisfaction against its derived importance, for the
 * company and each office, per survey year, and the quadrant of the priority matrix it falls in. The satisfaction
 * figures are those of {@code satisfaction_by_item}, {@code satisfaction_by_office} and {@code satisfaction_company}
 * (read, not computed again); the importance comes from {@link ItemImportance} over {@code survey_responses}, the
 * quadrant from {@link ItemPriority}. Column documentation: data/README.md.
 */
public final class PriorityMarts {

    public static final String ITEM_PRIORITIES = "item_priorities";

    static final String COMPANY = "company";
    static final String OFFICE = "office";

    private final MartContext context;

    public PriorityMarts(MartContext context) {
        this.context = context;
    }

    /** The priorities family of the mart registry. */
    public static List<Mart> marts() {
        return List.of(new Mart(ITEM_PRIORITIES, "every survey item's satisfaction against its derived importance"
                + " (correlation with the form's other ratings), per year for the company and each office, with its"
                + " quadrant of the priority matrix",
                List.of(SurveyMarts.SATISFACTION_BY_ITEM, SurveyMarts.SATISFACTION_BY_OFFICE,
                        SurveyMarts.SATISFACTION_COMPANY),
                ctx -> new PriorityMarts(ctx).itemPriorities()));
    }

    /**
     * Per year: 9 company rows (office_id null), and 9 rows for each office with stored forms. Every stored form
     * counts, as in the other survey marts.
     */
    public Dataset<Row> itemPriorities() {
        Dataset<Row> items = context.mart(SurveyMarts.SATISFACTION_BY_ITEM)
                .withColumn("scope", when(col("office_id").isNull(), lit(COMPANY)).otherwise(lit(OFFICE)));
        Dataset<Row> scopeRates = context.mart(SurveyMarts.SATISFACTION_COMPANY)
                .select(col("year"), lit(null).cast("string").as("office_id"),
                        col("satisfaction_rate").as("scope_satisfaction_rate"))
                .unionByName(context.mart(SurveyMarts.SATISFACTION_BY_OFFICE)
                        .select(col("year"), col("office_id"), col("satisfaction_rate").as("scope_satisfaction_rate")));
        Dataset<Row> importance = importance();
        Dataset<Row> joined = items.as("i")
                .join(importance.as("m"), col("i.year").equalTo(col("m.year"))
                        .and(col("i.office_id").eqNullSafe(col("m.office_id")))
                        .and(col("i.item").equalTo(col("m.item"))), "left")
                .join(scopeRates.as("s"), col("i.year").equalTo(col("s.year"))
                        .and(col("i.office_id").eqNullSafe(col("s.office_id"))), "left")
                .select(col("i.year").as("year"), col("i.scope").as("scope"), col("i.office_id").as("office_id"),
                        col("i.item").as("item"), col("i.item_name").as("item_name"), col("i.level").as("level"),
                        col("i.qualified").plus(col("i.unsatisfied")).as("rated"), col("i.qualified").as("qualified"),
                        col("i.unsatisfied").as("unsatisfied"), col("i.satisfaction_rate").as("satisfaction_rate"),
                        coalesce(col("m.forms_correlated"), lit(0L)).as("forms_correlated"),
                        col("m.importance").as("importance"),
                        // an item no form's slot reached has no figures at all: too few forms
                        when(col("m.item").isNull(), lit(ItemPriority.TOO_FEW_FORMS.code()))
                                .otherwise(col("m.missing")).as("missing"),
                        col("s.scope_satisfaction_rate").as("scope_satisfaction_rate"));
        // avg leaves out the items without an importance
        Dataset<Row> withMean = joined.withColumn("mean_importance",
                avg(col("importance")).over(Window.partitionBy("year", "office_id")));
        return withMean
                .withColumn("quadrant", coalesce(col("missing"), ItemPriority.column(col("importance"),
                        col("mean_importance"), col("satisfaction_rate"), col("scope_satisfaction_rate"))))
                .withColumn("item_order", itemOrder(col("item")))
                .orderBy(col("year"), col("office_id").asc_nulls_first(), col("item_order"))
                .select("year", "scope", "office_id", "item", "item_name", "level", "rated", "qualified",
                        "unsatisfied", "satisfaction_rate", "forms_correlated", "importance", "mean_importance",
                        "scope_satisfaction_rate", "quadrant");
    }

    /**
     * (year, office_id, item, forms_correlated, importance, missing) per office and, with office_id null, for the
     * company: each form's item score against the mean score of its other rated items.
     */
    Dataset<Row> importance() {
        List<Column> ratings = new ArrayList<>();
        for (SurveyItem item : SurveyItem.values()) {
            ratings.add(col(item.code()));
        }
        Dataset<Row> forms = context.lake().read(ImportTemplates.SURVEY_RESPONSES)
                .withColumn("form_score_total", ItemImportance.formScoreTotalColumn(ratings))
                .withColumn("form_rated", ItemImportance.formRatedColumn(ratings));
        Column score = col("item_score");
        Dataset<Row> slots = SurveyMarts.ratings(forms, "year", "office_id", "form_score_total", "form_rated")
                .withColumn("item_score", ItemImportance.scoreColumn(col("rating")))
                .withColumn("others_mean", ItemImportance.othersMeanColumn(col("form_score_total"),
                        col("form_rated"), score));
        Column others = col("others_mean");
        Column[] figures = {ItemImportance.formsColumn(score, others).as("forms_correlated"),
                ItemImportance.column(score, others).as("importance"),
                ItemImportance.missingColumn(score, others).as("missing")};
        Dataset<Row> perOffice = slots.groupBy("year", "office_id", "item")
                .agg(figures[0], figures[1], figures[2]);
        Dataset<Row> company = slots.groupBy("year", "item").agg(figures[0], figures[1], figures[2])
                .withColumn("office_id", lit(null).cast("string"));
        return perOffice.unionByName(company);
    }

    /** The item's place on the form, for the order of the rows. */
    private static Column itemOrder(Column item) {
        Column order = lit(null).cast("int");
        for (SurveyItem each : SurveyItem.values()) {
            order = when(item.equalTo(lit(each.code())), lit(each.ordinal())).otherwise(order);
        }
        return order;
    }
}
