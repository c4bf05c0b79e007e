package com.propertyquality.review.packet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.propertyquality.review.marts.CustomerMarts;
import com.propertyquality.review.marts.CustomerValueMarts;
import com.propertyquality.review.metrics.ServiceLevel;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * 客户细分与需求: the customers by value segment and category (客户资源控制程序), their needs on the management,
 * service and business levels (物业客户需求识别管理程序), and their satisfaction by segment. Reads
 * {@code customer_segments}, {@code customer_needs}, {@code purchase_needs}, {@code purchase_seasonality} and
 * {@code satisfaction_by_segment}. Per-office figures are long tables (one row per office and group), so any number
 * of offices fits the page width.
 */
public final class CustomerSegmentsChapter {

    /** How many of each office's needs the chapter lists; the office report lists them all. */
    static final int OFFICE_NEEDS_SHOWN = 3;

    private CustomerSegmentsChapter() {}

    public static Chapter build(PacketSource source, int year, Lang lang) {
        OfficeRegister register = OfficeRegister.of(source, year);
        List<MartRow> segments = CustomerValueSnapshot.rows(source, CustomerValueMarts.CUSTOMER_SEGMENTS, year);
        List<MartRow> needs = MartRow.of(source.martOfYear(CustomerValueMarts.CUSTOMER_NEEDS, year));
        return new Chapter(lang.pick("客户细分与需求", "Customer segments and needs"),
                lang.pick("客户细分与需求", "Customer segments"), List.of(
                        Section.numbered(lang.pick("客户价值细分（全公司）", "Value segments, company-wide"),
                                valueIntro(segments, lang),
                                companySegments(segments, lang)),
                        Section.numbered(lang.pick("各管理处客户价值细分", "Value segments by office"),
                                officeSegments(segments, register, lang)),
                        Section.numbered(lang.pick("客户需求识别：顾客提出的需求", "Customer needs: what customers state"),
                                needsIntro(lang),
                                levelNeeds(needs, lang),
                                companyNeeds(needs, lang),
                                officeNeeds(needs, register, lang)),
                        Section.numbered(lang.pick("经营需求：各价值细分的消费", "Business needs: purchases by value segment"),
                                purchaseNeeds(source, year, lang)),
                        Section.numbered(lang.pick("经营需求：消费的时间分布", "Business needs: when customers buy"),
                                seasonality(source, year, lang)),
                        Section.numbered(lang.pick("各客户细分的满意度", "Satisfaction by customer segment"),
                                segmentSatisfaction(source, year, lang, false),
                                segmentSatisfaction(source, year, lang, true))));
    }

    private static Paragraphs valueIntro(List<MartRow> segments, Lang lang) {
        List<String> lines = new ArrayList<>();
        lines.add(lang.pick(
                "依据《客户资源控制程序》，以家庭为单位按客户类别分类，并从购买潜力、信用度（按时缴费）和价值贡献评估客户价值。",
                "Following the customer-resource procedure, households are grouped by customer category and valued on"
                        + " purchase potential, credit (paying on time) and value contribution."));
        Integer asOfYear = CustomerValueSnapshot.year(segments);
        Integer surveyYear = CustomerValueSnapshot.surveyYear(segments);
        if (asOfYear != null) {
            lines.add(lang.pick(
                    "客户价值按 " + asOfYear + " 年基准日前12个月的消费、缴费和反馈评估；满意率取 "
                            + (surveyYear == null ? "—" : surveyYear) + " 年顾客意见调查。",
                    "Customer value is assessed on the 12 months before the as-of date in " + asOfYear
                            + "; satisfaction is taken from the " + (surveyYear == null ? "—" : surveyYear)
                            + " survey."));
        }
        return new Paragraphs(lines);
    }

