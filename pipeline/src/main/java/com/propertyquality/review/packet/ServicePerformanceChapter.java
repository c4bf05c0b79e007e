package com.propertyquality.review.packet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.marts.FeedbackMarts;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.marts.SurveyMarts;
import com.propertyquality.review.metrics.Area;
import com.propertyquality.review.metrics.ChangeSignificance;
import com.propertyquality.review.metrics.ClosureRate;
import com.propertyquality.review.metrics.OpenFeedback;
import com.propertyquality.review.metrics.ReviewTriggers;
import com.propertyquality.review.metrics.SurveyItem;
import com.propertyquality.review.metrics.SurveyReturnRate;
import com.propertyquality.review.reports.Percent;
import com.propertyquality.review.reports.document.BarChart;
import com.propertyquality.review.reports.document.Block;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * 服务业绩 (review input 4.2.3: service performance, frequent complaints, feedback analysis), as the customer
 * service centre brings it (4.3.4 b): satisfaction by office, company, item and level, the trend against the
 * previous year, the survey return rates, the feedback register, and the complaint Pareto with its main factors.
 * Every figure is a mart's; the only sums are the feedback register's counts, which add up across the mart's rows
 * (its rates do not, so the closure rate of a sum goes through {@link ClosureRate}).
 */
public final class ServicePerformanceChapter {

    /** Offices per bar chart: more would make the bars and their names unreadable on A4. */
    static final int OFFICES_PER_CHART = 20;

    private ServicePerformanceChapter() {}

    public static Chapter build(PacketSource source, int year, Lang lang) {
        return Chapter.of(lang.pick("服务业绩", "Service performance"), lang.pick("服务业绩", "Service performance"),
                satisfactionByOffice(source, year, lang),
                companySatisfaction(source, year, lang),
                itemsAndLevels(source, year, lang),
                trend(source, year, lang),
                returnRates(source, year, lang),
                feedbackRegister(source, year, lang),
                complaintPareto(source, year, lang));
    }

    // ------------------------------------------------------------------ (1) satisfaction by office

    private static Section satisfactionByOffice(PacketSource source, int year, Lang lang) {
        List<MartRow> offices = MartRow.of(source.martOfYear(SurveyMarts.SATISFACTION_BY_OFFICE, year));
        Double company = companyRow(source, year).map(row -> row.number("satisfaction_rate")).orElse(null);
        List<Row> rows = offices.stream()
                .map(row -> Row.shadedIf(below(row.number("gap_points")), Labels.office(row), row.count("forms"),
                        row.count("qualified"), row.count("unsatisfied"), row.count("unrated"),
                        row.number("satisfaction_rate"), row.count("rank"), row.number("gap_points")))
                .toList();
        List<Block> blocks = new ArrayList<>();
        blocks.add(Table.of(List.of(
                        Column.text(lang.pick("管理处", "Office"), 16),
                        Column.count(lang.pick("调查表份数", "Forms"), 6),
                        Column.count(lang.pick("合格项", "Qualified"), 6),
                        Column.count(lang.pick("不满意项", "Unsatisfied"), 6),
                        Column.count(lang.pick("未评价项", "Unrated"), 6),
                        Column.percent(lang.pick("满意率", "Satisfaction"), 7),
                        Column.count(lang.pick("排名", "Rank"), 4),
                        Column.points(lang.pick("与全公司差距（百分点）", "Gap to company (points)"), 8)),
                        rows)
                .withEmptyText(lang.pick(year + " 年度没有回收的《顾客意见调查表》。",
                        "No survey forms were returned in " + year + "."))
                .withNote(satisfactionFormula(lang) + lang.pick("全公司满意率 " + Percent.format(company)
                                + "；阴影行为低于全公司满意率的管理处。",
                        " Company rate " + Percent.format(company) + "; shaded offices are below it.")));
        blocks.addAll(officeCharts(offices, company, lang));
        return Section.numbered(lang.pick("各管理处满意率", "Satisfaction by office"), blocks);
    }

    /** Procedure 5.1.6, in the procedure's words. */
    static String satisfactionFormula(Lang lang) {
        return lang.pick("满意率 = 合格项数目 /（合格项数目 + 不满意项数目）× 100%；“很满意”“满意”“较满意”为合格项，未评价的项目不计入"
                        + "（程序 5.1.6）。",
                "Satisfaction rate = qualified items / (qualified + unsatisfied items) × 100%; very satisfied,"
                        + " satisfied and fairly satisfied are qualified, an unrated item counts in neither"
                        + " (procedure 5.1.6).");
    }

