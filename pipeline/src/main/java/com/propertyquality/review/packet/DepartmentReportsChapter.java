package com.propertyquality.review.packet;

import java.util.ArrayList;
import java.util.List;

import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Section;

/**
 * 部门报告: the written reports each department brings to the review (4.3.4, 4.4.2 b), as the plan's
 * {@code review_department_reports} hold them, in plan order: one section per report, its text as paragraphs
 * (one per line the plan kept).
 */
public final class DepartmentReportsChapter {

    private DepartmentReportsChapter() {}

    public static Chapter build(PacketSource source, int year, Lang lang) {
        List<Section> sections = new ArrayList<>();
        for (MartRow report : PlanEntries.departmentReports(source, year)) {
            sections.add(Section.of(heading(report, lang), new Paragraphs(lines(report.text("text")))));
        }
        if (sections.isEmpty()) {
            sections.add(Section.of(null, Paragraphs.of(lang.pick(
                    "本年度评审计划未收录部门报告。各部门按4.3.4准备的资料可在会上书面提交。",
                    "This year's review plan holds no department report. Departments may hand in the material"
                            + " of procedure 4.3.4 in writing at the meeting."))));
        }
        return new Chapter(lang.pick("部门报告", "Department reports"), lang.pick("部门报告", "Department reports"),
                sections);
    }

    /** "客户服务中心：顾客满意度测量与顾客反馈", or the department alone when the report has no title. */
    private static String heading(MartRow report, Lang lang) {
        String department = report.text("department");
        String title = report.text("title");
        if (title == null || title.isBlank()) {
            return department;
        }
        return department == null ? title : department + lang.pick("：", ": ") + title;
    }

    /** The text's lines, trimmed, without blank ones; a report without text gives no paragraph. */
    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
