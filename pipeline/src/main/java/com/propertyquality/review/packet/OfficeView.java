package com.propertyquality.review.packet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.marts.FeedbackMarts;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.marts.SurveyMarts;
import com.propertyquality.review.metrics.ReviewTriggers;
import com.propertyquality.review.reports.document.Block;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * One office's share of the service-performance and customer-service figures, for the office appendix of the
 * packet and the office's own report.
 *
 * <p>The contract of {@link #sections} and {@link #followUps}:
 * <ul>
 *   <li><b>Only that office.</b> Every row comes from a mart row whose {@code office_id} is the office's. The
 *       company figure is printed beside the office's where the mart gives it (company satisfaction and return
 *       rate, the company rate of each item) so that the office can compare; no other office's figure, name or
 *       household appears.</li>
 *   <li><b>Always the same sections, in the same order</b>, even for an office the marts do not know: a table
 *       without rows prints its empty text, nothing throws.</li>
 *   <li><b>Titles are not numbered</b> and no section starts on a new page: the caller numbers them and decides
 *       the page breaks ({@code new Section(s.title(), true, s.blocks())} for one office per page).</li>
 *   <li>Figures are the marts' as they are (rates as fractions, points as points); the feedback register's counts
 *       are summed over the office's rows of {@code feedback_summary}, as in the company chapter.</li>
 * </ul>
 */
public final class OfficeView {

    private OfficeView() {}

    /**
     * The office's satisfaction (with the previous year and the company), its items and levels, its survey return
     * rate, its feedback register and complaint main factors, and its return visits, in that order.
     *
     * @param officeId the office's id as the marts store it ({@code SZ01})
     */
    public static List<Section> sections(PacketSource source, int year, String officeId, Lang lang) {
        return List.of(
                satisfaction(source, year, officeId, lang),
                items(source, year, officeId, lang),
                returnRate(source, year, officeId, lang),
                feedback(source, year, officeId, lang),
                returnVisits(source, year, officeId, lang));
    }

    /**
     * The office's households to visit again (masked names and phones, as {@code follow_up_list} holds them), for
     * the office's own report; the packet's appendix leaves contact lists out.
     */
    public static Section followUps(PacketSource source, int year, String officeId, Lang lang) {
        return new Section(lang.pick("需再次回访的住户", "Households to visit again"), false,
                CustomerServiceChapter.followUpBlocks(source, year, id -> Objects.equals(id, officeId), lang));
    }

    // ------------------------------------------------------------------ satisfaction

    private static Section satisfaction(PacketSource source, int year, String officeId, Lang lang) {
        Optional<MartRow> office = officeRows(source, SurveyMarts.SATISFACTION_BY_OFFICE, year, officeId).stream()
                .findFirst();
        boolean dropped = MartRow.of(source.martOfYear(ReviewMarts.REVIEW_TRIGGERS, year)).stream()
                .anyMatch(row -> ReviewMarts.SATISFACTION_DROP.equals(row.text("trigger"))
                        && Objects.equals(row.text("office_id"), officeId));
        String empty = lang.pick(year + " 年度该管理处没有回收的《顾客意见调查表》。",
                "The office returned no survey forms in " + year + ".");
        Table counts = Table.of(List.of(
                        Column.count(lang.pick("调查表份数", "Forms"), 7),
                        Column.count(lang.pick("合格项", "Qualified"), 7),
                        Column.count(lang.pick("不满意项", "Unsatisfied"), 7),
                        Column.count(lang.pick("未评价项", "Unrated"), 7),
                        Column.percent(lang.pick("满意率", "Satisfaction"), 7),
                        Column.count(lang.pick("排名", "Rank"), 5)),
                        office.map(row -> List.of(Row.of(row.count("forms"), row.count("qualified"),
                                row.count("unsatisfied"), row.count("unrated"), row.number("satisfaction_rate"),
                                row.count("rank")))).orElse(List.of()))
                .withEmptyText(empty)
                .withNote(ServicePerformanceChapter.satisfactionFormula(lang));
        Table comparison = Table.of(List.of(
                        Column.percent(lang.pick("上年满意率", "Previous year"), 8),
                        Column.points(lang.pick("变化（百分点）", "Change (points)"), 8),
                        Column.percent(lang.pick("全公司满意率", "Company rate"), 8),
                        Column.points(lang.pick("与全公司差距（百分点）", "Gap to company (points)"), 8)),
                        office.map(row -> List.of(Row.highlightedIf(dropped, row.number("previous_satisfaction_rate"),
                                row.number("change_points"), row.number("company_satisfaction_rate"),
                                row.number("gap_points")))).orElse(List.of()))
                .withEmptyText(empty);
        if (dropped) {
            comparison = comparison.withNote(lang.pick("满意率较上年下降超过 "
                            + ReviewTriggers.SATISFACTION_DROP_POINTS + " 个百分点，属增加管理评审频次的情形（程序 4.1.2）。",
                    "Satisfaction fell by more than " + ReviewTriggers.SATISFACTION_DROP_POINTS
                            + " points: an extra-review trigger (procedure 4.1.2)."));
        }
        return Section.of(lang.pick("满意率", "Satisfaction"), counts, comparison);
    }

