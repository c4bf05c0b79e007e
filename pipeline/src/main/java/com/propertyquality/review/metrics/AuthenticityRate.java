package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;

/**
 * 真实性检验 (procedure 5.2.1: 各管理处通过回访的方式对用户的评价作真实性和可靠检验): the return visits of purpose
 * survey_check verify that survey answers are true. The one definition of its rules, in Java and as Spark
 * expressions; a test holds the two equal.
 *
 * <ul>
 *   <li>A check is <b>attempted</b> by every survey_check visit and <b>reaches</b> the household when its result is
 *       {@code confirmed} 属实 or {@code not_confirmed} 不属实; an {@code unreachable} 未联系上 visit reached nobody
 *       and checks nothing.</li>
 *   <li>A form is <b>verified</b> only by a check that reached its household; a form checked several times counts
 *       once, however many checks reached it.</li>
 *   <li>{@link #of authenticity rate} = confirmed / reached checks: the share of the checks that reached a household
 *       in which the household confirmed its form. Checks, not forms: a form reached twice counts twice. Null when
 *       no check reached anyone.</li>
 *   <li>{@link #verifiedShare verified share} = verified forms / forms returned: how much of the survey was
 *       verified. Null when no form was returned.</li>
 * </ul>
 */
public final class AuthenticityRate {

    public static final String CONFIRMED = "confirmed";
    public static final String NOT_CONFIRMED = "not_confirmed";
    public static final String UNREACHABLE = "unreachable";

    private AuthenticityRate() {
    }

    /** Whether a survey check with this result reached the household (and so can verify a form). */
    public static boolean reached(String result) {
        return CONFIRMED.equals(result) || NOT_CONFIRMED.equals(result);
    }

    /** {@link #reached} as a Spark expression: never null, false for a blank or any other result. */
    public static Column reachedColumn(Column result) {
        return result.isNotNull().and(result.isin(CONFIRMED, NOT_CONFIRMED));
    }

    /** Whether a survey check with this result found the form true. */
    public static boolean confirmed(String result) {
        return CONFIRMED.equals(result);
    }

    /** {@link #confirmed} as a Spark expression: never null. */
    public static Column confirmedColumn(Column result) {
        return result.isNotNull().and(result.equalTo(lit(CONFIRMED)));
    }

    /** confirmed / reached checks as a fraction, or null when no check reached a household. */
    public static Double of(long confirmed, long reached) {
        if (confirmed < 0 || reached < 0) {
            throw new IllegalArgumentException("check counts cannot be negative: " + confirmed + ", " + reached);
        }
        if (confirmed > reached) {
            throw new IllegalArgumentException("more checks confirmed (" + confirmed + ") than reached (" + reached
                    + ")");
        }
        return Fraction.of(confirmed, reached);
    }

    /** The same rule as a Spark expression over two count columns (confirmed, reached). */
    public static Column column(Column confirmed, Column reached) {
        return Fraction.column(confirmed, reached);
    }

    /** verified / returned as a fraction, or null when no form was returned; a verified form is a returned one. */
    public static Double verifiedShare(long verified, long returned) {
        if (verified < 0 || returned < 0) {
            throw new IllegalArgumentException("form counts cannot be negative: " + verified + ", " + returned);
        }
        if (verified > returned) {
            throw new IllegalArgumentException("more forms verified (" + verified + ") than returned (" + returned + ")");
        }
        return Fraction.of(verified, returned);
    }

    /** The verified share as a Spark expression over two count columns. */
    public static Column verifiedShareColumn(Column verified, Column returned) {
        return Fraction.column(verified, returned);
    }
}
