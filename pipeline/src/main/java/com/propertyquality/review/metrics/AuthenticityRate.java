package com.propertyquality.review.metrics;


import org.apache.spark.sql.Column;

/**
 * 真实性检验 (procedure 5.2.1): the return visits of purpose survey_check verify that survey answers are true.
 * The one definition of its two figures, in Java and as Spark expressions; a test holds the two equal.
 *
 * <ul>
 *   <li>{@link #of authenticity rate} = confirmed / (confirmed + not confirmed): the share of reached households
 *       that confirmed their form. An unreachable household counts in neither term; null when no check reached
 *       anyone.</li>
 *   <li>{@link #verifiedShare verified share} = forms with a survey check / forms returned: how much of the survey
 *       was checked at all. Null when no form was returned.</li>
 * </ul>
 */
public final class AuthenticityRate {

    private AuthenticityRate() {
    }

    /** confirmed / (confirmed + notConfirmed) as a fraction, or null when both are zero. */
    public static Double of(long confirmed, long notConfirmed) {
        if (confirmed < 0 || notConfirmed < 0) {
            throw new IllegalArgumentException("check counts cannot be negative: " + confirmed + ", " + notConfirmed);
        }
        return Fraction.of(confirmed, confirmed + notConfirmed);
    }

    /** The same rule as a Spark expression over two count columns. */
    public static Column column(Column confirmed, Column notConfirmed) {
        return Fraction.column(confirmed, confirmed.plus(notConfirmed));
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