    /** Bar charts of the office rates against the company line, at most {@link #OFFICES_PER_CHART} offices each. */
    private static List<BarChart> officeCharts(List<MartRow> offices, Double company, Lang lang) {
        List<BarChart> charts = new ArrayList<>();
        int parts = (offices.size() + OFFICES_PER_CHART - 1) / OFFICES_PER_CHART;
        for (int part = 0; part < parts; part++) {
            List<BarChart.Bar> bars = offices.subList(part * OFFICES_PER_CHART,
                            Math.min(offices.size(), (part + 1) * OFFICES_PER_CHART)).stream()
                    .map(row -> new BarChart.Bar(Labels.office(row), row.number("satisfaction_rate")))
                    .toList();
            String of = parts > 1 ? (part + 1) + "/" + parts : null;
            String caption = of == null ? lang.pick("各管理处满意率", "Satisfaction by office")
                    : lang.pick("各管理处满意率（" + of + "）", "Satisfaction by office (" + of + ")");
            charts.add(new BarChart(caption, lang.pick("满意率（%）", "Satisfaction (%)"), bars, company,
                    lang.pick("全公司满意率", "Company rate")));
        }
        return charts;
    }

    // ------------------------------------------------------------------ (2) company

    private static Section companySatisfaction(PacketSource source, int year, Lang lang) {
        List<Row> rows = companyRow(source, year)
                .map(row -> List.of(Row.of(row.count("forms"), row.count("qualified"), row.count("unsatisfied"),
                        row.count("unrated"), row.number("satisfaction_rate"))))
                .orElse(List.of());
        return Section.numbered(lang.pick("全公司满意率", "Company satisfaction"),
                Table.of(List.of(
                                Column.count(lang.pick("调查表份数", "Forms"), 8),
                                Column.count(lang.pick("合格项", "Qualified"), 8),
                                Column.count(lang.pick("不满意项", "Unsatisfied"), 8),
                                Column.count(lang.pick("未评价项", "Unrated"), 8),
                                Column.percent(lang.pick("满意率", "Satisfaction"), 8)),
                                rows)
                        .withEmptyText(Labels.noRecords(year, lang))
                        .withNote(lang.pick("全公司满意率按全部管理处的全部调查项目合并计算，不是各管理处满意率的平均数。",
                                "The company rate pools every item of every office; it is not an average of the"
                                        + " office rates.")));
    }

    private static Optional<MartRow> companyRow(PacketSource source, int year) {
        return MartRow.of(source.martOfYear(SurveyMarts.SATISFACTION_COMPANY, year)).stream().findFirst();
    }

    // ------------------------------------------------------------------ (3) items and levels

    private static Section itemsAndLevels(PacketSource source, int year, Lang lang) {
        List<MartRow> companyItems = MartRow.of(source.martOfYear(SurveyMarts.SATISFACTION_BY_ITEM, year)).stream()
                .filter(row -> row.text("office_id") == null).toList();
        Double company = companyRow(source, year).map(row -> row.number("satisfaction_rate")).orElse(null);
        List<Row> items = companyItems.stream()
                .map(row -> Row.shadedIf(lower(row.number("satisfaction_rate"), company), itemName(row, lang),
                        ReviewTerms.level(row.text("level"), lang), row.count("qualified"), row.count("unsatisfied"),
                        row.count("unrated"), row.number("satisfaction_rate")))
                .toList();
        Table itemTable = Table.of(List.of(
                        Column.text(lang.pick("调查项目", "Item"), 12),
                        Column.text(lang.pick("层面", "Level"), 7),
                        Column.count(lang.pick("合格项", "Qualified"), 7),
                        Column.count(lang.pick("不满意项", "Unsatisfied"), 7),
                        Column.count(lang.pick("未评价项", "Unrated"), 7),
                        Column.percent(lang.pick("满意率", "Satisfaction"), 7)),
                        items)
                .withCaption(lang.pick("各调查项目满意率（全公司）", "Satisfaction by item (company)"))
                .withEmptyText(Labels.noRecords(year, lang))
                .withNote(lang.pick("阴影行为低于全公司满意率 " + Percent.format(company) + " 的项目。",
                        "Shaded items are below the company rate of " + Percent.format(company) + "."));
        return Section.numbered(lang.pick("各调查项目及层面满意率", "Satisfaction by item and level"),
                itemTable, levelTable(source, year, null, lang));
    }

