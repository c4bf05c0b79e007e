package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.List;

import com.propertyquality.review.marts.QualityMarts.InspectionSummary;
import com.propertyquality.review.marts.QualityMarts;
import com.propertyquality.review.marts.ReviewMarts.ReviewAttentionItems;
import com.propertyquality.review.marts.ReviewMarts;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * 服务检查（微笑100%）: the service inspections of the year by office and level, the mystery-shopper checks
 * (神秘顾客, the {@code mystery_shopper} rows of {@code inspection_summary}) and the serious nonconformities the
 * review must hear of ({@code review_triggers}). The mart is monthly; the office-and-level table totals its
 * additive counts and shows the range of the monthly average scores, since a yearly mean is no mart figure.
 */
public final class InspectionsChapter {

    static final String MYSTERY_SHOPPER = "mystery_shopper";

    private InspectionsChapter() {}

    public static Chapter build(PacketSource source, int year, Lang lang) {
        OfficeRegister register = OfficeRegister.of(source, year);
        List<MartRow> inspections = source.rowsOfYear(QualityMarts.INSPECTION_SUMMARY, year);
        List<MartRow> serious = source.rowsOfYear(ReviewMarts.REVIEW_ATTENTION_ITEMS, year).stream()
                .filter(row -> ReviewMarts.INSPECTION_NONCONFORMITIES.equals(row.text(ReviewAttentionItems.ITEM)))
                .toList();
        return new Chapter(text(lang, "inspections.service_inspections_smile_100"),
                text(lang, "common.inspections"), List.of(
                        Section.numbered(text(lang, "inspections.inspections_office_level"),
                                intro(lang),
                                InspectionTables.byOfficeAndLevel(inspections, register, true, lang)),
                        Section.numbered(text(lang, "inspections.mystery_shopper_checks"),
                                mysteryShoppers(inspections, register, lang)),
                        Section.numbered(text(lang, "inspections.inspections_with_many_nonconformities"),
                                InspectionTables.seriousNonconformities(serious, register, lang))));
    }

    private static Paragraphs intro(Lang lang) {
        return Paragraphs.of(text(lang, "inspections.checks_smile_100_programme_quality_department"));
    }

    private static Table mysteryShoppers(List<MartRow> inspections, OfficeRegister register, Lang lang) {
        List<Row> rows = inspections.stream().filter(row -> MYSTERY_SHOPPER.equals(row.text(InspectionSummary.LEVEL)))
                .map(row -> Row.of(ReviewTerms.month(row.integer(InspectionSummary.MONTH), lang), register.nameOf(row),
                        row.count(InspectionSummary.INSPECTIONS), row.number(InspectionSummary.AVERAGE_SCORE),
                                row.number(InspectionSummary.MIN_SCORE),
                        InspectionTables.recordedNonconformities(row),
                        row.count(InspectionSummary.COMPLAINTS)))
                .toList();
        return Table.of(List.of(
                        Column.text(text(lang, "column.month"), 6),
                        Column.text(text(lang, "column.office"), 20),
                        Column.count(text(lang, "column.checks"), 7),
                        Column.decimal(text(lang, "column.average_score"), 8),
                        Column.decimal(text(lang, "column.lowest_score"), 8),
                        Column.count(text(lang, "column.nonconformities"), 8),
                        Column.count(text(lang, "column.office_s_complaints_that_month"), 9)), rows)
                .withEmptyText(text(lang, "inspections.no_mystery_shopper_checks_this_year"))
                .withNote(text(lang, "inspections.mystery_shoppers_sent_customer_service_centre"));
    }
}