    private static Table companySegments(List<MartRow> segments, Lang lang) {
        List<Row> rows = segments.stream().filter(row -> row.text("office_id") == null)
                .map(row -> Row.of(ReviewTerms.category(row.text("category"), lang),
                        ReviewTerms.valueSegment(row.text("value_segment"), lang),
                        row.count("households"), row.number("share"), row.number("avg_spend_12m"),
                        row.number("avg_credit_rate"), row.count("forms"), row.number("satisfaction_rate")))
                .toList();
        return Table.of(List.of(
                        Column.text(lang.pick("客户类别", "Customer category"), 16),
                        Column.text(lang.pick("价值细分", "Value segment"), 11),
                        Column.count(lang.pick("户数", "Households"), 7),
                        Column.percent(lang.pick("占比", "Share"), 8),
                        Column.decimal(lang.pick("近12个月户均消费（元）", "Average spend, 12 months (yuan)"), 11),
                        Column.percent(lang.pick("平均按时缴费率", "Average on-time payment"), 9),
                        Column.count(lang.pick("调查表份数", "Survey forms"), 7),
                        Column.percent(lang.pick("满意率", "Satisfaction"), 8)), rows)
                .withEmptyText(lang.pick("无本年度评审适用的客户价值评估数据。",
                        "No customer-value assessment serves this year's review."))
                .withNote(lang.pick("占比为该组户数占全公司户数的比例；满意率仅计入能关联到客户资料的调查表。",
                        "Share: the group's households out of the company's. Satisfaction counts only survey"
                                + " forms linked to a customer record."));
    }

    private static Table officeSegments(List<MartRow> segments, OfficeRegister register, Lang lang) {
        List<Row> rows = segments.stream().filter(row -> row.text("office_id") != null)
                .map(row -> Row.of(register.nameOf(row),
                        ReviewTerms.category(row.text("category"), lang),
                        ReviewTerms.valueSegment(row.text("value_segment"), lang),
                        row.count("households"), row.number("share"), row.number("avg_spend_12m"),
                        row.number("avg_credit_rate"), row.number("satisfaction_rate")))
                .toList();
        return Table.of(List.of(
                        Column.text(lang.pick("管理处", "Office"), 16),
                        Column.text(lang.pick("客户类别", "Customer category"), 14),
                        Column.text(lang.pick("价值细分", "Value segment"), 10),
                        Column.count(lang.pick("户数", "Households"), 6),
                        Column.percent(lang.pick("占本处比例", "Share of office"), 8),
                        Column.decimal(lang.pick("近12个月户均消费（元）", "Average spend, 12 months (yuan)"), 10),
                        Column.percent(lang.pick("平均按时缴费率", "Average on-time payment"), 9),
                        Column.percent(lang.pick("满意率", "Satisfaction"), 8)), rows)
                .withEmptyText(lang.pick("无各管理处的客户价值评估数据。", "No customer-value figures by office."));
    }

    private static Paragraphs needsIntro(Lang lang) {
        return Paragraphs.of(lang.pick(
                "依据《物业客户需求识别管理程序》，客户需求从管理、服务和经营三个方面识别。本节列出顾客提出的需求：顾客意见登记表中的"
                        + "投诉、服务需求和意见建议（表扬不是需求），以及调查表中评为不满意的答项，按涉及方面及其所属层面统计，"
                        + "按四项合计排列；经营方面的消费需求见（四）、（五）。",
                "Customer needs are read on three levels: management, service and business. This section counts the"
                        + " needs customers state: the complaints, service requests and opinions of the feedback"
                        + " register (praise is no need) and the dissatisfied survey answers, per area and the level"
                        + " it belongs to, ranked by the four together; business needs read from purchases follow in"
                        + " sections 4 and 5."));
    }

    /** The company's needs summed per level (管理, 服务, 经营), in the catalogue's order of levels. */
    private static Table levelNeeds(List<MartRow> needs, Lang lang) {
        Map<ServiceLevel, long[]> byLevel = new EnumMap<>(ServiceLevel.class);
        needs.stream().filter(row -> row.text("office_id") == null).forEach(row -> {
            long[] sums = byLevel.computeIfAbsent(ServiceLevel.ofCode(row.text("level")), level -> new long[5]);
            String[] counts = {"complaints", "service_requests", "opinions", "dissatisfied", "needs"};
            for (int i = 0; i < counts.length; i++) {
                Long count = row.count(counts[i]);
                sums[i] += count == null ? 0 : count;
            }
        });
        List<Row> rows = byLevel.entrySet().stream()
                .map(level -> Row.of(ReviewTerms.level(level.getKey().code(), lang), level.getValue()[0],
                        level.getValue()[1], level.getValue()[2], level.getValue()[3], level.getValue()[4]))
                .toList();
        return Table.of(List.of(
                        Column.text(lang.pick("层面", "Level"), 10),
                        Column.count(lang.pick("投诉", "Complaints"), 8),
                        Column.count(lang.pick("服务需求", "Service requests"), 8),
                        Column.count(lang.pick("意见建议", "Opinions"), 8),
                        Column.count(lang.pick("调查不满意答项", "Dissatisfied answers"), 9),
                        Column.count(lang.pick("合计", "Total"), 8)), rows)
                .withCaption(lang.pick("全公司各层面需求", "Company-wide needs per level"))
                .withEmptyText(lang.pick("本年度无投诉、服务需求、意见建议，调查表亦无不满意答项。",
                        "No complaints, service requests or opinions and no dissatisfied survey answers this year."));
    }

