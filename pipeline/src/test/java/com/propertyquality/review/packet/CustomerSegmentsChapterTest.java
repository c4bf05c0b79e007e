package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.DocumentText.cells;
import static com.propertyquality.review.packet.DocumentText.tables;
import static com.propertyquality.review.packet.MartFixtures.customerNeed;
import static com.propertyquality.review.packet.MartFixtures.customerSegment;
import static com.propertyquality.review.packet.MartFixtures.office;
import static com.propertyquality.review.packet.MartFixtures.purchaseNeed;
import static com.propertyquality.review.packet.MartFixtures.satisfactionBySegment;
import static com.propertyquality.review.packet.MartFixtures.seasonality;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.marts.CustomerMarts;
import com.propertyquality.review.marts.CustomerValueMarts;
import com.propertyquality.review.reports.document.CellKind;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Table;

class CustomerSegmentsChapterTest {

    private static final int YEAR = 2025;

    /** The valuation of the review year (at its cut-off); other years' valuations belong to other reviews. */
    private static FixedPacketSource company() {
        return new FixedPacketSource()
                .lake("offices", office("N1", "North Office"), office("S2", "South Office"))
                .mart(CustomerValueMarts.CUSTOMER_SEGMENTS,
                        customerSegment(YEAR, null, "A", "most_valuable", 7, 0.01, 2636.98, 1.0, 4, 0.9118),
                        customerSegment(YEAR, null, "H", "at_risk", 25, 0.0357, 802.18, 0.65, 18, 0.8968),
                        customerSegment(YEAR, "N1", "A", "most_valuable", 3, 0.06, 3886.91, 1.0, 3, 0.9444),
                        customerSegment(YEAR, "S2", "H", "at_risk", 2, 0.04, 0.0, null, 0, null),
                        // other reviews' valuations, the year before and the year after: never shown
                        customerSegment(2024, null, "B", "steady", 99, 0.5, 1.0, 1.0, 9, 0.5),
                        customerSegment(2026, null, "C", "new", 98, 0.5, 1.0, 1.0, 9, 0.5))
                .mart(CustomerValueMarts.CUSTOMER_NEEDS,
                        customerNeed(YEAR, null, "management", "maintenance", 175, 130, 21, 104L, 1),
                        customerNeed(YEAR, null, "management", "parking", 77, 12, 5, null, 2),
                        customerNeed(YEAR, null, "business", "business", 3, 40, 8, null, 3),
                        customerNeed(YEAR, null, "service", "reception", 1, 2, 6, 20L, 4),
                        customerNeed(YEAR, "N1", "management", "maintenance", 12, 10, 1, 9L, 1),
                        customerNeed(YEAR, "N1", "management", "environment", 0, 8, 4, 2L, 2),
                        customerNeed(YEAR, "N1", "management", "parking", 6, 0, 0, null, 3),
                        customerNeed(YEAR, "N1", "service", "reception", 1, 0, 0, 3L, 4),
                        customerNeed(2024, null, "management", "lift", 1, 0L, 1))
                .mart(CustomerValueMarts.PURCHASE_NEEDS,
                        purchaseNeed(YEAR, "at_risk", "Group buying", 28, 18, "15125.44", 0.2848, 1, 77.0),
                        purchaseNeed(YEAR, "at_risk", "Housekeeping", 46, 28, "11970.44", 0.2254, 2, null),
                        purchaseNeed(2026, "at_risk", "Laundry", 1, 1, "10.00", 1.0, 1, null))
                .mart(CustomerValueMarts.PURCHASE_SEASONALITY,
                        seasonality(YEAR, 1, "Fresh food", 100, 76, "12052.00"),
                        seasonality(YEAR, 2, "Fresh food", 53, 47, "5830.45"),
                        seasonality(YEAR, 3, "Fresh food", 100, 70, "9000.00"),
                        seasonality(YEAR, 5, "Cleaning", 58, 52, "11282.86"),
                        seasonality(2024, 12, "Cleaning", 999, 1, "1.00"))
                .mart(CustomerMarts.SATISFACTION_BY_SEGMENT,
                        satisfactionBySegment(YEAR, null, "age_band", "30_44", 198, 1522, 174, 86, 0.8974),
                        satisfactionBySegment(YEAR, null, "category", "A", 15, 112, 15, 8, 0.8819),
                        satisfactionBySegment(YEAR, null, "occupation", "Doctor", 13, 104, 5, 8, 0.9541),
                        satisfactionBySegment(YEAR, "N1", "category", "A", 5, 40, 5, 0, 0.8889));
    }

    @Test
    void companyValueSegmentsHoldTheMartValuesInOrder() {
        Chapter chapter = CustomerSegmentsChapter.build(company(), YEAR, Lang.ZH);

        Table table = tables(chapter.sections().get(0)).get(0);
        assertThat(table.columns()).extracting(c -> c.kind()).containsExactly(CellKind.TEXT, CellKind.TEXT,
                CellKind.COUNT, CellKind.PERCENT, CellKind.DECIMAL, CellKind.PERCENT, CellKind.COUNT,
                CellKind.PERCENT);
        assertThat(cells(table)).containsExactly(
                List.of("A 业委会成员", "最有价值客户", 7L, 0.01, 2636.98, 1.0, 4L, 0.9118),
                List.of("H 普通白领", "风险客户", 25L, 0.0357, 802.18, 0.65, 18L, 0.8968));
        assertThat(DocumentText.paragraphs(chapter.sections().get(0)))
                .anySatisfy(line -> assertThat(line).contains("2025 年基准日").contains("2025 年顾客意见调查"));
    }

