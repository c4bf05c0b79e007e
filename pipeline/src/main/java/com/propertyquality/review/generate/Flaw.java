package com.propertyquality.review.generate;

import java.util.List;
import java.util.function.UnaryOperator;

import com.propertyquality.review.contract.CodeList;
import com.propertyquality.review.contract.Template;

/**
 * A mistake a clerk makes, put in on purpose so the ingest has rows to reject: it turns a copy of the row just
 * written into a bad row (a wrong code, a day that does not exist, a missing value, the same key twice...). Each
 * flaw breaks exactly one rule, so the row gets exactly one line in rejects.csv.
 *
 * @param column      the column the ingest reports the row under (the key columns joined by + for a duplicate)
 * @param description what went wrong, for expected.json
 * @param duplicate   the row repeats the key of the row before it
 * @param make        from a copy of the previous good row, the bad row
 */
record Flaw(String column, String description, boolean duplicate, UnaryOperator<Object[]> make) {

    static Flaw of(String column, String description, UnaryOperator<Object[]> make) {
        return new Flaw(column, description, false, make);
    }

    /** The row before entered again under the same key, with some other cell changed: a duplicate key. */
    static Flaw duplicate(Template template, String description, UnaryOperator<Object[]> make) {
        return new Flaw(String.join("+", template.key()), description, true, make);
    }

    /** A wrong value for a coded column; fails at once if the contract ever comes to accept it. */
    static String notIn(CodeList codes, String value) {
        if (codes.resolve(value) != null) {
            throw new IllegalStateException("'" + value + "' is a code of " + codes.name() + ": not a flaw");
        }
        return value;
    }

    /** The flaws of one template, taken in turn so that every kind shows up. Used by one thread. */
    static final class Cycle {

        private final List<Flaw> flaws;
        private int next;

        Cycle(Flaw... flaws) {
            this.flaws = List.of(flaws);
        }

        Flaw next() {
            Flaw flaw = flaws.get(next);
            next = (next + 1) % flaws.size();
            return flaw;
        }
    }
}
