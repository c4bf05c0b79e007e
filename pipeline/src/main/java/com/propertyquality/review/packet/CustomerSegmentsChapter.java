package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.propertyquality.review.marts.CustomerMarts.SatisfactionBySegment;
import com.propertyquality.review.marts.CustomerMarts;
import com.propertyquality.review.marts.CustomerValueMarts.CustomerNeeds;
import com.propertyquality.review.marts.CustomerValueMarts.CustomerSegments;
import com.propertyquality.review.marts.CustomerValueMarts.PurchaseNeeds;
import com.propertyquality.review.marts.CustomerValueMarts.PurchaseSeasonality;
import com.propertyquality.review.marts.CustomerValueMarts;
import com.propertyquality.review.metrics.ServiceLevel;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * 客户细分与需求: the customers by value segment and category (客户资源控制程序), their needs on the management,
 * service and business levels (物业客户需求识别管理程序), and their satisfaction by segment. Reads
 * {@code customer_segments}, {@code customer_needs}, {@code purchase_needs}, {@code purchase_seasonality} and
 * {@code satisfaction_by_segment}. Per-office figures are long tables (one row per office and group), so any number
 * of offices fits the page width.
 */
public final class CustomerSegmentsChapter {

    /** How many of each office's needs the chapter lists; the office report lists them all. */
    static final int OFFICE_NEEDS_SHOWN = 3;

    private CustomerSegmentsChapter() {}

    public static Chapter build(PacketSource source, int year, Lang lang) {
        OfficeRegister register = OfficeRegister.of(source, year);
        List<MartRow> segments = CustomerValueSnapshot.rows(source, CustomerValueMarts.CUSTOMER_SEGMENTS, year);
        List<MartRow> needs = source.rowsOfYear(CustomerValueMarts.CUSTOMER_NEEDS, year);
        return new Chapter(text(lang, "customerSegments.customer_segments_needs"),
                text(lang, "customerSegments.customer_segments"), List.of(
                        Section.numbered(text(lang, "customerSegments.value_segments_company_wide"),
                                valueIntro(segments, lang),
                                companySegments(segments, lang)),
                        Section.numbered(text(lang, "customerSegments.value_segments_office"),
                                officeSegments(segments, register, lang)),
                        Section.numbered(text(lang, "customerSegments.customer_needs_what_customers_state"),
                                needsIntro(lang),
                                levelNeeds(needs, lang),
                                companyNeeds(needs, lang),
                                officeNeeds(needs, register, lang)),
                        Section.numbered(text(lang, "customerSegments.business_needs_purchases_value_segment"),
                                purchaseNeeds(source, year, lang)),
                        Section.numbered(text(lang, "customerSegments.business_needs_when_customers_buy"),
                                seasonality(source, year, lang)),
                        Section.numbered(text(lang, "customerSegments.satisfaction_customer_segment"),
                                segmentSatisfaction(source, year, lang, false),
                                segmentSatisfaction(source, year, lang, true))));
    }

    private static Paragraphs valueIntro(List<MartRow> segments, Lang lang) {
        List<String> lines = new ArrayList<>();
        lines.add(text(lang, "customerSegments.following_customer_resource_procedure_households_grouped"));
        Integer asOfYear = CustomerValueSnapshot.year(segments);
        Integer surveyYear = CustomerValueSnapshot.surveyYear(segments);
        if (asOfYear != null) {
            lines.add(text(lang, "customerSegments.customer_value_assessed_12_months_before", asOfYear,
                    (surveyYear == null ? "—" : surveyYear)));
        }
        return new Paragraphs(lines);
    }

