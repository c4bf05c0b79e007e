package com.propertyquality.review.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The rules over several columns that the templates use, each a small {@link RowRule}. */
public final class Rules {

    private Rules() {
    }

    /** {@code later} may not be before {@code earlier} when both are given (closed_on ≥ received_on). */
    public static RowRule notBefore(String later, String earlier) {
        return (template, values, violations) -> {
            LocalDate end = (LocalDate) values[template.indexOf(later)];
            LocalDate start = (LocalDate) values[template.indexOf(earlier)];
            if (end != null && start != null && end.isBefore(start)) {
                violations.add(new Violation(later, end.toString(), later + " is before " + earlier + " (" + start + ")"));
            }
        };
    }

    /** {@code column} is required when {@code condition} holds the code {@code code} (closed_on when closed). */
    public static RowRule requiredWhen(String column, String condition, String code) {
        return (template, values, violations) -> {
            if (code.equals(values[template.indexOf(condition)]) && values[template.indexOf(column)] == null) {
                violations.add(new Violation(column, null, "required when " + condition + " is " + code));
            }
        };
    }

    /** {@code column} is required unless {@code condition} holds {@code code} (verified_on unless pending). */
    public static RowRule requiredUnless(String column, String condition, String code) {
        return (template, values, violations) -> {
            Object state = values[template.indexOf(condition)];
            if (state != null && !code.equals(state) && values[template.indexOf(column)] == null) {
                violations.add(new Violation(column, null, "required when " + condition + " is " + state));
            }
        };
    }

    /** The number in {@code column} may not exceed the one in {@code limit}, and needs it. */
    public static RowRule notAbove(String column, String limit) {
        return (template, values, violations) -> {
            Integer value = (Integer) values[template.indexOf(column)];
            Integer bound = (Integer) values[template.indexOf(limit)];
            if (value == null) {
                return;
            }
            if (bound == null) {
                violations.add(new Violation(limit, null, "required when " + column + " is given"));
            } else if (value > bound) {
                violations.add(new Violation(column, value.toString(), column + " is above " + limit + " (" + bound + ")"));
            }
        };
    }

    /** The code in {@code column} must be one of those allowed for the code in {@code by}. */
    public static RowRule allowedFor(String column, String by, Map<String, Set<String>> allowed) {
        return (template, values, violations) -> {
            Object value = values[template.indexOf(column)];
            Object key = values[template.indexOf(by)];
            Set<String> codes = key == null ? null : allowed.get(key);
            if (value != null && codes != null && !codes.contains(value)) {
                violations.add(new Violation(column, Objects.toString(value),
                        "not a " + column + " of a " + key + " " + by + "; allowed: " + String.join(", ", sorted(codes))));
            }
        };
    }

    private static List<String> sorted(Set<String> codes) {
        return codes.stream().sorted().toList();
    }
}
