package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.marts.FeedbackMarts.ComplaintPareto;
import com.propertyquality.review.marts.FeedbackMarts.FeedbackSummary;
import com.propertyquality.review.marts.FeedbackMarts;
import com.propertyquality.review.marts.MartColumn;
import com.propertyquality.review.marts.ReviewMarts.ReviewAttentionItems;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.marts.SurveyMarts.SatisfactionByItem;
import com.propertyquality.review.marts.SurveyMarts.SatisfactionByLevel;
import com.propertyquality.review.marts.SurveyMarts.SatisfactionByOffice;
import com.propertyquality.review.marts.SurveyMarts.SatisfactionCompany;
import com.propertyquality.review.marts.SurveyMarts.SurveyReturns;
import com.propertyquality.review.marts.SurveyMarts;
import com.propertyquality.review.metrics.Area;
import com.propertyquality.review.metrics.ChangeSignificance;
import com.propertyquality.review.metrics.ClosureRate;
import com.propertyquality.review.metrics.OpenFeedback;
import com.propertyquality.review.metrics.ReviewTriggers;
import com.propertyquality.review.metrics.SurveyItem;
import com.propertyquality.review.reports.Percent;
import com.propertyquality.review.reports.document.BarChart;
import com.propertyquality.review.reports.document.Block;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * 服务业绩 (review input 4.2.3: service performance, frequent complaints, feedback analysis), as the customer
 * service centre brings it (4.3.4 b): satisfaction by office, company, item and level, the trend against the
 * previous year, the survey return rates, the feedback register, and the complaint Pareto with its main factors.
 * Every figure is a mart's; the only sums are the feedback register's counts, which add up across the mart's rows
 * (its rates do not, so the closure rate of a sum goes through {@link ClosureRate}).
 */
public final class ServicePerformanceChapter {

    /** Offices per bar chart: more would make the bars and their names unreadable on A4. */
    static final int OFFICES_PER_CHART = 20;

    private ServicePerformanceChapter() {}

    public static Chapter build(PacketSource source, int year, Lang lang) {
        return Chapter.of(text(lang, "servicePerformance.service_performance"),
                text(lang, "servicePerformance.service_performance"),
                satisfactionByOffice(source, year, lang),
                companySatisfaction(source, year, lang),
                itemsAndLevels(source, year, lang),
                trend(source, year, lang),
                returnRates(source, year, lang),
                feedbackRegister(source, year, lang),
                complaintPareto(source, year, lang));
    }

    // ------------------------------------------------------------------ (1) satisfaction by office

    private static Section satisfactionByOffice(PacketSource source, int year, Lang lang) {
        List<MartRow> offices = source.rowsOfYear(SurveyMarts.SATISFACTION_BY_OFFICE, year);
        Double company = companyRow(source, year).map(row -> row.number(SatisfactionCompany.SATISFACTION_RATE))
                .orElse(null);
        List<Row> rows = offices.stream()
                .map(row -> Row.shadedIf(below(row.number(SatisfactionByOffice.GAP_POINTS)), Labels.office(row),
                        row.count(SatisfactionByOffice.FORMS),
                        row.count(SatisfactionByOffice.QUALIFIED), row.count(SatisfactionByOffice.UNSATISFIED),
                                row.count(SatisfactionByOffice.UNRATED),
                        row.number(SatisfactionByOffice.SATISFACTION_RATE), row.count(SatisfactionByOffice.RANK),
                                row.number(SatisfactionByOffice.GAP_POINTS)))
                .toList();
        List<Block> blocks = new ArrayList<>();
        blocks.add(Table.of(List.of(
                        Column.text(text(lang, "column.office"), 16),
                        Column.count(text(lang, "column.forms"), 6),
                        Column.count(text(lang, "column.qualified"), 6),
                        Column.count(text(lang, "column.unsatisfied"), 6),
                        Column.count(text(lang, "column.unrated_items"), 6),
                        Column.percent(text(lang, "column.satisfaction"), 7),
                        Column.count(text(lang, "column.ranking"), 4),
                        Column.points(text(lang, "column.gap_to_company_points"), 8)),
                        rows)
                .withEmptyText(text(lang, "servicePerformance.no_survey_forms_were_returned", year))
                .withNote(satisfactionFormula(lang) +
                        text(lang, "servicePerformance.company_rate_shaded_offices_below_it",
                        Percent.format(company))));
        blocks.addAll(officeCharts(offices, company, lang));
        return Section.numbered(text(lang, "servicePerformance.satisfaction_office"), blocks);
    }