    private static Table companyNeeds(List<MartRow> needs, Lang lang) {
        return SegmentTables.needs(needs.stream().filter(row -> row.text("office_id") == null).toList(), null,
                        lang)
                .withCaption(lang.pick("全公司", "Company-wide"))
                .withEmptyText(lang.pick("本年度无投诉、服务需求、意见建议，调查表亦无不满意答项。",
                        "No complaints, service requests or opinions and no dissatisfied survey answers this year."))
                .withNote(lang.pick("合计 = 投诉 + 服务需求 + 意见建议 + 调查不满意答项。停车、收费、经营服务、其它无对应的调查项目，"
                                + "其不满意答项为“—”。",
                        "Total = complaints + service requests + opinions + dissatisfied answers. Parking, fees,"
                                + " business and other have no survey item: their dissatisfied answers show —."));
    }

    private static Table officeNeeds(List<MartRow> needs, OfficeRegister register, Lang lang) {
        List<MartRow> rows = needs.stream()
                .filter(row -> row.text("office_id") != null && row.count("rank") != null
                        && row.count("rank") <= OFFICE_NEEDS_SHOWN)
                .toList();
        return SegmentTables.needs(rows, register, lang)
                .withCaption(lang.pick("各管理处前三位需求", "Each office's first three needs"))
                .withEmptyText(lang.pick("本年度各管理处无投诉、服务需求、意见建议，调查表亦无不满意答项。",
                        "No office has complaints, service requests, opinions or dissatisfied survey answers this"
                                + " year."));
    }

    private static Table purchaseNeeds(PacketSource source, int year, Lang lang) {
        List<MartRow> needs = CustomerValueSnapshot.rows(source, CustomerValueMarts.PURCHASE_NEEDS, year);
        List<Row> rows = needs.stream()
                .map(row -> Row.of(ReviewTerms.valueSegment(row.text("value_segment"), lang), row.count("rank"),
                        row.text("category"), row.count("purchases"), row.count("households"), row.get("spend"),
                        row.number("share"), row.number("median_repeat_days")))
                .toList();
        return Table.of(List.of(
                        Column.text(lang.pick("价值细分", "Value segment"), 11),
                        Column.count(lang.pick("序位", "Rank"), 5),
                        Column.text(lang.pick("消费类别", "Category"), 11),
                        Column.count(lang.pick("消费次数", "Purchases"), 8),
                        Column.count(lang.pick("户数", "Households"), 7),
                        Column.decimal(lang.pick("消费金额（元）", "Spend (yuan)"), 11),
                        Column.percent(lang.pick("占该细分消费", "Share of segment spend"), 9),
                        Column.decimal(lang.pick("重复购买间隔中位数（天）", "Median days between repeats"), 10)), rows)
                .withEmptyText(lang.pick("基准日前12个月无客户消费记录。",
                        "No purchases in the 12 months before the as-of date."))
                .withNote(lang.pick("基准日前12个月的消费，按消费金额排序；重复购买间隔为同一户同一类别相邻两次消费相隔的天数。",
                        "Purchases of the 12 months before the as-of date, by spend; the repeat interval is the days"
                                + " between two purchases of one household in one category."));
    }

