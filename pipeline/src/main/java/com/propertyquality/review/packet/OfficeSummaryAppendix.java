package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Section;

/**
 * 附录：各管理处: head office's appendix, one page per office of the register, each the office's summary
 * ({@link OfficeSummary}). Rows without an office (plan events, head-office actions, company-wide triggers) are
 * left out, since their text may name other offices.
 */
public final class OfficeSummaryAppendix {

    private OfficeSummaryAppendix() {}

    public static Chapter build(PacketSource source, int year, Lang lang) {
        List<Section> sections = new ArrayList<>();
        OfficeRegister register = OfficeRegister.of(source, year);
        // one pass over the register's rows for every office, not one per office
        Map<String, OfficeFigures.FeedbackByKind> feedback = OfficeFigures.FeedbackByKind.ofEveryOffice(source, year);
        Map<String, List<MartRow>> failed = OfficeFigures.failedActionsByOffice(source, year);
        for (OfficeRegister.Office office : register.offices()) {
            sections.addAll(OfficeSummary.sections(new OfficeFigures(source, year, office.id(), register,
                    feedback.getOrDefault(office.id(), new OfficeFigures.FeedbackByKind()),
                    failed.getOrDefault(office.id(), List.of())), office, lang));
        }
        if (sections.isEmpty()) {
            sections.add(Section.of(null, Paragraphs.of(
                    text(lang, "officeSummary.neither_office_register_nor_survey_returns"))));
        }
        return new Chapter(text(lang, "officeSummary.appendix_offices"), text(lang, "officeSummary.offices"), sections);
    }

    /**
     * The office's one-page summary: returns and satisfaction against the company, its items below the company,
     * its feedback, inspections, actions and value segments.
     *
     * @throws IllegalArgumentException when the office is in neither the register nor the year's survey returns
     */
    public static List<Section> officeSections(PacketSource source, int year, String officeId, Lang lang) {
        OfficeRegister.Office office = OfficeFigures.office(source, year, officeId);
        return OfficeSummary.sections(new OfficeFigures(source, year, office.id()), office, lang);
    }
}