    /** Procedure 5.1.6, in the procedure's words. */
    static String satisfactionFormula(Lang lang) {
        return text(lang, "servicePerformance.satisfaction_rate_qualified_items_qualified_unsatisfied");
    }

    /** Bar charts of the office rates against the company line, at most {@link #OFFICES_PER_CHART} offices each. */
    private static List<BarChart> officeCharts(List<MartRow> offices, Double company, Lang lang) {
        List<BarChart> charts = new ArrayList<>();
        int parts = (offices.size() + OFFICES_PER_CHART - 1) / OFFICES_PER_CHART;
        for (int part = 0; part < parts; part++) {
            List<BarChart.Bar> bars = offices.subList(part * OFFICES_PER_CHART,
                            Math.min(offices.size(), (part + 1) * OFFICES_PER_CHART)).stream()
                    .map(row -> new BarChart.Bar(Labels.office(row),
                            row.number(SatisfactionByOffice.SATISFACTION_RATE)))
                    .toList();
            String of = parts > 1 ? (part + 1) + "/" + parts : null;
            String caption = of == null ? text(lang, "servicePerformance.satisfaction_office")
                    : text(lang, "servicePerformance.satisfaction_by_office_of_year", of);
            charts.add(new BarChart(caption, text(lang, "servicePerformance.satisfaction"), bars, company,
                    text(lang, "servicePerformance.company_rate")));
        }
        return charts;
    }

    // ------------------------------------------------------------------ (2) company

    private static Section companySatisfaction(PacketSource source, int year, Lang lang) {
        List<Row> rows = companyRow(source, year)
                .map(row -> List.of(Row.of(row.count(SatisfactionCompany.FORMS),
                        row.count(SatisfactionCompany.QUALIFIED), row.count(SatisfactionCompany.UNSATISFIED),
                        row.count(SatisfactionCompany.UNRATED), row.number(SatisfactionCompany.SATISFACTION_RATE))))
                .orElse(List.of());
        return Section.numbered(text(lang, "column.company_satisfaction"),
                Table.of(List.of(
                                Column.count(text(lang, "column.forms"), 8),
                                Column.count(text(lang, "column.qualified"), 8),
                                Column.count(text(lang, "column.unsatisfied"), 8),
                                Column.count(text(lang, "column.unrated_items"), 8),
                                Column.percent(text(lang, "column.satisfaction"), 8)),
                                rows)
                        .withEmptyText(Labels.noRecords(year, lang))
                        .withNote(text(lang, "servicePerformance.company_rate_pools_every_item_every")));
    }

    private static Optional<MartRow> companyRow(PacketSource source, int year) {
        return source.rowsOfYear(SurveyMarts.SATISFACTION_COMPANY, year).stream().findFirst();
    }

    // ------------------------------------------------------------------ (3) items and levels