    private static Section items(PacketSource source, int year, String officeId, Lang lang) {
        List<MartRow> all = MartRow.of(source.martOfYear(SurveyMarts.SATISFACTION_BY_ITEM, year));
        Map<String, Double> companyRates = new HashMap<>();
        all.stream().filter(row -> row.text("office_id") == null && row.text("item") != null)
                .forEach(row -> companyRates.put(row.text("item"), row.number("satisfaction_rate")));
        List<Row> rows = all.stream().filter(row -> Objects.equals(row.text("office_id"), officeId))
                .map(row -> {
                    Double rate = row.number("satisfaction_rate");
                    Double company = companyRates.get(row.text("item"));
                    return Row.highlightedIf(rate != null && company != null && rate < company,
                            ServicePerformanceChapter.itemName(row, lang),
                            ReviewTerms.level(row.text("level"), lang), row.count("qualified"),
                            row.count("unsatisfied"), row.count("unrated"), rate, company);
                })
                .toList();
        Table itemTable = Table.of(List.of(
                        Column.text(lang.pick("调查项目", "Item"), 12),
                        Column.text(lang.pick("层面", "Level"), 6),
                        Column.count(lang.pick("合格项", "Qualified"), 7),
                        Column.count(lang.pick("不满意项", "Unsatisfied"), 7),
                        Column.count(lang.pick("未评价项", "Unrated"), 7),
                        Column.percent(lang.pick("满意率", "Satisfaction"), 7),
                        Column.percent(lang.pick("全公司该项满意率", "Company, same item"), 8)),
                        rows)
                .withEmptyText(Labels.noRecords(year, lang))
                .withNote(lang.pick("阴影行为低于全公司同一项目满意率的项目。",
                        "Shaded items are below the company rate of the same item."));
        return Section.of(lang.pick("各调查项目及层面满意率", "Satisfaction by item and level"), itemTable,
                ServicePerformanceChapter.levelTable(source, year, officeId, lang));
    }

    // ------------------------------------------------------------------ return rate