    /** satisfaction_by_level for the company (officeId null) or one office. */
    static Table levelTable(PacketSource source, int year, String officeId, Lang lang) {
        List<Row> levels = MartRow.of(source.martOfYear(SurveyMarts.SATISFACTION_BY_LEVEL, year)).stream()
                .filter(row -> Objects.equals(row.text("office_id"), officeId))
                .map(row -> Row.of(ReviewTerms.level(row.text("level"), lang), row.count("qualified"),
                        row.count("unsatisfied"), row.count("unrated"), row.number("satisfaction_rate")))
                .toList();
        return Table.of(List.of(
                        Column.text(lang.pick("层面", "Level"), 12),
                        Column.count(lang.pick("合格项", "Qualified"), 8),
                        Column.count(lang.pick("不满意项", "Unsatisfied"), 8),
                        Column.count(lang.pick("未评价项", "Unrated"), 8),
                        Column.percent(lang.pick("满意率", "Satisfaction"), 8)),
                        levels)
                .withCaption(lang.pick("管理层面与服务层面满意率", "Satisfaction by level (management, service)"))
                .withEmptyText(Labels.noRecords(year, lang));
    }

    static String itemName(MartRow row, Lang lang) {
        String code = row.text("item");
        boolean known = Arrays.stream(SurveyItem.values()).anyMatch(item -> item.code().equals(code));
        if (known) {
            return Names.of(SurveyItem.ofCode(code), lang);
        }
        return lang == Lang.ZH && row.text("item_name") != null ? row.text("item_name") : Names.english(code);
    }

    // ------------------------------------------------------------------ (4) trend

