package com.propertyquality.review.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SectionRowsTest {

    @Test
    void anomalyCodesBecomeChineseLabels() {
        assertThat(SectionRows.anomalyLabel(null)).isNull();
        assertThat(SectionRows.anomalyLabel("no_distribution_record")).isEqualTo("无发放记录");
        assertThat(SectionRows.anomalyLabel("returned_exceeds_distributed")).isEqualTo("回收数超过发放数（数据错误）");
        assertThat(SectionRows.anomalyLabel("something_new")).isEqualTo("something_new");
    }

    @Test
    void returnRowWithoutDistributionShowsDashesAndFails() {
        Map<String, ?> row = SectionRows.returnRates(List.of(
                new ReturnRateRow("O9", "北区", null, 12, null, false, "no_distribution_record"))).get(0);
        assertThat(row.get("formsDistributed")).isEqualTo("—");
        assertThat(row.get("returnRate")).isEqualTo("—");
        assertThat(row.get("status")).isEqualTo("未达标");
        assertThat(row.get("anomaly")).isEqualTo("无发放记录");
    }

    @Test
    void chartValueIsPercentAndNullWhenNothingRated() {
        List<Map<String, ?>> rows = SectionRows.officeSatisfaction(List.of(
                new OfficeSatisfactionRow("O1", "东区", 2, 4, 1, 1, 0.8),
                new OfficeSatisfactionRow("O2", "西区", 1, 0, 0, 3, null)));
        assertThat((Double) rows.get(0).get("ratePercent")).isCloseTo(80.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rows.get(0).get("rate")).isEqualTo("80.00%");
        assertThat(rows.get(1).get("ratePercent")).isNull();
        assertThat(rows.get(1).get("rate")).isEqualTo("—");
    }

    @Test
    void missingCompanyTotalsPrintDashes() {
        assertThat(SectionRows.companyTotals(null)).containsEntry("TOTAL_FORMS", "—").containsEntry("TOTAL_RATE", "—");
        assertThat(SectionRows.companyTotals(new CompanySatisfaction(3, 33, 12, 2, 33.0 / 45)))
                .containsEntry("TOTAL_FORMS", "3").containsEntry("TOTAL_RATE", "73.33%");
    }
}
