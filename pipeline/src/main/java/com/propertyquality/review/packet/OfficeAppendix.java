package com.propertyquality.review.packet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.marts.CustomerMarts;
import com.propertyquality.review.marts.CustomerValueMarts;
import com.propertyquality.review.marts.FeedbackMarts;
import com.propertyquality.review.marts.QualityMarts;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.marts.SurveyMarts;
import com.propertyquality.review.metrics.CustomerValue;
import com.propertyquality.review.reports.Percent;
import com.propertyquality.review.reports.document.Block;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * 附录：各管理处: one page per office of the register, and the fuller report of one office. Everything an office's
 * sections and chapters show is that office's own rows; the company-wide figure is shown beside it where the
 * procedure compares against it (satisfaction, return rate, items). Rows without an office (plan events, head-office
 * actions, company-wide triggers) are left out, since their text may name other offices.
 */
public final class OfficeAppendix {

    private OfficeAppendix() {}

    public static Chapter build(PacketSource source, int year, Lang lang) {
        List<Section> sections = new ArrayList<>();
        OfficeRegister register = OfficeRegister.of(source, year);
        // one pass over the register's rows for every office, not one per office
        Map<String, FeedbackByKind> feedback = FeedbackByKind.ofEveryOffice(source, year);
        for (OfficeRegister.Office office : register.offices()) {
            sections.addAll(officeSections(new OfficeFigures(source, year, office.id(), register,
                    feedback.getOrDefault(office.id(), new FeedbackByKind())), office, lang));
        }
        if (sections.isEmpty()) {
            sections.add(Section.of(null, Paragraphs.of(lang.pick("管理处名录和调查表回收记录中均无管理处。",
                    "Neither the office register nor the survey returns name any office."))));
        }
        return new Chapter(lang.pick("附录：各管理处", "Appendix: offices"), lang.pick("各管理处", "Offices"), sections);
    }

    /**
     * The office's one-page summary: returns and satisfaction against the company, its items below the company,
     * its feedback, inspections, actions and value segments.
     *
     * @throws IllegalArgumentException when the office is in neither the register nor the year's survey returns
     */
    public static List<Section> officeSections(PacketSource source, int year, String officeId, Lang lang) {
        OfficeRegister.Office office = office(source, year, officeId);
        return officeSections(new OfficeFigures(source, year, office.id()), office, lang);
    }

    private static List<Section> officeSections(OfficeFigures figures, OfficeRegister.Office office, Lang lang) {
        return List.of(Section.onNewPage(title(office, lang),
                surveyFigures(figures, lang),
                itemsBelowCompany(figures, lang),
                feedbackByKind(figures, lang),
                mainFactors(figures, lang),
                InspectionsChapter.byOfficeAndLevel(figures.inspections(), figures.register(), false, lang)
                        .withCaption(lang.pick("服务检查", "Service inspections")),
                actionSummary(figures, lang),
                IncidentsAndActionsChapter.failedTable(figures.failedActions(), figures.register(), false, lang),
                valueSegments(figures, lang)));
    }

    /**
     * The office's own report: the summary, then its satisfaction by item, level and segment, its feedback, its
     * inspections, its actions, its follow-up list and its customers.
     *
     * @throws IllegalArgumentException when the office is in neither the register nor the year's survey returns
     */
    public static List<Chapter> officeChapters(PacketSource source, int year, String officeId, Lang lang) {
        OfficeRegister.Office office = office(source, year, officeId);
        // one pass over the register's rows: the summary's sums by kind and the detail table both come from it
        List<MartRow> feedback = officeFeedback(source, year, office.id());
        OfficeFigures figures = new OfficeFigures(source, year, office.id(), OfficeRegister.of(source, year),
                FeedbackByKind.of(feedback));
        List<Section> overview = officeSections(figures, office, lang).stream()
                .map(section -> new Section(section.title(), false, section.blocks()))
                .toList();
        return List.of(
                new Chapter(lang.pick("概况", "Overview"), lang.pick("概况", "Overview"), overview),
                Chapter.of(lang.pick("顾客满意度", "Customer satisfaction"), lang.pick("满意度", "Satisfaction"),
                        Section.of(Labels.heading(1, "各调查项目满意度", "Satisfaction by item", lang),
                                satisfactionByItem(figures, lang)),
                        Section.of(Labels.heading(2, "管理和服务层面满意度", "Satisfaction by level", lang),
                                satisfactionByLevel(figures, lang)),
                        Section.of(Labels.heading(3, "各客户细分满意度", "Satisfaction by customer segment", lang),
                                satisfactionBySegment(figures, lang)),
                        new Section(Labels.heading(4, "调查表真实性检验与回访", "Survey checks and return visits", lang),
                                false, returnVisits(figures, year, lang))),
                Chapter.of(lang.pick("顾客反馈", "Customer feedback"), lang.pick("顾客反馈", "Feedback"),
                        new Section(Labels.heading(1, "投诉排列图与主要因素", "Complaints and main factors", lang),
                                false, pareto(figures, lang)),
                        Section.of(Labels.heading(2, "《顾客意见登记表》", "Customer feedback register", lang),
                                feedbackRows(feedback, lang))),
                Chapter.of(lang.pick("服务检查", "Service inspections"), lang.pick("服务检查", "Inspections"),
                        Section.of(Labels.heading(1, "各月检查", "Inspections by month", lang),
                                inspectionRows(figures, lang)),
                        Section.of(Labels.heading(2, "严重不合格", "Serious nonconformities", lang),
                                InspectionsChapter.seriousNonconformities(figures.seriousNonconformities(),
                                        figures.register(), lang))),
                Chapter.of(lang.pick("纠正和预防措施", "Corrective and preventive actions"),
                        lang.pick("纠正和预防措施", "Actions"),
                        Section.of(Labels.heading(1, "实施情况及其效果", "Progress and effect", lang),
                                IncidentsAndActionsChapter.actionProgress(figures.actions(), figures.register(), false,
                                        lang),
                                IncidentsAndActionsChapter.actionVerification(figures.actions(), figures.register(),
                                        false, lang),
                                IncidentsAndActionsChapter.failedTable(figures.failedActions(), figures.register(),
                                        false, lang)),
                        Section.of(Labels.heading(2, "尚未制定纠正或预防措施的主要因素", "Main factors without a corrective or preventive action", lang),
                                factorsWithoutAction(figures, lang))),
                Chapter.of(lang.pick("回访跟进名单", "Households to visit again"), lang.pick("回访跟进", "Follow-up"),
                        new Section(null, false,
                                CustomerServiceChapter.followUpBlocks(source, year, office.id()::equals, lang))),
                Chapter.of(lang.pick("客户价值与需求", "Customer value and needs"), lang.pick("客户价值", "Customers"),
                        Section.of(Labels.heading(1, "客户价值细分", "Value segments", lang),
                                segmentRows(figures, lang)),
                        Section.of(Labels.heading(2, "客户需求识别", "Customer needs", lang),
                                needsRows(figures, lang))));
    }

