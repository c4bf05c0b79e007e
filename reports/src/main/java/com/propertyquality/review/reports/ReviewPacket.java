package com.propertyquality.review.reports;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything the management-review packet shows, as handed over by the pipeline.
 *
 * @param companyName     the company named on the cover and in every page footer
 * @param year            the survey year
 * @param returnThreshold the minimum survey return rate as a fraction (0.60 = 60%)
 * @param returnRates      one row per office, in display order
 * @param officeSatisfaction one row per office, in display order
 * @param itemSatisfaction one row per survey item, company-wide
 * @param company         the company-wide totals; {@code null} when there were no forms
 */
public record ReviewPacket(String companyName, int year, BigDecimal returnThreshold,
        List<ReturnRateRow> returnRates, List<OfficeSatisfactionRow> officeSatisfaction,
        List<ItemSatisfactionRow> itemSatisfaction, CompanySatisfaction company) {}
