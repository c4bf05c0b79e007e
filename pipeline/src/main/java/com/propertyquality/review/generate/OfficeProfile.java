package com.propertyquality.review.generate;

/**
 * One management office (管理处) of the generated company and the traits that make its records differ from the
 * others': its size, whether its estate has lifts, and how well it is run. A struggling office has more
 * dissatisfied forms, more complaints, slower closing and lower inspection scores, so the reports have a few
 * clearly worse offices to show.
 *
 * @param index            position in the office register, 0-based
 * @param lifts            false for a low-rise estate: its forms leave lift blank and nobody complains about lifts
 * @param estateBuilt      the year the estate was handed over; households moved in since
 * @param sizeWeight       how big the office is, relative to the others (log-normal: a few very big offices)
 * @param dissatisfaction  multiplies the chance that a survey item is rated dissatisfied
 * @param complaints       multiplies the office's register entries per household
 * @param spending         multiplies the office's purchases per household
 * @param engagement       multiplies the forms returned per household
 * @param closingDays      median days to close a register entry
 * @param stuckOpen        share of register entries nobody closes
 * @param scoreOffset      added to every inspection score
 */
record OfficeProfile(int index, String id, String name, City city, String propertyType, boolean lifts,
                     int estateBuilt, boolean struggling, double sizeWeight, double dissatisfaction,
                     double complaints, double spending, double engagement, double closingDays, double stuckOpen,
                     double scoreOffset) {

    /** How the office's survey of the year stands against the return threshold (回收率 ≥ 60%). */
    enum SurveyStanding {
        MEETS_THRESHOLD,
        UNDER_THRESHOLD,
        /** No survey-distribution row: its return rate cannot be computed. */
        NO_DISTRIBUTION_RECORD,
        /** More forms returned than distributed: a data error the pipeline must flag. */
        RETURNED_EXCEEDS_DISTRIBUTED
    }

    boolean commercial() {
        return "commercial".equals(propertyType);
    }
}