    private static OfficeRegister.Office office(PacketSource source, int year, String officeId) {
        return OfficeRegister.of(source, year).find(officeId).orElseThrow(() -> new IllegalArgumentException(
                "office '" + officeId + "' is not in the office register or the " + year + " survey returns"));
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
        String threshold = row.number("threshold") != null ? Percent.format(row.number("threshold"))
                : Percent.format(figures.source().returnThreshold());
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
        List<Block> blocks = new ArrayList<>(CustomerServiceChapter.surveyCheckBlocks(figures.returnVisits(), year,
                lang));
        blocks.add(CustomerServiceChapter.paidServiceTable(figures.returnVisits(), year, lang));
        blocks.add(CustomerServiceChapter.complaintFollowUpTable(figures.returnVisits(), year, lang));
        return blocks;
    }

    /** The office's Pareto chart (none without complaints) and every area of it. */
    private static List<Block> pareto(OfficeFigures figures, Lang lang) {
        List<Block> blocks = new ArrayList<>();
        ServicePerformanceChapter.paretoChart(figures.pareto(), lang.pick("投诉排列图", "Pareto chart of complaints"),
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
                        IncidentsAndActionsChapter.MAJOR.equals(row.text("severity"))
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
                        InspectionsChapter.recordedNonconformities(row),
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
        List<Row> rows = figures.needs().stream()
                .map(row -> Row.of(row.count("rank"), ReviewTerms.level(row.text("level"), lang),
                        ReviewTerms.area(row.text("area"), lang), row.count("complaints"),
                        row.count("service_requests"), row.count("opinions"), row.count("dissatisfied"),
                        row.count("needs")))
                .toList();
        return Table.of(CustomerSegmentsChapter.needColumns(false, lang), rows)
                .withEmptyText(lang.pick("本年度本管理处无投诉、服务需求、意见建议，调查表亦无不满意答项。",
                        "No complaints, service requests, opinions or dissatisfied answers at this office this year."))
                .withNote(lang.pick("合计 = 投诉 + 服务需求 + 意见建议 + 调查不满意答项（表扬不是需求）。",
                        "Total = complaints + service requests + opinions + dissatisfied answers (praise is no"
                                + " need)."));
    }

    /** The office's rows of feedback_summary, read row by row (the mart holds every office's). */
    private static List<MartRow> officeFeedback(PacketSource source, int year, String officeId) {
        List<MartRow> rows = new ArrayList<>();
        source.eachOfYear(FeedbackMarts.FEEDBACK_SUMMARY, year, row -> {
            if (officeId.equals(row.text("office_id"))) {
                rows.add(row);
            }
        });
        return rows;
    }

    /**
     * One office's rows of every mart the office pages read, filtered once here so that no section can pick up
     * another office's row by mistake. Company-wide rows are kept only where a company figure is shown beside the
     * office's (items, levels).
     */
    private record OfficeFigures(PacketSource source, int year, String officeId, OfficeRegister register,
                                 FeedbackByKind feedbackByKind) {

        OfficeFigures(PacketSource source, int year, String officeId) {
            this(source, year, officeId, OfficeRegister.of(source, year),
                    FeedbackByKind.of(officeFeedback(source, year, officeId)));
        }

        private List<MartRow> own(String mart) {
            return MartRow.of(source.martOfOffice(mart, year, officeId));
        }

        Optional<MartRow> returns() {
            return own(SurveyMarts.SURVEY_RETURNS).stream().findFirst();
        }

        Optional<MartRow> satisfaction() {
            return own(SurveyMarts.SATISFACTION_BY_OFFICE).stream().findFirst();
        }

        List<MartRow> items() {
            return own(SurveyMarts.SATISFACTION_BY_ITEM);
        }

        /** The company-wide rate of each item, for comparison. */
        Map<String, Double> companyItemRates() {
            Map<String, Double> rates = new LinkedHashMap<>();
            MartRow.of(source.martOfYear(SurveyMarts.SATISFACTION_BY_ITEM, year)).stream()
                    .filter(row -> row.text("office_id") == null)
                    .forEach(row -> rates.put(row.text("item"), row.number("satisfaction_rate")));
            return rates;
        }

        /** The office's level rows and the company-wide ones. */
        List<MartRow> levels() {
            return MartRow.of(source.martOfYear(SurveyMarts.SATISFACTION_BY_LEVEL, year)).stream()
                    .filter(row -> row.text("office_id") == null || officeId.equals(row.text("office_id")))
                    .toList();
        }

        List<MartRow> segmentSatisfaction() {
            return own(CustomerMarts.SATISFACTION_BY_SEGMENT);
        }

        List<MartRow> returnVisits() {
            return own(QualityMarts.RETURN_VISIT_VERIFICATION);
        }

        List<MartRow> pareto() {
            return own(FeedbackMarts.COMPLAINT_PARETO);
        }

        List<MartRow> factorsWithoutAction() {
            return own(FeedbackMarts.MAIN_FACTORS_WITHOUT_ACTION);
        }

        List<MartRow> inspections() {
            return own(QualityMarts.INSPECTION_SUMMARY);
        }

        List<MartRow> seriousNonconformities() {
            return own(ReviewMarts.REVIEW_ATTENTION_ITEMS).stream()
                    .filter(row -> ReviewMarts.INSPECTION_NONCONFORMITIES.equals(row.text("item"))).toList();
        }

        List<MartRow> actions() {
            return own(QualityMarts.ACTION_STATUS);
        }

        List<MartRow> failedActions() {
            return IncidentsAndActionsChapter.failedInYear(source, year).stream()
                    .filter(row -> officeId.equals(row.text("office_id"))).toList();
        }

        List<MartRow> segments() {
            return CustomerValueSnapshot.rowsOfOffice(source, CustomerValueMarts.CUSTOMER_SEGMENTS, year, officeId);
        }

        List<MartRow> needs() {
            return own(CustomerValueMarts.CUSTOMER_NEEDS);
        }
    }

    /** Entries, closed, open over 30 days and major entries of one office and kind, summed over the mart's rows. */
    static final class KindCounts {
        long entries;
        long closed;
        long openOverDays;
        long major;

        void add(MartRow row) {
            long rowEntries = orZero(row.count("entries"));
            entries += rowEntries;
            closed += orZero(row.count("closed"));
            openOverDays += orZero(row.count("open_over_30_days"));
            if (IncidentsAndActionsChapter.MAJOR.equals(row.text("severity"))) {
                major += rowEntries;
            }
        }

        private static long orZero(Long count) {
            return count == null ? 0 : count;
        }
    }

    /**
     * One office's register entries of the year by kind, from feedback_summary read row by row: the kinds of the
     * code list in its order, then any other kind in the order met; a kind without rows is absent.
     */
    record FeedbackByKind(Map<String, KindCounts> kinds) {

        FeedbackByKind() {
            this(new LinkedHashMap<>());
        }

        void add(MartRow row) {
            kinds.computeIfAbsent(row.text("kind"), kind -> new KindCounts()).add(row);
        }

        /** Kinds in the code list's order, others after them as met. */
        FeedbackByKind ordered() {
            Map<String, KindCounts> ordered = new LinkedHashMap<>();
            ImportTemplates.FEEDBACK_KINDS.codes().forEach(kind -> {
                if (kinds.containsKey(kind)) {
                    ordered.put(kind, kinds.get(kind));
                }
            });
            kinds.forEach(ordered::putIfAbsent);
            return new FeedbackByKind(ordered);
        }

        /** The sums of one office's rows. */
        static FeedbackByKind of(List<MartRow> officeRows) {
            FeedbackByKind feedback = new FeedbackByKind();
            officeRows.forEach(feedback::add);
            return feedback.ordered();
        }

        /** Every office's, in one pass over the year's rows. */
        static Map<String, FeedbackByKind> ofEveryOffice(PacketSource source, int year) {
            Map<String, FeedbackByKind> offices = new HashMap<>();
            source.eachOfYear(FeedbackMarts.FEEDBACK_SUMMARY, year, row -> {
                if (row.text("office_id") != null) {
                    offices.computeIfAbsent(row.text("office_id"), office -> new FeedbackByKind()).add(row);
                }
            });
            offices.replaceAll((office, feedback) -> feedback.ordered());
            return offices;
        }
    }
}