    @Test
    void officeSegmentsAreOneLongTableWithOfficeNamesFromTheRegister() {
        Chapter chapter = CustomerSegmentsChapter.build(company(), YEAR, Lang.ZH);

        Table table = tables(chapter.sections().get(1)).get(0);
        assertThat(table.columns()).hasSize(8);
        assertThat(cells(table)).containsExactly(
                List.of("North Office", "A 业委会成员", "最有价值客户", 3L, 0.06, 3886.91, 1.0, 0.9444),
                Arrays.asList("South Office", "H 普通白领", "风险客户", 2L, 0.04, 0.0, null, null));
    }

    @Test
    void needsListTheCompanyAndEachOfficesFirstThree() {
        Chapter chapter = CustomerSegmentsChapter.build(company(), YEAR, Lang.ZH);

        List<Table> needs = tables(chapter.sections().get(2));
        assertThat(needs.get(1).columns()).extracting(c -> c.header()).containsExactly("序位", "层面", "涉及方面", "投诉",
                "服务需求", "意见建议", "调查不满意答项", "合计");
        assertThat(cells(needs.get(1))).containsExactly(
                List.of(1L, "管理", "维修保养", 175L, 130L, 21L, 104L, 430L),
                Arrays.asList(2L, "管理", "停车", 77L, 12L, 5L, null, 94L),
                Arrays.asList(3L, "经营", "经营服务", 3L, 40L, 8L, null, 51L),
                List.of(4L, "服务", "接待服务", 1L, 2L, 6L, 20L, 29L));
        // environment: no complaint, yet 8 service requests and 4 opinions make it N1's second need
        assertThat(cells(needs.get(2))).containsExactly(
                List.of("North Office", 1L, "管理", "维修保养", 12L, 10L, 1L, 9L, 32L),
                List.of("North Office", 2L, "管理", "环境卫生", 0L, 8L, 4L, 2L, 14L),
                Arrays.asList("North Office", 3L, "管理", "停车", 6L, 0L, 0L, null, 6L));
    }

    @Test
    void needsPerLevelSumTheCompanyRowsInTheLevelsOrder() {
        Chapter chapter = CustomerSegmentsChapter.build(company(), YEAR, Lang.ZH);

        Table levels = tables(chapter.sections().get(2)).get(0);
        assertThat(levels.caption()).isEqualTo("全公司各层面需求");
        // management: maintenance + parking; service: reception; business: business. Office rows and 2024 are not
        // summed; an area without a survey item adds 0 dissatisfied answers
        assertThat(cells(levels)).containsExactly(
                List.of("管理", 252L, 142L, 26L, 104L, 524L),
                List.of("服务", 1L, 2L, 6L, 20L, 29L),
                List.of("经营", 3L, 40L, 8L, 0L, 51L));
        assertThat(DocumentText.paragraphs(chapter.sections().get(2)))
                .anySatisfy(line -> assertThat(line).contains("服务需求", "意见建议", "表扬不是需求"));
    }

    @Test
    void businessNeedsShowWhatEachSegmentBuysAndWhenEachCategoryPeaks() {
        Chapter chapter = CustomerSegmentsChapter.build(company(), YEAR, Lang.ZH);

        assertThat(cells(tables(chapter.sections().get(3)).get(0))).containsExactly(
                List.of("风险客户", 1L, "Group buying", 28L, 18L, new BigDecimal("15125.44"), 0.2848, 77.0),
                Arrays.asList("风险客户", 2L, "Housekeeping", 46L, 28L, new BigDecimal("11970.44"), 0.2254, null));
        // Fresh food ties in January and March: the earlier month is its busiest
        assertThat(cells(tables(chapter.sections().get(4)).get(0))).containsExactly(
                List.of("Cleaning", "5月", 58L, 52L, new BigDecimal("11282.86"), 1L),
                List.of("Fresh food", "1月", 100L, 76L, new BigDecimal("12052.00"), 3L));
    }

    @Test
    void satisfactionBySegmentIsCompanyWideWithOccupationsApart() {
        Chapter chapter = CustomerSegmentsChapter.build(company(), YEAR, Lang.ZH);

        List<Table> tables = tables(chapter.sections().get(5));
        assertThat(cells(tables.get(0))).containsExactly(
                List.of("户主年龄", "30–44岁", 198L, 1522L, 174L, 86L, 0.8974),
                List.of("客户类别", "A 业委会成员", 15L, 112L, 15L, 8L, 0.8819));
        assertThat(cells(tables.get(1))).containsExactly(List.of("Doctor", 13L, 104L, 5L, 8L, 0.9541));
    }

    @Test
    void anEmptyYearPrintsClearSentences() {
        Chapter chapter = CustomerSegmentsChapter.build(new FixedPacketSource(), YEAR, Lang.ZH);

        assertThat(tables(chapter)).allSatisfy(table -> assertThat(table.rows()).isEmpty());
        DocumentText.assertEmptyTablesExplain(chapter.sections());
        DocumentText.assertValidSheet(chapter);
    }

    @Test
    void englishLabelsHaveNoChinese() {
        Chapter chapter = CustomerSegmentsChapter.build(company(), YEAR, Lang.EN);

        DocumentText.assertNoChinese(List.of(chapter));
        DocumentText.assertValidSheet(chapter);
        assertThat(cells(tables(chapter.sections().get(0)).get(0)).get(0))
                .startsWith("A Owners' committee members", "Most valuable");
    }
}
