package com.propertyquality.review.contract;

import java.util.Objects;

/**
 * One column of an import template: its English and Chinese header, type and rule.
 *
 * @param name          English header, also the lake column name
 * @param chinese       Chinese header
 * @param type          how the cell is parsed and stored
 * @param required      a blank cell rejects the row; a missing header rejects the file
 * @param codes         the allowed values of a {@link ValueType#CODE} column, else null
 * @param min           smallest allowed number (inclusive) or null
 * @param max           largest allowed number (inclusive) or null
 * @param knownOffice   the value must be an office of the offices register
 * @param defaultCode   the code a blank cell stands for (severity: normal), or null
 * @param householdRef  the value refers to a household; an unknown one is stored with a warning
 */
public record ColumnSpec(String name, String chinese, ValueType type, boolean required, CodeList codes,
                         Long min, Long max, boolean knownOffice, String defaultCode, boolean householdRef) {

    public ColumnSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(chinese);
        Objects.requireNonNull(type);
        boolean coded = type == ValueType.CODE || type == ValueType.BOOLEAN;
        if (coded != (codes != null)) {
            throw new IllegalArgumentException("a code list goes with CODE and BOOLEAN columns only: " + name);
        }
        if (defaultCode != null && (codes == null || !codes.codes().contains(defaultCode))) {
            throw new IllegalArgumentException("the default of " + name + " is not one of its codes: " + defaultCode);
        }
    }

    public static ColumnSpec required(String name, String chinese, ValueType type) {
        return new ColumnSpec(name, chinese, type, true, null, null, null, false, null, false);
    }

    public static ColumnSpec optional(String name, String chinese, ValueType type) {
        return new ColumnSpec(name, chinese, type, false, null, null, null, false, null, false);
    }

    public static ColumnSpec requiredCode(String name, String chinese, CodeList codes) {
        return new ColumnSpec(name, chinese, ValueType.CODE, true, codes, null, null, false, null, false);
    }

    public static ColumnSpec optionalCode(String name, String chinese, CodeList codes) {
        return new ColumnSpec(name, chinese, ValueType.CODE, false, codes, null, null, false, null, false);
    }

    /** A yes/no column: the code list's {@code yes} is true, any other code false. */
    public static ColumnSpec optionalYesNo(String name, String chinese, CodeList codes) {
        return new ColumnSpec(name, chinese, ValueType.BOOLEAN, false, codes, null, null, false, null, false);
    }

    /** The office_id column of a record that belongs to an office. */
    public static ColumnSpec officeReference() {
        return new ColumnSpec("office_id", "管理处编号", ValueType.TEXT, true, null, null, null, true, null, false);
    }

    /** A household_id that refers to the customer records (客户资料). */
    public static ColumnSpec householdReference(boolean required) {
        return new ColumnSpec("household_id", "住户编号", ValueType.TEXT, required, null, null, null, false, null,
                true);
    }

    public ColumnSpec between(Long min, Long max) {
        return new ColumnSpec(name, chinese, type, required, codes, min, max, knownOffice, defaultCode, householdRef);
    }

    /** A blank cell means this code; the column is then never null in the lake. */
    public ColumnSpec orDefault(String code) {
        return new ColumnSpec(name, chinese, type, required, codes, min, max, knownOffice, code, householdRef);
    }

    /** The office may be left blank (head office): when given, it must be known. */
    public ColumnSpec blankMeansHeadOffice() {
        return new ColumnSpec(name, chinese, type, false, codes, min, max, knownOffice, defaultCode, householdRef);
    }
}
