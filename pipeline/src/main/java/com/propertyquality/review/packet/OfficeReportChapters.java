package com.propertyquality.review.packet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.reports.document.Block;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * The chapters of an office's own report (管理处报告): its summary ({@link OfficeSummary}), then its satisfaction
 * by item, level and segment, its feedback, its inspections, its actions, its follow-up list and its customers.
 * Everything is that office's own rows ({@link OfficeFigures}); company-wide figures appear only as the yardstick.
 */
public final class OfficeReportChapters {

    private OfficeReportChapters() {}

    /**
     * The office's own report: the summary, then its satisfaction by item, level and segment, its feedback, its
     * inspections, its actions, its follow-up list and its customers.
     *
     * @throws IllegalArgumentException when the office is in neither the register nor the year's survey returns
     */
    public static List<Chapter> of(PacketSource source, int year, String officeId, Lang lang) {
        OfficeRegister.Office office = OfficeFigures.office(source, year, officeId);
        // one pass over the register's rows: the summary's sums by kind and the detail table both come from it
        List<MartRow> feedback = OfficeFigures.officeFeedback(source, year, office.id());
        OfficeFigures figures = new OfficeFigures(source, year, office.id(), OfficeRegister.of(source, year),
                OfficeFigures.FeedbackByKind.of(feedback));
        List<Section> overview = OfficeSummary.sections(figures, office, lang).stream()
                .map(Section::flowing)
                .toList();
        return List.of(
                new Chapter(lang.pick("概况", "Overview"), lang.pick("概况", "Overview"), overview),
                Chapter.of(lang.pick("顾客满意度", "Customer satisfaction"), lang.pick("满意度", "Satisfaction"),
                        Section.numbered(lang.pick("各调查项目满意度", "Satisfaction by item"),
                                satisfactionByItem(figures, lang)),
                        Section.numbered(lang.pick("管理和服务层面满意度", "Satisfaction by level"),
                                satisfactionByLevel(figures, lang)),
                        Section.numbered(lang.pick("各客户细分满意度", "Satisfaction by customer segment"),
                                satisfactionBySegment(figures, lang)),
                        Section.numbered(lang.pick("调查表真实性检验与回访", "Survey checks and return visits"), returnVisits(figures, year, lang))),
                Chapter.of(lang.pick("顾客反馈", "Customer feedback"), lang.pick("顾客反馈", "Feedback"),
                        Section.numbered(lang.pick("投诉排列图与主要因素", "Complaints and main factors"), pareto(figures, lang)),
                        Section.numbered(lang.pick("《顾客意见登记表》", "Customer feedback register"),
                                feedbackRows(feedback, lang))),
                Chapter.of(lang.pick("服务检查", "Service inspections"), lang.pick("服务检查", "Inspections"),
                        Section.numbered(lang.pick("各月检查", "Inspections by month"),
                                inspectionRows(figures, lang)),
                        Section.numbered(lang.pick("严重不合格", "Serious nonconformities"),
                                InspectionTables.seriousNonconformities(figures.seriousNonconformities(),
                                        figures.register(), lang))),
                Chapter.of(lang.pick("纠正和预防措施", "Corrective and preventive actions"),
                        lang.pick("纠正和预防措施", "Actions"),
                        Section.numbered(lang.pick("实施情况及其效果", "Progress and effect"),
                                ActionTables.actionProgress(figures.actions(), figures.register(), false,
                                        lang),
                                ActionTables.actionVerification(figures.actions(), figures.register(),
                                        false, lang),
                                ActionTables.failedTable(figures.failedActions(), figures.register(),
                                        false, lang)),
                        Section.numbered(lang.pick("尚未制定纠正或预防措施的主要因素", "Main factors without a corrective or preventive action"),
                                factorsWithoutAction(figures, lang))),
                Chapter.of(lang.pick("回访跟进名单", "Households to visit again"), lang.pick("回访跟进", "Follow-up"),
                        new Section(null, false,
                                FollowUpTables.followUpBlocks(source, year, office.id()::equals, lang))),
                Chapter.of(lang.pick("客户价值与需求", "Customer value and needs"), lang.pick("客户价值", "Customers"),
                        Section.numbered(lang.pick("客户价值细分", "Value segments"),
                                segmentRows(figures, lang)),
                        Section.numbered(lang.pick("客户需求识别", "Customer needs"),
                                needsRows(figures, lang))));
    }

