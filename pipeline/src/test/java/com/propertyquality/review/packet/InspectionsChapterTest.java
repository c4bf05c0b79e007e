package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.DocumentText.cells;
import static com.propertyquality.review.packet.DocumentText.tables;
import static com.propertyquality.review.packet.MartFixtures.attention;
import static com.propertyquality.review.packet.MartFixtures.inspection;
import static com.propertyquality.review.packet.MartFixtures.office;
import static com.propertyquality.review.packet.MartFixtures.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.marts.QualityMarts;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Lang;

class InspectionsChapterTest {

    private static final int YEAR = 2025;

    private static FixedPacketSource company() {
        return new FixedPacketSource()
                .lake("offices", office("N1", "North Office"), office("S2", "South Office"))
                .mart(QualityMarts.INSPECTION_SUMMARY,
                        inspection(YEAR, 1, "N1", "North Office", "quality_monthly", 1, 80.0, 80.0, 3, 0, 4),
                        inspection(YEAR, 1, "S2", "South Office", "supervisor_daily", 2, 90.5, 88.0, 0, 2, 1),
                        inspection(YEAR, 2, "N1", "North Office", "mystery_shopper", 1, 77.0, 77.0, 5, 0, 6),
                        inspection(YEAR, 2, "N1", "North Office", "quality_monthly", 2, 91.0, 86.5, 4, 0, 6),
                        inspection(YEAR, 3, "S2", "South Office", "supervisor_daily", 1, 85.0, 85.0, 0, 1, 0),
                        inspection(2024, 12, "N1", "North Office", "quality_monthly", 1, 10.0, 10.0, 9, 0, 0))
                .mart(ReviewMarts.REVIEW_TRIGGERS,
                        trigger(YEAR, ReviewMarts.MAJOR_COMPLAINT, "N1", "a complaint", "FB-1",
                                LocalDate.of(2025, 2, 3), "feedback"),
                        // an audit's serious finding (4.1.2 g) is not an inspection: not in this chapter
                        trigger(YEAR, ReviewMarts.SERIOUS_NONCONFORMITY, null, "audit finding", "audit_findings#1",
                                LocalDate.of(2025, 9, 1), "review_audit_findings"))
                .mart(ReviewMarts.REVIEW_ATTENTION_ITEMS,
                        attention(YEAR, ReviewMarts.INSPECTION_NONCONFORMITIES, "N1", "mystery shopper found 5",
                                "JC-7", LocalDate.of(2025, 2, 20), "inspections"),
                        attention(YEAR, ReviewMarts.SATISFACTION_DROP, "N1", "a drop", null, null,
                                "survey_responses"));
    }

    @Test
    void scoresByOfficeAndLevelTotalTheCountsAndShowTheRangeOfMonthlyAverages() {
        Chapter chapter = InspectionsChapter.build(company(), YEAR, Lang.ZH);

        assertThat(cells(tables(chapter.sections().get(0)).get(0))).containsExactly(
                // offices by id, levels in the order of the code list (quality_monthly before mystery_shopper)
                List.of("North Office", "质量管理部月检", 3L, 80.0, 91.0, 80.0, 7L, 0L),
                List.of("North Office", "神秘顾客", 1L, 77.0, 77.0, 77.0, 5L, 0L),
                // no inspection recorded a count: the 0 means unknown, printed —
                Arrays.asList("South Office", "客服主任日检", 3L, 85.0, 90.5, 85.0, null, 3L));
    }

    @Test
    void mysteryShopperChecksAreTheMartsMysteryShopperRows() {
        Chapter chapter = InspectionsChapter.build(company(), YEAR, Lang.ZH);

        assertThat(cells(tables(chapter.sections().get(1)).get(0)))
                .containsExactly(List.of("2月", "North Office", 1L, 77.0, 77.0, 5L, 6L));
    }

    @Test
    void inspectionsWithManyNonconformitiesComeFromTheirAttentionItemsOnly() {
        Chapter chapter = InspectionsChapter.build(company(), YEAR, Lang.ZH);

        // not the audit's finding (a 4.1.2 g trigger), not another attention item
        assertThat(cells(tables(chapter.sections().get(2)).get(0))).containsExactly(
                List.of(LocalDate.of(2025, 2, 20), "North Office", "JC-7",
                        "神秘顾客不合格项 5（限值 5；外部检查任一项），得分 80.0"));
    }

    @Test
    void anEmptyYearPrintsClearSentences() {
        Chapter chapter = InspectionsChapter.build(new FixedPacketSource(), YEAR, Lang.ZH);

        assertThat(tables(chapter)).hasSize(3).allSatisfy(table -> assertThat(table.rows()).isEmpty());
        DocumentText.assertEmptyTablesExplain(chapter.sections());
        DocumentText.assertValidSheet(chapter);
    }

    @Test
    void englishLabelsHaveNoChinese() {
        Chapter chapter = InspectionsChapter.build(company(), YEAR, Lang.EN);

        DocumentText.assertNoChinese(List.of(chapter));
        DocumentText.assertValidSheet(chapter);
        assertThat(cells(tables(chapter.sections().get(1)).get(0)).get(0)).startsWith("Feb", "North Office");
    }
}
