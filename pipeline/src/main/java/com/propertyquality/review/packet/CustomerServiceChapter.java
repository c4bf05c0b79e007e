package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.List;

import com.propertyquality.review.marts.QualityMarts;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Section;

/**
 * 客户服务中心: what the customer service centre brings to the review (4.3.4 b) beyond the satisfaction figures:
 * the return visits of procedure 5.2 per office (survey checks 5.2.1, paid services 5.2.2, complaint follow-ups),
 * from {@code return_visit_verification}, and the households to visit again, from {@code follow_up_list}: a page
 * of counts per office and the longest-open entries ({@link FollowUpTables}). Names and phones are printed masked
 * exactly as that mart holds them; nothing here reads personal data.
 */
public final class CustomerServiceChapter {

    private CustomerServiceChapter() {}

    public static Chapter build(PacketSource source, int year, Lang lang) {
        return build(source, year, true, lang);
    }

    /** @param fullLists whether the data-only full follow-up list is wanted (an XLSX carries it; PDF and HTML not) */
    public static Chapter build(PacketSource source, int year, boolean fullLists, Lang lang) {
        List<MartRow> visits = source.rowsOfYear(QualityMarts.RETURN_VISIT_VERIFICATION, year);
        return Chapter.of(text(lang, "customerService.customer_service_centre"),
                text(lang, "customerService.customer_service_centre"),
                Section.numbered(text(lang, "customerService.survey_checks"),
                        ReturnVisitTables.surveyCheckBlocks(visits, true, year, lang)),
                Section.numbered(text(lang, "customerService.paid_service_complaint_follow_up_visits"),
                        ReturnVisitTables.paidServiceTable(visits, year, lang),
                        ReturnVisitTables.complaintFollowUpTable(visits, year, lang)),
                // on a page of its own, which it fills at most (the counts and the oldest entries)
                new Section(text(lang, "customerService.households_visit_again"), true, true,
                        FollowUpTables.headOfficeSummary(source, year, fullLists, lang)));
    }
}
