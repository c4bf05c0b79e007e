package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

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
            sections.add(Section.of(null, Paragraphs.of(
                    text(lang, "departmentReports.this_year_s_review_plan_holds"))));
        }
        return new Chapter(text(lang, "departmentReports.department_reports"),
                text(lang, "departmentReports.department_reports"),
                sections);
    }

    /** "客户服务中心：顾客满意度测量与顾客反馈", or the department alone when the report has no title. */
    private static String heading(MartRow report, Lang lang) {
        String department = report.text("department");
        String title = report.text("title");
        if (title == null || title.isBlank()) {
            return department;
        }
        return department == null ? title : department + text(lang, "common.colon") + title;
    }

    /** The text's lines, trimmed, without blank ones; a report without text gives no paragraph. */
    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
