package com.propertyquality.review.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the packet's records into display-ready rows for the templates. Maps rather than beans: records have no
 * getX accessors for JRBeanCollectionDataSource, and map keys need no reflection inside a fat jar.
 */
final class SectionRows {

    /** Offices per satisfaction chart; more would make bars and names unreadable at A4 size. */
    static final int OFFICES_PER_CHART = 20;

    private SectionRows() {}

    static List<Map<String, ?>> returnRates(List<ReturnRateRow> rows) {
        List<Map<String, ?>> out = new ArrayList<>();
        for (ReturnRateRow r : nullToEmpty(rows)) {
            Map<String, Object> m = new HashMap<>();
            m.put("officeId", r.officeId());
            m.put("officeName", r.officeName());
            m.put("formsDistributed", r.formsDistributed() == null ? Percent.MISSING : r.formsDistributed().toString());
            m.put("formsReturned", r.formsReturned());
            m.put("returnRate", Percent.format(r.returnRate()));
            m.put("meetsThreshold", r.meetsThreshold());
            m.put("status", r.meetsThreshold() ? "达标" : "未达标");
            m.put("anomaly", anomalyLabel(r.anomaly()));
            out.add(m);
        }
        return out;
    }

    static List<Map<String, ?>> officeSatisfaction(List<OfficeSatisfactionRow> rows) {
        List<Map<String, ?>> out = new ArrayList<>();
        for (OfficeSatisfactionRow r : nullToEmpty(rows)) {
            Map<String, Object> m = new HashMap<>();
            m.put("chunk", out.size() / OFFICES_PER_CHART);
            m.put("officeId", r.officeId());
            m.put("officeName", r.officeName());
            m.put("forms", r.forms());
            m.put("qualified", r.qualified());
            m.put("unsatisfied", r.unsatisfied());
            m.put("unrated", r.unrated());
            m.put("rate", Percent.format(r.satisfactionRate()));
            // The chart plots percent; a null value simply draws no bar.
            m.put("ratePercent", r.satisfactionRate() == null ? null : r.satisfactionRate() * 100);
            out.add(m);
        }
        return out;
    }

    static List<Map<String, ?>> itemSatisfaction(List<ItemSatisfactionRow> rows) {
        List<Map<String, ?>> out = new ArrayList<>();
        for (ItemSatisfactionRow r : nullToEmpty(rows)) {
            Map<String, Object> m = new HashMap<>();
            m.put("itemName", r.itemName() != null ? r.itemName() : r.item());
            m.put("level", r.level());
            m.put("qualified", r.qualified());
            m.put("unsatisfied", r.unsatisfied());
            m.put("unrated", r.unrated());
            m.put("rate", Percent.format(r.satisfactionRate()));
            out.add(m);
        }
        return out;
    }

    /** The company line (全公司) as template parameters; all "—" when there were no forms. */
    static Map<String, Object> companyTotals(CompanySatisfaction c) {
        Map<String, Object> p = new HashMap<>();
        p.put("TOTAL_FORMS", c == null ? Percent.MISSING : Long.toString(c.forms()));
        p.put("TOTAL_QUALIFIED", c == null ? Percent.MISSING : Long.toString(c.qualified()));
        p.put("TOTAL_UNSATISFIED", c == null ? Percent.MISSING : Long.toString(c.unsatisfied()));
        p.put("TOTAL_UNRATED", c == null ? Percent.MISSING : Long.toString(c.unrated()));
        p.put("TOTAL_RATE", c == null ? Percent.MISSING : Percent.format(c.satisfactionRate()));
        return p;
    }

    /** Chinese label of the pipeline's anomaly code; an unknown code is shown as is rather than hidden. */
    static String anomalyLabel(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return switch (code) {
            case "no_distribution_record" -> "无发放记录";
            case "returned_exceeds_distributed" -> "回收数超过发放数（数据错误）";
            default -> code;
        };
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
