package com.propertyquality.review.marts;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry of marts: what `aggregate` computes and writes, what `marts` lists and what `query` registers as
 * views. Each family of marts (survey, feedback, actions, ...) lists its own; add a family here.
 */
public final class Marts {

    private Marts() {
    }

    public static List<Mart> all() {
        List<Mart> marts = new ArrayList<>();
        marts.addAll(SurveyMarts.marts());
        marts.addAll(CustomerMarts.marts());
        marts.addAll(FeedbackMarts.marts());
        marts.addAll(QualityMarts.marts());
        marts.addAll(CustomerValueMarts.marts());
        marts.addAll(ReviewMarts.marts());
        return marts;
    }
}
