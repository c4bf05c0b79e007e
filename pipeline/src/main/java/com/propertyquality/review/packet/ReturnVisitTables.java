package com.propertyquality.review.packet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import com.propertyquality.review.metrics.AuthenticityRate;
import com.propertyquality.review.reports.document.Block;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Table;

/**
 * The return visits of procedure 5.2 ({@code return_visit_verification}): survey checks (5.2.1), paid-service
 * visits (5.2.2) and complaint follow-ups, as the customer-service chapter prints them for every office and an
 * office's report for that office; built once here.
 */
final class ReturnVisitTables {

    private ReturnVisitTables() {}

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
}
