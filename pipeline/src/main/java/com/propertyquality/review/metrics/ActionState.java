package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;

import org.apache.spark.sql.Column;

/**
 * Where a corrective or preventive action (纠正和预防措施) stands at an as-of date, and what its verification says
 * at that date. The one definition of open, overdue, closed on time or late, and of the verification at a date, in
 * Java and as Spark expressions; a test holds the two equal. Nothing here reads the clock: the as-of date is
 * always given.
 *
 * <ul>
 *   <li>{@link #NOT_OPENED}: opened after the as-of date; at that date the action did not exist yet.</li>
 *   <li>{@link #OPEN}: opened on or before the as-of date, and not closed by it (no closed_on, or a closed_on
 *       after the as-of date).</li>
 *   <li>{@link #CLOSED_ON_TIME}: closed on or before the as-of date, and on or before its due date.</li>
 *   <li>{@link #CLOSED_LATE}: closed on or before the as-of date, after its due date.</li>
 *   <li>{@link #overdue Overdue}: open at the as-of date with a due date before it; due on the as-of date itself
 *       is not overdue yet.</li>
 * </ul>
 */
public enum ActionState implements Coded {
    NOT_OPENED("not_opened", "未开立"),
    OPEN("open", "未完成"),
    CLOSED_ON_TIME("closed_on_time", "按期完成"),
    CLOSED_LATE("closed_late", "逾期完成");

    private final String code;
    private final String chinese;

    ActionState(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String chinese() {
        return chinese;
    }

    /** The state at {@code asOf}; opened_on and due_on are required, closed_on may be null. */
    public static ActionState at(LocalDate openedOn, LocalDate dueOn, LocalDate closedOn, LocalDate asOf) {
        if (openedOn == null || dueOn == null || asOf == null) {
            throw new IllegalArgumentException("opened_on, due_on and the as-of date are required");
        }
        if (openedOn.isAfter(asOf)) {
            return NOT_OPENED;
        }
        if (closedOn == null || closedOn.isAfter(asOf)) {
            return OPEN;
        }
        return closedOn.isAfter(dueOn) ? CLOSED_LATE : CLOSED_ON_TIME;
    }

    /** Open at {@code asOf} and due before it. */
    public static boolean overdue(LocalDate openedOn, LocalDate dueOn, LocalDate closedOn, LocalDate asOf) {
        return at(openedOn, dueOn, closedOn, asOf) == OPEN && dueOn.isBefore(asOf);
    }

    /** The state code ({@link #code()}) as a Spark expression over three date columns. */
    public static Column column(Column openedOn, Column dueOn, Column closedOn, LocalDate asOf) {
        return column(openedOn, dueOn, closedOn, lit(asOf));
    }

    /** The state code at a date column: each row judged at its own day (its review year's cut-off). */
    public static Column column(Column openedOn, Column dueOn, Column closedOn, Column day) {
        return when(openedOn.gt(day), lit(NOT_OPENED.code))
                .when(closedOn.isNull().or(closedOn.gt(day)), lit(OPEN.code))
                .when(closedOn.gt(dueOn), lit(CLOSED_LATE.code))
                .otherwise(lit(CLOSED_ON_TIME.code));
    }

    /** {@link #overdue} as a Spark boolean expression. */
    public static Column overdueColumn(Column openedOn, Column dueOn, Column closedOn, LocalDate asOf) {
        return overdueColumn(openedOn, dueOn, closedOn, lit(asOf));
    }

    /** {@link #overdue} at a date column. */
    public static Column overdueColumn(Column openedOn, Column dueOn, Column closedOn, Column day) {
        return column(openedOn, dueOn, closedOn, day).equalTo(lit(OPEN.code)).and(dueOn.lt(day));
    }

    /** The verification of effect (验证结论) as it stood at a date. */
    public enum Verification implements Coded {
        PENDING("pending", "待验证"),
        EFFECTIVE("effective", "有效"),
        NOT_EFFECTIVE("not_effective", "无效");

        private final String code;
        private final String chinese;

        Verification(String code, String chinese) {
            this.code = code;
            this.chinese = chinese;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String chinese() {
            return chinese;
        }

        public static Verification ofCode(String code) {
            for (Verification verification : values()) {
                if (verification.code.equals(code)) {
                    return verification;
                }
            }
            throw new IllegalArgumentException("unknown verification: " + code);
        }
    }

    /**
     * The verification at {@code asOf}: effective or not_effective only when verified on or before that date;
     * pending otherwise (pending in the lake, or a verification dated after the as-of date, or one without a date,
     * which the contract does not let in).
     */
    public static Verification verificationAt(String verification, LocalDate verifiedOn, LocalDate asOf) {
        Verification recorded = Verification.ofCode(verification);
        if (recorded == Verification.PENDING || verifiedOn == null || verifiedOn.isAfter(asOf)) {
            return Verification.PENDING;
        }
        return recorded;
    }

    /** {@link #verificationAt} as a Spark expression giving the verification code. */
    public static Column verificationColumn(Column verification, Column verifiedOn, LocalDate asOf) {
        return verificationColumn(verification, verifiedOn, lit(asOf));
    }

    /** {@link #verificationAt} at a date column. */
    public static Column verificationColumn(Column verification, Column verifiedOn, Column day) {
        Column known = verifiedOn.isNotNull().and(verifiedOn.leq(day));
        return when(known.and(verification.equalTo(lit(Verification.EFFECTIVE.code))),
                        lit(Verification.EFFECTIVE.code))
                .when(known.and(verification.equalTo(lit(Verification.NOT_EFFECTIVE.code))),
                        lit(Verification.NOT_EFFECTIVE.code))
                .otherwise(lit(Verification.PENDING.code));
    }
}
