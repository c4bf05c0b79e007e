package com.propertyquality.review.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0.6, 60.00%",
            "0.8, 80.00%",
            "0.123456, 12.35%",
            "0.00005, 0.01%",
            "0.00004, 0.00%",
            "1.05, 105.00%",
            "0, 0.00%",
            "1, 100.00%",
            "0.12345, 12.35%", // rounded as written (HALF_UP), not as the binary double 0.1234499...
    })
    void formatsFractionsWithTwoDecimalsHalfUp(double fraction, String expected) {
        assertThat(Percent.format(fraction)).isEqualTo(expected);
    }

    @Test
    void twoThirdsIsRoundedUp() {
        assertThat(Percent.format(2.0 / 3.0)).isEqualTo("66.67%");
    }

    @Test
    void missingValuesPrintADash() {
        assertThat(Percent.format((Double) null)).isEqualTo("—");
        assertThat(Percent.format(Double.NaN)).isEqualTo("—");
        assertThat(Percent.format((BigDecimal) null)).isEqualTo("—");
    }

    @Test
    void formatsExactThresholds() {
        assertThat(Percent.format(new BigDecimal("0.60"))).isEqualTo("60.00%");
        assertThat(Percent.format(new BigDecimal("0.655"))).isEqualTo("65.50%");
        assertThat(Percent.format(new BigDecimal("0.666665"))).isEqualTo("66.67%");
    }
}