    private static Section returnRate(PacketSource source, int year, String officeId, Lang lang) {
        List<MartRow> returns = MartRow.of(source.martOfYear(SurveyMarts.SURVEY_RETURNS, year));
        Optional<MartRow> office = returns.stream().filter(row -> Objects.equals(row.text("office_id"), officeId))
                .findFirst();
        String empty = lang.pick(year + " 年度该管理处没有调查表发放或回收记录。",
                "The office has no survey distribution or return in " + year + ".");
        Table figures = Table.of(List.of(
                        Column.count(lang.pick("发放份数", "Distributed"), 7),
                        Column.count(lang.pick("回收份数", "Returned"), 7),
                        Column.percent(lang.pick("回收率", "Return rate"), 7),
                        Column.count(lang.pick("排名", "Rank"), 5),
                        Column.text(lang.pick("是否达标", "Threshold"), 6),
                        Column.text(lang.pick("说明", "Remark"), 14)),
                        office.map(row -> List.of(Row.highlightedIf(!row.isTrue("meets_threshold"),
                                row.count("forms_distributed"), row.count("forms_returned"),
                                row.number("return_rate"), row.count("rank"),
                                ServicePerformanceChapter.meetsLabel(row.flag("meets_threshold"), lang),
                                ServicePerformanceChapter.anomalyLabel(row.text("anomaly"), lang))))
                                .orElse(List.of()))
                .withEmptyText(empty)
                .withNote(ServicePerformanceChapter.returnRateNote(
                        ServicePerformanceChapter.threshold(source, returns),
                        office.map(row -> row.number("company_return_rate")).orElse(null), lang));
        Table comparison = Table.of(List.of(
                        Column.percent(lang.pick("上年回收率", "Previous year"), 8),
                        Column.points(lang.pick("变化（百分点）", "Change (points)"), 8),
                        Column.percent(lang.pick("全公司回收率", "Company rate"), 8),
                        Column.points(lang.pick("与全公司差距（百分点）", "Gap to company (points)"), 8)),
                        office.map(row -> List.of(Row.of(row.number("previous_return_rate"),
                                row.number("change_points"), row.number("company_return_rate"),
                                row.number("gap_points")))).orElse(List.of()))
                .withEmptyText(empty);
        return Section.of(lang.pick("调查表回收率", "Survey return rate"), figures, comparison);
    }

    // ------------------------------------------------------------------ feedback

    private static Section feedback(PacketSource source, int year, String officeId, Lang lang) {
        List<MartRow> entries = officeRows(source, FeedbackMarts.FEEDBACK_SUMMARY, year, officeId);
        List<MartRow> areas = officeRows(source, FeedbackMarts.COMPLAINT_PARETO, year, officeId);
        List<Block> blocks = new ArrayList<>();
        blocks.add(ServicePerformanceChapter.tallyTable(entries, "kind", ImportTemplates.FEEDBACK_KINDS.codes(),
                        code -> Names.of(ImportTemplates.FEEDBACK_KINDS, code, lang), lang.pick("类型", "Kind"), false,
                        year, lang)
                .withCaption(lang.pick("《顾客意见登记表》按类型", "Feedback register by kind")));
        ServicePerformanceChapter.paretoChart(areas, lang.pick("顾客投诉排列图", "Complaints by area"), lang)
                .ifPresent(blocks::add);
        blocks.add(ServicePerformanceChapter.mainFactorTable(areas, year, lang));
        return new Section(lang.pick("顾客意见与投诉主要因素", "Feedback and main factors of complaints"), false, blocks);
    }

    // ------------------------------------------------------------------ return visits

    private static Section returnVisits(PacketSource source, int year, String officeId, Lang lang) {
        List<MartRow> visits = CustomerServiceChapter.visitsOf(source, year, officeId);
        List<Block> blocks = new ArrayList<>(CustomerServiceChapter.surveyCheckBlocks(visits, year, lang));
        blocks.add(CustomerServiceChapter.paidServiceTable(visits, year, lang));
        blocks.add(CustomerServiceChapter.complaintFollowUpTable(visits, year, lang));
        return new Section(lang.pick("回访", "Return visits"), false, blocks);
    }

    private static List<MartRow> officeRows(PacketSource source, String mart, int year, String officeId) {
        return MartRow.of(source.martOfYear(mart, year)).stream()
                .filter(row -> Objects.equals(row.text("office_id"), officeId))
                .collect(Collectors.toList());
    }
}