    private static Section trend(PacketSource source, int year, Lang lang) {
        String heading = lang.pick("与上年比较", "Against the previous year");
        List<MartRow> offices = MartRow.of(source.martOfYear(SurveyMarts.SATISFACTION_BY_OFFICE, year));
        List<MartRow> returns = MartRow.of(source.martOfYear(SurveyMarts.SURVEY_RETURNS, year));
        Optional<MartRow> company = companyRow(source, year);
        Optional<MartRow> previousCompany = companyRow(source, year - 1);
        boolean anyPrevious = previousCompany.isPresent()
                || offices.stream().anyMatch(row -> row.number("previous_satisfaction_rate") != null)
                || returns.stream().anyMatch(row -> row.number("previous_return_rate") != null);
        if (!anyPrevious) {
            return Section.numbered(heading, Paragraphs.of(lang.pick(
                    "没有 " + (year - 1) + " 年度的调查数据，本年度不作与上年的比较。",
                    "There is no survey data for " + (year - 1) + ", so the year is not compared with it.")));
        }
        List<MartRow> drops = MartRow.of(source.martOfYear(ReviewMarts.REVIEW_ATTENTION_ITEMS, year)).stream()
                .filter(row -> ReviewMarts.SATISFACTION_DROP.equals(row.text("item"))).toList();
        Set<String> droppedOffices = drops.stream().map(row -> row.text("office_id")).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<String> lines = new ArrayList<>();
        String thisRate = Percent.format(company.map(row -> row.number("satisfaction_rate")).orElse(null));
        String lastRate = Percent.format(previousCompany.map(row -> row.number("satisfaction_rate")).orElse(null));
        lines.add(lang.pick("全公司满意率：" + year + " 年 " + thisRate + "，" + (year - 1) + " 年 " + lastRate + "。",
                "Company satisfaction: " + thisRate + " in " + year + ", " + lastRate + " in " + (year - 1) + "."));
        Boolean companySignificant = company.flatMap(now -> previousCompany.map(before -> ChangeSignificance.of(
                now.number("satisfaction_rate"), units(now), before.number("satisfaction_rate"), units(before))))
                .orElse(null);
        if (companySignificant != null) {
            lines.add(companySignificant
                    ? lang.pick("这一变化在 95% 置信水平下显著（双比例检验）。",
                            "The change is significant at 95% (two-proportion test).")
                    : lang.pick("这一变化在 95% 置信水平下不显著，可能只是抽样波动（双比例检验）。",
                            "The change is not significant at 95%: it may be sampling noise (two-proportion test)."));
        }
        if (drops.stream().anyMatch(row -> row.text("office_id") == null)) {
            lines.add(lang.pick("全公司满意率较上年下降超过 " + ReviewTriggers.SATISFACTION_DROP_POINTS
                            + " 个百分点，列为评审关注事项（4.2.3）。",
                    "The company rate fell by more than " + ReviewTriggers.SATISFACTION_DROP_POINTS
                            + " points: an attention item for the review (4.2.3)."));
        }
        Table satisfaction = Table.of(List.of(
                        Column.text(lang.pick("管理处", "Office"), 16),
                        Column.percent(lang.pick(year + " 年满意率", "Satisfaction " + year), 8),
                        Column.percent(lang.pick((year - 1) + " 年满意率", "Satisfaction " + (year - 1)), 8),
                        Column.points(lang.pick("变化（百分点）", "Change (points)"), 8),
                        Column.text(lang.pick("显著", "Sig."), 4)),
                        offices.stream().map(row -> Row.shadedIf(droppedOffices.contains(row.text("office_id")),
                                Labels.office(row), row.number("satisfaction_rate"),
                                row.number("previous_satisfaction_rate"), row.number("change_points"),
                                significanceMark(row.flag("change_significant")))).toList())
                .withCaption(lang.pick("各管理处满意率与上年比较", "Satisfaction by office against the previous year"))
                .withEmptyText(Labels.noRecords(year, lang))
                .withNote(lang.pick("阴影行：满意率较上年下降超过 " + ReviewTriggers.SATISFACTION_DROP_POINTS
                                + " 个百分点（增加管理评审频次的情形）。",
                        "Shaded: satisfaction fell by more than " + ReviewTriggers.SATISFACTION_DROP_POINTS
                                + " points (an extra-review trigger).") + "\n" + significanceNote(lang));
        Table returnRates = Table.of(List.of(
                        Column.text(lang.pick("管理处", "Office"), 16),
                        Column.percent(lang.pick(year + " 年回收率", "Return rate " + year), 8),
                        Column.percent(lang.pick((year - 1) + " 年回收率", "Return rate " + (year - 1)), 8),
                        Column.points(lang.pick("变化（百分点）", "Change (points)"), 8)),
                        returns.stream().map(row -> Row.of(Labels.office(row), row.number("return_rate"),
                                row.number("previous_return_rate"), row.number("change_points"))).toList())
                .withCaption(lang.pick("各管理处调查表回收率与上年比较", "Survey return rate against the previous year"))
                .withEmptyText(Labels.noRecords(year, lang));
        return Section.numbered(heading, new Paragraphs(lines), satisfaction, returnRates);
    }

    /** The marker of a change on last year that passes the two-proportion test at 95%, and its column head. */
    static final String SIGNIFICANT = "*";

    /**
     * "*" for a significant change, blank otherwise: a row with nothing to test already shows "—" as its change,
     * and a second dash beside it only clutters the table.
     */
    static String significanceMark(Boolean significant) {
        return Boolean.TRUE.equals(significant) ? SIGNIFICANT : "";
    }

    /** The footnote of a table that marks significant changes. */
    static String significanceNote(Lang lang) {
        return lang.pick(SIGNIFICANT + "：与上年相比的变化在 95% 置信水平下显著（双比例检验，样本量为填写了评价的调查表份数）；"
                        + "未标 " + SIGNIFICANT + " 的变化可能只是抽样波动。",
                SIGNIFICANT + ": the change on last year is significant at 95% (two-proportion test on the forms"
                        + " that rated); a change without " + SIGNIFICANT + " may be sampling noise.");
    }

    /** The independent units behind a pooled satisfaction rate: the forms that rated at least one item. */
    private static long units(MartRow row) {
        Long forms = row.count("rated_forms");
        return forms == null ? 0 : forms;
    }

    // ------------------------------------------------------------------ (5) return rates

