package com.propertyquality.review.contract;

import static com.propertyquality.review.contract.ColumnSpec.officeReference;
import static com.propertyquality.review.contract.ColumnSpec.optional;
import static com.propertyquality.review.contract.ColumnSpec.optionalCode;
import static com.propertyquality.review.contract.ColumnSpec.required;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.propertyquality.review.metrics.Rating;
import com.propertyquality.review.metrics.SurveyItem;

/**
 * The input contract of data/README.md and IMPORT-TEMPLATES.md, one definition per template. A new template
 * or column is a few lines here; the load, the lake schema and the docs follow from it.
 */
public final class ImportTemplates {

    public static final CodeList PROPERTY_TYPES = CodeList.of("property_type",
            "residential", "住宅", "commercial", "商业", "mixed", "综合");

    public static final CodeList RATINGS = ratings();

    public static final Template OFFICES = new Template("offices", "offices", "管理处名录", List.of(
            required("office_id", "管理处编号", ValueType.TEXT),
            required("office_name", "管理处名称", ValueType.TEXT),
            optional("city", "城市", ValueType.TEXT),
            optionalCode("property_type", "物业类型", PROPERTY_TYPES),
            optional("households", "管理户数", ValueType.INTEGER).between(0L, null)),
            List.of("office_id"), List.of("office_id"));

    public static final Template SURVEY_DISTRIBUTION = new Template("survey-distribution", "survey_distribution",
            "调查表发放记录", List.of(
            officeReference(),
            required("year", "年度", ValueType.YEAR),
            required("forms_distributed", "发放份数", ValueType.INTEGER).between(1L, null)),
            List.of("office_id", "year"), List.of("year", "office_id"));

    public static final Template SURVEY_RESPONSES = new Template("survey-responses", "survey_responses",
            "顾客意见调查表", surveyResponseColumns(), List.of("response_id"), List.of("year", "office_id"));

    /** Offices first: the other templates check their office_id against it. */
    private static final List<Template> ALL = List.of(OFFICES, SURVEY_DISTRIBUTION, SURVEY_RESPONSES);

    private ImportTemplates() {
    }

    public static List<Template> all() {
        return ALL;
    }

    /** The template a file belongs to by the start of its name; the longest matching prefix wins. */
    public static Optional<Template> forFileName(String fileName) {
        return ALL.stream()
                .filter(template -> template.matchesFileName(fileName))
                .max(Comparator.comparingInt(template -> template.name().length()));
    }

    public static Template byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown template: " + name));
    }

    private static CodeList ratings() {
        List<String> pairs = new ArrayList<>();
        for (Rating rating : Rating.values()) {
            pairs.add(rating.code());
            pairs.add(rating.chinese());
        }
        return CodeList.of("rating", pairs.toArray(String[]::new));
    }

    private static List<ColumnSpec> surveyResponseColumns() {
        List<ColumnSpec> columns = new ArrayList<>(List.of(
                required("response_id", "问卷编号", ValueType.TEXT),
                officeReference(),
                required("year", "年度", ValueType.YEAR),
                optional("household_id", "住户编号", ValueType.TEXT),
                required("returned_on", "回收日期", ValueType.DATE)));
        // blank = not rated; a missing item column (an estate without lifts) leaves every rating blank
        for (SurveyItem item : SurveyItem.values()) {
            columns.add(optionalCode(item.code(), item.chinese(), RATINGS));
        }
        columns.add(optional("comment", "意见建议", ValueType.TEXT));
        return columns;
    }
}
