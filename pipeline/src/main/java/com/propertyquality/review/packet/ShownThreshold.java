package com.propertyquality.review.packet;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.propertyquality.review.marts.SurveyMarts.SurveyReturns;

/**
 * The survey return threshold a report shows (procedure 5.1.2): the one the mart judged with
 * ({@code survey_returns.threshold}), so that the text agrees with the shading and the met/below verdict; the
 * configured one ({@code review.returns.threshold}) only when the mart gives none. Every page that names the
 * threshold takes it from here.
 */
final class ShownThreshold {

    private ShownThreshold() {}

    /** The threshold of one {@code survey_returns} row, or the configured one when the row is absent or has none. */
    static BigDecimal of(Optional<MartRow> returns, PacketSource source) {
        return of(returns.map(List::of).orElse(List.of()), source);
    }

    /** The first threshold the year's {@code survey_returns} rows hold (one value per run), else the configured one. */
    static BigDecimal of(List<MartRow> returns, PacketSource source) {
        return returns.stream().map(row -> row.number(SurveyReturns.THRESHOLD)).filter(Objects::nonNull).findFirst()
                .map(BigDecimal::valueOf).orElse(source.returnThreshold());
    }
}