    private static Section itemsAndLevels(PacketSource source, int year, Lang lang) {
        List<MartRow> companyItems = source.rowsOfYear(SurveyMarts.SATISFACTION_BY_ITEM, year).stream()
                .filter(row -> row.text(SatisfactionByItem.OFFICE_ID) == null).toList();
        Double company = companyRow(source, year).map(row -> row.number(SatisfactionCompany.SATISFACTION_RATE))
                .orElse(null);
        List<Row> items = companyItems.stream()
                .map(row -> Row.shadedIf(lower(row.number(SatisfactionByItem.SATISFACTION_RATE), company),
                        itemName(row, lang),
                        ReviewTerms.level(row.text(SatisfactionByItem.LEVEL), lang),
                                row.count(SatisfactionByItem.QUALIFIED), row.count(SatisfactionByItem.UNSATISFIED),
                        row.count(SatisfactionByItem.UNRATED), row.number(SatisfactionByItem.SATISFACTION_RATE)))
                .toList();
        Table itemTable = Table.of(List.of(
                        Column.text(text(lang, "column.item"), 12),
                        Column.text(text(lang, "column.level"), 7),
                        Column.count(text(lang, "column.qualified"), 7),
                        Column.count(text(lang, "column.unsatisfied"), 7),
                        Column.count(text(lang, "column.unrated_items"), 7),
                        Column.percent(text(lang, "column.satisfaction"), 7)),
                        items)
                .withCaption(text(lang, "servicePerformance.satisfaction_item_company"))
                .withEmptyText(Labels.noRecords(year, lang))
                .withNote(text(lang, "servicePerformance.shaded_items_below_company_rate", Percent.format(company)));
        return Section.numbered(text(lang, "servicePerformance.satisfaction_item_level"),
                itemTable, levelTable(source, year, null, lang));
    }

