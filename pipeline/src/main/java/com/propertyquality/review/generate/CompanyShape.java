package com.propertyquality.review.generate;

/**
 * How big the generated company is: the number of offices and of valid records per template for one year. Scale 1
 * is a large property company (200 offices, 150,000 households, a million register entries); scale 10 is ten times
 * every count, offices included, so an office's own size stays the same at any scale. Bad rows come on top of
 * these counts ({@link TemplateFile}).
 */
public record CompanyShape(double scale, int offices, int households, int feedback, int surveyResponses,
                           int returnVisits, int purchases, int inspections, int actions) {

    static final int OFFICES = 200;
    static final int HOUSEHOLDS = 150_000;
    static final int FEEDBACK = 1_000_000;
    static final int SURVEY_RESPONSES = 150_000;
    static final int RETURN_VISITS = 60_000;
    static final int PURCHASES = 600_000;
    static final int INSPECTIONS = 100_000;
    static final int ACTIONS = 10_000;

    /** The largest scale: every count still fits an int. */
    public static final double MAX_SCALE = 1000;

    public CompanyShape {
        if (offices < 1) {
            throw new IllegalArgumentException("a company has at least one office");
        }
    }

    /** Every count times the scale, rounded; at least one office, however small the scale. */
    public static CompanyShape atScale(double scale) {
        if (!(scale > 0) || scale > MAX_SCALE) {
            throw new IllegalArgumentException("the scale must be above 0 and at most " + (int) MAX_SCALE
                    + ": " + scale);
        }
        return new CompanyShape(scale, Math.max(1, times(OFFICES, scale)), times(HOUSEHOLDS, scale),
                times(FEEDBACK, scale), times(SURVEY_RESPONSES, scale), times(RETURN_VISITS, scale),
                times(PURCHASES, scale), times(INSPECTIONS, scale), times(ACTIONS, scale));
    }

    private static int times(int count, double scale) {
        return Math.toIntExact(Math.round(count * scale));
    }
}
