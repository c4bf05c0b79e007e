package com.propertyquality.review.marts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The registry: unique names, and marts built on other marts form no cycle. */
class MartsTest {

    @Test
    void everyInputIsAMartAndNoMartIsBuiltOnItself() {
        List<String> names = Marts.all().stream().map(Mart::name).toList();
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
        for (Mart mart : Marts.all()) {
            assertThat(names).as(mart.name()).containsAll(mart.inputs());
            assertThat(reachable(mart)).as(mart.name() + " reaches itself").doesNotContain(mart.name());
        }
    }

    @Test
    void aMartComesWithEveryMartItIsBuiltOnInTheRegistrysOrder() {
        assertThat(Marts.withInputs(List.of(ReviewMarts.REVIEW_READINESS)).stream().map(Mart::name))
                .containsExactly(SurveyMarts.SURVEY_RETURNS, SurveyMarts.SATISFACTION_BY_OFFICE,
                        SurveyMarts.SATISFACTION_COMPANY, ReviewMarts.REVIEW_READINESS, ReviewMarts.REVIEW_TRIGGERS,
                        ReviewMarts.REVIEW_ATTENTION_ITEMS);
        assertThat(Marts.withInputs(List.of(SurveyMarts.SURVEY_RETURNS)).stream().map(Mart::name))
                .containsExactly(SurveyMarts.SURVEY_RETURNS);
        assertThatThrownBy(() -> Marts.withInputs(List.of("no_such_mart")))
                .hasMessageContaining("no mart named no_such_mart");
    }

    private static Set<String> reachable(Mart mart) {
        Set<String> seen = new HashSet<>();
        List<String> next = new ArrayList<>(mart.inputs());
        while (!next.isEmpty()) {
            String name = next.remove(next.size() - 1);
            if (seen.add(name)) {
                next.addAll(Marts.named(name).inputs());
            }
        }
        return seen;
    }
}
