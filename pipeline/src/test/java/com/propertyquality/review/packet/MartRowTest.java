package com.propertyquality.review.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.marts.FeedbackMarts;
import com.propertyquality.review.marts.FeedbackMarts.ComplaintPareto;
import com.propertyquality.review.marts.Marts;
import com.propertyquality.review.marts.SurveyMarts;
import com.propertyquality.review.marts.SurveyMarts.SatisfactionByOffice;
import com.propertyquality.review.marts.SurveyMarts.SurveyReturns;

/** A mart's row reads the columns its mart declares and refuses another mart's, naming both. */
class MartRowTest {

    private static Map<String, Object> returns() {
        Map<String, Object> values = new HashMap<>();
        values.put("year", 2025);
        values.put("office_id", "DG01");
        values.put("forms_returned", 42L);
        values.put("return_rate", 0.7);
        values.put("anomaly", null);
        return values;
    }

    @Test
    void readsItsMartsDeclaredColumns() {
        MartRow row = MartRow.of(Marts.named(SurveyMarts.SURVEY_RETURNS), List.of(returns())).get(0);

        assertThat(row.number(SurveyReturns.RETURN_RATE)).isEqualTo(0.7);
        assertThat(row.count(SurveyReturns.FORMS_RETURNED)).isEqualTo(42L);
        assertThat(row.text(SurveyReturns.ANOMALY)).isNull();
        // a column of the same name declared by another mart is the same column
        assertThat(row.text(SatisfactionByOffice.OFFICE_ID)).isEqualTo("DG01");
    }

    @Test
    void refusesAColumnItsMartDoesNotDeclare() {
        MartRow row = MartRow.of(Marts.named(SurveyMarts.SURVEY_RETURNS), List.of(returns())).get(0);

        assertThatThrownBy(() -> row.number(SatisfactionByOffice.SATISFACTION_RATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("survey_returns").hasMessageContaining("satisfaction_rate");
        assertThatThrownBy(() -> row.get(SatisfactionByOffice.CHANGE_SIGNIFICANT))
                .hasMessage("the mart survey_returns declares no column change_significant; its columns are "
                        + SurveyReturns.COLUMNS.names());
        // asking whether the row has it is a question, not a read: no
        assertThat(row.has(SatisfactionByOffice.SATISFACTION_RATE)).isFalse();
        assertThat(row.has(SurveyReturns.RETURN_RATE)).isTrue();
    }

    @Test
    void aMartKeepingPartOfAnothersColumnsRefusesTheOnesItLeftOut() {
        Map<String, Object> values = new HashMap<>();
        values.put("area", "repair");
        MartRow row = MartRow.of(Marts.named(FeedbackMarts.MAIN_FACTORS_WITHOUT_ACTION), List.of(values)).get(0);

        assertThat(row.text(ComplaintPareto.AREA)).isEqualTo("repair");
        assertThatThrownBy(() -> row.isTrue(ComplaintPareto.HAS_ACTION))
                .hasMessageContaining("main_factors_without_action").hasMessageContaining("has_action");
    }

    @Test
    void aRowOfUnknownMartChecksOnlyThatTheColumnIsThere() {
        MartRow row = MartRow.of(List.of(returns())).get(0);

        assertThat(row.number(SurveyReturns.RETURN_RATE)).isEqualTo(0.7);
        assertThatThrownBy(() -> row.number(SatisfactionByOffice.SATISFACTION_RATE))
                .hasMessageContaining("no column satisfaction_rate");
    }

    @Test
    void aSourceGivesRowsThatKnowTheirMart() {
        FixedPacketSource source = new FixedPacketSource();
        source.mart(SurveyMarts.SURVEY_RETURNS, returns());

        assertThat(source.rowsOfYear(SurveyMarts.SURVEY_RETURNS, 2025)).singleElement()
                .satisfies(row -> assertThat(row.mart().name()).isEqualTo(SurveyMarts.SURVEY_RETURNS));
        source.eachOfYear(SurveyMarts.SURVEY_RETURNS, 2025, SurveyMarts.SurveyReturns.COLUMNS.columns(),
                row -> assertThatThrownBy(
                () -> row.get(SatisfactionByOffice.SATISFACTION_RATE)).hasMessageContaining("survey_returns"));
    }
}
