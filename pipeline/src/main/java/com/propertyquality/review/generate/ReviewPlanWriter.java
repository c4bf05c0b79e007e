package com.propertyquality.review.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.propertyquality.review.contract.ReviewPlanTables;

/**
 * review-plan-YYYY.yaml (年度管理评审计划): the meeting the packet is for, in the layout of the sample's plan,
 * with the company's own offices in its events and reports. A plan loads whole or not at all, so it has no bad
 * entries.
 */
final class ReviewPlanWriter {

    private final Company company;

    ReviewPlanWriter(Company company) {
        this.company = company;
    }

    String fileName() {
        return "review-plan-" + company.year() + ".yaml";
    }

    void write(Path folder) {
        Dice dice = Dice.of(company.seed(), Dice.Stream.REVIEW_PLAN, 0, 0);
        int year = company.year();
        String chair = MadeUpPeople.name(dice);
        String representative = MadeUpPeople.name(dice);
        List<OfficeProfile> worst = company.offices().stream().filter(OfficeProfile::struggling).limit(2).toList();
        if (worst.isEmpty()) {
            worst = company.offices().subList(0, 1);
        }
        long under = company.offices().stream().filter(o -> company.underThreshold(o.index())).count();

        List<String> lines = new ArrayList<>();
        lines.add("# " + year + " 年度管理评审计划 (review-pipeline generate: made-up company, seed " + company.seed()
                + ", scale " + company.shape().scale() + ")");
        lines.add("year: " + year);
        lines.add("meeting_date: " + (year + 1) + "-01-15");
        lines.add("meeting_time: \"09:30\"");
        lines.add("place: 公司总部三楼第一会议室");
        lines.add("chair: " + chair + "（总经理）");
        lines.add("management_representative: " + representative + "（管理者代表）");
        lines.add("previous_review_on: " + year + "-01-10");
        lines.add("");
        lines.add("attendees:");
        lines.add(attendee(chair, "总经理室", "总经理"));
        lines.add(attendee(representative, "品质督察部", "管理者代表"));
        for (String department : List.of("客户服务中心", "工程部", "综合管理部", "经营服务部")) {
            lines.add(attendee(MadeUpPeople.name(dice), department, department.endsWith("中心") ? "主任" : "经理"));
        }
        for (OfficeProfile office : worst) {
            lines.add(attendee(MadeUpPeople.name(dice), office.name(), "管理处主任"));
        }
        lines.add("");
        lines.add("objectives:");
        lines.add(objective("顾客满意率", "satisfaction_rate", "0.90"));
        lines.add(objective("顾客意见调查表回收率", "survey_return_rate", "0.60"));
        lines.add(objective("顾客投诉处理率", "complaint_closure_rate", "0.95"));
        lines.add("");
        lines.add("events:");
        event(lines, year + "-05-20", "serious_complaint",
                worst.get(0).name() + "两部电梯连续停运三天，业主联名投诉，总经理组织专项处理。");
        event(lines, year + "-07-01", "organisation_change", "客户服务中心与综合管理部的回访职责重新划分。");
        event(lines, year + "-10-14", "audit", "第三方认证机构年度监督审核，开具一般不合格项两项。");
        lines.add("");
        lines.add("department_reports:");
        lines.add("  - department: 客户服务中心");
        lines.add("    title: 顾客满意度测量与顾客反馈");
        lines.add("    text: |");
        lines.add("      全年完成 " + company.offices().size() + " 个管理处的顾客意见调查，" + under
                + " 个管理处回收率未达到 60% 的要求，已通报并要求补充调查。");
        lines.add("      维修保养与投诉处理两项满意度偏低，已列为下年度改进重点。");
        lines.add("  - department: 工程部");
        lines.add("    title: 设施设备运行情况");
        lines.add("    text: 报修与电梯故障集中在夏季，外墙渗漏专项排查已在雨季前完成。");
        lines.add("  - department: 品质督察部");
        lines.add("    title: 内部审核与服务检查");
        lines.add("    text: 微笑100%服务检查全年覆盖全部管理处，" + worst.get(0).name() + "得分偏低，已督促整改。");
        try {
            // LF whatever the platform: the same seed gives the same bytes everywhere
            Files.writeString(folder.resolve(fileName()), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String attendee(String name, String department, String role) {
        return "  - {name: " + name + ", department: " + department + ", role: " + role + "}";
    }

    private static String objective(String name, String metric, String target) {
        if (!metric.equals(ReviewPlanTables.METRICS.resolve(metric))) {
            throw new IllegalStateException("not a metric: " + metric);
        }
        return String.format(Locale.ROOT, "  - {name: %s, metric: %s, comparison: at_least, target: %s}", name,
                metric, target);
    }

    private static void event(List<String> lines, String date, String kind, String description) {
        if (!kind.equals(ReviewPlanTables.EVENT_KINDS.resolve(kind))) {
            throw new IllegalStateException("not an event kind: " + kind);
        }
        lines.add("  - date: " + date);
        lines.add("    kind: " + kind);
        lines.add("    description: " + description);
    }
}
