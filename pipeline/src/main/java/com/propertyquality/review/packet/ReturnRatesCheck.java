package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.Comparator;
import java.util.List;

import com.propertyquality.review.marts.SurveyMarts.SurveyReturns;
import com.propertyquality.review.marts.SurveyMarts;
import com.propertyquality.review.reports.Percent;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Column;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.ReportDocument;
import com.propertyquality.review.reports.document.Row;
import com.propertyquality.review.reports.document.Section;
import com.propertyquality.review.reports.document.Table;

/**
 * The quality department's one-page return-rate check (调查表回收率检查): every office of the survey year, those under
 * the threshold first, as {@code survey_returns} has them.
 */
public final class ReturnRatesCheck {

    private ReturnRatesCheck() {}

    public static ReportDocument of(PacketSource source, int year, Lang lang) {
        List<MartRow> offices = source.rowsOfYear(SurveyMarts.SURVEY_RETURNS, year);
        if (offices.isEmpty()) {
            throw new IllegalArgumentException("no survey data for " + year + " in the marts");
        }
        List<MartRow> underFirst = offices.stream()
                .sorted(Comparator.comparing((MartRow office) -> office.isTrue(SurveyReturns.MEETS_THRESHOLD))
                        .thenComparing(office -> office.text(SurveyReturns.OFFICE_ID)))
                .toList();
        long under = offices.stream().filter(office -> !office.isTrue(SurveyReturns.MEETS_THRESHOLD)).count();
        // The threshold the mart judged with, so the text agrees with the shading.
        String threshold = Percent.format(ShownThreshold.of(offices, source));

        List<Row> rows = underFirst.stream().map(office -> Row.shadedIf(!office.isTrue(SurveyReturns.MEETS_THRESHOLD),
                office.text(SurveyReturns.OFFICE_ID), office.text(SurveyReturns.OFFICE_NAME),
                        office.count(SurveyReturns.FORMS_DISTRIBUTED),
                office.count(SurveyReturns.FORMS_RETURNED), office.number(SurveyReturns.RETURN_RATE),
                ReviewTerms.thresholdVerdict(office.flag(SurveyReturns.MEETS_THRESHOLD), lang),
                ReviewTerms.returnAnomaly(office.text(SurveyReturns.ANOMALY), lang))).toList();
        Table table = Table.of(List.of(
                Column.text(text(lang, "column.office_id"), 9),
                Column.text(text(lang, "column.office_name"), 26),
                Column.count(text(lang, "column.distributed"), 10),
                Column.count(text(lang, "column.returned"), 10),
                Column.percent(text(lang, "column.return_rate"), 10),
                Column.text(text(lang, "column.threshold"), 9),
                Column.text(text(lang, "column.anomaly"), 20)), rows)
                .withNote(text(lang, "returnRatesCheck.shaded_offices_under_threshold_rate_means"));

        String title = text(lang, "returnRatesCheck.survey_return_rate_check", year);
        Chapter chapter = Chapter.of(title, text(lang, "returnRatesCheck.return_rates"), Section.of(null,
                Paragraphs.of(text(lang, "returnRatesCheck.required_least_return_rate_returned_distributed",
                        threshold),
                        text(lang, "returnRatesCheck.offices_under_threshold", under, offices.size())),
                table));
        return new ReportDocument(title, source.companyName(), year, lang, null, false, List.of(chapter));
    }
}
