package com.propertyquality.review.ingest;

import com.propertyquality.review.contract.Violation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;

class RowRulesTest {

    private LoadScope scope;
    private RowRules responses;
    private RowRules distribution;
    private RowRules offices;
    private int line;

    @BeforeEach
    void setUp() {
        scope = new LoadScope();
        scope.addKnownOffices(List.of("SZ01", "SZ02", "华侨城"));
        responses = new RowRules(ImportTemplates.SURVEY_RESPONSES, scope);
        distribution = new RowRules(ImportTemplates.SURVEY_DISTRIBUTION, scope);
        offices = new RowRules(ImportTemplates.OFFICES, scope);
        line = 1;
    }

    /** A source row with the given cells put in the template's column order; other columns blank (null). */
    private SourceRow row(Template template, String... nameValue) {
        String[] cells = new String[template.columns().size()];
        for (int i = 0; i < nameValue.length; i += 2) {
            cells[template.indexOf(nameValue[i])] = nameValue[i + 1];
        }
        return new SourceRow(template.name() + ".csv", null, ++line, cells, null);
    }

    /** A valid survey form of office SZ01 for 2025, with cells overridden by name. */
    private SourceRow response(String... overrides) {
        Map<String, String> cells = new HashMap<>(Map.of(
                "response_id", "R1", "office_id", "SZ01", "year", "2025", "returned_on", "2025-06-03",
                "environment", "满意"));
        for (int i = 0; i < overrides.length; i += 2) {
            cells.put(overrides[i], overrides[i + 1]);
        }
        String[] flat = cells.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
        return row(ImportTemplates.SURVEY_RESPONSES, flat);
    }

    private SourceRow distributionRow(String office, String year, String forms) {
        return row(ImportTemplates.SURVEY_DISTRIBUTION, "office_id", office, "year", year, "forms_distributed", forms);
    }

    private static Violation onlyViolation(CheckedRow checked) {
        assertThat(checked.stored()).isFalse();
        assertThat(checked.values()).isNull();
        assertThat(checked.violations()).hasSize(1);
        return checked.violations().get(0);
    }

    @Test
    void validSurveyFormGivesTypedValuesInTemplateOrder() {
        SourceRow source = row(ImportTemplates.SURVEY_RESPONSES,
                "response_id", "R1", "office_id", "SZ01", "year", "2025", "household_id", "H-0101",
                "returned_on", "2025/6/3",
                "environment", "很满意", "greening", "满意", "maintenance", "较满意", "water_power", "不满意",
                "security", "很不满意", "reception", "Satisfied", "complaint_handling", "VERY_SATISFIED",
                "follow_up", "fairly_satisfied", "comment", "电梯经常停运");

        CheckedRow checked = responses.check(source);

        assertThat(checked.stored()).isTrue();
        assertThat(checked.violations()).isEmpty();
        assertThat(checked.source()).isSameAs(source);
        assertThat(checked.values()).containsExactly(
                "R1", "SZ01", 2025, "H-0101", LocalDate.of(2025, 6, 3),
                "very_satisfied", "satisfied", "fairly_satisfied", "dissatisfied",
                null, // lift left blank: not rated
                "very_dissatisfied", "satisfied", "very_satisfied", "fairly_satisfied",
                "电梯经常停运");
        assertThat(checked.values()[2]).isInstanceOf(Integer.class);
    }

    @Test
    void validDistributionRowGivesIntegers() {
        CheckedRow checked = distribution.check(distributionRow("SZ01", "2025", "50"));

        assertThat(checked.stored()).isTrue();
        assertThat(checked.values()).containsExactly("SZ01", 2025, 50);
    }

    @Test
    void validOfficeRowResolvesChineseAndEnglishCodes() {
        CheckedRow chinese = offices.check(row(ImportTemplates.OFFICES,
                "office_id", "SZ01", "office_name", "华侨城管理处", "property_type", "住宅", "households", "1200"));
        CheckedRow english = offices.check(row(ImportTemplates.OFFICES,
                "office_id", "SZ02", "office_name", "科技园管理处", "city", "深圳", "property_type", "Commercial",
                "households", "0"));

        assertThat(chinese.values()).containsExactly("SZ01", "华侨城管理处", null, "residential", 1200);
        assertThat(english.values()).containsExactly("SZ02", "科技园管理处", "深圳", "commercial", 0);
    }

