package com.propertyquality.review.generate;

import java.util.SplittableRandom;

/**
 * The random source of the generator. Every record draws from its own dice, seeded by the company seed, the
 * record's kind, its office and its number: a record is then a pure function of where it sits, so one template
 * can look up another's records (a return visit its complaint) without either being held in memory, and the
 * templates can be written side by side in any order with the same bytes. StrictMath keeps the doubles the same on
 * every platform.
 */
final class Dice {

    /** The kinds of record, each its own stream of numbers. */
    enum Stream {
        COMPANY, OFFICE, HOUSEHOLD, SURVEY_FORM, FEEDBACK, RETURN_VISIT, PURCHASE, INSPECTION, ACTION, REVIEW_PLAN
    }

    private final SplittableRandom random;

    private Dice(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The dice of one record: record {@code number} of {@code office} in {@code stream}. */
    static Dice of(long seed, Stream stream, int office, long number) {
        long state = mix(seed ^ 0x9E3779B97F4A7C15L * (stream.ordinal() + 1));
        state = mix(state + 0xD1B54A32D192ED03L * (office + 1L));
        return new Dice(mix(state + 0x8CB92BA72F3D8DD7L * (number + 1)));
    }

    /** SplitMix64's finaliser: neighbouring inputs give unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double unit() {
        return random.nextDouble();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Uniform whole number in [low, high]. */
    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    double between(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** Uniform in [0, bound). */
    int below(int bound) {
        return random.nextInt(bound);
    }

    /** Standard normal, by Box-Muller (one draw per call, so the stream does not depend on a cached pair). */
    double gaussian() {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    /** Log-normal with the given median and spread (sigma of the logarithm): sizes, amounts, durations. */
    double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian());
    }

    <T> T pick(Weighted<T> choices) {
        return choices.pick(random.nextDouble());
    }
}
