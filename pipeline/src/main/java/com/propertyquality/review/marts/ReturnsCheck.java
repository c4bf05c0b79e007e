package com.propertyquality.review.marts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.propertyquality.review.metrics.SurveyReturnRate;

/**
 * The quality department's check of one survey year: every office's return figures from the survey_returns
 * mart, judged again against the threshold asked for (which may differ from the one the mart was built with),
 * by the same rule the mart uses.
 */
public final class ReturnsCheck {

    private ReturnsCheck() {
    }

    /** One office's line of the check. */
    public record OfficeReturn(String officeId, String officeName, Long formsDistributed, long formsReturned,
                               Double returnRate, boolean meetsThreshold, String anomaly) {
    }

    public static List<OfficeReturn> of(List<Map<String, Object>> surveyReturnsOfYear, BigDecimal threshold) {
        SurveyReturnRate.checkThreshold(threshold);
        return surveyReturnsOfYear.stream().map(row -> {
            Long distributed = (Long) row.get("forms_distributed");
            long returned = (Long) row.get("forms_returned");
            return new OfficeReturn((String) row.get("office_id"), (String) row.get("office_name"), distributed,
                    returned, SurveyReturnRate.of(distributed, returned),
                    SurveyReturnRate.meetsThreshold(distributed, returned, threshold),
                    SurveyReturnRate.anomaly(distributed, returned));
        }).toList();
    }
}
