package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.FixedPacketSource.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The threshold a report shows: the mart's, which the shading follows, else the configured one. */
class ShownThresholdTest {

    private final FixedPacketSource configured = new FixedPacketSource().threshold(new BigDecimal("0.60"));

    @Test
    void theMartsThresholdWhenItHasOne() {
        // the mart judged with 70% (an earlier configuration): the report says 70%, not today's 60%
        MartRow returns = new MartRow(row("office_id", "N1", "threshold", 0.7));

        assertThat(ShownThreshold.of(Optional.of(returns), configured)).isEqualByComparingTo("0.70");
        assertThat(ShownThreshold.of(List.of(returns), configured)).isEqualByComparingTo("0.70");
    }

    @Test
    void theFirstRowThatHoldsOneWhenSomeDoNot() {
        List<MartRow> returns = List.of(new MartRow(row("office_id", "N1", "threshold", null)),
                new MartRow(row("office_id", "S1", "threshold", 0.65)));

        assertThat(ShownThreshold.of(returns, configured)).isEqualByComparingTo("0.65");
    }

    @Test
    void theConfiguredThresholdWhenTheMartHasNone() {
        Map<String, Object> withoutThreshold = row("office_id", "N1", "threshold", null);

        assertThat(ShownThreshold.of(Optional.empty(), configured)).isEqualByComparingTo("0.60");
        assertThat(ShownThreshold.of(List.of(), configured)).isEqualByComparingTo("0.60");
        assertThat(ShownThreshold.of(Optional.of(new MartRow(withoutThreshold)), configured))
                .isEqualByComparingTo("0.60");
        assertThat(ShownThreshold.of(List.of(new MartRow(withoutThreshold)),
                new FixedPacketSource().threshold(new BigDecimal("0.55")))).isEqualByComparingTo("0.55");
    }
}
