package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import com.propertyquality.review.reports.document.Lang;

/**
 * The few words every chapter of the packet prints the same way (yes/no, an office, an empty
 * year), so that the chapters written by different hands read as one document.
 */
final class Labels {

    private Labels() {}

    /** 是 / 否; null (not known) stays null and prints "—". */
    static String yesNo(Boolean value, Lang lang) {
        return value == null ? null : value ? text(lang, "labels.yes") : text(lang, "labels.no");
    }

    /**
     * What follows the company return rate when it leaves offices out (survey_returns.company_offices_left_out):
     * "（不含 2 个数据异常的管理处）"; nothing when none is left out or the count is unknown.
     */
    static String leftOutOfCompanyRate(Long leftOut, Lang lang) {
        return leftOut == null || leftOut <= 0 ? ""
                : text(lang, "labels.leaving_out_offices_with_data_anomaly", leftOut);
    }

    /** The office as the mart names it; its id when the register has no name for it. */
    static String office(MartRow row) {
        String name = row.text("office_name");
        return name != null ? name : row.text("office_id");
    }

    /** The company-wide line or scope (全公司). */
    static String company(Lang lang) {
        return ReviewTerms.company(lang);
    }

    /** A year without any row for a table. */
    static String noRecords(int year, Lang lang) {
        return text(lang, "labels.no_records", year);
    }
}