    private static Section returnRates(PacketSource source, int year, Lang lang) {
        List<MartRow> returns = MartRow.of(source.martOfYear(SurveyMarts.SURVEY_RETURNS, year));
        List<Row> rows = returns.stream()
                .map(row -> Row.shadedIf(!row.isTrue("meets_threshold"), Labels.office(row),
                        row.count("forms_distributed"), row.count("forms_returned"), row.number("return_rate"),
                        row.count("rank"), meetsLabel(row.flag("meets_threshold"), lang),
                        anomalyLabel(row.text("anomaly"), lang)))
                .toList();
        Double company = returns.stream().map(row -> row.number("company_return_rate")).filter(Objects::nonNull)
                .findFirst().orElse(null);
        Long leftOut = returns.stream().map(row -> row.count("company_offices_left_out")).filter(Objects::nonNull)
                .findFirst().orElse(null);
        return Section.numbered(lang.pick("调查表回收率", "Survey return rates"),
                Table.of(List.of(
                                Column.text(lang.pick("管理处", "Office"), 16),
                                Column.count(lang.pick("发放份数", "Distributed"), 7),
                                Column.count(lang.pick("回收份数", "Returned"), 7),
                                Column.percent(lang.pick("回收率", "Return rate"), 7),
                                Column.count(lang.pick("排名", "Rank"), 4),
                                Column.text(lang.pick("是否达标", "Threshold"), 6),
                                Column.text(lang.pick("说明", "Remark"), 13)),
                                rows)
                        .withEmptyText(lang.pick(year + " 年度没有调查表发放或回收记录。",
                                "No survey forms were distributed or returned in " + year + "."))
                        .withNote(returnRateNote(ShownThreshold.of(returns, source), company, leftOut, lang)));
    }

    static String returnRateNote(BigDecimal threshold, Double company, Long leftOut, Lang lang) {
        String limit = Percent.format(threshold);
        return lang.pick("回收率 = 回收份数 / 发放份数；《顾客意见调查表》回收率至少不低于 " + limit + "（程序 5.1.2），阴影行为未达标的"
                        + "管理处。回收率超过 100% 为数据错误，按原值列出，不作截断。全公司回收率 " + Percent.format(company)
                        + Labels.leftOutOfCompanyRate(leftOut, lang) + "。",
                "Return rate = forms returned / forms distributed; it must be at least " + limit
                        + " (procedure 5.1.2); shaded offices are below it. A rate over 100% is a data error and is"
                        + " shown as it is, never capped. Company return rate " + Percent.format(company)
                        + Labels.leftOutOfCompanyRate(leftOut, lang) + ".");
    }

    static String meetsLabel(Boolean meets, Lang lang) {
        return meets == null ? null : meets ? lang.pick("达标", "Met") : lang.pick("未达标", "Below");
    }

