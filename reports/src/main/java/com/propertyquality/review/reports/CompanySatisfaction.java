package com.propertyquality.review.reports;

/**
 * Company-wide satisfaction over all offices' forms.
 *
 * @param satisfactionRate qualified / (qualified + unsatisfied) as a fraction; {@code null} when nothing was rated
 */
public record CompanySatisfaction(long forms, long qualified, long unsatisfied, long unrated, Double satisfactionRate) {}