    /** satisfaction_by_level for the company (officeId null) or one office. */
    static Table levelTable(PacketSource source, int year, String officeId, Lang lang) {
        List<Row> levels = source.rowsOfYear(SurveyMarts.SATISFACTION_BY_LEVEL, year).stream()
                .filter(row -> Objects.equals(row.text(SatisfactionByLevel.OFFICE_ID), officeId))
                .map(row -> Row.of(ReviewTerms.level(row.text(SatisfactionByLevel.LEVEL), lang),
                        row.count(SatisfactionByLevel.QUALIFIED),
                        row.count(SatisfactionByLevel.UNSATISFIED), row.count(SatisfactionByLevel.UNRATED),
                                row.number(SatisfactionByLevel.SATISFACTION_RATE)))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.level"), 12),
                        Column.count(text(lang, "column.qualified"), 8),
                        Column.count(text(lang, "column.unsatisfied"), 8),
                        Column.count(text(lang, "column.unrated_items"), 8),
                        Column.percent(text(lang, "column.satisfaction"), 8)),
                        levels)
                .withCaption(text(lang, "servicePerformance.satisfaction_level_management_service"))
                .withEmptyText(Labels.noRecords(year, lang));
    }

    static String itemName(MartRow row, Lang lang) {
        String code = row.text(SatisfactionByItem.ITEM);
        boolean known = Arrays.stream(SurveyItem.values()).anyMatch(item -> item.code().equals(code));
        if (known) {
            return Names.of(SurveyItem.ofCode(code), lang);
        }
        return lang == Lang.ZH && row.text(SatisfactionByItem.ITEM_NAME) != null
                ? row.text(SatisfactionByItem.ITEM_NAME) : Names.english(code);
    }

    // ------------------------------------------------------------------ (4) trend

    private static Section trend(PacketSource source, int year, Lang lang) {
        String heading = text(lang, "servicePerformance.against_previous_year");
        List<MartRow> offices = source.rowsOfYear(SurveyMarts.SATISFACTION_BY_OFFICE, year);
        List<MartRow> returns = source.rowsOfYear(SurveyMarts.SURVEY_RETURNS, year);
        Optional<MartRow> company = companyRow(source, year);
        Optional<MartRow> previousCompany = companyRow(source, year - 1);
        boolean anyPrevious = previousCompany.isPresent()
                || offices.stream().anyMatch(row -> row.number(SatisfactionByOffice.PREVIOUS_SATISFACTION_RATE) != null)
                || returns.stream().anyMatch(row -> row.number(SurveyReturns.PREVIOUS_RETURN_RATE) != null);
        if (!anyPrevious) {
            return Section.numbered(heading, Paragraphs.of(text(lang, "servicePerformance.there_no_survey_data_so_year",
                    (year - 1))));
        }
        List<MartRow> drops = source.rowsOfYear(ReviewMarts.REVIEW_ATTENTION_ITEMS, year).stream()
                .filter(row -> ReviewMarts.SATISFACTION_DROP.equals(row.text(ReviewAttentionItems.ITEM))).toList();
        Set<String> droppedOffices = drops.stream().map(row -> row.text(ReviewAttentionItems.OFFICE_ID))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<String> lines = new ArrayList<>();
        String thisRate = Percent.format(company.map(row -> row.number(SatisfactionCompany.SATISFACTION_RATE))
                .orElse(null));
        String lastRate = Percent.format(previousCompany
                .map(row -> row.number(SatisfactionCompany.SATISFACTION_RATE)).orElse(null));
        lines.add(text(lang, "servicePerformance.company_satisfaction", year, thisRate, (year - 1), lastRate));
        Boolean companySignificant = company.flatMap(now -> previousCompany.map(before -> ChangeSignificance.of(
                now.number(SatisfactionByOffice.SATISFACTION_RATE), units(now),
                        before.number(SatisfactionByOffice.SATISFACTION_RATE), units(before))))
                .orElse(null);
        if (companySignificant != null) {
            lines.add(companySignificant
                    ? text(lang, "servicePerformance.change_significant_95_two_proportion_test")
                    : text(lang, "servicePerformance.change_not_significant_95_it_may"));
        }
        if (drops.stream().anyMatch(row -> row.text(ReviewAttentionItems.OFFICE_ID) == null)) {
            lines.add(text(lang, "servicePerformance.company_rate_fell_more_than_points",
                    ReviewTriggers.SATISFACTION_DROP_POINTS));
        }
        Table satisfaction = Table.of(List.of(
                        Column.text(text(lang, "column.office"), 16),
                        Column.percent(text(lang, "column.satisfaction_of_year", year), 8),
                        Column.percent(text(lang, "column.satisfaction_of_year", (year - 1)), 8),
                        Column.points(text(lang, "column.change_points"), 8),
                        Column.text(text(lang, "column.sig"), 4)),
                        offices.stream().map(row -> Row.shadedIf(droppedOffices.contains(row.text(SatisfactionByOffice.OFFICE_ID)),
                                Labels.office(row), row.number(SatisfactionByOffice.SATISFACTION_RATE),
                                row.number(SatisfactionByOffice.PREVIOUS_SATISFACTION_RATE),
                                        row.number(SatisfactionByOffice.CHANGE_POINTS),
                                significanceMark(row.flag(SatisfactionByOffice.CHANGE_SIGNIFICANT)))).toList())
                .withCaption(text(lang, "servicePerformance.satisfaction_office_against_previous_year"))
                .withEmptyText(Labels.noRecords(year, lang))
                .withNote(text(lang, "servicePerformance.shaded_satisfaction_fell_more_than_points",
                        ReviewTriggers.SATISFACTION_DROP_POINTS) + "\n" + significanceNote(lang));
        Table returnRates = Table.of(List.of(
                        Column.text(text(lang, "column.office"), 16),
                        Column.percent(text(lang, "column.return_rate_of_year", year), 8),
                        Column.percent(text(lang, "column.return_rate_of_year", (year - 1)), 8),
                        Column.points(text(lang, "column.change_points"), 8)),
                        returns.stream().map(row -> Row.of(Labels.office(row), row.number(SurveyReturns.RETURN_RATE),
                                row.number(SurveyReturns.PREVIOUS_RETURN_RATE),
                                        row.number(SurveyReturns.CHANGE_POINTS))).toList())
                .withCaption(text(lang, "servicePerformance.survey_return_rate_against_previous_year"))
                .withEmptyText(Labels.noRecords(year, lang));
        return Section.numbered(heading, new Paragraphs(lines), satisfaction, returnRates);
    }

    /** The marker of a change on last year that passes the two-proportion test at 95%, and its column head. */
    static final String SIGNIFICANT = "*";

    /**
     * "*" for a significant change, blank otherwise: a row with nothing to test already shows "—" as its change,
     * and a second dash beside it only clutters the table.
     */
    static String significanceMark(Boolean significant) {
        return Boolean.TRUE.equals(significant) ? SIGNIFICANT : "";
    }

    /** The footnote of a table that marks significant changes. */
    static String significanceNote(Lang lang) {
        return text(lang, "servicePerformance.change_last_year_significant_95_two", SIGNIFICANT);
    }

    /** The independent units behind a pooled satisfaction rate: the forms that rated at least one item. */
    private static long units(MartRow row) {
        Long forms = row.count(SatisfactionCompany.RATED_FORMS);
        return forms == null ? 0 : forms;
    }

    // ------------------------------------------------------------------ (5) return rates

    private static Section returnRates(PacketSource source, int year, Lang lang) {
        List<MartRow> returns = source.rowsOfYear(SurveyMarts.SURVEY_RETURNS, year);
        List<Row> rows = returns.stream()
                .map(row -> Row.shadedIf(!row.isTrue(SurveyReturns.MEETS_THRESHOLD), Labels.office(row),
                        row.count(SurveyReturns.FORMS_DISTRIBUTED), row.count(SurveyReturns.FORMS_RETURNED),
                                row.number(SurveyReturns.RETURN_RATE),
                        row.count(SurveyReturns.RANK), ReviewTerms.thresholdVerdict(row.flag(SurveyReturns.MEETS_THRESHOLD), lang),
                        ReviewTerms.returnAnomaly(row.text(SurveyReturns.ANOMALY), lang)))
                .toList();
        Double company = returns.stream().map(row -> row.number(SurveyReturns.COMPANY_RETURN_RATE))
                .filter(Objects::nonNull)
                .findFirst().orElse(null);
        Long leftOut = returns.stream().map(row -> row.count(SurveyReturns.COMPANY_OFFICES_LEFT_OUT))
                .filter(Objects::nonNull)
                .findFirst().orElse(null);
        return Section.numbered(text(lang, "servicePerformance.survey_return_rates"),
                Table.of(List.of(
                                Column.text(text(lang, "column.office"), 16),
                                Column.count(text(lang, "column.distributed"), 7),
                                Column.count(text(lang, "column.returned"), 7),
                                Column.percent(text(lang, "column.return_rate"), 7),
                                Column.count(text(lang, "column.ranking"), 4),
                                Column.text(text(lang, "column.threshold"), 6),
                                Column.text(text(lang, "column.remark"), 13)),
                                rows)
                        .withEmptyText(text(lang, "servicePerformance.no_survey_forms_were_distributed_or", year))
                        .withNote(returnRateNote(ShownThreshold.of(returns, source), company, leftOut, lang)));
    }

    static String returnRateNote(BigDecimal threshold, Double company, Long leftOut, Lang lang) {
        String limit = Percent.format(threshold);
        return text(lang, "servicePerformance.return_rate_forms_returned_forms_distributed", limit,
                Percent.format(company), Labels.leftOutOfCompanyRate(leftOut, lang));
    }

    // ------------------------------------------------------------------ (6) feedback register

    private static Section feedbackRegister(PacketSource source, int year, Lang lang) {
        RegisterTallies tallies = new RegisterTallies();
        source.eachOfYear(FeedbackMarts.FEEDBACK_SUMMARY, year, RegisterTallies.READ, tallies::add);
        Tally total = tallies.total;
        Optional<LocalDate> asOf = CutOffDay.of(source, year);
        List<String> lines = new ArrayList<>();
        lines.add(text(lang, "servicePerformance.customer_feedback_register_records_opinions_complaints"));
        if (tallies.rows > 0) {
            lines.add(text(lang, "servicePerformance.entries_closed_closure_rate_open_open", year, total.entries,
                    total.closed, Percent.format(total.closureRate()), total.open(), OpenFeedback.OVER_DAYS,
                    total.openOverDays));
        }
        String note = asOf
                .map(day -> text(lang, "servicePerformance.closure_rate_open_more_as_of", OpenFeedback.OVER_DAYS, day))
                .orElse(text(lang, "servicePerformance.closure_rate_open_more", OpenFeedback.OVER_DAYS));
        Table byChannel = tallyTable(tallies.byChannel, ImportTemplates.CHANNELS.codes(),
                code -> Names.of(ImportTemplates.CHANNELS, code, lang),
                        text(lang, "servicePerformance.channel"), true, year,
                lang)
                .withCaption(text(lang, "servicePerformance.by_channel"))
                .withNote(text(lang, "servicePerformance.originals_kept_entries_whose_original_document"));
        Table byKind = tallyTable(tallies.byKind, ImportTemplates.FEEDBACK_KINDS.codes(),
                code -> Names.of(ImportTemplates.FEEDBACK_KINDS, code, lang), text(lang, "column.entry_type"), false, year,
                lang)
                .withCaption(text(lang, "servicePerformance.kind"));
        Table byArea = tallyTable(tallies.byArea, ImportTemplates.AREAS.codes(),
                code -> Names.of(ImportTemplates.AREAS, code, lang), text(lang, "column.area"), false, year, lang)
                .withCaption(text(lang, "servicePerformance.area"))
                .withNote(note);
        return Section.numbered(text(lang, "servicePerformance.customer_feedback_register"),
                new Paragraphs(lines), byChannel, byKind, byArea);
    }

    /**
     * The year's rows of feedback_summary summed as they stream by: in total, and by channel, kind and area (each
     * keyed in the order its codes first appear). A few dozen tallies, however many rows.
     */
    static final class RegisterTallies {

        /** The columns of feedback_summary read: the three it sums by and the counts of a {@link Tally}. */
        static final List<MartColumn> READ = List.of(FeedbackSummary.CHANNEL, FeedbackSummary.KIND,
                FeedbackSummary.AREA, FeedbackSummary.ENTRIES, FeedbackSummary.CLOSED,
                FeedbackSummary.OPEN_OVER_30_DAYS, FeedbackSummary.ORIGINALS_KEPT);

        long rows;
        Tally total = Tally.ZERO;
        final Map<String, Tally> byChannel = new LinkedHashMap<>();
        final Map<String, Tally> byKind = new LinkedHashMap<>();
        final Map<String, Tally> byArea = new LinkedHashMap<>();

        void add(MartRow row) {
            Tally tally = Tally.of(row);
            rows++;
            total = total.plus(tally);
            byChannel.merge(row.text(FeedbackSummary.CHANNEL), tally, Tally::plus);
            byKind.merge(row.text(FeedbackSummary.KIND), tally, Tally::plus);
            byArea.merge(row.text(FeedbackSummary.AREA), tally, Tally::plus);
        }
    }

    /**
     * The register's entries summed by one column (channel, kind, area), in the order of the code list, unknown
     * codes after it. Days to close are left out on purpose: a median does not add up across the mart's rows.
     */
    static Table tallyTable(Map<String, Tally> byCode, List<String> order,
                            Function<String, String> name, String header, boolean withOriginals, int year, Lang lang) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        byCode.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Tally> entry) -> {
                    int index = order.indexOf(entry.getKey());
                    return index < 0 ? order.size() : index;
                }))
                .forEach(entry -> tallies.put(entry.getKey(), entry.getValue()));
        List<Column> columns = new ArrayList<>(List.of(
                Column.text(header, 14),
                Column.count(text(lang, "column.register_entries"), 7),
                Column.count(text(lang, "column.closed"), 7),
                Column.count(text(lang, "column.in_progress"), 7),
                Column.percent(text(lang, "column.closure_rate"), 7),
                Column.count(text(lang, "column.open_30_days"), 8)));
        if (withOriginals) {
            columns.add(Column.count(text(lang, "column.originals_kept"), 7));
        }
        List<Row> rows = tallies.entrySet().stream().map(entry -> {
            Tally tally = entry.getValue();
            List<Object> cells = new ArrayList<>(Arrays.asList(name.apply(entry.getKey()), tally.entries,
                    tally.closed, tally.open(), tally.closureRate(), tally.openOverDays));
            if (withOriginals) {
                cells.add(tally.originalsKept);
            }
            return new Row(cells, false);
        }).toList();
        return new Table(null, columns, rows, Labels.noRecords(year, lang), null);
    }

    /**
     * Register entries summed over rows of feedback_summary. The counts add up across rows (README §6.8); a count
     * the mart left null adds nothing.
     */
    record Tally(long entries, long closed, long openOverDays, long originalsKept) {

        static final Tally ZERO = new Tally(0, 0, 0, 0);

        /** One row's counts. */
        static Tally of(MartRow row) {
            return new Tally(orZero(row.count(FeedbackSummary.ENTRIES)), orZero(row.count(FeedbackSummary.CLOSED)),
                    orZero(row.count(FeedbackSummary.OPEN_OVER_30_DAYS)),
                            orZero(row.count(FeedbackSummary.ORIGINALS_KEPT)));
        }

        Tally plus(Tally other) {
            return new Tally(entries + other.entries, closed + other.closed, openOverDays + other.openOverDays,
                    originalsKept + other.originalsKept);
        }

        /** Entries whose status is open (处理中): every entry is open or closed. */
        long open() {
            return entries - closed;
        }

        Double closureRate() {
            return ClosureRate.of(closed, entries);
        }

        private static long orZero(Long count) {
            return count == null ? 0 : count;
        }
    }

    // ------------------------------------------------------------------ (7) complaint Pareto

    private static Section complaintPareto(PacketSource source, int year, Lang lang) {
        List<MartRow> areas = source.rowsOfYear(FeedbackMarts.COMPLAINT_PARETO, year).stream()
                .filter(row -> row.text(ComplaintPareto.OFFICE_ID) == null).toList();
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraphs.of(text(lang, "servicePerformance.main_factors_that_affect_service_offices")));
        ParetoTables.chart(areas, text(lang, "servicePerformance.complaints_area_company"), lang)
                .ifPresent(blocks::add);
        blocks.add(mainFactorTable(areas, year, lang));
        return Section.numbered(text(lang, "servicePerformance.main_factors_complaints"), blocks);
    }

    /** The main factors of one scope (rows in rank order), shaded when no corrective or preventive action answers them. */
    static Table mainFactorTable(List<MartRow> areas, int year, Lang lang) {
        List<Row> rows = areas.stream().filter(row -> row.isTrue(ComplaintPareto.MAIN_FACTOR))
                .map(row -> Row.shadedIf(!row.isTrue(ComplaintPareto.HAS_ACTION), row.count(ComplaintPareto.RANK),
                        ParetoTables.areaName(row, lang),
                        ReviewTerms.level(row.text(ComplaintPareto.LEVEL), lang),
                                row.count(ComplaintPareto.COMPLAINTS), row.number(ComplaintPareto.SHARE),
                        row.number(ComplaintPareto.CUMULATIVE_SHARE), ReviewTerms.mainFactorAction(row, lang)))
                .toList();
        return Table.of(List.of(
                        Column.count(text(lang, "column.ranking"), 4),
                        Column.text(text(lang, "column.area"), 12),
                        Column.text(text(lang, "column.level"), 6),
                        Column.count(text(lang, "column.complaint_count"), 7),
                        Column.percent(text(lang, "column.share"), 7),
                        Column.percent(text(lang, "column.cumulative"), 7),
                        Column.text(text(lang, "column.corrective_preventive_actions"), 8)),
                        rows)
                .withCaption(text(lang, "servicePerformance.main_factors"))
                .withEmptyText(text(lang, "servicePerformance.no_complaints", year))
                .withNote(text(lang, "servicePerformance.main_factors_areas_complaints_descending_order"));
    }

    // ------------------------------------------------------------------ shading

    /** Below the company figure, as the mart's gap says; an office without a rate is not shaded. */
    private static boolean below(Double gapPoints) {
        return gapPoints != null && gapPoints < 0;
    }

    private static boolean lower(Double rate, Double reference) {
        return rate != null && reference != null && rate < reference;
    }
}