    @Test
    void blankRequiredValueIsRejected() {
        Violation violation = onlyViolation(responses.check(response("response_id", null)));

        assertThat(violation.column()).isEqualTo("response_id");
        assertThat(violation.value()).isNull();
        assertThat(violation.reason()).isEqualTo("required value is missing");
    }

    @Test
    void officeNotInTheRegisterIsRejected() {
        Violation violation = onlyViolation(responses.check(response("office_id", "SZ99")));

        assertThat(violation.column()).isEqualTo("office_id");
        assertThat(violation.value()).isEqualTo("SZ99");
        assertThat(violation.reason()).contains("unknown office");
    }

    @Test
    void officeIdsAreMatchedExactly() {
        Violation violation = onlyViolation(distribution.check(distributionRow("sz01", "2025", "50")));

        assertThat(violation.column()).isEqualTo("office_id");
        assertThat(violation.value()).isEqualTo("sz01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"一般", "good", "满 意", "very satisfied"})
    void ratingOutsideTheScaleIsRejected(String rating) {
        Violation violation = onlyViolation(responses.check(response("greening", rating)));

        assertThat(violation.column()).isEqualTo("greening");
        assertThat(violation.value()).isEqualTo(rating);
        assertThat(violation.reason()).startsWith("not an allowed value").contains("very_satisfied 很满意");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-06-31", "2025-6-3", "2025.06.03", "June 3"})
    void invalidDateIsRejected(String date) {
        Violation violation = onlyViolation(responses.check(response("returned_on", date)));

        assertThat(violation.column()).isEqualTo("returned_on");
        assertThat(violation.value()).isEqualTo(date);
        assertThat(violation.reason()).startsWith("not a valid date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"25", "20255", "+202", "２０２５", "abcd"})
    void yearMustHaveFourDigits(String year) {
        Violation violation = onlyViolation(responses.check(response("year", year)));

        assertThat(violation.column()).isEqualTo("year");
        assertThat(violation.value()).isEqualTo(year);
        assertThat(violation.reason()).isEqualTo("not a four-digit year");
    }

    @ParameterizedTest
    @CsvSource({"0, out of range: must be at least 1", "-5, out of range: must be at least 1",
            "abc, not a whole number", "4.0, not a whole number", "3000000000, not a whole number"})
    void formsDistributedMustBeAPositiveWholeNumber(String forms, String reason) {
        Violation violation = onlyViolation(distribution.check(distributionRow("SZ01", "2025", forms)));

        assertThat(violation.column()).isEqualTo("forms_distributed");
        assertThat(violation.value()).isEqualTo(forms);
        assertThat(violation.reason()).isEqualTo(reason);
    }

    @Test
    void negativeHouseholdsAreRejected() {
        Violation violation = onlyViolation(offices.check(row(ImportTemplates.OFFICES,
                "office_id", "SZ01", "office_name", "华侨城管理处", "households", "-1")));

        assertThat(violation.column()).isEqualTo("households");
        assertThat(violation.value()).isEqualTo("-1");
        assertThat(violation.reason()).isEqualTo("out of range: must be at least 0");
    }

    @Test
    void unknownPropertyTypeIsRejected() {
        Violation violation = onlyViolation(offices.check(row(ImportTemplates.OFFICES,
                "office_id", "SZ01", "office_name", "华侨城管理处", "property_type", "villa")));

        assertThat(violation.column()).isEqualTo("property_type");
        assertThat(violation.value()).isEqualTo("villa");
        assertThat(violation.reason()).contains("residential 住宅, commercial 商业, mixed 综合");
    }

    @Test
    void everyProblemOfARowIsReported() {
        CheckedRow checked = responses.check(response(
                "response_id", null, "office_id", "XX", "year", "25", "returned_on", "2025-02-29",
                "environment", "一般", "follow_up", "ok"));

        assertThat(checked.stored()).isFalse();
        assertThat(checked.values()).isNull();
        assertThat(checked.violations()).extracting(Violation::column)
                .containsExactly("response_id", "office_id", "year", "returned_on", "environment", "follow_up");
    }

    @Test
    void secondRowWithTheSameKeyIsADuplicate() {
        CheckedRow first = responses.check(response("response_id", "R1"));
        CheckedRow second = responses.check(response("response_id", "R1", "environment", "不满意"));

        assertThat(first.stored()).isTrue();
        assertThat(first.values()[5]).isEqualTo("satisfied");
        Violation violation = onlyViolation(second);
        assertThat(violation.column()).isEqualTo("response_id");
        assertThat(violation.value()).isEqualTo("R1");
        assertThat(violation.reason()).startsWith("duplicate key");
    }

    @Test
    void distributionKeyIsOfficeAndYear() {
        CheckedRow year2024 = distribution.check(distributionRow("SZ01", "2024", "40"));
        CheckedRow year2025 = distribution.check(distributionRow("SZ01", "2025", "50"));
        CheckedRow otherOffice = distribution.check(distributionRow("SZ02", "2025", "60"));
        CheckedRow again = distribution.check(distributionRow("SZ01", "2025", "55"));

        assertThat(year2024.stored()).isTrue();
        assertThat(year2025.stored()).isTrue();
        assertThat(otherOffice.stored()).isTrue();
        Violation violation = onlyViolation(again);
        assertThat(violation.column()).isEqualTo("office_id+year");
        assertThat(violation.value()).isEqualTo("SZ01|2025");
        assertThat(violation.reason()).startsWith("duplicate key");
    }

    @Test
    void keysOfDifferentTemplatesDoNotCollide() {
        CheckedRow office = offices.check(row(ImportTemplates.OFFICES, "office_id", "SZ01", "office_name", "华侨城"));
        CheckedRow form = responses.check(response("response_id", "SZ01"));

        assertThat(office.stored()).isTrue();
        assertThat(form.stored()).isTrue();
    }

    @Test
    void rowWithAStructureErrorIsRejectedWithThatReasonAndNoValues() {
        String[] cells = response().cells();
        SourceRow broken = new SourceRow("survey-responses.csv", null, 7, cells,
                "the row has 3 fields where the header has 15");

        CheckedRow checked = responses.check(broken);

        assertThat(checked.stored()).isFalse();
        assertThat(checked.values()).isNull();
        assertThat(checked.violations()).containsExactly(
                new Violation(null, null, "the row has 3 fields where the header has 15"));
    }

    @Test
    void rejectedRowDoesNotClaimItsKey() {
        CheckedRow rejected = responses.check(response("response_id", "R7", "returned_on", "2025-06-31"));
        CheckedRow corrected = responses.check(response("response_id", "R7", "returned_on", "2025-06-30"));

        assertThat(rejected.stored()).isFalse();
        assertThat(corrected.stored()).isTrue();
        assertThat(corrected.values()[4]).isEqualTo(LocalDate.of(2025, 6, 30));
    }

    @Test
    void rowWithAStructureErrorDoesNotClaimItsKey() {
        SourceRow broken = new SourceRow("survey-responses.csv", null, 7, response("response_id", "R8").cells(),
                "the row has values beyond the last header column (16 fields, header 15)");

        CheckedRow rejected = responses.check(broken);
        CheckedRow valid = responses.check(response("response_id", "R8"));

        assertThat(rejected.stored()).isFalse();
        assertThat(valid.stored()).isTrue();
    }

    @Test
    void distributionRowRejectedForItsCountDoesNotClaimOfficeAndYear() {
        CheckedRow rejected = distribution.check(distributionRow("SZ01", "2025", "0"));
        CheckedRow valid = distribution.check(distributionRow("SZ01", "2025", "50"));

        assertThat(rejected.stored()).isFalse();
        assertThat(valid.stored()).isTrue();
        assertThat(valid.values()).containsExactly("SZ01", 2025, 50);
    }
}
