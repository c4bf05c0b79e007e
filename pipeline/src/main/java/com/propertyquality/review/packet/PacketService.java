package com.propertyquality.review.packet;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.propertyquality.review.config.ReviewProperties;
import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.marts.MartRows;
import com.propertyquality.review.marts.SurveyMarts;
import com.propertyquality.review.metrics.ServiceLevel;
import com.propertyquality.review.reports.CompanySatisfaction;
import com.propertyquality.review.reports.ItemSatisfactionRow;
import com.propertyquality.review.reports.OfficeSatisfactionRow;
import com.propertyquality.review.reports.ReturnRateRow;
import com.propertyquality.review.reports.ReviewPacket;
import com.propertyquality.review.reports.ReviewPacketRenderer;

/**
 * Builds the management-review packet of a year from the marts (never from the lake) and renders it to
 * {@code <work>/reports/management-review-YYYY.pdf}. Every figure is the mart's, as it is.
 */
@Service
public class PacketService {

    private final ReviewProperties properties;
    private final WorkFolder work;
    private final ReviewPacketRenderer renderer = new ReviewPacketRenderer();

    public PacketService(ReviewProperties properties, WorkFolder work) {
        this.properties = properties;
        this.work = work;
    }

    /** The latest survey year in the marts, the default of --year. */
    public int latestYear() {
        return new MartRows(work.marts()).latestSurveyYear()
                .orElseThrow(() -> new IllegalStateException("the marts hold no survey year: load survey data first"));
    }

    public Path render(int year) {
        ReviewPacket packet = packet(year);
        Path pdf = work.reports().resolve("management-review-" + year + ".pdf");
        renderer.renderPdf(packet, pdf);
        return pdf;
    }

    /** The quality department's one-page return-rate check: {@code <work>/reports/return-rates-YYYY.pdf}. */
    public Path renderReturnsCheck(int year) {
        Path pdf = work.reports().resolve("return-rates-" + year + ".pdf");
        renderer.renderReturnsCheck(packet(year), pdf);
        return pdf;
    }

    public ReviewPacket packet(int year) {
        MartRows marts = new MartRows(work.marts());
        List<Map<String, Object>> returns = marts.readYear(SurveyMarts.SURVEY_RETURNS, year);
        if (returns.isEmpty()) {
            throw new IllegalStateException("no survey data for " + year + " in the marts");
        }
        BigDecimal threshold = BigDecimal.valueOf((Double) returns.get(0).get("threshold"));
        List<ReturnRateRow> returnRates = returns.stream().map(row -> new ReturnRateRow(
                (String) row.get("office_id"), (String) row.get("office_name"),
                (Long) row.get("forms_distributed"), (Long) row.get("forms_returned"),
                (Double) row.get("return_rate"), (Boolean) row.get("meets_threshold"),
                (String) row.get("anomaly"))).toList();
        List<OfficeSatisfactionRow> offices = marts.readYear(SurveyMarts.SATISFACTION_BY_OFFICE, year).stream()
                .map(row -> new OfficeSatisfactionRow((String) row.get("office_id"), (String) row.get("office_name"),
                        (Long) row.get("forms"), (Long) row.get("qualified"), (Long) row.get("unsatisfied"),
                        (Long) row.get("unrated"), (Double) row.get("satisfaction_rate"))).toList();
        List<ItemSatisfactionRow> items = marts.readYear(SurveyMarts.SATISFACTION_BY_ITEM, year).stream()
                .filter(row -> row.get("office_id") == null)
                .map(row -> new ItemSatisfactionRow((String) row.get("item"), (String) row.get("item_name"),
                        ServiceLevel.ofCode((String) row.get("level")).chinese(), (Long) row.get("qualified"),
                        (Long) row.get("unsatisfied"), (Long) row.get("unrated"),
                        (Double) row.get("satisfaction_rate"))).toList();
        CompanySatisfaction company = marts.readYear(SurveyMarts.SATISFACTION_COMPANY, year).stream()
                .findFirst()
                .map(row -> new CompanySatisfaction((Long) row.get("forms"), (Long) row.get("qualified"),
                        (Long) row.get("unsatisfied"), (Long) row.get("unrated"),
                        (Double) row.get("satisfaction_rate")))
                .orElse(null);
        return new ReviewPacket(properties.companyName(), year, threshold, returnRates, offices, items, company);
    }
}
