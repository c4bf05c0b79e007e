package com.propertyquality.review.packet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.metrics.CustomerValue;
import com.propertyquality.review.reports.Percent;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * The one-page summary of an office: head office's appendix prints it for every office, an office's own report
 * opens with it. Everything it shows is that office's own rows ({@link OfficeFigures}); the company-wide figure
 * is shown beside it where the procedure compares against it (satisfaction, return rate, items).
 */
final class OfficeSummary {

    private OfficeSummary() {}

    /**
     * The office's one-page summary: returns and satisfaction against the company, its items below the company,
     * its feedback, inspections, actions and value segments; one section starting on a new page.
     */
    static List<Section> sections(OfficeFigures figures, OfficeRegister.Office office, Lang lang) {
        return List.of(Section.onNewPage(title(office, lang),
                surveyFigures(figures, lang),
                itemsBelowCompany(figures, lang),
                feedbackByKind(figures, lang),
                mainFactors(figures, lang),
                InspectionTables.byOfficeAndLevel(figures.inspections(), figures.register(), false, lang)
                        .withCaption(lang.pick("服务检查", "Service inspections")),
                actionSummary(figures, lang),
                ActionTables.failedTable(figures.failedActions(), figures.register(), false, lang),
                valueSegments(figures, lang)));
    }


    private static String title(OfficeRegister.Office office, Lang lang) {
        String name = office.name() == null ? office.id() : office.name();
        return name + lang.pick("（" + office.id() + "）", " (" + office.id() + ")");
    }

    /** Returns and satisfaction in one row, each beside the company's; shaded under the return threshold. */
    private static Table surveyFigures(OfficeFigures figures, Lang lang) {
        Optional<MartRow> returns = figures.returns();
        Optional<MartRow> satisfaction = figures.satisfaction();
        List<Row> rows = new ArrayList<>();
        if (returns.isPresent() || satisfaction.isPresent()) {
            boolean below = returns.isPresent() && !returns.get().isTrue("meets_threshold");
            rows.add(new Row(Arrays.asList(
                    returns.map(row -> row.count("forms_returned")).orElse(null),
                    returns.map(row -> row.number("return_rate")).orElse(null),
                    returns.map(row -> row.number("company_return_rate")).orElse(null),
                    satisfaction.map(row -> row.number("satisfaction_rate")).orElse(null),
                    satisfaction.map(row -> row.number("company_satisfaction_rate")).orElse(null),
                    satisfaction.map(row -> row.number("gap_points")).orElse(null),
                    satisfaction.map(row -> row.count("rank")).orElse(null)), below));
        }
        return Table.of(List.of(
                        Column.count(lang.pick("回收份数", "Forms returned"), 7),
                        Column.percent(lang.pick("回收率", "Return rate"), 8),
                        Column.percent(lang.pick("全公司回收率", "Company return rate"), 8),
                        Column.percent(lang.pick("满意率", "Satisfaction"), 8),
                        Column.percent(lang.pick("全公司满意率", "Company satisfaction"), 8),
                        Column.points(lang.pick("与全公司差（百分点）", "Gap to company (points)"), 9),
                        Column.count(lang.pick("满意率排名", "Satisfaction rank"), 7)), rows)
                .withCaption(lang.pick("顾客意见调查", "Customer survey"))
                .withEmptyText(lang.pick("本年度本管理处无调查表记录。", "No survey record of this office this year."))
                .withNote(returnNote(returns, figures, lang));
    }

    private static String returnNote(Optional<MartRow> returns, OfficeFigures figures, Lang lang) {
        if (returns.isEmpty()) {
            return null;
        }
        MartRow row = returns.get();
        String threshold = Percent.format(ShownThreshold.of(returns, figures.source()));
        String distributed = row.count("forms_distributed") == null ? "—" : row.count("forms_distributed").toString();
        String verdict;
        if ("no_distribution_record".equals(row.text("anomaly"))) {
            verdict = lang.pick("无发放记录，回收率无法计算。", "No record of forms handed out: no return rate.");
        } else if ("returned_exceeds_distributed".equals(row.text("anomaly"))) {
            verdict = lang.pick("回收份数多于发放份数，请核对。", "More forms returned than handed out: to be checked.");
        } else {
            verdict = row.isTrue("meets_threshold") ? lang.pick("达到要求。", "Meets it.")
                    : lang.pick("未达到要求。", "Below it.");
        }
        Long leftOut = row.count("company_offices_left_out");
        String company = leftOut != null && leftOut > 0
                ? lang.pick("全公司回收率不含 " + leftOut + " 个数据异常的管理处。",
                        " The company rate leaves out " + leftOut + " offices with a data anomaly.")
                : "";
        return lang.pick("发放 " + distributed + " 份；回收率要求不低于 " + threshold + "（5.1.2），" + verdict + company,
                distributed + " forms handed out; the return rate must be at least " + threshold + " (5.1.2). "
                        + verdict + company);
    }

    /** The office's items rated lower than the company's same item. */
    private static Table itemsBelowCompany(OfficeFigures figures, Lang lang) {
        Map<String, Double> company = figures.companyItemRates();
        List<Row> rows = figures.items().stream()
                .filter(row -> row.number("satisfaction_rate") != null && company.get(row.text("item")) != null
                        && row.number("satisfaction_rate") < company.get(row.text("item")))
                .map(row -> Row.of(ReviewTerms.surveyItem(row.text("item"), lang),
                        ReviewTerms.level(row.text("level"), lang), row.count("unsatisfied"),
                        row.number("satisfaction_rate"), company.get(row.text("item"))))
                .toList();
        return Table.of(List.of(
                        Column.text(lang.pick("调查项目", "Item"), 14),
                        Column.text(lang.pick("层面", "Level"), 8),
                        Column.count(lang.pick("不满意项", "Unsatisfied"), 8),
                        Column.percent(lang.pick("本处满意率", "Office"), 9),
                        Column.percent(lang.pick("全公司满意率", "Company"), 9)), rows)
                .withCaption(lang.pick("低于全公司的调查项目", "Items below the company"))
                .withEmptyText(lang.pick("没有低于全公司满意率的调查项目。", "No item is below the company's rate."));
    }

