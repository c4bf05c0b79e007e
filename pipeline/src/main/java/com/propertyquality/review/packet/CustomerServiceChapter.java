package com.propertyquality.review.packet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.propertyquality.review.marts.CustomerMarts;
import com.propertyquality.review.marts.QualityMarts;
import com.propertyquality.review.metrics.AuthenticityRate;
import com.propertyquality.review.reports.document.Block;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * 客户服务中心: what the customer service centre brings to the review (4.3.4 b) beyond the satisfaction figures:
 * the return visits of procedure 5.2 per office (survey checks 5.2.1, paid services 5.2.2, complaint follow-ups),
 * from {@code return_visit_verification}, and the households to visit again, from {@code follow_up_list}. Names
 * and phones are printed masked exactly as that mart holds them; nothing here reads personal data.
 */
public final class CustomerServiceChapter {

    private CustomerServiceChapter() {}

    public static Chapter build(PacketSource source, int year, Lang lang) {
        List<MartRow> visits = MartRow.of(source.martOfYear(QualityMarts.RETURN_VISIT_VERIFICATION, year));
        return Chapter.of(lang.pick("客户服务中心", "Customer service centre"),
                lang.pick("客户服务中心", "Customer service centre"),
                new Section(Labels.heading(1, "调查表真实性检验", "Survey checks", lang), false,
                        surveyCheckBlocks(visits, true, year, lang)),
                Section.of(Labels.heading(2, "有偿服务及投诉回访", "Paid-service and complaint follow-up visits", lang),
                        paidServiceTable(visits, year, lang), complaintFollowUpTable(visits, year, lang)),
                new Section(Labels.heading(3, "需再次回访的住户", "Households to visit again", lang), false,
                        packetFollowUps(source, year, lang)));
    }

    /**
     * Households the packet lists by name, at most; above it (a big company has tens of thousands, thousands of
     * pages) the packet shows how many each office has, by reason, and each office's own report lists them.
     */
    static final int FOLLOW_UPS_LISTED = 1000;