    private static Table satisfactionByItem(OfficeFigures figures, Lang lang) {
        Map<String, Double> company = figures.companyItemRates();
        List<Row> rows = figures.items().stream()
                .map(row -> {
                    Double rate = row.number("satisfaction_rate");
                    Double companyRate = company.get(row.text("item"));
                    boolean below = rate != null && companyRate != null && rate < companyRate;
                    return new Row(Arrays.asList(ReviewTerms.surveyItem(row.text("item"), lang),
                            ReviewTerms.level(row.text("level"), lang), row.count("qualified"),
                            row.count("unsatisfied"), row.count("unrated"), rate, companyRate), below);
                })
                .toList();
        return Table.of(List.of(
                        Column.text(lang.pick("调查项目", "Item"), 13),
                        Column.text(lang.pick("层面", "Level"), 7),
                        Column.count(lang.pick("合格项", "Qualified"), 7),
                        Column.count(lang.pick("不满意项", "Unsatisfied"), 7),
                        Column.count(lang.pick("未评项", "Unrated"), 7),
                        Column.percent(lang.pick("满意率", "Satisfaction"), 8),
                        Column.percent(lang.pick("全公司满意率", "Company"), 8)), rows)
                .withEmptyText(lang.pick("本年度本管理处无调查表。", "No survey forms of this office this year."))
                .withNote(lang.pick("底纹：低于全公司该项目的满意率。", "Shaded: below the company's rate for the item."));
    }

    private static Table satisfactionByLevel(OfficeFigures figures, Lang lang) {
        Map<String, Double> company = new LinkedHashMap<>();
        figures.levels().stream().filter(row -> row.text("office_id") == null)
                .forEach(row -> company.put(row.text("level"), row.number("satisfaction_rate")));
        List<Row> rows = figures.levels().stream().filter(row -> row.text("office_id") != null)
                .map(row -> Row.of(ReviewTerms.level(row.text("level"), lang), row.count("qualified"),
                        row.count("unsatisfied"), row.count("unrated"), row.number("satisfaction_rate"),
                        company.get(row.text("level"))))
                .toList();
        return Table.of(List.of(
                        Column.text(lang.pick("层面", "Level"), 10),
                        Column.count(lang.pick("合格项", "Qualified"), 8),
                        Column.count(lang.pick("不满意项", "Unsatisfied"), 8),
                        Column.count(lang.pick("未评项", "Unrated"), 8),
                        Column.percent(lang.pick("满意率", "Satisfaction"), 8),
                        Column.percent(lang.pick("全公司满意率", "Company"), 8)), rows)
                .withEmptyText(lang.pick("本年度本管理处无调查表。", "No survey forms of this office this year."));
    }

    private static Table satisfactionBySegment(OfficeFigures figures, Lang lang) {
        List<Row> rows = figures.segmentSatisfaction().stream()
                .map(row -> Row.of(ReviewTerms.dimension(row.text("dimension"), lang),
                        ReviewTerms.segment(row.text("dimension"), row.text("segment"), lang), row.count("forms"),
                        row.count("qualified"), row.count("unsatisfied"), row.number("satisfaction_rate")))
                .toList();
        return Table.of(List.of(
                        Column.text(lang.pick("维度", "Dimension"), 10),
                        Column.text(lang.pick("细分", "Segment"), 16),
                        Column.count(lang.pick("调查表份数", "Forms"), 7),
                        Column.count(lang.pick("合格项", "Qualified"), 7),
                        Column.count(lang.pick("不满意项", "Unsatisfied"), 7),
                        Column.percent(lang.pick("满意率", "Satisfaction"), 8)), rows)
                .withEmptyText(lang.pick("本年度本管理处无能关联到客户资料的调查表。",
                        "No survey form of this office is linked to a customer record this year."));
    }

