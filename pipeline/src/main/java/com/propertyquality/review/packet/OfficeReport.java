package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.List;

import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.ReportDocument;

/**
 * One office's own report (管理处报告): its figures of the year and nothing of any other office; company-wide
 * figures appear only as the yardstick.
 */
public final class OfficeReport {

    private OfficeReport() {}

    public static ReportDocument of(PacketSource source, int year, String officeId, Lang lang) {
        List<Chapter> chapters = ChapterNumbers.numbered(
                OfficeReportChapters.of(source, year, officeId, lang), lang);
        String office = officeName(source, officeId);
        String title = text(lang, "officeReport.service_quality", office, year);
        return new ReportDocument(title, source.companyName(), year, lang,
                new ReportDocument.Cover(office, List.of(text(lang, "officeReport.office_service_quality_report"))),
                true, chapters);
    }

    /** The office's name from the register, or its ID when the register has no name for it. */
    static String officeName(PacketSource source, String officeId) {
        return MartRow.of(source.lake("offices")).stream()
                .filter(office -> officeId.equals(office.text("office_id")))
                .map(office -> office.text("office_name")).findFirst().orElse(officeId);
    }
}
