package com.propertyquality.review.packet;

import java.util.Comparator;
import java.util.List;

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
        List<MartRow> offices = MartRow.of(source.martOfYear(SurveyMarts.SURVEY_RETURNS, year));
        if (offices.isEmpty()) {
            throw new IllegalArgumentException("no survey data for " + year + " in the marts");
        }
        List<MartRow> underFirst = offices.stream()
                .sorted(Comparator.comparing((MartRow office) -> office.isTrue("meets_threshold"))
                        .thenComparing(office -> office.text("office_id")))
                .toList();
        long under = offices.stream().filter(office -> !office.isTrue("meets_threshold")).count();
        // The threshold the mart judged with, so the text agrees with the shading.
        String threshold = Percent.format(ShownThreshold.of(offices, source));

        List<Row> rows = underFirst.stream().map(office -> Row.shadedIf(!office.isTrue("meets_threshold"),
                office.text("office_id"), office.text("office_name"), office.count("forms_distributed"),
                office.count("forms_returned"), office.number("return_rate"),
                ServicePerformanceChapter.meetsLabel(office.flag("meets_threshold"), lang),
                ServicePerformanceChapter.anomalyLabel(office.text("anomaly"), lang))).toList();
        Table table = Table.of(List.of(
                Column.text(lang.pick("管理处编号", "Office ID"), 9),
                Column.text(lang.pick("管理处名称", "Office"), 26),
                Column.count(lang.pick("发放份数", "Distributed"), 10),
                Column.count(lang.pick("回收份数", "Returned"), 10),
                Column.percent(lang.pick("回收率", "Return rate"), 10),
                Column.text(lang.pick("是否达标", "Threshold"), 9),
                Column.text(lang.pick("异常", "Anomaly"), 20)), rows)
                .withNote(lang.pick("说明：红色底纹的管理处未达到回收率要求；回收率为“—”表示无发放记录，无法计算；"
                        + "超过 100% 的回收率是数据错误，照实列出。",
                        "Shaded offices are under the threshold; a rate of \"—\" means no distribution record; a rate"
                                + " over 100% is a data error and is shown as it is."));

        String title = lang.pick(year + " 年度调查表回收率检查", "Survey return-rate check " + year);
        Chapter chapter = Chapter.of(title, lang.pick("回收率检查", "Return rates"), Section.of(null,
                Paragraphs.of(lang.pick("回收率要求：不低于 " + threshold + "（回收率 = 回收份数 ÷ 发放份数 × 100%）",
                                "Required: at least " + threshold + " (return rate = returned ÷ distributed × 100%)"),
                        lang.pick("未达标管理处：" + under + " 个（共 " + offices.size() + " 个管理处）",
                                "Offices under the threshold: " + under + " of " + offices.size())),
                table));
        return new ReportDocument(title, source.companyName(), year, lang, null, false, List.of(chapter));
    }
}
