package com.propertyquality.review.packet;

import java.nio.file.Path;

import org.springframework.stereotype.Service;

import com.propertyquality.review.config.ReviewProperties;
import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.marts.MartRows;
import com.propertyquality.review.reports.DocumentRenderer;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.ReportDocument;
import com.propertyquality.review.reports.document.ReportFormat;

/**
 * Renders the reports of a year from the marts (and the review plan) into {@code <work>/reports/}: the
 * management-review packet, one office's report and the return-rate check, each as PDF, XLSX or HTML, in Chinese or
 * English. Every figure is the mart's, as it is.
 */
@Service
public class PacketService {

    private final ReviewProperties properties;
    private final WorkFolder work;
    private final DocumentRenderer renderer = new DocumentRenderer();

    public PacketService(ReviewProperties properties, WorkFolder work) {
        this.properties = properties;
        this.work = work;
    }

    /** The latest survey year in the marts, the default of --year. */
    public int latestYear() {
        return new MartRows(work.marts()).latestSurveyYear()
                .orElseThrow(() -> new IllegalStateException("the marts hold no survey year: load survey data first"));
    }

    /**
     * {@code <work>/reports/management-review-YYYY[-en].pdf|xlsx|html}.
     *
     * @throws YearData.NoData for a year without data ({@link YearData}); nothing is written then
     */
    public Path renderPacket(int year, Lang lang, ReportFormat format) {
        return write(packet(year, lang, format), "management-review-" + year, lang, format);
    }

    /**
     * {@code <work>/reports/office-ID-YYYY[-en].pdf|xlsx|html}.
     *
     * @throws YearData.NoData for a year, or an office's year, without data; nothing is written then
     */
    public Path renderOffice(int year, String officeId, Lang lang, ReportFormat format) {
        return write(office(year, officeId, lang), "office-" + officeId + "-" + year, lang, format);
    }

    /**
     * {@code <work>/reports/return-rates-YYYY[-en].pdf|xlsx|html}.
     *
     * @throws YearData.NoData for a year without data; nothing is written then
     */
    public Path renderReturnsCheck(int year, Lang lang, ReportFormat format) {
        return write(returnsCheck(year, lang), "return-rates-" + year, lang, format);
    }

    // Each document is built in a method of its own, so that the source, which keeps the mart rows it read
    // (hundreds of megabytes for 2,000 offices), is garbage before the pages are laid out (BENCHMARKS.md, issue 17).

    private ReportDocument packet(int year, Lang lang, ReportFormat format) {
        PacketSource source = source();
        YearData.require(source, year);
        return ManagementReviewPacket.of(source, year, format == ReportFormat.XLSX, lang);
    }

    private ReportDocument office(int year, String officeId, Lang lang) {
        PacketSource source = source();
        YearData.require(source, year);
        YearData.requireOffice(source, year, officeId);
        return OfficeReport.of(source, year, officeId, lang);
    }

    private ReportDocument returnsCheck(int year, Lang lang) {
        PacketSource source = source();
        YearData.require(source, year);
        return ReturnRatesCheck.of(source, year, lang);
    }

    private PacketSource source() {
        return new WorkFolderSource(work, properties.companyName(), properties.returns().threshold());
    }

    private Path write(ReportDocument document, String name, Lang lang, ReportFormat format) {
        Path out = work.reports().resolve(name + (lang == Lang.ZH ? "" : "-" + lang.name().toLowerCase())
                + "." + format.extension());
        renderer.render(document, format, out);
        return out;
    }
}
