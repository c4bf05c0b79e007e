package com.propertyquality.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.contract.Violation;

/**
 * The contract's rules (IMPORT-TEMPLATES.md) for the templates beyond the survey: households, feedback, return
 * visits, purchases, inspections and actions. One valid row per template with its typed values, then one test per
 * rule with the column and reason the clerk is shown. No files: rows go straight through {@link RowRules}.
 */
class TemplateRulesTest {

    private LoadScope scope;
    private int line;

    @BeforeEach
    void setUp() {
        scope = new LoadScope();
        scope.addKnownOffices(List.of("A01", "B02"));
        scope.addKnownHouseholds(List.of("H1"));
        line = 1;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** A valid row of the template (see {@link #valid}) with cells overridden by name; null blanks a cell. */
    private CheckedRow check(Template template, String... overrides) {
        return new RowRules(template, scope).check(row(template, overrides));
    }

    private SourceRow row(Template template, String... overrides) {
        Map<String, String> cells = new LinkedHashMap<>(valid(template));
        for (int i = 0; i < overrides.length; i += 2) {
            cells.put(overrides[i], overrides[i + 1]);
        }
        String[] flat = new String[template.columns().size()];
        cells.forEach((column, value) -> flat[template.indexOf(column)] = value);
        return new SourceRow(template.name() + ".csv", null, ++line, flat, null);
    }

    /** A row of each template that passes every rule, its codes written in Chinese. */
    private static Map<String, String> valid(Template template) {
        Map<String, String> cells = new LinkedHashMap<>();
        switch (template.name()) {
            case "households" -> {
                cells.put("household_id", "H1");
                cells.put("office_id", "A01");
                cells.put("category", "业委会成员");
                cells.put("head_age", "45");
                cells.put("occupation", "教师");
                cells.put("hobbies", "书法；摄影;钓鱼");
                cells.put("family_size", "3");
                cells.put("children", "1");
                cells.put("elderly", "0");
                cells.put("moved_in_on", "2019/3/1");
                cells.put("fee_months_billed", "12");
                cells.put("fee_months_on_time", "11");
                cells.put("name", "张伟明");
                cells.put("phone", "13811112222");
            }
            case "feedback" -> {
                cells.put("record_id", "F1");
                cells.put("office_id", "A01");
                cells.put("received_on", "2025-03-02");
                cells.put("household_id", "H1");
                cells.put("channel", "来电");
                cells.put("kind", "投诉");
                cells.put("area", "电梯");
                cells.put("severity", null);
                cells.put("original_kept", "是");
                cells.put("status", "已关闭");
                cells.put("closed_on", "2025年3月5日");
                cells.put("action_id", "CA1");
                cells.put("summary", "电梯停运两小时");
            }
            case "return-visits" -> {
                cells.put("visit_id", "V1");
                cells.put("office_id", "A01");
                cells.put("visited_on", "2025-04-01");
                cells.put("household_id", "H1");
                cells.put("purpose", "调查核实");
                cells.put("ref_id", "R1");
                cells.put("result", "属实");
                cells.put("note", "住户确认");
            }
            case "purchases" -> {
                cells.put("purchase_id", "P1");
                cells.put("household_id", "H1");
                cells.put("office_id", "A01");
                cells.put("purchased_on", "2025-05-01");
                cells.put("category", "家政");
                cells.put("amount", "12.50");
            }
            case "inspections" -> {
                cells.put("inspection_id", "I1");
                cells.put("office_id", "A01");
                cells.put("inspected_on", "2025-06-10");
                cells.put("level", "神秘顾客");
                cells.put("score", "87.5");
                cells.put("nonconformities", "2");
                cells.put("note", "前台无人");
            }
            case "actions" -> {
                cells.put("action_id", "CA1");
                cells.put("office_id", "A01");
                cells.put("opened_on", "2025-03-05");
                cells.put("source", "顾客反馈");
                cells.put("area", "维修保养");
                cells.put("type", "纠正");
                cells.put("owner_department", "工程部");
                cells.put("due_on", "2025-04-05");
                cells.put("closed_on", null);
                cells.put("verification", null);
                cells.put("verified_on", null);
                cells.put("description", "更换电梯主板");
            }
            default -> throw new IllegalArgumentException(template.name());
        }
        return cells;
    }

    private static Object value(Template template, CheckedRow checked, String column) {
        return checked.values()[template.indexOf(column)];
    }

    private static void assertStored(CheckedRow checked) {
        assertThat(checked.violations()).as("violations").isEmpty();
        assertThat(checked.stored()).isTrue();
        assertThat(checked.values()).isNotNull();
    }

    private static Violation onlyViolation(CheckedRow checked) {
        assertThat(checked.stored()).isFalse();
        assertThat(checked.values()).isNull();
        assertThat(checked.warnings()).isEmpty();
        assertThat(checked.violations()).hasSize(1);
        return checked.violations().get(0);
    }

    private static void assertViolation(CheckedRow checked, String column, String value, String reason) {
        Violation violation = onlyViolation(checked);
        assertThat(violation.column()).isEqualTo(column);
        assertThat(violation.value()).isEqualTo(value);
        assertThat(violation.reason()).isEqualTo(reason);
    }

    private static void assertNotAllowed(CheckedRow checked, String column, String value, String describedCode) {
        Violation violation = onlyViolation(checked);
        assertThat(violation.column()).isEqualTo(column);
        assertThat(violation.value()).isEqualTo(value);
        assertThat(violation.reason()).startsWith("not an allowed value; allowed: ").contains(describedCode);
    }

    // ----------------------------------------------------------------------------------------- households

    @Nested
    class Households {

        private final Template households = ImportTemplates.HOUSEHOLDS;

        @Test
        void validRowStoresTypedValuesWithCategoryAsItsLetter() {
            CheckedRow checked = check(households);

            assertStored(checked);
            assertThat(checked.values()).containsExactly(
                    "H1", "A01", "A", 45, "教师", "书法；摄影;钓鱼", 3, 1, 0, LocalDate.of(2019, 3, 1), 12, 11,
                    "张伟明", "13811112222");
            assertThat(value(households, checked, "head_age")).isInstanceOf(Integer.class);
            // the household register's own id is no reference to a household: no warning for a new one
            assertThat(check(households, "household_id", "H2").warnings()).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"A, A", "b, B", "普通白领, H", "其它, I", "教师、律师, F"})
        void categoryIsALetterAOrItsChineseName(String cell, String code) {
            CheckedRow checked = check(households, "category", cell);

            assertStored(checked);
            assertThat(value(households, checked, "category")).isEqualTo(code);
        }

        @Test
        void optionalColumnsMayBeBlank() {
            CheckedRow checked = check(households, "head_age", null, "occupation", null, "hobbies", null,
                    "family_size", null, "children", null, "elderly", null, "moved_in_on", null,
                    "fee_months_billed", null, "fee_months_on_time", null, "name", null, "phone", null);

            assertStored(checked);
            assertThat(checked.values()).containsExactly("H1", "A01", "A", null, null, null, null, null, null, null,
                    null, null, null, null);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Z", "J", "业主"})
        void unknownCategoryIsRejected(String category) {
            assertNotAllowed(check(households, "category", category), "category", category, "A 业委会成员");
        }

        @ParameterizedTest
        @ValueSource(strings = {"15", "121", "0", "-40"})
        void headAgeOutside16To120IsRejected(String age) {
            assertViolation(check(households, "head_age", age), "head_age", age,
                    "out of range: must be between 16 and 120");
        }

        @ParameterizedTest
        @ValueSource(strings = {"16", "120"})
        void headAgeBoundsAreAllowed(String age) {
            assertStored(check(households, "head_age", age));
        }

        @Test
        void feeMonthsBilledAboveTwelveIsRejected() {
            assertViolation(check(households, "fee_months_billed", "13", "fee_months_on_time", "12"),
                    "fee_months_billed", "13", "out of range: must be between 0 and 12");
        }

        @Test
        void feeMonthsOnTimeAboveBilledIsRejected() {
            assertViolation(check(households, "fee_months_billed", "6", "fee_months_on_time", "7"),
                    "fee_months_on_time", "7", "fee_months_on_time is above fee_months_billed (6)");
        }

        @Test
        void feeMonthsOnTimeEqualToBilledIsStored() {
            CheckedRow checked = check(households, "fee_months_billed", "6", "fee_months_on_time", "6");

            assertStored(checked);
            assertThat(value(households, checked, "fee_months_on_time")).isEqualTo(6);
        }

        @Test
        void feeMonthsOnTimeWithoutBilledIsRejectedOnTheBilledColumn() {
            assertViolation(check(households, "fee_months_billed", null, "fee_months_on_time", "5"),
                    "fee_months_billed", null, "required when fee_months_on_time is given");
        }

        @ParameterizedTest
        @CsvSource({"family_size, -1", "children, -1", "elderly, -2"})
        void negativeFamilyCountsAreRejected(String column, String count) {
            assertViolation(check(households, column, count), column, count, "out of range: must be at least 0");
        }

        @Test
        void unknownOfficeIsRejected() {
            assertViolation(check(households, "office_id", "Z99"), "office_id", "Z99",
                    "unknown office: not in the offices register");
        }
    }

    // ------------------------------------------------------------------------------------------- feedback

    @Nested
    class Feedback {

        private final Template feedback = ImportTemplates.FEEDBACK;

        @Test
        void validRowStoresEnglishCodesFromChineseAndSeverityDefaultsToNormal() {
            CheckedRow checked = check(feedback);

            assertStored(checked);
            assertThat(checked.warnings()).isEmpty();
            assertThat(checked.values()).containsExactly(
                    "F1", "A01", LocalDate.of(2025, 3, 2), "H1", "phone", "complaint", "lift", "normal", true,
                    "closed", LocalDate.of(2025, 3, 5), "CA1", "电梯停运两小时");
        }

        @Test
        void englishCodesAreAcceptedInAnyCase() {
            CheckedRow checked = check(feedback, "channel", "Home_Visit", "kind", "SERVICE_REQUEST",
                    "area", "water_power", "severity", "Major", "original_kept", "no", "status", "open",
                    "closed_on", null);

            assertStored(checked);
            assertThat(value(feedback, checked, "channel")).isEqualTo("home_visit");
            assertThat(value(feedback, checked, "kind")).isEqualTo("service_request");
            assertThat(value(feedback, checked, "area")).isEqualTo("water_power");
            assertThat(value(feedback, checked, "severity")).isEqualTo("major");
            assertThat(value(feedback, checked, "original_kept")).isEqualTo(false);
            assertThat(value(feedback, checked, "status")).isEqualTo("open");
        }

        @Test
        void chineseSeverityMajorIsStoredAsMajor() {
            assertThat(value(feedback, check(feedback, "severity", "重大"), "severity")).isEqualTo("major");
            assertThat(value(feedback, check(feedback, "record_id", "F2", "severity", "一般"), "severity"))
                    .isEqualTo("normal");
        }

        @Test
        void closedWithoutClosedOnIsRejected() {
            assertViolation(check(feedback, "closed_on", null), "closed_on", null,
                    "required when status is closed");
        }

        @Test
        void openWithoutClosedOnIsStored() {
            CheckedRow checked = check(feedback, "status", "处理中", "closed_on", null);

            assertStored(checked);
            assertThat(value(feedback, checked, "closed_on")).isNull();
        }

        @Test
        void closedOnBeforeReceivedOnIsRejected() {
            assertViolation(check(feedback, "closed_on", "2025-03-01"), "closed_on", "2025-03-01",
                    "closed_on is before received_on (2025-03-02)");
        }

        @Test
        void closedOnTheDayItWasReceivedIsStored() {
            assertStored(check(feedback, "closed_on", "2025/3/2"));
        }

        @ParameterizedTest
        @CsvSource({
                "channel, email, hotline 投诉电话",
                "channel, 微信, symposium 座谈会",
                "kind, suggestion, praise 表扬",
                "kind, 建议, service_request 服务需求",
                "area, garden, complaint_handling 投诉处理",
                "area, 电梯运行, lift 电梯",
                "original_kept, 有, yes 是",
                "status, done, closed 已关闭"})
        void unknownCodeIsRejected(String column, String cell, String describedCode) {
            assertNotAllowed(check(feedback, column, cell), column, cell, describedCode);
        }

        @Test
        void severityOutsideNormalAndMajorIsRejected() {
            assertNotAllowed(check(feedback, "severity", "严重"), "severity", "严重", "normal 一般, major 重大");
        }

        @ParameterizedTest
        @ValueSource(strings = {"record_id", "office_id", "received_on", "channel", "kind", "area", "status"})
        void requiredColumnMissingIsRejected(String column) {
            Violation violation = check(feedback, column, null).violations().get(0);

            assertThat(violation.column()).isEqualTo(column);
            assertThat(violation.reason()).isEqualTo("required value is missing");
        }

        @Test
        void unknownOfficeIsRejected() {
            assertViolation(check(feedback, "office_id", "Z99"), "office_id", "Z99",
                    "unknown office: not in the offices register");
        }
    }

    // -------------------------------------------------------------------------------------- return visits

    @Nested
    class ReturnVisits {

        private final Template visits = ImportTemplates.RETURN_VISITS;

        @Test
        void validRowStoresEnglishCodesFromChinese() {
            CheckedRow checked = check(visits);

            assertStored(checked);
            assertThat(checked.values()).containsExactly(
                    "V1", "A01", LocalDate.of(2025, 4, 1), "H1", "survey_check", "R1", "confirmed", "住户确认");
        }

        @ParameterizedTest
        @CsvSource({
                "survey_check, confirmed", "survey_check, 不属实", "survey_check, unreachable",
                "paid_service, 满意", "paid_service, dissatisfied", "paid_service, 未联系上",
                "投诉回访, satisfied", "complaint, 不满意", "complaint, unreachable"})
        void resultAllowedForThePurposeIsStored(String purpose, String result) {
            assertStored(check(visits, "purpose", purpose, "result", result));
        }

        @Test
        void satisfiedIsNoResultOfASurveyCheck() {
            assertViolation(check(visits, "purpose", "survey_check", "result", "satisfied"), "result", "satisfied",
                    "not a result of a survey_check purpose; allowed: confirmed, not_confirmed, unreachable");
        }

        @Test
        void confirmedIsNoResultOfAPaidService() {
            assertViolation(check(visits, "purpose", "paid_service", "result", "confirmed"), "result", "confirmed",
                    "not a result of a paid_service purpose; allowed: dissatisfied, satisfied, unreachable");
        }

        @Test
        void chineseResultNotAllowedForAComplaintVisitIsRejected() {
            Violation violation = onlyViolation(check(visits, "purpose", "投诉回访", "result", "不属实"));

            assertThat(violation.column()).isEqualTo("result");
            assertThat(violation.reason()).startsWith("not a result of a complaint purpose");
        }

        @ParameterizedTest
        @ValueSource(strings = {"回访", "follow_up", "survey"})
        void unknownPurposeIsRejected(String purpose) {
            assertNotAllowed(check(visits, "purpose", purpose), "purpose", purpose, "paid_service 有偿服务");
        }

        @Test
        void unknownResultIsRejected() {
            assertNotAllowed(check(visits, "result", "ok"), "result", "ok", "not_confirmed 不属实");
        }
    }

    // ------------------------------------------------------------------------------------------ purchases

    @Nested
    class Purchases {

        private final Template purchases = ImportTemplates.PURCHASES;

        @Test
        void validRowStoresTheAmountAsADecimalWithTwoPlaces() {
            CheckedRow checked = check(purchases);

            assertStored(checked);
            assertThat(checked.values()).containsExactly(
                    "P1", "H1", "A01", LocalDate.of(2025, 5, 1), "家政", new BigDecimal("12.50"));
            assertThat(value(purchases, checked, "amount")).isInstanceOf(BigDecimal.class)
                    .isEqualTo(new BigDecimal("12.50"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.00", "300", "8.8", "9999999999.99"})
        void nonNegativeAmountsWithAtMostTwoDecimalsAreStored(String amount) {
            CheckedRow checked = check(purchases, "amount", amount);

            assertStored(checked);
            assertThat((BigDecimal) value(purchases, checked, "amount")).isEqualByComparingTo(amount);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1.00", "-0.01"})
        void negativeAmountIsRejected(String amount) {
            assertViolation(check(purchases, "amount", amount), "amount", amount, "out of range: must be at least 0");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.234", "12,50", "1e2", "¥12", "abc"})
        void amountThatIsNotYuanAndFenIsRejected(String amount) {
            assertViolation(check(purchases, "amount", amount), "amount", amount,
                    "not an amount in yuan with at most two decimals");
        }

        /**
         * The lake stores amounts as DECIMAL(12,2) (LakeSchemas.MONEY_PRECISION): ten digits before the point at
         * most. A larger amount passes the row check and is written with an unscaled value that does not fit the
         * declared precision, which Spark then reads as a different number or fails on.
         */
        @ParameterizedTest
        @ValueSource(strings = {"10000000000.00", "123456789012.5"})
        void amountTooLargeForTheLakeDecimalIsRejected(String amount) {
            Violation violation = onlyViolation(check(purchases, "amount", amount));

            assertThat(violation.column()).isEqualTo("amount");
            assertThat(violation.value()).isEqualTo(amount);
        }

        @Test
        void missingHouseholdIsRejectedHereWhereItIsRequired() {
            assertViolation(check(purchases, "household_id", null), "household_id", null, "required value is missing");
        }

        @ParameterizedTest
        @ValueSource(strings = {"purchase_id", "office_id", "purchased_on", "category", "amount"})
        void requiredColumnMissingIsRejected(String column) {
            assertViolation(check(purchases, column, null), column, null, "required value is missing");
        }
    }

    // ---------------------------------------------------------------------------------------- inspections

    @Nested
    class Inspections {

        private final Template inspections = ImportTemplates.INSPECTIONS;

        @Test
        void validRowStoresTheScoreAsADouble() {
            CheckedRow checked = check(inspections);

            assertStored(checked);
            assertThat(checked.values()).containsExactly(
                    "I1", "A01", LocalDate.of(2025, 6, 10), "mystery_shopper", 87.5, 2, "前台无人");
            assertThat(value(inspections, checked, "score")).isInstanceOf(Double.class).isEqualTo(87.5);
        }

        @ParameterizedTest
        @CsvSource({"质量管理部月检, quality_monthly", "客服中心检查, service_center", "管理处主任月检, director_monthly",
                "客服主任日检, supervisor_daily", "外部检查, external", "External, external"})
        void levelIsStoredAsItsEnglishCode(String cell, String code) {
            assertThat(value(inspections, check(inspections, "level", cell), "level")).isEqualTo(code);
        }

        @ParameterizedTest
        @CsvSource({"0, 0.0", "100, 100.0", "99.75, 99.75"})
        void scoreBoundsAreAllowed(String score, double stored) {
            assertThat(value(inspections, check(inspections, "score", score), "score")).isEqualTo(stored);
        }

        @ParameterizedTest
        @ValueSource(strings = {"100.5", "-1", "101"})
        void scoreOutside0To100IsRejected(String score) {
            assertViolation(check(inspections, "score", score), "score", score,
                    "out of range: must be between 0 and 100");
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "87,5", "1e2", "NaN"})
        void scoreThatIsNotANumberIsRejected(String score) {
            assertViolation(check(inspections, "score", score), "score", score, "not a number");
        }

        @Test
        void unknownLevelIsRejected() {
            assertNotAllowed(check(inspections, "level", "总经理抽查"), "level", "总经理抽查", "external 外部检查");
        }

        @Test
        void negativeNonconformitiesAreRejected() {
            assertViolation(check(inspections, "nonconformities", "-1"), "nonconformities", "-1",
                    "out of range: must be at least 0");
        }

        @Test
        void blankNonconformitiesAreStoredAsNull() {
            CheckedRow checked = check(inspections, "nonconformities", null);

            assertStored(checked);
            assertThat(value(inspections, checked, "nonconformities")).isNull();
        }
    }

    // -------------------------------------------------------------------------------------------- actions

    @Nested
    class Actions {

        private final Template actions = ImportTemplates.ACTIONS;

        @Test
        void validRowStoresEnglishCodesAndVerificationDefaultsToPending() {
            CheckedRow checked = check(actions);

            assertStored(checked);
            assertThat(checked.values()).containsExactly(
                    "CA1", "A01", LocalDate.of(2025, 3, 5), "feedback", "maintenance", "corrective", "工程部",
                    LocalDate.of(2025, 4, 5), null, "pending", null, "更换电梯主板");
        }

        @Test
        void effectiveWithoutVerifiedOnIsRejected() {
            assertViolation(check(actions, "verification", "有效"), "verified_on", null,
                    "required when verification is effective");
        }

        @Test
        void notEffectiveWithoutVerifiedOnIsRejected() {
            assertViolation(check(actions, "verification", "not_effective"), "verified_on", null,
                    "required when verification is not_effective");
        }

        @Test
        void effectiveWithVerifiedOnIsStored() {
            CheckedRow checked = check(actions, "closed_on", "2025-04-01", "verification", "有效",
                    "verified_on", "2025/4/20");

            assertStored(checked);
            assertThat(value(actions, checked, "verification")).isEqualTo("effective");
            assertThat(value(actions, checked, "verified_on")).isEqualTo(LocalDate.of(2025, 4, 20));
            assertThat(value(actions, checked, "closed_on")).isEqualTo(LocalDate.of(2025, 4, 1));
        }

        @Test
        void pendingWithoutVerifiedOnIsStored() {
            CheckedRow checked = check(actions, "verification", "待验证");

            assertStored(checked);
            assertThat(value(actions, checked, "verification")).isEqualTo("pending");
            assertThat(value(actions, checked, "verified_on")).isNull();
        }

        @Test
        void blankOfficeIsTheHeadOfficeAndIsStored() {
            CheckedRow checked = check(actions, "office_id", null);

            assertStored(checked);
            assertThat(value(actions, checked, "office_id")).isNull();
        }

        @Test
        void unknownOfficeIsRejected() {
            assertViolation(check(actions, "office_id", "Z99"), "office_id", "Z99",
                    "unknown office: not in the offices register");
        }

        @Test
        void unknownSourceIsRejected() {
            assertNotAllowed(check(actions, "source", "complaint"), "source", "complaint", "review 管理评审");
        }

        @Test
        void unknownTypeIsRejected() {
            assertNotAllowed(check(actions, "type", "改进"), "type", "改进", "corrective 纠正, preventive 预防");
        }

        @Test
        void unknownVerificationIsRejected() {
            assertNotAllowed(check(actions, "verification", "已验证"), "verification", "已验证", "pending 待验证");
        }

        @ParameterizedTest
        @ValueSource(strings = {"action_id", "opened_on", "source", "area", "type", "owner_department", "due_on",
                "description"})
        void requiredColumnMissingIsRejected(String column) {
            assertViolation(check(actions, column, null), column, null, "required value is missing");
        }
    }

    // ------------------------------------------------------------------------------ household references

    @Nested
    class HouseholdReferences {

        @Test
        void feedbackFromAnUnknownHouseholdIsStoredWithOneWarning() {
            CheckedRow checked = check(ImportTemplates.FEEDBACK, "household_id", "H9");

            assertStored(checked);
            assertThat(value(ImportTemplates.FEEDBACK, checked, "household_id")).isEqualTo("H9");
            assertThat(checked.warnings()).singleElement().satisfies(warning -> {
                assertThat(warning.column()).isEqualTo("household_id");
                assertThat(warning.value()).isEqualTo("H9");
                assertThat(warning.reason()).contains("unknown household");
            });
        }

        @Test
        void feedbackFromAKnownHouseholdHasNoWarning() {
            CheckedRow checked = check(ImportTemplates.FEEDBACK, "household_id", "H1");

            assertStored(checked);
            assertThat(checked.warnings()).isEmpty();
        }

        @Test
        void feedbackWithoutAHouseholdHasNoWarning() {
            CheckedRow checked = check(ImportTemplates.FEEDBACK, "household_id", null);

            assertStored(checked);
            assertThat(checked.warnings()).isEmpty();
        }

        @Test
        void purchaseOfAnUnknownHouseholdIsStoredWithAWarning() {
            CheckedRow checked = check(ImportTemplates.PURCHASES, "household_id", "H404");

            assertStored(checked);
            assertThat(checked.warnings()).extracting(Violation::column, Violation::value)
                    .containsExactly(tuple("household_id", "H404"));
        }

        @Test
        void returnVisitToAnUnknownHouseholdIsStoredWithAWarning() {
            CheckedRow checked = check(ImportTemplates.RETURN_VISITS, "household_id", "H9");

            assertStored(checked);
            assertThat(checked.warnings()).hasSize(1);
        }

        @Test
        void aRejectedRowCarriesNoWarning() {
            CheckedRow checked = check(ImportTemplates.FEEDBACK, "household_id", "H9", "channel", "email");

            assertThat(checked.stored()).isFalse();
            assertThat(checked.warnings()).isEmpty();
        }
    }

    // ------------------------------------------------------------------- every violation of a row at once

    /**
     * RowRules promises "every violation of the row is reported, so a clerk can fix a row in one go", but the
     * rules over several columns only run when every cell parsed: a row with a wrong channel that is also closed
     * without a closing date is rejected for the channel only, and again for closed_on once the channel is fixed.
     */
    @Test
    void aRuleOverSeveralColumnsIsReportedTogetherWithTheOtherViolationsOfTheRow() {
        CheckedRow checked = check(ImportTemplates.FEEDBACK, "channel", "email", "closed_on", null);

        assertThat(checked.stored()).isFalse();
        assertThat(checked.violations()).extracting(Violation::column).containsExactly("channel", "closed_on");
    }

    @Test
    void anActionWithAnUnknownSourceAndNoVerificationDateIsRejectedForBoth() {
        CheckedRow checked = check(ImportTemplates.ACTIONS, "source", "complaint", "verification", "effective");

        assertThat(checked.stored()).isFalse();
        assertThat(checked.violations()).extracting(Violation::column).containsExactly("source", "verified_on");
    }

    /** A cell that did not parse is reported once, for what is wrong with it, not again by a rule over it. */
    @Test
    void anUnparseableClosedOnIsReportedOnceAsNotADate() {
        Violation violation = onlyViolation(check(ImportTemplates.FEEDBACK, "closed_on", "2025-02-30"));

        assertThat(violation.column()).isEqualTo("closed_on");
        assertThat(violation.reason()).startsWith("not a valid date");
    }

    // ------------------------------------------------------------------------------------ keys per template

    @ParameterizedTest
    @ValueSource(strings = {"households", "feedback", "return-visits", "purchases", "inspections", "actions"})
    void aSecondRowWithTheSameKeyIsADuplicate(String name) {
        Template template = ImportTemplates.byName(name);
        RowRules rules = new RowRules(template, scope);
        String keyColumn = template.key().get(0);
        String key = valid(template).get(keyColumn);

        CheckedRow first = rules.check(row(template));
        CheckedRow second = rules.check(row(template));

        assertStored(first);
        Violation violation = onlyViolation(second);
        assertThat(violation.column()).isEqualTo(keyColumn);
        assertThat(violation.value()).isEqualTo(key);
        assertThat(violation.reason()).startsWith("duplicate key");
    }
}