    /**
     * The follow-up list of the packet: every household when they are few, else the count per office and reason.
     * Read row by row: the rows kept are the first {@link #FOLLOW_UPS_LISTED} + 1 and a count per office and reason.
     */
    static List<Block> packetFollowUps(PacketSource source, int year, Lang lang) {
        List<MartRow> listed = new ArrayList<>();
        long[] households = {0};
        Map<String, Map<String, Long>> byOffice = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> reasonCodes = new TreeSet<>();
        source.eachOfYear(CustomerMarts.FOLLOW_UP_LIST, year, row -> {
            households[0]++;
            if (listed.size() <= FOLLOW_UPS_LISTED) {
                listed.add(row);
            }
            names.putIfAbsent(row.text("office_id"), Labels.office(row));
            byOffice.computeIfAbsent(row.text("office_id"), id -> new LinkedHashMap<>())
                    .merge(row.text("reason"), 1L, Long::sum);
            reasonCodes.add(row.text("reason"));
        });
        if (households[0] <= FOLLOW_UPS_LISTED) {
            return followUpBlocks(listed, year, lang);
        }
        List<String> reasons = List.copyOf(reasonCodes);
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(lang.pick("管理处", "Office"), 24));
        reasons.forEach(reason -> columns.add(Column.count(ReviewTerms.followUpReason(reason, lang), 12)));
        columns.add(Column.count(lang.pick("合计", "Total"), 9));
        List<Row> table = new ArrayList<>();
        byOffice.forEach((office, counts) -> {
            List<Object> cells = new ArrayList<>();
            cells.add(names.get(office));
            reasons.forEach(reason -> cells.add(counts.getOrDefault(reason, 0L)));
            cells.add(counts.values().stream().mapToLong(Long::longValue).sum());
            table.add(new Row(cells, false));
        });
        return List.of(Paragraphs.of(lang.pick(
                        year + " 年度共 " + households[0] + " 户需再次回访，超过 " + FOLLOW_UPS_LISTED
                                + " 户，本资料按管理处列出户数；各户名单（姓名、电话已脱敏）见各管理处报告（report --office）。",
                        households[0] + " households need another visit in " + year + ", more than "
                                + FOLLOW_UPS_LISTED + ": the packet counts them per office; each office's report"
                                + " (report --office) lists its households, names and phones masked.")),
                Table.of(columns, table).withCaption(lang.pick("需再次回访的住户数", "Households to visit again")));
    }

    // ------------------------------------------------------------------ return visits

    /** The survey checks of one office's own report: its row, without a company line. */
    static List<Block> surveyCheckBlocks(List<MartRow> visits, int year, Lang lang) {
        return surveyCheckBlocks(visits, false, year, lang);
    }

    /**
     * The survey checks of procedure 5.2.1 per office (rows of return_visit_verification in the mart's order),
     * checks attempted beside checks that reached the household, with the checks that named no form of their
     * office. An office that returned forms and had none verified is shaded. {@code withCompany} adds the company
     * line: the offices' counts summed (a form belongs to one office and only that office's checks verify it) and
     * its rates from {@link AuthenticityRate}.
     */
    static List<Block> surveyCheckBlocks(List<MartRow> visits, boolean withCompany, int year, Lang lang) {
        List<Row> rows = new ArrayList<>(visits.stream()
                .map(row -> Row.shadedIf(unchecked(row), Labels.office(row), row.count("forms_returned"),
                        row.count("survey_checks"), row.count("survey_checks_reached"), row.count("forms_verified"),
                        row.number("verified_share"), row.count("confirmed"), row.count("not_confirmed"),
                        row.count("unreachable"), row.number("authenticity_rate")))
                .toList());
        if (withCompany && !visits.isEmpty()) {
            rows.add(companySurveyChecks(visits, lang));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraphs.of(lang.pick("各管理处通过回访对用户的评价作真实性和可靠性检验，回访工作由综合管理部具体进行（程序 5.2.1）。",
                "Each office verifies by return visits that the survey answers are true and reliable; the"
                        + " general-affairs department makes the visits (procedure 5.2.1).")));
        blocks.add(Table.of(List.of(
                        Column.text(lang.pick("管理处", "Office"), 14),
                        Column.count(lang.pick("回收份数", "Forms returned"), 6),
                        Column.count(lang.pick("核实回访次数", "Checks attempted"), 6),
                        Column.count(lang.pick("联系上次数", "Checks reached"), 6),
                        Column.count(lang.pick("已核实份数", "Forms verified"), 6),
                        Column.percent(lang.pick("核实比例", "Share verified"), 7),
                        Column.count(lang.pick("属实", "Confirmed"), 5),
                        Column.count(lang.pick("不属实", "Not confirmed"), 5),
                        Column.count(lang.pick("未联系上", "Unreachable"), 6),
                        Column.percent(lang.pick("真实率", "Authenticity"), 7)),
                        rows)
                .withEmptyText(Labels.noRecords(year, lang))
                .withNote(lang.pick("只有联系上住户的核实回访（属实或不属实）才核实调查表；未联系上的回访列出次数，但不核实任何调查表，也不计入真实率。"
                                + "真实率 = 属实 / 联系上次数（按回访次数计）；已核实份数 = 至少有一次联系上的核实回访的调查表份数，"
                                + "同一份调查表多次核实只计一份；核实比例 = 已核实份数 / 回收份数。"
                                + "阴影行为回收了调查表却没有一份得到核实的管理处。",
                        "Only a check that reached the household (confirmed or not confirmed) verifies a form;"
                                + " unreachable checks are counted but verify nothing and stay out of the rate."
                                + " Authenticity = confirmed / checks reached (counted per visit); forms verified ="
                                + " forms with at least one check that reached the household, a form checked"
                                + " several times counting once; share verified = forms verified / forms returned."
                                + " Shaded offices returned forms but had none verified.")));
        List<MartRow> unmatched = visits.stream()
                .filter(row -> row.count("survey_checks_unmatched") != null && row.count("survey_checks_unmatched") > 0)
                .toList();
        if (!unmatched.isEmpty()) {
            String list = unmatched.stream()
                    .map(row -> Labels.office(row) + " " + row.count("survey_checks_unmatched"))
                    .collect(Collectors.joining(lang.pick("，", ", ")));
            blocks.add(Paragraphs.of(lang.pick("以下管理处有核实回访未对应到本管理处的调查表（编号空白或有误）：" + list + "（次）。",
                    "Survey checks that name no form of their office (blank or wrong reference): " + list + ".")));
        }
        return blocks;
    }

    /** The company line: the offices' counts summed, the two rates from their sums. */
    private static Row companySurveyChecks(List<MartRow> visits, Lang lang) {
        long returned = sum(visits, "forms_returned");
        long verified = sum(visits, "forms_verified");
        long reached = sum(visits, "survey_checks_reached");
        long confirmed = sum(visits, "confirmed");
        return Row.of(Labels.company(lang), returned, sum(visits, "survey_checks"), reached, verified,
                AuthenticityRate.verifiedShare(verified, returned), confirmed, sum(visits, "not_confirmed"),
                sum(visits, "unreachable"), AuthenticityRate.of(confirmed, reached));
    }

    private static long sum(List<MartRow> rows, String count) {
        return rows.stream().map(row -> row.count(count)).filter(Objects::nonNull)
                .mapToLong(Long::longValue).sum();
    }

    private static boolean unchecked(MartRow row) {
        Long returned = row.count("forms_returned");
        Long verified = row.count("forms_verified");
        return returned != null && returned > 0 && verified != null && verified == 0;
    }

    /** Paid-service visits (有偿服务, procedure 5.2.2) per office. */
    static Table paidServiceTable(List<MartRow> visits, int year, Lang lang) {
        return visitTable(visits, "paid_service", year, lang)
                .withCaption(lang.pick("有偿服务回访", "Paid-service visits"))
                .withNote(lang.pick("通过回访验证员工服务过程及安装或维修质量是否让用户满意（程序 5.2.2）。满意率 = 满意 /（满意 + 不满意），"
                                + "未联系上的回访不计入。",
                        "Return visits check that the service, installation or repair satisfied the customer"
                                + " (procedure 5.2.2). Satisfaction = satisfied / (satisfied + dissatisfied);"
                                + " unreachable visits count in neither."));
    }

    /** Complaint follow-up visits (投诉回访) per office. */
    static Table complaintFollowUpTable(List<MartRow> visits, int year, Lang lang) {
        return visitTable(visits, "complaint_followup", year, lang)
                .withCaption(lang.pick("投诉回访", "Complaint follow-up visits"));
    }

    /** One kind of visit: the mart's {@code <prefix>_visits}, {@code _satisfied}, {@code _dissatisfied} and rate. */
    private static Table visitTable(List<MartRow> visits, String prefix, int year, Lang lang) {
        List<Row> rows = visits.stream()
                .map(row -> Row.of(Labels.office(row), row.count(prefix + "_visits"), row.count(prefix + "_satisfied"),
                        row.count(prefix + "_dissatisfied"), row.number(prefix + "_satisfaction")))
                .toList();
        return Table.of(List.of(
                        Column.text(lang.pick("管理处", "Office"), 16),
                        Column.count(lang.pick("回访次数", "Visits"), 8),
                        Column.count(lang.pick("满意", "Satisfied"), 8),
                        Column.count(lang.pick("不满意", "Dissatisfied"), 8),
                        Column.percent(lang.pick("满意率", "Satisfaction"), 8)),
                        rows)
                .withEmptyText(Labels.noRecords(year, lang));
    }

    // ------------------------------------------------------------------ follow-up list

    /**
     * The households to visit again, one table per office (the mart's order: office, then date), for the offices
     * {@code offices} accepts. Masked names and phones are printed as the mart has them.
     */
    static List<Block> followUpBlocks(PacketSource source, int year, Predicate<String> offices, Lang lang) {
        List<MartRow> rows = new ArrayList<>();
        source.eachOfYear(CustomerMarts.FOLLOW_UP_LIST, year, row -> {
            if (offices.test(row.text("office_id"))) {
                rows.add(row);
            }
        });
        return followUpBlocks(rows, year, lang);
    }

    /** The households to visit again of {@code rows} (follow_up_list rows of the year), one table per office. */
    private static List<Block> followUpBlocks(List<MartRow> rows, int year, Lang lang) {
        Map<String, List<MartRow>> byOffice = new LinkedHashMap<>();
        for (MartRow row : rows) {
            byOffice.computeIfAbsent(row.text("office_id"), id -> new ArrayList<>()).add(row);
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraphs.of(lang.pick("调查表中有不满意项的住户，以及有偿服务回访或投诉回访不满意的住户，应再次回访。姓名、电话已脱敏显示。",
                "Households that rated an item dissatisfied, or were dissatisfied at a paid-service or complaint"
                        + " follow-up visit, are to be visited again. Names and phones are masked.")));
        if (byOffice.isEmpty()) {
            blocks.add(followUpTable(List.of(), lang).withEmptyText(lang.pick(year + " 年度没有需再次回访的住户。",
                    "No household needs another visit in " + year + ".")));
        }
        byOffice.values().forEach(office -> blocks.add(followUpTable(office, lang)
                .withCaption(Labels.office(office.get(0)))));
        return blocks;
    }

    private static Table followUpTable(List<MartRow> rows, Lang lang) {
        return Table.of(List.of(
                        Column.text(lang.pick("住户编号", "Household"), 9),
                        Column.text(lang.pick("姓名", "Name"), 5),
                        Column.text(lang.pick("电话", "Phone"), 8),
                        Column.date(lang.pick("日期", "Date"), 8),
                        Column.text(lang.pick("原因", "Reason"), 9),
                        Column.text(lang.pick("关联编号", "Reference"), 10),
                        Column.text(lang.pick("明细", "Detail"), 11),
                        Column.text(lang.pick("备注", "Note"), 16)),
                rows.stream().map(row -> Row.of(row.text("household_id"), row.text("name_masked"),
                        row.text("phone_masked"), row.date("date"), ReviewTerms.followUpReason(row.text("reason"), lang),
                        row.text("ref_id"), detail(row, lang), row.text("note"))).toList());
    }

    /**
     * A survey row's detail is its dissatisfied items (codes, comma-separated): printed by their names. A visit's
     * detail is its visit id, printed as stored.
     */
    private static String detail(MartRow row, Lang lang) {
        String detail = row.text("detail");
        if (detail == null || !"survey".equals(row.text("source"))) {
            return detail;
        }
        return Arrays.stream(detail.split(","))
                .map(String::trim)
                .map(code -> ReviewTerms.surveyItem(code, lang))
                .collect(Collectors.joining(lang.pick("、", ", ")));
    }
}
