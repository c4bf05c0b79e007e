package com.propertyquality.review.reports;

/**
 * Company-wide satisfaction of one survey item.
 *
 * @param item             the item's English code
 * @param itemName         the item's Chinese name (环境卫生, ...)
 * @param level            the need level, already localized ("管理" or "服务")
 * @param satisfactionRate qualified / (qualified + unsatisfied) as a fraction; {@code null} when nothing was rated
 */
public record ItemSatisfactionRow(String item, String itemName, String level, long qualified,
        long unsatisfied, long unrated, Double satisfactionRate) {}
