package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.propertyquality.review.marts.FeedbackMarts.ComplaintPareto;
import com.propertyquality.review.metrics.Area;
import com.propertyquality.review.metrics.MainFactors;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.ParetoChart;

/**
 * The complaint Pareto chart ({@code complaint_pareto}) the company chapter and an office's report both draw, built
 * once here; the rows given are one scope's (the company's or one office's) in rank order.
 */
final class ParetoTables {

    private ParetoTables() {}

    /** The Pareto chart of complaint_pareto rows of one scope; none when the scope had no complaint. */
    static Optional<ParetoChart> chart(List<MartRow> areas, String caption, Lang lang) {
        if (areas.isEmpty()) {
            return Optional.empty();
        }
        List<ParetoChart.Bar> bars = areas.stream()
                .map(row -> new ParetoChart.Bar(areaName(row, lang), row.count(ComplaintPareto.COMPLAINTS),
                        Optional.ofNullable(row.number(ComplaintPareto.CUMULATIVE_SHARE)).orElse(Double.NaN),
                        row.isTrue(ComplaintPareto.MAIN_FACTOR)))
                .toList();
        return Optional.of(new ParetoChart(caption, text(lang, "column.complaint_count"),
                text(lang, "paretoTables.cumulative_share"), bars, MainFactors.THRESHOLD.doubleValue()));
    }

    static String areaName(MartRow row, Lang lang) {
        String code = row.text(ComplaintPareto.AREA);
        if (lang == Lang.ZH && row.text(ComplaintPareto.AREA_NAME) != null) {
            return row.text(ComplaintPareto.AREA_NAME);
        }
        return Arrays.stream(Area.values()).filter(area -> area.code().equals(code)).findFirst()
                .map(area -> Names.of(area, lang)).orElse(lang == Lang.EN ? Names.english(code) : code);
    }
}
