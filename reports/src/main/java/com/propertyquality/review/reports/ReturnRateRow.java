package com.propertyquality.review.reports;

/**
 * One office's survey return rate for the year.
 *
 * @param formsDistributed forms handed out; {@code null} when the office has no distribution record
 * @param returnRate       returned / distributed as a fraction; {@code null} without a distribution record;
 *                         above 1.0 is a data error that is printed as is (e.g. 105.00%) and flagged
 * @param anomaly          {@code null}, {@code "no_distribution_record"} or {@code "returned_exceeds_distributed"}
 */
public record ReturnRateRow(String officeId, String officeName, Long formsDistributed, long formsReturned,
        Double returnRate, boolean meetsThreshold, String anomaly) {}