    /** The register entries by kind: counts add up across the mart's rows; no rate is totalled. */
    private static Table feedbackByKind(OfficeFigures figures, Lang lang) {
        List<Row> rows = new ArrayList<>();
        figures.feedbackByKind().kinds().forEach((kind, counts) -> rows.add(Row.of(
                Names.of(ImportTemplates.FEEDBACK_KINDS, kind, lang), counts.entries, counts.closed,
                counts.openOverDays, counts.major)));
        return Table.of(List.of(
                        Column.text(lang.pick("类型", "Kind"), 12),
                        Column.count(lang.pick("登记件数", "Entries"), 8),
                        Column.count(lang.pick("已关闭", "Closed"), 8),
                        Column.count(lang.pick("超过30天未关闭", "Open over 30 days"), 9),
                        Column.count(lang.pick("其中重大", "Major"), 8)), rows)
                .withCaption(lang.pick("《顾客意见登记表》", "Feedback register"))
                .withEmptyText(lang.pick("本年度本管理处无登记。", "No register entry of this office this year."));
    }

    private static Table mainFactors(OfficeFigures figures, Lang lang) {
        List<Row> rows = figures.pareto().stream().filter(row -> row.isTrue("main_factor"))
                .map(row -> new Row(Arrays.asList(ReviewTerms.area(row.text("area"), lang), row.count("complaints"),
                        row.number("share"), row.number("cumulative_share"), ReviewTerms.mainFactorAction(row, lang)),
                        !row.isTrue("has_action")))
                .toList();
        return Table.of(List.of(
                        Column.text(lang.pick("主要因素", "Main factor"), 12),
                        Column.count(lang.pick("投诉件数", "Complaints"), 8),
                        Column.percent(lang.pick("占比", "Share"), 8),
                        Column.percent(lang.pick("累计占比", "Cumulative"), 8),
                        Column.text(lang.pick("纠正和预防措施", "Actions"), 8)), rows)
                .withCaption(lang.pick("投诉的主要因素（5.1.3）", "Main factors of complaints (5.1.3)"))
                .withEmptyText(lang.pick("本年度本管理处无投诉。", "No complaints at this office this year."))
                .withNote(lang.pick("底纹：尚未制定纠正或预防措施。", "Shaded: no corrective or preventive action yet."));
    }

    /** The office's actions by area: how many are open, overdue, effective, not effective. */
    private static Table actionSummary(OfficeFigures figures, Lang lang) {
        List<Row> rows = figures.actions().stream()
                .map(row -> new Row(Arrays.asList(ReviewTerms.area(row.text("area"), lang), row.count("actions"),
                        row.count("open"), row.count("overdue"), row.count("verified_effective"),
                        row.count("verified_not_effective"), row.count("verification_pending")),
                        row.isPositive("overdue") || row.isPositive("verified_not_effective")))
                .toList();
        return Table.of(List.of(
                        Column.text(lang.pick("涉及方面", "Area"), 12),
                        Column.count(lang.pick("措施数", "Actions"), 7),
                        Column.count(lang.pick("未完成", "Open"), 7),
                        Column.count(lang.pick("其中逾期", "Overdue"), 7),
                        Column.count(lang.pick("验证有效", "Effective"), 7),
                        Column.count(lang.pick("验证无效", "Not effective"), 7),
                        Column.count(lang.pick("待验证", "Pending"), 7)), rows)
                .withCaption(lang.pick("纠正和预防措施", "Corrective and preventive actions"))
                .withEmptyText(lang.pick("本年度本管理处未开立措施。", "No action of this office this year."))
                .withNote(lang.pick("底纹：有逾期或验证无效的措施。", "Shaded: an action is overdue or not effective."));
    }

    /** Households per value segment, totalled over the categories (households add up; shares are not totalled). */
    private static Table valueSegments(OfficeFigures figures, Lang lang) {
        Map<String, List<MartRow>> bySegment = new LinkedHashMap<>();
        CustomerValue.segments().forEach(segment -> bySegment.put(segment, new ArrayList<>()));
        figures.segments().forEach(row -> bySegment.computeIfAbsent(row.text("value_segment"), k -> new ArrayList<>())
                .add(row));
        List<Row> rows = new ArrayList<>();
        bySegment.forEach((segment, groups) -> {
            if (!groups.isEmpty()) {
                rows.add(Row.of(ReviewTerms.valueSegment(segment, lang), Tally.sum(groups, "households"),
                        Tally.sum(groups, "forms")));
            }
        });
        return Table.of(List.of(
                        Column.text(lang.pick("价值细分", "Value segment"), 14),
                        Column.count(lang.pick("户数", "Households"), 8),
                        Column.count(lang.pick("调查表份数", "Survey forms"), 8)), rows)
                .withCaption(lang.pick("客户价值细分", "Value segments"))
                .withEmptyText(lang.pick("无本管理处的客户价值评估数据。", "No customer-value figures for this office."));
    }
}
