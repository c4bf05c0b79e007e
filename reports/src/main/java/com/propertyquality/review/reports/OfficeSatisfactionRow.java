package com.propertyquality.review.reports;

/**
 * One office's satisfaction, counted over rated items.
 *
 * @param satisfactionRate qualified / (qualified + unsatisfied) as a fraction; {@code null} when nothing was rated
 */
public record OfficeSatisfactionRow(String officeId, String officeName, long forms, long qualified,
        long unsatisfied, long unrated, Double satisfactionRate) {}
