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
import org.apache.spark.sql.types.DataTypes;
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
        return List.of(new Mart(ITEM_PRIORITIES, ItemPriorities.COLUMNS, "every survey item's satisfaction against its derived importance"
                + " (correlation with the form's other ratings), per year for the company and each office, with its"
                + " quadrant of the priority matrix",
                List.of(SurveyMarts.SATISFACTION_BY_ITEM, SurveyMarts.SATISFACTION_BY_OFFICE,
                        SurveyMarts.SATISFACTION_COMPANY),
                ctx -> new PriorityMarts(ctx).itemPriorities()));
    }

    /** The declared columns of {@link #ITEM_PRIORITIES}, in stored order; meanings as data/README.md shows them. */
    public static final class ItemPriorities {
        public static final MartColumn YEAR = MartColumn.of("year", DataTypes.IntegerType,
                "survey year");
        public static final MartColumn SCOPE = MartColumn.of("scope", DataTypes.StringType,
                "`company` or `office`");
        public static final MartColumn OFFICE_ID = MartColumn.of("office_id", DataTypes.StringType,
                "null on the company rows");
        public static final MartColumn ITEM = MartColumn.of("item", DataTypes.StringType,
                "item code");
        public static final MartColumn ITEM_NAME = MartColumn.of("item_name", DataTypes.StringType,
                "Chinese name (`维修保养`)");
        public static final MartColumn LEVEL = MartColumn.of("level", DataTypes.StringType,
                "`management` or `service`");
        public static final MartColumn RATED = MartColumn.of("rated", DataTypes.LongType,
                "`qualified + unsatisfied`: the forms that rated the item");
        public static final MartColumn QUALIFIED = MartColumn.of("qualified", DataTypes.LongType,
                "as in `satisfaction_by_item`");
        public static final MartColumn UNSATISFIED = MartColumn.of("unsatisfied", DataTypes.LongType,
                "as in `satisfaction_by_item`");
        public static final MartColumn SATISFACTION_RATE = MartColumn.of("satisfaction_rate", DataTypes.DoubleType,
                "as in `satisfaction_by_item`; null when nothing rated the item");
        public static final MartColumn FORMS_CORRELATED = MartColumn.of("forms_correlated", DataTypes.LongType,
                "forms that rated the item and at least one other item (the forms the importance is "
                + "computed over)");
        public static final MartColumn IMPORTANCE = MartColumn.of("importance", DataTypes.DoubleType,
                "Pearson r of the item's score with the mean score of the form's other rated items; null "
                + "with fewer than 10 `forms_correlated` or a constant side");
        public static final MartColumn MEAN_IMPORTANCE = MartColumn.of("mean_importance", DataTypes.DoubleType,
                "mean `importance` of the scope's items that have one, in the year; null when none has");
        public static final MartColumn SCOPE_SATISFACTION_RATE = MartColumn.of("scope_satisfaction_rate", DataTypes.DoubleType,
                "the company's (`satisfaction_company`) or the office's (`satisfaction_by_office`) "
                + "satisfaction rate of the year");
        public static final MartColumn QUADRANT = MartColumn.required("quadrant", DataTypes.StringType,
                "`keep_up` 保持, `improve_first` 优先改进, `watch` 关注, `lower_priority` 次要; or `too_few_forms` / "
                + "`no_variance` when there is no importance");
        public static final MartColumns COLUMNS = MartColumns.of(
                YEAR, SCOPE, OFFICE_ID, ITEM, ITEM_NAME, LEVEL, RATED, QUALIFIED, UNSATISFIED, SATISFACTION_RATE,
                FORMS_CORRELATED, IMPORTANCE, MEAN_IMPORTANCE, SCOPE_SATISFACTION_RATE, QUADRANT);

        private ItemPriorities() {
        }
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
                .transform(MartOrder.by(col("year"), col("office_id").asc_nulls_first(), col("item_order")))
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
                .withColumn("others_scaled", ItemImportance.othersScaledColumn(col("form_score_total"),
                        col("form_rated"), score));
        // the forms are read and their slots summed once, per office; the company's sums are its offices' sums
        // (exact: counts, long sums, least and greatest values). Both branches read the one per-office exchange
        Dataset<Row> officeSums = ItemImportance.sums(score, col("others_scaled"))
                .aggregate(slots.groupBy("year", "office_id", "item"));
        Dataset<Row> companySums = ItemImportance.Sums.merged().aggregate(officeSums.groupBy("year", "item"))
                .withColumn("office_id", lit(null).cast("string"));
        ItemImportance.Sums sums = ItemImportance.Sums.ofRow();
        return officeSums.unionByName(companySums)
                .select(col("year"), col("office_id"), col("item"), sums.n().as("forms_correlated"),
                        ItemImportance.importance(sums).as("importance"), ItemImportance.missing(sums).as("missing"));
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