    /** The return-rate anomalies of §5.3; an unknown code is printed as stored rather than hidden. */
    static String anomalyLabel(String code, Lang lang) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (lang == Lang.ZH) {
            return SurveyReturnRate.anomalyChinese(code);
        }
        return switch (code) {
            case SurveyReturnRate.NO_DISTRIBUTION_RECORD -> "No distribution record";
            case SurveyReturnRate.RETURNED_EXCEEDS_DISTRIBUTED -> "More returned than distributed (data error)";
            default -> code;
        };
    }

    // ------------------------------------------------------------------ (6) feedback register

    private static Section feedbackRegister(PacketSource source, int year, Lang lang) {
        RegisterTallies tallies = new RegisterTallies();
        source.eachOfYear(FeedbackMarts.FEEDBACK_SUMMARY, year, tallies::add);
        Tally total = tallies.total;
        Optional<LocalDate> asOf = CutOffDay.of(source, year);
        List<String> lines = new ArrayList<>();
        lines.add(lang.pick("《顾客意见登记表》记录顾客来访、来电、信函等各种渠道的意见、投诉和服务需求（程序 5.1.1、5.1.4、5.1.5）。",
                "The customer feedback register records opinions, complaints and service requests from every"
                        + " channel (procedure 5.1.1, 5.1.4, 5.1.5)."));
        if (tallies.rows > 0) {
            lines.add(lang.pick(year + " 年度共登记 " + total.entries + " 件，已关闭 " + total.closed + " 件，关闭率 "
                            + Percent.format(total.closureRate()) + "，处理中 " + total.open() + " 件；截至基准日超过 "
                            + OpenFeedback.OVER_DAYS + " 天未关闭 " + total.openOverDays + " 件。",
                    year + ": " + total.entries + " entries, " + total.closed + " closed (closure rate "
                            + Percent.format(total.closureRate()) + "), " + total.open() + " open; "
                            + total.openOverDays + " open for more than " + OpenFeedback.OVER_DAYS
                            + " days at the as-of date."));
        }
        String note = lang.pick("关闭率 = 已关闭件数 / 登记件数。超过 " + OpenFeedback.OVER_DAYS + " 天未关闭按基准日"
                        + asOf.map(day -> " " + day + " ").orElse("") + "判断。",
                "Closure rate = closed / entries. Open for more than " + OpenFeedback.OVER_DAYS
                        + " days is judged at the as-of date" + asOf.map(day -> " " + day).orElse("") + ".");
        Table byChannel = tallyTable(tallies.byChannel, ImportTemplates.CHANNELS.codes(),
                code -> Names.of(ImportTemplates.CHANNELS, code, lang), lang.pick("反馈渠道", "Channel"), true, year,
                lang)
                .withCaption(lang.pick("按反馈渠道", "By channel"))
                .withNote(lang.pick("原件保管：保管了顾客投诉、意见或服务需求原件的件数（程序 5.1.1）。",
                        "Originals kept: entries whose original document is kept (procedure 5.1.1)."));
        Table byKind = tallyTable(tallies.byKind, ImportTemplates.FEEDBACK_KINDS.codes(),
                code -> Names.of(ImportTemplates.FEEDBACK_KINDS, code, lang), lang.pick("类型", "Kind"), false, year,
                lang)
                .withCaption(lang.pick("按类型", "By kind"));
        Table byArea = tallyTable(tallies.byArea, ImportTemplates.AREAS.codes(),
                code -> Names.of(ImportTemplates.AREAS, code, lang), lang.pick("涉及方面", "Area"), false, year, lang)
                .withCaption(lang.pick("按涉及方面", "By area"))
                .withNote(note);
        return Section.numbered(lang.pick("顾客意见登记情况", "Customer feedback register"),
                new Paragraphs(lines), byChannel, byKind, byArea);
    }

    /**
     * The year's rows of feedback_summary summed as they stream by: in total, and by channel, kind and area (each
     * keyed in the order its codes first appear). A few dozen tallies, however many rows.
     */
    static final class RegisterTallies {

        long rows;
        Tally total = Tally.ZERO;
        final Map<String, Tally> byChannel = new LinkedHashMap<>();
        final Map<String, Tally> byKind = new LinkedHashMap<>();
        final Map<String, Tally> byArea = new LinkedHashMap<>();

        void add(MartRow row) {
            Tally tally = Tally.of(row);
            rows++;
            total = total.plus(tally);
            byChannel.merge(row.text("channel"), tally, Tally::plus);
            byKind.merge(row.text("kind"), tally, Tally::plus);
            byArea.merge(row.text("area"), tally, Tally::plus);
        }
    }

    /**
     * The register's entries summed by one column (channel, kind, area), in the order of the code list, unknown
     * codes after it. Days to close are left out on purpose: a median does not add up across the mart's rows.
     */
    static Table tallyTable(Map<String, Tally> byCode, List<String> order,
                            Function<String, String> name, String header, boolean withOriginals, int year, Lang lang) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        byCode.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Tally> entry) -> {
                    int index = order.indexOf(entry.getKey());
                    return index < 0 ? order.size() : index;
                }))
                .forEach(entry -> tallies.put(entry.getKey(), entry.getValue()));
        List<Column> columns = new ArrayList<>(List.of(
                Column.text(header, 14),
                Column.count(lang.pick("登记件数", "Entries"), 7),
                Column.count(lang.pick("已关闭", "Closed"), 7),
                Column.count(lang.pick("处理中", "Open"), 7),
                Column.percent(lang.pick("关闭率", "Closure rate"), 7),
                Column.count(lang.pick("超过30天未关闭", "Open > 30 days"), 8)));
        if (withOriginals) {
            columns.add(Column.count(lang.pick("原件保管", "Originals kept"), 7));
        }
        List<Row> rows = tallies.entrySet().stream().map(entry -> {
            Tally tally = entry.getValue();
            List<Object> cells = new ArrayList<>(Arrays.asList(name.apply(entry.getKey()), tally.entries,
                    tally.closed, tally.open(), tally.closureRate(), tally.openOverDays));
            if (withOriginals) {
                cells.add(tally.originalsKept);
            }
            return new Row(cells, false);
        }).toList();
        return new Table(null, columns, rows, Labels.noRecords(year, lang), null);
    }

    /**
     * Register entries summed over rows of feedback_summary. The counts add up across rows (README §6.8); a count
     * the mart left null adds nothing.
     */
    record Tally(long entries, long closed, long openOverDays, long originalsKept) {

        static final Tally ZERO = new Tally(0, 0, 0, 0);

        /** One row's counts. */
        static Tally of(MartRow row) {
            return new Tally(orZero(row.count("entries")), orZero(row.count("closed")),
                    orZero(row.count("open_over_30_days")), orZero(row.count("originals_kept")));
        }

        Tally plus(Tally other) {
            return new Tally(entries + other.entries, closed + other.closed, openOverDays + other.openOverDays,
                    originalsKept + other.originalsKept);
        }

        /** Entries whose status is open (处理中): every entry is open or closed. */
        long open() {
            return entries - closed;
        }

        Double closureRate() {
            return ClosureRate.of(closed, entries);
        }

        private static long orZero(Long count) {
            return count == null ? 0 : count;
        }
    }

    // ------------------------------------------------------------------ (7) complaint Pareto

    private static Section complaintPareto(PacketSource source, int year, Lang lang) {
        List<MartRow> areas = MartRow.of(source.martOfYear(FeedbackMarts.COMPLAINT_PARETO, year)).stream()
                .filter(row -> row.text("office_id") == null).toList();
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraphs.of(lang.pick("对影响服务的主要因素，由管理处和有关部门制定纠正和预防措施（程序 5.1.3）。",
                "For the main factors that affect service, the offices and departments concerned set corrective and"
                        + " preventive actions (procedure 5.1.3).")));
        ParetoTables.chart(areas, lang.pick("顾客投诉排列图（全公司）", "Complaints by area (company)"), lang)
                .ifPresent(blocks::add);
        blocks.add(mainFactorTable(areas, year, lang));
        return Section.numbered(lang.pick("投诉主要因素", "Main factors of complaints"), blocks);
    }

    /** The main factors of one scope (rows in rank order), shaded when no corrective or preventive action answers them. */
    static Table mainFactorTable(List<MartRow> areas, int year, Lang lang) {
        List<Row> rows = areas.stream().filter(row -> row.isTrue("main_factor"))
                .map(row -> Row.shadedIf(!row.isTrue("has_action"), row.count("rank"), ParetoTables.areaName(row, lang),
                        ReviewTerms.level(row.text("level"), lang), row.count("complaints"), row.number("share"),
                        row.number("cumulative_share"), ReviewTerms.mainFactorAction(row, lang)))
                .toList();
        return Table.of(List.of(
                        Column.count(lang.pick("排名", "Rank"), 4),
                        Column.text(lang.pick("涉及方面", "Area"), 12),
                        Column.text(lang.pick("层面", "Level"), 6),
                        Column.count(lang.pick("投诉件数", "Complaints"), 7),
                        Column.percent(lang.pick("占比", "Share"), 7),
                        Column.percent(lang.pick("累计占比", "Cumulative"), 7),
                        Column.text(lang.pick("纠正和预防措施", "Actions"), 8)),
                        rows)
                .withCaption(lang.pick("主要因素", "Main factors"))
                .withEmptyText(lang.pick(year + " 年度没有顾客投诉。", "No complaints in " + year + "."))
                .withNote(lang.pick("主要因素：按投诉件数从多到少排列，累计占比达到 80% 之前的各方面，含跨过 80% 的一项。"
                                + "措施：本管理处或公司总部针对该方面的纠正或预防措施，开立于本年度内或次年评审会议之前（5.1.3）；"
                                + "阴影行为尚未制定措施的主要因素。",
                        "Main factors: the areas, by complaints in descending order, up to and including the one"
                                + " that crosses 80%. Actions: corrective or preventive actions on the area by the office"
                                + " or head office, opened in the year or up to the review meeting (5.1.3); shaded rows"
                                + " have none."));
    }

    // ------------------------------------------------------------------ shading

    /** Below the company figure, as the mart's gap says; an office without a rate is not shaded. */
    private static boolean below(Double gapPoints) {
        return gapPoints != null && gapPoints < 0;
    }

    private static boolean lower(Double rate, Double reference) {
        return rate != null && reference != null && rate < reference;
    }
}
