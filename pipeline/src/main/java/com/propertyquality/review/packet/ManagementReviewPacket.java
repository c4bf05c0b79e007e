package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.ArrayList;
import java.util.List;

import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.ReportDocument;

/**
 * The management-review packet (管理评审资料) of a year: the review's inputs of procedure 4.2 in the order the
 * meeting takes them, then the pre-filled output forms (4.4) and one page per office.
 */
public final class ManagementReviewPacket {

    private ManagementReviewPacket() {}

    public static ReportDocument of(PacketSource source, int year, Lang lang) {
        return of(source, year, true, lang);
    }

    /**
     * @param fullLists whether to carry the data-only full lists (the XLSX's data sheets): a PDF or HTML packet
     *                  leaves them unread, so that it never holds a register-sized list in memory
     */
    public static ReportDocument of(PacketSource source, int year, boolean fullLists, Lang lang) {
        List<Chapter> numbered = ChapterNumbers.numbered(List.of(
                ReviewPlanChapter.build(source, year, lang),
                ObjectivesChapter.build(source, year, lang),
                ServicePerformanceChapter.build(source, year, lang),
                CustomerServiceChapter.build(source, year, fullLists, lang),
                CustomerSegmentsChapter.build(source, year, lang),
                InspectionsChapter.build(source, year, lang),
                IncidentsAndActionsChapter.build(source, year, lang),
                DepartmentReportsChapter.build(source, year, lang),
                OutputFormsChapter.build(source, year, lang)), lang);
        List<Chapter> chapters = new ArrayList<>(numbered);
        chapters.add(OfficeSummaryAppendix.build(source, year, lang));
        chapters.add(DataSourcesChapter.build(source, year, lang));
        String title = text(lang, "managementReviewPacket.management_review", year);
        return new ReportDocument(title, source.companyName(), year, lang, cover(source, year, lang), true, chapters);
    }

    static ReportDocument.Cover cover(PacketSource source, int year, Lang lang) {
        List<String> lines = new ArrayList<>();
        lines.add(text(lang, "managementReviewPacket.review_inputs_output_forms"));
        CutOffDay.of(source, year).ifPresent(date -> lines.add(text(lang, "managementReviewPacket.data_as_cut_off",
                date)));
        return new ReportDocument.Cover(text(lang, "managementReviewPacket.cover_title"), lines);
    }
}