    private static Table companySegments(List<MartRow> segments, Lang lang) {
        List<Row> rows = segments.stream().filter(row -> row.text(CustomerSegments.OFFICE_ID) == null)
                .map(row -> Row.of(ReviewTerms.category(row.text(CustomerSegments.CATEGORY), lang),
                        ReviewTerms.valueSegment(row.text(CustomerSegments.VALUE_SEGMENT), lang),
                        row.count(CustomerSegments.HOUSEHOLDS), row.number(CustomerSegments.SHARE),
                                row.number(CustomerSegments.AVG_SPEND_12M),
                        row.number(CustomerSegments.AVG_CREDIT_RATE), row.count(CustomerSegments.FORMS),
                                row.number(CustomerSegments.SATISFACTION_RATE)))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.customer_category"), 16),
                        Column.text(text(lang, "column.value_segment"), 11),
                        Column.count(text(lang, "column.households"), 7),
                        Column.percent(text(lang, "column.share"), 8),
                        Column.decimal(text(lang, "column.average_spend_12_months_yuan"), 11),
                        Column.percent(text(lang, "column.average_time_payment"), 9),
                        Column.count(text(lang, "column.survey_forms"), 7),
                        Column.percent(text(lang, "column.satisfaction"), 8)), rows)
                .withEmptyText(text(lang, "customerSegments.no_customer_value_assessment_serves_this"))
                .withNote(text(lang, "customerSegments.share_group_s_households_out_company"));
    }

    private static Table officeSegments(List<MartRow> segments, OfficeRegister register, Lang lang) {
        List<Row> rows = segments.stream().filter(row -> row.text(CustomerSegments.OFFICE_ID) != null)
                .map(row -> Row.of(register.nameOf(row),
                        ReviewTerms.category(row.text(CustomerSegments.CATEGORY), lang),
                        ReviewTerms.valueSegment(row.text(CustomerSegments.VALUE_SEGMENT), lang),
                        row.count(CustomerSegments.HOUSEHOLDS), row.number(CustomerSegments.SHARE),
                                row.number(CustomerSegments.AVG_SPEND_12M),
                        row.number(CustomerSegments.AVG_CREDIT_RATE), row.number(CustomerSegments.SATISFACTION_RATE)))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.office"), 16),
                        Column.text(text(lang, "column.customer_category"), 14),
                        Column.text(text(lang, "column.value_segment"), 10),
                        Column.count(text(lang, "column.households"), 6),
                        Column.percent(text(lang, "column.share_office"), 8),
                        Column.decimal(text(lang, "column.average_spend_12_months_yuan"), 10),
                        Column.percent(text(lang, "column.average_time_payment"), 9),
                        Column.percent(text(lang, "column.satisfaction"), 8)), rows)
                .withEmptyText(text(lang, "customerSegments.no_customer_value_figures_office"));
    }

    private static Paragraphs needsIntro(Lang lang) {
        return Paragraphs.of(text(lang, "customerSegments.customer_needs_read_three_levels_management"));
    }

    /** The company's needs summed per level (管理, 服务, 经营), in the catalogue's order of levels. */
    private static Table levelNeeds(List<MartRow> needs, Lang lang) {
        Map<ServiceLevel, long[]> byLevel = new EnumMap<>(ServiceLevel.class);
        needs.stream().filter(row -> row.text(CustomerNeeds.OFFICE_ID) == null).forEach(row -> {
            long[] sums = byLevel.computeIfAbsent(ServiceLevel.ofCode(row.text(CustomerNeeds.LEVEL)),
                    level -> new long[5]);
            String[] counts = {"complaints", "service_requests", "opinions", "dissatisfied", "needs"};
            for (int i = 0; i < counts.length; i++) {
                Long count = row.count(counts[i]);
                sums[i] += count == null ? 0 : count;
            }
        });
        List<Row> rows = byLevel.entrySet().stream()
                .map(level -> Row.of(ReviewTerms.level(level.getKey().code(), lang), level.getValue()[0],
                        level.getValue()[1], level.getValue()[2], level.getValue()[3], level.getValue()[4]))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.level"), 10),
                        Column.count(text(lang, "column.complaints"), 8),
                        Column.count(text(lang, "column.service_requests"), 8),
                        Column.count(text(lang, "column.opinions"), 8),
                        Column.count(text(lang, "column.dissatisfied_answers"), 9),
                        Column.count(text(lang, "column.total"), 8)), rows)
                .withCaption(text(lang, "customerSegments.company_wide_needs_per_level"))
                .withEmptyText(text(lang, "customerSegments.no_complaints_service_requests_or_opinions"));
    }

    private static Table companyNeeds(List<MartRow> needs, Lang lang) {
        return SegmentTables.needs(needs.stream().filter(row -> row.text(CustomerNeeds.OFFICE_ID) == null).toList(),
                null,
                        lang)
                .withCaption(text(lang, "customerSegments.company_wide"))
                .withEmptyText(text(lang, "customerSegments.no_complaints_service_requests_or_opinions"))
                .withNote(text(lang, "customerSegments.total_complaints_service_requests_opinions_dissatisfied"));
    }

    private static Table officeNeeds(List<MartRow> needs, OfficeRegister register, Lang lang) {
        List<MartRow> rows = needs.stream()
                .filter(row -> row.text(CustomerNeeds.OFFICE_ID) != null && row.count(CustomerNeeds.RANK) != null
                        && row.count(CustomerNeeds.RANK) <= OFFICE_NEEDS_SHOWN)
                .toList();
        return SegmentTables.needs(rows, register, lang)
                .withCaption(text(lang, "customerSegments.each_office_s_first_three_needs"))
                .withEmptyText(text(lang, "customerSegments.no_office_has_complaints_service_requests"));
    }

    private static Table purchaseNeeds(PacketSource source, int year, Lang lang) {
        List<MartRow> needs = CustomerValueSnapshot.rows(source, CustomerValueMarts.PURCHASE_NEEDS, year);
        List<Row> rows = needs.stream()
                .map(row -> Row.of(ReviewTerms.valueSegment(row.text(PurchaseNeeds.VALUE_SEGMENT), lang),
                        row.count(PurchaseNeeds.RANK),
                        row.text(PurchaseNeeds.CATEGORY), row.count(PurchaseNeeds.PURCHASES),
                                row.count(PurchaseNeeds.HOUSEHOLDS), row.get(PurchaseNeeds.SPEND),
                        row.number(PurchaseNeeds.SHARE), row.number(PurchaseNeeds.MEDIAN_REPEAT_DAYS)))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.value_segment"), 11),
                        Column.count(text(lang, "column.rank"), 5),
                        Column.text(text(lang, "column.category"), 11),
                        Column.count(text(lang, "column.purchases"), 8),
                        Column.count(text(lang, "column.households"), 7),
                        Column.decimal(text(lang, "column.spend_yuan"), 11),
                        Column.percent(text(lang, "column.share_segment_spend"), 9),
                        Column.decimal(text(lang, "column.median_days_between_repeats"), 10)), rows)
                .withEmptyText(text(lang, "customerSegments.no_purchases_12_months_before_as"))
                .withNote(text(lang, "customerSegments.purchases_12_months_before_as_date"));
    }

    /** Per category, the month with the most purchases (the earliest on a tie): when each need peaks. */
    private static Table seasonality(PacketSource source, int year, Lang lang) {
        Map<String, List<MartRow>> byCategory = new TreeMap<>();
        for (MartRow row : source.rowsOfYear(CustomerValueMarts.PURCHASE_SEASONALITY, year)) {
            byCategory.computeIfAbsent(Objects.toString(row.text(PurchaseSeasonality.CATEGORY), ""),
                    k -> new ArrayList<>()).add(row);
        }
        List<Row> rows = new ArrayList<>();
        byCategory.forEach((category, months) -> {
            MartRow peak = months.get(0);
            for (MartRow month : months) {
                long purchases = month.count(PurchaseSeasonality.PURCHASES) == null ? 0
                        : month.count(PurchaseSeasonality.PURCHASES);
                long most = peak.count(PurchaseSeasonality.PURCHASES) == null ? 0
                        : peak.count(PurchaseSeasonality.PURCHASES);
                if (purchases > most || purchases == most
                        && month.integer(PurchaseSeasonality.MONTH) < peak.integer(PurchaseSeasonality.MONTH)) {
                    peak = month;
                }
            }
            rows.add(Row.of(peak.text(PurchaseSeasonality.CATEGORY),
                    ReviewTerms.month(peak.integer(PurchaseSeasonality.MONTH), lang),
                    peak.count(PurchaseSeasonality.PURCHASES), peak.count(PurchaseSeasonality.HOUSEHOLDS),
                            peak.get(PurchaseSeasonality.SPEND), (long) months.size()));
        });
        return Table.of(List.of(
                        Column.text(text(lang, "column.category"), 12),
                        Column.text(text(lang, "column.busiest_month"), 10),
                        Column.count(text(lang, "column.purchases_that_month"), 9),
                        Column.count(text(lang, "column.households_that_month"), 9),
                        Column.decimal(text(lang, "column.spend_that_month_yuan"), 11),
                        Column.count(text(lang, "column.months_with_purchases"), 9)), rows)
                .withEmptyText(text(lang, "customerSegments.no_purchases_this_year"));
    }

    /** The company-wide satisfaction by segment: occupations apart, as they are many and free text. */
    private static Table segmentSatisfaction(PacketSource source, int year, Lang lang, boolean occupations) {
        List<MartRow> company = source.rowsOfYear(CustomerMarts.SATISFACTION_BY_SEGMENT, year).stream()
                .filter(row -> row.text(SatisfactionBySegment.OFFICE_ID) == null)
                .filter(row -> occupations == "occupation".equals(row.text(SatisfactionBySegment.DIMENSION)))
                .toList();
        List<Column> columns = new ArrayList<>();
        if (!occupations) {
            columns.add(Column.text(text(lang, "column.dimension"), 10));
        }
        columns.add(Column.text(occupations ? text(lang, "customerSegments.occupation") :
                text(lang, "column.segment"), 18));
        columns.addAll(List.of(
                Column.count(text(lang, "column.forms"), 7),
                Column.count(text(lang, "column.qualified"), 7),
                Column.count(text(lang, "column.unsatisfied"), 7),
                Column.count(text(lang, "column.unrated"), 7),
                Column.percent(text(lang, "column.satisfaction"), 8)));
        List<Row> rows = new ArrayList<>();
        for (MartRow row : company) {
            List<Object> cells = new ArrayList<>();
            if (!occupations) {
                cells.add(ReviewTerms.dimension(row.text(SatisfactionBySegment.DIMENSION), lang));
            }
            cells.add(ReviewTerms.segment(row.text(SatisfactionBySegment.DIMENSION),
                    row.text(SatisfactionBySegment.SEGMENT), lang));
            cells.addAll(Arrays.asList(row.count(SatisfactionBySegment.FORMS),
                    row.count(SatisfactionBySegment.QUALIFIED), row.count(SatisfactionBySegment.UNSATISFIED),
                    row.count(SatisfactionBySegment.UNRATED), row.number(SatisfactionBySegment.SATISFACTION_RATE)));
            rows.add(new Row(cells, false));
        }
        Table table = Table.of(columns, rows);
        if (occupations) {
            return table.withCaption(text(lang, "customerSegments.by_occupation"))
                    .withEmptyText(text(lang, "customerSegments.no_survey_form_year_linked_customer"));
        }
        return table.withCaption(text(lang, "customerSegments.category_age_head_family"))
                .withEmptyText(text(lang, "customerSegments.no_survey_form_year_linked_customer"))
                .withNote(text(lang, "customerSegments.only_survey_forms_linked_customer_record"));
    }
}
