package com.propertyquality.review.ingest;

import com.propertyquality.review.contract.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.propertyquality.review.contract.ColumnSpec;
import com.propertyquality.review.contract.RowRule;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.lake.LakeSchemas;

/**
 * The contract's rules for one row of a template: required values, types, code lists, ranges, known offices
 * and the unique key. Every violation of the row is reported, so a clerk can fix a row in one go.
 */
public final class RowRules {

    private final Template template;
    private final LoadScope scope;
    private final int[] keyIndexes;

    public RowRules(Template template, LoadScope scope) {
        this.template = template;
        this.scope = scope;
        this.keyIndexes = template.key().stream().mapToInt(template::indexOf).toArray();
    }

    public CheckedRow check(SourceRow row) {
        List<Violation> violations = new ArrayList<>(0);
        if (row.structureError() != null) {
            violations.add(new Violation(null, null, row.structureError()));
            return new CheckedRow(row, null, violations, List.of());
        }
        List<ColumnSpec> columns = template.columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = parse(columns.get(i), row.cells()[i], violations);
        }
        checkRules(values, row.cells(), violations);
        if (violations.isEmpty()) {
            String key = keyOf(values);
            if (!scope.firstOccurrence(template, key)) {
                violations.add(new Violation(String.join("+", template.key()), key,
                        "duplicate key: an earlier row of this load has the same " + String.join(", ", template.key())
                                + " (the first occurrence is kept)"));
            }
        }
        if (!violations.isEmpty()) {
            return new CheckedRow(row, null, violations, List.of());
        }
        return new CheckedRow(row, values, violations, warnings(values));
    }

    /**
     * The rules over several columns run even when a cell failed, so a clerk sees every problem of the row at
     * once; a rule's finding about a column that already failed on its own is left out (it would only repeat it).
     */
    private void checkRules(Object[] values, String[] cells, List<Violation> violations) {
        if (template.rules().isEmpty()) {
            return;
        }
        List<Violation> found = new ArrayList<>(0);
        for (RowRule rule : template.rules()) {
            rule.check(template, values, found);
        }
        for (Violation violation : found) {
            if (violations.stream().noneMatch(v -> java.util.Objects.equals(v.column(), violation.column()))) {
                // the value as the clerk wrote it (满意, 2025/8/2), so it can be found in the file
                String written = violation.column() == null ? violation.value()
                        : cells[template.indexOf(violation.column())];
                violations.add(new Violation(violation.column(), written, violation.reason()));
            }
        }
    }

    /** References to households the customer records do not have: stored, and reported. */
    private List<Violation> warnings(Object[] values) {
        if (!scope.hasHouseholdRegister()) {
            return List.of(); // nothing to check against: the file gets one warning instead (IngestService)
        }
        List<Violation> warnings = null;
        for (int i = 0; i < values.length; i++) {
            ColumnSpec column = template.columns().get(i);
            if (column.householdRef() && values[i] != null && !scope.isKnownHousehold((String) values[i])) {
                if (warnings == null) {
                    warnings = new ArrayList<>(1);
                }
                warnings.add(new Violation(column.name(), (String) values[i],
                        "unknown household: not in the customer records (the row is stored)"));
            }
        }
        return warnings == null ? List.of() : warnings;
    }

    private Object parse(ColumnSpec column, String cell, List<Violation> violations) {
        if (cell == null) {
            if (column.required()) {
                violations.add(new Violation(column.name(), null, "required value is missing"));
            }
            return column.defaultCode();
        }
        Object value = switch (column.type()) {
            case TEXT -> cell;
            case CODE -> codeOf(column, cell, violations);
            case INTEGER -> integerOf(column, cell, violations);
            case YEAR -> yearOf(column, cell, violations);
            case DATE -> dateOf(column, cell, violations);
            case DECIMAL -> moneyOf(column, cell, violations);
            case NUMBER -> numberOf(column, cell, violations);
            case BOOLEAN -> yesNoOf(column, cell, violations);
        };
        if (value != null && column.knownOffice() && !scope.isKnownOffice((String) value)) {
            violations.add(new Violation(column.name(), cell, "unknown office: not in the offices register"));
            return null;
        }
        return value;
    }

    private static String codeOf(ColumnSpec column, String cell, List<Violation> violations) {
        String code = column.codes().resolve(cell);
        if (code == null) {
            violations.add(new Violation(column.name(), cell, "not an allowed value; allowed: " + column.codes().describe()));
        }
        return code;
    }

    private static Integer integerOf(ColumnSpec column, String cell, List<Violation> violations) {
        Long value = ValueParsers.integer(cell);
        if (value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            violations.add(new Violation(column.name(), cell, "not a whole number"));
            return null;
        }
        if ((column.min() != null && value < column.min()) || (column.max() != null && value > column.max())) {
            violations.add(new Violation(column.name(), cell, "out of range: must be " + range(column)));
            return null;
        }
        return value.intValue();
    }

    private static Integer yearOf(ColumnSpec column, String cell, List<Violation> violations) {
        Long value = cell.length() == 4 ? ValueParsers.integer(cell) : null;
        if (value == null || value < 1000) {
            violations.add(new Violation(column.name(), cell, "not a four-digit year"));
            return null;
        }
        return value.intValue();
    }

    private static LocalDate dateOf(ColumnSpec column, String cell, List<Violation> violations) {
        LocalDate date = ValueParsers.date(cell);
        if (date == null) {
            violations.add(new Violation(column.name(), cell,
                    "not a valid date; write yyyy-MM-dd, yyyy/M/d or yyyy年M月d日"));
        }
        return date;
    }

    private static BigDecimal moneyOf(ColumnSpec column, String cell, List<Violation> violations) {
        BigDecimal value = ValueParsers.money(cell);
        if (value == null) {
            violations.add(new Violation(column.name(), cell, "not an amount in yuan with at most two decimals"));
        } else if (value.setScale(LakeSchemas.MONEY_SCALE).precision() > LakeSchemas.MONEY_PRECISION) {
            violations.add(new Violation(column.name(), cell, "too large: at most 10 digits before the decimal point"));
            return null;
        } else if (column.min() != null && value.compareTo(BigDecimal.valueOf(column.min())) < 0) {
            violations.add(new Violation(column.name(), cell, "out of range: must be " + range(column)));
            return null;
        }
        return value;
    }

    private static Boolean yesNoOf(ColumnSpec column, String cell, List<Violation> violations) {
        String code = codeOf(column, cell, violations);
        return code == null ? null : code.equals("yes");
    }

    private static Double numberOf(ColumnSpec column, String cell, List<Violation> violations) {
        Double value = ValueParsers.number(cell);
        if (value == null) {
            violations.add(new Violation(column.name(), cell, "not a number"));
        } else if ((column.min() != null && value < column.min()) || (column.max() != null && value > column.max())) {
            violations.add(new Violation(column.name(), cell, "out of range: must be " + range(column)));
            return null;
        }
        return value;
    }

    private static String range(ColumnSpec column) {
        if (column.max() == null) {
            return "at least " + column.min();
        }
        if (column.min() == null) {
            return "at most " + column.max();
        }
        return "between " + column.min() + " and " + column.max();
    }

    private String keyOf(Object[] values) {
        if (keyIndexes.length == 1) {
            return String.valueOf(values[keyIndexes[0]]);
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < keyIndexes.length; i++) {
            if (i > 0) {
                key.append('|');
            }
            key.append(values[keyIndexes[i]]);
        }
        return key.toString();
    }
}