    /** The survey checks and the two kinds of return visit, as the customer-service chapter shows them. */
    private static List<Block> returnVisits(OfficeFigures figures, int year, Lang lang) {
        List<Block> blocks = new ArrayList<>(ReturnVisitTables.surveyCheckBlocks(figures.returnVisits(), year,
                lang));
        blocks.add(ReturnVisitTables.paidServiceTable(figures.returnVisits(), year, lang));
        blocks.add(ReturnVisitTables.complaintFollowUpTable(figures.returnVisits(), year, lang));
        return blocks;
    }

    /** The office's Pareto chart (none without complaints) and every area of it. */
    private static List<Block> pareto(OfficeFigures figures, Lang lang) {
        List<Block> blocks = new ArrayList<>();
        ParetoTables.chart(figures.pareto(), lang.pick("投诉排列图", "Pareto chart of complaints"),
                lang).ifPresent(blocks::add);
        blocks.add(paretoTable(figures, lang));
        return blocks;
    }

    private static Table paretoTable(OfficeFigures figures, Lang lang) {
        List<Row> rows = figures.pareto().stream()
                .map(row -> new Row(Arrays.asList(row.count("rank"), ReviewTerms.area(row.text("area"), lang),
                        row.count("complaints"), row.number("share"), row.number("cumulative_share"),
                        Labels.yesNo(row.isTrue("main_factor"), lang), ReviewTerms.mainFactorAction(row, lang)),
                        row.isTrue("main_factor") && !row.isTrue("has_action")))
                .toList();
        return Table.of(List.of(
                        Column.count(lang.pick("序位", "Rank"), 5),
                        Column.text(lang.pick("涉及方面", "Area"), 12),
                        Column.count(lang.pick("投诉件数", "Complaints"), 8),
                        Column.percent(lang.pick("占比", "Share"), 8),
                        Column.percent(lang.pick("累计占比", "Cumulative"), 8),
                        Column.text(lang.pick("主要因素", "Main factor"), 7),
                        Column.text(lang.pick("纠正和预防措施", "Actions"), 8)), rows)
                .withEmptyText(lang.pick("本年度本管理处无投诉。", "No complaints at this office this year."))
                .withNote(lang.pick("底纹：主要因素尚未制定纠正或预防措施。", "Shaded: a main factor without a corrective or preventive action."));
    }

    private static Table feedbackRows(List<MartRow> feedback, Lang lang) {
        List<Row> rows = feedback.stream()
                .map(row -> new Row(Arrays.asList(ReviewTerms.month(row.integer("month"), lang),
                        Names.of(ImportTemplates.CHANNELS, row.text("channel"), lang),
                        Names.of(ImportTemplates.FEEDBACK_KINDS, row.text("kind"), lang),
                        ReviewTerms.area(row.text("area"), lang),
                        Names.of(ImportTemplates.SEVERITIES, row.text("severity"), lang),
                        row.count("entries"), row.count("closed"), row.count("open_over_30_days")),
                        ReviewMarts.MAJOR_SEVERITY.equals(row.text("severity"))
                                || row.isPositive("open_over_30_days")))
                .toList();
        return Table.of(List.of(
                        Column.text(lang.pick("月份", "Month"), 6),
                        Column.text(lang.pick("渠道", "Channel"), 9),
                        Column.text(lang.pick("类型", "Kind"), 8),
                        Column.text(lang.pick("涉及方面", "Area"), 10),
                        Column.text(lang.pick("严重程度", "Severity"), 7),
                        Column.count(lang.pick("件数", "Entries"), 6),
                        Column.count(lang.pick("已关闭", "Closed"), 6),
                        Column.count(lang.pick("超过30天未关闭", "Open over 30 days"), 8)), rows)
                .withEmptyText(lang.pick("本年度本管理处无登记。", "No register entry of this office this year."))
                .withNote(lang.pick("底纹：重大，或超过30天未关闭。", "Shaded: major, or open over 30 days."));
    }

