package com.propertyquality.review.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.CommandExecutionMode;
import org.apache.spark.sql.execution.QueryExecution;

import scala.jdk.javaapi.CollectionConverters;

/**
 * The door in front of Spark SQL. A query runs only when its plans pass allow-lists: the parsed plan (nodes,
 * expression kinds, function names, relations that are published views by a one-part name), then the analysed
 * plan (nodes only, with the views expanded into what they read). Spark would run a command as soon as
 * {@code spark.sql} analysed it, so nothing here goes through {@code spark.sql}: the text is parsed, checked,
 * analysed without running commands, checked again, and only then turned into a Dataset. A node, expression or
 * function a new Spark version adds is refused until it is added to a list here.
 */
public final class SparkDoor {

    /** Nodes of the parsed plan. */
    private static final Set<String> PARSED_NODES = Set.of("Project", "Filter", "Aggregate", "Sort",
            "GlobalLimit", "LocalLimit", "Offset", "Join", "SubqueryAlias", "UnresolvedRelation", "UnresolvedWith",
            "Union", "Intersect", "Except", "Distinct", "WithWindowDefinition", "OneRowRelation",
            "UnresolvedInlineTable", "LocalRelation", "Pivot", "UnresolvedSubqueryColumnAliases",
            "UnresolvedHaving", "Unpivot", "Sample");

    /** Expression kinds the parser writes for a query (operators, literals, references, subqueries...). */
    private static final Set<String> PARSED_EXPRESSIONS = Set.of("Alias", "AttributeReference",
            "UnresolvedAlias", "UnresolvedAttribute", "UnresolvedStar", "UnresolvedRegex", "UnresolvedExtractValue", "UnresolvedFunction", "UnresolvedOrdinal",
            "Literal", "Cast", "CaseWhen", "If", "Coalesce", "In", "InSubquery", "ListQuery", "Exists",
            "ScalarSubquery", "LateralSubquery", "SortOrder", "Add", "Subtract", "Multiply", "Divide",
            "IntegralDivide", "Remainder", "UnaryMinus", "UnaryPositive", "Pmod", "EqualTo", "EqualNullSafe",
            "LessThan", "LessThanOrEqual", "GreaterThan", "GreaterThanOrEqual", "Not", "And", "Or", "IsNull",
            "IsNotNull", "Like", "ILike", "RLike", "LikeAll", "LikeAny", "NotLikeAll", "NotLikeAny", "Concat",
            "UnresolvedWindowExpression", "WindowExpression", "WindowSpecDefinition", "WindowSpecReference",
            "SpecifiedWindowFrame", "UnspecifiedFrame$", "UnboundedPreceding$", "UnboundedFollowing$", "CurrentRow$",
            "RowFrame$", "RangeFrame$", "Rollup", "Cube", "GroupingSets", "Extract", "UnresolvedNamedLambdaVariable",
            "StringTrim", "StringTrimLeft", "StringTrimRight", "Overlay", "Substring", "Between", "Collate",
            "BitwiseAnd", "BitwiseOr", "BitwiseXor", "BitwiseNot", "TimeAdd", "DateAdd",
            "DateSub", "Lag", "Lead");

    /** Nodes of the analysed plan, the views expanded. */
    private static final Set<String> ANALYSED_NODES = Set.of("Project", "Filter", "Aggregate", "Sort",
            "GlobalLimit", "LocalLimit", "Offset", "Join", "SubqueryAlias", "View", "LogicalRelation",
            // a lake table as Iceberg's Spark catalog gives it, only ever behind a registered view (checked above)
            "DataSourceV2Relation",
            "LocalRelation", "OneRowRelation", "Union", "Intersect", "Except", "Distinct", "Deduplicate", "Window",
            "WithCTE", "CTERelationDef", "CTERelationRef", "Expand", "Sample", "Tail");

    private final org.apache.spark.sql.classic.SparkSession spark;
    private final Set<String> views;

    public SparkDoor(SparkSession spark, List<String> views) {
        this.spark = (org.apache.spark.sql.classic.SparkSession) spark;
        this.views = Set.copyOf(views.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList());
    }