    /** Per category, the month with the most purchases (the earliest on a tie): when each need peaks. */
    private static Table seasonality(PacketSource source, int year, Lang lang) {
        Map<String, List<MartRow>> byCategory = new TreeMap<>();
        for (MartRow row : MartRow.of(source.martOfYear(CustomerValueMarts.PURCHASE_SEASONALITY, year))) {
            byCategory.computeIfAbsent(Objects.toString(row.text("category"), ""), k -> new ArrayList<>()).add(row);
        }
        List<Row> rows = new ArrayList<>();
        byCategory.forEach((category, months) -> {
            MartRow peak = months.get(0);
            for (MartRow month : months) {
                long purchases = month.count("purchases") == null ? 0 : month.count("purchases");
                long most = peak.count("purchases") == null ? 0 : peak.count("purchases");
                if (purchases > most || purchases == most && month.integer("month") < peak.integer("month")) {
                    peak = month;
                }
            }
            rows.add(Row.of(peak.text("category"), ReviewTerms.month(peak.integer("month"), lang),
                    peak.count("purchases"), peak.count("households"), peak.get("spend"), (long) months.size()));
        });
        return Table.of(List.of(
                        Column.text(lang.pick("消费类别", "Category"), 12),
                        Column.text(lang.pick("消费最多的月份", "Busiest month"), 10),
                        Column.count(lang.pick("当月消费次数", "Purchases that month"), 9),
                        Column.count(lang.pick("当月户数", "Households that month"), 9),
                        Column.decimal(lang.pick("当月消费金额（元）", "Spend that month (yuan)"), 11),
                        Column.count(lang.pick("有消费的月份数", "Months with purchases"), 9)), rows)
                .withEmptyText(lang.pick("本年度无客户消费记录。", "No purchases this year."));
    }

    /** The company-wide satisfaction by segment: occupations apart, as they are many and free text. */
    private static Table segmentSatisfaction(PacketSource source, int year, Lang lang, boolean occupations) {
        List<MartRow> company = MartRow.of(source.martOfYear(CustomerMarts.SATISFACTION_BY_SEGMENT, year)).stream()
                .filter(row -> row.text("office_id") == null)
                .filter(row -> occupations == "occupation".equals(row.text("dimension")))
                .toList();
        List<Column> columns = new ArrayList<>();
        if (!occupations) {
            columns.add(Column.text(lang.pick("维度", "Dimension"), 10));
        }
        columns.add(Column.text(occupations ? lang.pick("职业", "Occupation") : lang.pick("细分", "Segment"), 18));
        columns.addAll(List.of(
                Column.count(lang.pick("调查表份数", "Forms"), 7),
                Column.count(lang.pick("合格项", "Qualified"), 7),
                Column.count(lang.pick("不满意项", "Unsatisfied"), 7),
                Column.count(lang.pick("未评项", "Unrated"), 7),
                Column.percent(lang.pick("满意率", "Satisfaction"), 8)));
        List<Row> rows = new ArrayList<>();
        for (MartRow row : company) {
            List<Object> cells = new ArrayList<>();
            if (!occupations) {
                cells.add(ReviewTerms.dimension(row.text("dimension"), lang));
            }
            cells.add(ReviewTerms.segment(row.text("dimension"), row.text("segment"), lang));
            cells.addAll(Arrays.asList(row.count("forms"), row.count("qualified"), row.count("unsatisfied"),
                    row.count("unrated"), row.number("satisfaction_rate")));
            rows.add(new Row(cells, false));
        }
        Table table = Table.of(columns, rows);
        if (occupations) {
            return table.withCaption(lang.pick("按职业", "By occupation"))
                    .withEmptyText(lang.pick("本年度无能关联到客户资料的调查表。",
                            "No survey form of the year is linked to a customer record."));
        }
        return table.withCaption(lang.pick("按客户类别、户主年龄和家庭结构", "By category, age of the head and family"))
                .withEmptyText(lang.pick("本年度无能关联到客户资料的调查表。",
                        "No survey form of the year is linked to a customer record."))
                .withNote(lang.pick("仅计入能关联到客户资料的调查表；满意率＝合格项数/（合格项数＋不满意项数）。",
                        "Only survey forms linked to a customer record count; satisfaction = qualified /"
                                + " (qualified + unsatisfied)."));
    }
}