    private static Table inspectionRows(OfficeFigures figures, Lang lang) {
        List<Row> rows = figures.inspections().stream()
                .map(row -> Row.of(ReviewTerms.month(row.integer("month"), lang),
                        Names.of(ImportTemplates.INSPECTION_LEVELS, row.text("level"), lang), row.count("inspections"),
                        row.number("average_score"), row.number("min_score"),
                        InspectionTables.recordedNonconformities(row),
                        row.count("complaints")))
                .toList();
        return Table.of(List.of(
                        Column.text(lang.pick("月份", "Month"), 6),
                        Column.text(lang.pick("检查级别", "Level"), 13),
                        Column.count(lang.pick("检查次数", "Inspections"), 7),
                        Column.decimal(lang.pick("平均得分", "Average score"), 8),
                        Column.decimal(lang.pick("最低得分", "Lowest score"), 8),
                        Column.count(lang.pick("不合格项数", "Nonconformities"), 8),
                        Column.count(lang.pick("当月投诉", "Complaints that month"), 8)), rows)
                .withEmptyText(lang.pick("本年度本管理处无服务检查记录。", "No inspection of this office this year."))
                .withNote(lang.pick("当月投诉为本管理处当月的投诉件数，各检查级别行相同，不可相加。",
                        "The month's complaints are the office's, repeated on each level: do not add them up."));
    }

    private static Table factorsWithoutAction(OfficeFigures figures, Lang lang) {
        List<Row> rows = figures.factorsWithoutAction().stream()
                .map(row -> Row.shaded(row.count("rank"), ReviewTerms.area(row.text("area"), lang),
                        row.count("complaints"), row.number("share"), row.number("cumulative_share")))
                .toList();
        return Table.of(List.of(
                        Column.count(lang.pick("序位", "Rank"), 5),
                        Column.text(lang.pick("涉及方面", "Area"), 12),
                        Column.count(lang.pick("投诉件数", "Complaints"), 8),
                        Column.percent(lang.pick("占比", "Share"), 8),
                        Column.percent(lang.pick("累计占比", "Cumulative"), 8)), rows)
                .withEmptyText(lang.pick("各主要因素均已制定纠正或预防措施。", "Every main factor has a corrective or preventive action."))
                .withNote(lang.pick("对影响服务的主要因素，由管理处和有关部门制定纠正和预防措施（5.1.3）。",
                        "The office and the departments concerned draw up actions for the main factors (5.1.3)."));
    }

    private static Table segmentRows(OfficeFigures figures, Lang lang) {
        List<Row> rows = figures.segments().stream()
                .map(row -> Row.of(ReviewTerms.category(row.text("category"), lang),
                        ReviewTerms.valueSegment(row.text("value_segment"), lang), row.count("households"),
                        row.number("share"), row.number("avg_spend_12m"), row.number("avg_credit_rate"),
                        row.count("forms"), row.number("satisfaction_rate")))
                .toList();
        return Table.of(List.of(
                        Column.text(lang.pick("客户类别", "Customer category"), 16),
                        Column.text(lang.pick("价值细分", "Value segment"), 11),
                        Column.count(lang.pick("户数", "Households"), 7),
                        Column.percent(lang.pick("占本处比例", "Share of office"), 8),
                        Column.decimal(lang.pick("近12个月户均消费（元）", "Average spend, 12 months (yuan)"), 11),
                        Column.percent(lang.pick("平均按时缴费率", "Average on-time payment"), 9),
                        Column.count(lang.pick("调查表份数", "Survey forms"), 7),
                        Column.percent(lang.pick("满意率", "Satisfaction"), 8)), rows)
                .withEmptyText(lang.pick("无本管理处的客户价值评估数据。", "No customer-value figures for this office."));
    }

    private static Table needsRows(OfficeFigures figures, Lang lang) {
        return SegmentTables.needs(figures.needs(), null, lang)
                .withEmptyText(lang.pick("本年度本管理处无投诉、服务需求、意见建议，调查表亦无不满意答项。",
                        "No complaints, service requests, opinions or dissatisfied answers at this office this year."))
                .withNote(lang.pick("合计 = 投诉 + 服务需求 + 意见建议 + 调查不满意答项（表扬不是需求）。",
                        "Total = complaints + service requests + opinions + dissatisfied answers (praise is no"
                                + " need)."));
    }
}
