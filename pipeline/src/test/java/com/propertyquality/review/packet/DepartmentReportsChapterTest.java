package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.FixedPacketSource.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Section;

class DepartmentReportsChapterTest {

    private static final int YEAR = 2025;

    private static FixedPacketSource plan() {
        return new FixedPacketSource().lake("review_department_reports",
                row("year", 2025, "seq", 2, "department", "工程部", "title", "设施设备运行情况",
                        "text", "电梯故障率下降。"),
                row("year", 2025, "seq", 1, "department", "客户服务中心", "title", "顾客满意度测量与顾客反馈",
                        "text", "全年完成顾客意见调查。\n\n  维修保养满意度偏低。  \r\n"),
                row("year", 2025, "seq", 3, "department", "品质督察部", "title", null, "text", "内审两次。"),
                row("year", 2024, "seq", 1, "department", "旧部门", "title", "去年", "text", "去年的报告"));
    }

    @Test
    void eachReportIsASectionInPlanOrderWithOneParagraphPerLine() {
        Chapter chapter = DepartmentReportsChapter.build(plan(), YEAR, Lang.ZH);

        assertThat(chapter.sections()).extracting(Section::title)
                .containsExactly("客户服务中心：顾客满意度测量与顾客反馈", "工程部：设施设备运行情况", "品质督察部");
        assertThat(DocumentText.paragraphs(chapter.sections().get(0)))
                .containsExactly("全年完成顾客意见调查。", "维修保养满意度偏低。");
        assertThat(DocumentText.paragraphs(chapter.sections().get(2))).containsExactly("内审两次。");
        assertThat(chapter.title()).isEqualTo("部门报告");
    }

    @Test
    void aYearWithoutReportsSaysSo() {
        Chapter chapter = DepartmentReportsChapter.build(plan(), 2026, Lang.ZH);

        assertThat(chapter.sections()).hasSize(1);
        assertThat(DocumentText.paragraphs(chapter.sections().get(0)))
                .singleElement().asString().contains("未收录部门报告");
        DocumentText.assertValidSheet(chapter);
    }

    @Test
    void englishLabelsHaveNoChinese() {
        FixedPacketSource english = new FixedPacketSource().lake("review_department_reports",
                row("year", 2025, "seq", 1, "department", "Engineering", "title", "Equipment",
                        "text", "Fewer faults."));

        Chapter chapter = DepartmentReportsChapter.build(english, YEAR, Lang.EN);
        Chapter empty = DepartmentReportsChapter.build(english, 2026, Lang.EN);

        assertThat(chapter.sections()).extracting(Section::title).containsExactly("Engineering: Equipment");
        DocumentText.assertNoChinese(List.of(chapter, empty));
        DocumentText.assertValidSheet(chapter);
    }
}