    /**
     * The query's rows, when it is one read-only query over the views.
     *
     * @throws RefusedQuery otherwise; nothing was run
     */
    public Dataset<Row> ask(String sql) {
        LogicalPlan parsed;
        try {
            parsed = spark.sessionState().sqlParser().parsePlan(sql);
        } catch (ParseException e) {
            throw new RefusedQuery("cannot read the query: " + DuckDbDoor.firstLine(e.getMessage()));
        }
        Set<String> ctes = new java.util.HashSet<>();
        collectCteNames(parsed, ctes);
        checkParsed(parsed, ctes);
        QueryExecution execution = spark.sessionState().executePlan(parsed, CommandExecutionMode.SKIP());
        execution.assertAnalyzed();
        checkAnalysed(execution.analyzed());
        return org.apache.spark.sql.classic.Dataset.ofRows(spark, parsed);
    }

    private static void collectCteNames(QueryPlan<?> plan, Set<String> names) {
        if (plan instanceof org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith with) {
            for (var relation : CollectionConverters.asJava(with.cteRelations())) {
                names.add(relation._1().toLowerCase(Locale.ROOT));
            }
        }
        nested(plan).forEach(child -> collectCteNames(child, names));
    }

    private void checkParsed(QueryPlan<?> plan, Set<String> ctes) {
        String node = plan.getClass().getSimpleName();
        if (!PARSED_NODES.contains(node)) {
            throw new RefusedQuery(plan instanceof LogicalPlan logical && isCommand(logical)
                    ? "only one read-only query (SELECT, WITH, VALUES, TABLE) is allowed, not a command ("
                    + plan.nodeName() + ")"
                    : "not allowed in a query here: " + plan.nodeName());
        }
        if (plan instanceof UnresolvedRelation relation) {
            List<String> name = CollectionConverters.asJava(relation.multipartIdentifier());
            String table = name.get(name.size() - 1).toLowerCase(Locale.ROOT);
            if (name.size() != 1 || !(views.contains(table) || ctes.contains(table))) {
                throw new RefusedQuery("no view named " + String.join(".", name)
                        + "; the views are the marts and the lake's public datasets, listed by `marts`");
            }
        }
        for (Expression expression : CollectionConverters.asJava(plan.expressions())) {
            checkParsed(expression, ctes);
        }
        nested(plan).forEach(child -> checkParsed(child, ctes));
    }

    private void checkParsed(Expression expression, Set<String> ctes) {
        String kind = expression.getClass().getSimpleName();
        if (!PARSED_EXPRESSIONS.contains(kind)) {
            throw new RefusedQuery("not allowed in a query here: " + expression.prettyName());
        }
        if (expression instanceof UnresolvedFunction function) {
            List<String> name = CollectionConverters.asJava(function.nameParts());
            if (name.size() != 1 || !ReadOnlyFunctions.sparkAllows(name.get(0))) {
                throw new RefusedQuery("the function " + String.join(".", name) + " is not allowed in a query here");
            }
        }
        if (expression instanceof SubqueryExpression subquery) {
            checkParsed(subquery.plan(), ctes);
        }
        for (Expression child : CollectionConverters.asJava(expression.children())) {
            checkParsed(child, ctes);
        }
    }

    private static void checkAnalysed(QueryPlan<?> plan) {
        if (!ANALYSED_NODES.contains(plan.getClass().getSimpleName())) {
            throw new RefusedQuery("not allowed in a query here: " + plan.nodeName());
        }
        for (Expression expression : CollectionConverters.asJava(plan.expressions())) {
            subqueries(expression).forEach(SparkDoor::checkAnalysed);
        }
        nested(plan).forEach(SparkDoor::checkAnalysed);
    }

    private static List<QueryPlan<?>> subqueries(Expression expression) {
        List<QueryPlan<?>> plans = new ArrayList<>();
        if (expression instanceof SubqueryExpression subquery) {
            plans.add(subquery.plan());
        }
        CollectionConverters.asJava(expression.children()).forEach(child -> plans.addAll(subqueries(child)));
        return plans;
    }

    /** A plan's children and inner children (a WITH's definitions are inner children, not children). */
    private static List<QueryPlan<?>> nested(QueryPlan<?> plan) {
        List<QueryPlan<?>> nested = new ArrayList<>();
        for (Object child : CollectionConverters.asJava(plan.children())) {
            nested.add((QueryPlan<?>) child);
        }
        for (Object inner : CollectionConverters.asJava(plan.innerChildren())) {
            if (inner instanceof QueryPlan<?> innerPlan) {
                nested.add(innerPlan);
            }
        }
        return nested;
    }

    private static boolean isCommand(LogicalPlan plan) {
        return plan instanceof org.apache.spark.sql.catalyst.plans.logical.Command
                || plan.getClass().getSimpleName().endsWith("Statement")
                || plan.getClass().getSimpleName().endsWith("Command")
                || plan.getClass().getPackageName().contains("command");
    }
}
