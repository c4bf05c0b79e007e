package com.propertyquality.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.marts.MartRows;
import com.propertyquality.review.marts.SurveyMarts;
import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.SampleReview;

/**
 * The main job on the bundled sample (data/sample), as the README's quick start runs it: every file loads with
 * its deliberate bad rows rejected, the marts hold the figures of data/sample/README.md, and the packet's text
 * carries the marts' numbers.
 */
class ReviewCommandTest {

    static Path work;
    static Cli.Result review;
    static String pdfText;

    @BeforeAll
    static void runReview() throws IOException {
        work = SampleReview.work();
        review = SampleReview.result();
        Path pdf = work.resolve("reports/management-review-2025.pdf");
        if (Files.exists(pdf)) {
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                pdfText = new PDFTextStripper().getText(document);
            }
        }
    }

    @Test
    void theSampleLoadsWithItsBadRowsRejectedAndCountsThatReconcile() {
        assertThat(review.status()).as(review.err()).isZero();
        assertThat(review.out())
                .containsPattern("offices.csv\\s+offices\\s+UTF-8\\s+14\\s+14\\s+0")
                .containsPattern("survey-distribution.csv\\s+survey-distribution\\s+UTF-8 \\(BOM\\)\\s+15\\s+13\\s+2")
                .containsPattern("survey-responses-east.csv\\s+survey-responses\\s+UTF-8\\s+331\\s+328\\s+3")
                .containsPattern("survey-responses-north.csv\\s+survey-responses\\s+GB18030\\s+171\\s+169\\s+2")
                .containsPattern("survey-responses-south.xlsx\\s+survey-responses\\s+xlsx\\s+77\\s+76\\s+1")
                .containsPattern("households.csv\\s+households\\s+UTF-8 \\(BOM\\)\\s+703\\s+700\\s+3")
                .containsPattern("feedback-2025.csv\\s+feedback\\s+UTF-8\\s+1214\\s+1211\\s+3")
                .containsPattern("return-visits-2025.xlsx\\s+return-visits\\s+xlsx\\s+629\\s+627\\s+2")
                .containsPattern("purchases-2025.csv\\s+purchases\\s+UTF-8\\s+3002\\s+3000\\s+2")
                .containsPattern("inspections-2025.csv\\s+inspections\\s+UTF-8\\s+439\\s+437\\s+2")
                .containsPattern("actions-2025.csv\\s+actions\\s+UTF-8\\s+44\\s+42\\s+2")
                .containsPattern("review-plan-2025.yaml\\s+review-plan\\s+UTF-8 \\(YAML\\)\\s+1\\s+1\\s+0")
                .contains("Stored 6618 rows; rejected 22 rows");
    }

    @Test
    void theMartsHoldTheSampleFiguresWorkedOutFromTheFiles() {
        MartRows marts = new MartRows(work.resolve("marts"));
        Map<String, Object> company = marts.readYear(SurveyMarts.SATISFACTION_COMPANY, 2025).get(0);
        assertThat(company).containsEntry("forms", 573L).containsEntry("qualified", 4390L)
                .containsEntry("unsatisfied", 524L).containsEntry("unrated", 243L);
        assertThat((Double) company.get("satisfaction_rate")).isEqualTo(4390.0 / (4390 + 524));

        List<Map<String, Object>> returns = marts.readYear(SurveyMarts.SURVEY_RETURNS, 2025);
        assertThat(returns).hasSize(14);
        assertThat(row(returns, "SZ02")).containsEntry("forms_distributed", 50L).containsEntry("forms_returned", 30L)
                .containsEntry("return_rate", 0.6).containsEntry("meets_threshold", true);
        assertThat(row(returns, "SZ04")).containsEntry("forms_returned", 33L).containsEntry("return_rate", 1.1)
                .containsEntry("meets_threshold", false).containsEntry("anomaly", "returned_exceeds_distributed");
        assertThat(row(returns, "DG02")).containsEntry("forms_distributed", null).containsEntry("forms_returned", 25L)
                .containsEntry("anomaly", "no_distribution_record");
        assertThat(row(returns, "GZ03")).containsEntry("return_rate", 0.45).containsEntry("meets_threshold", false);
        assertThat(returns.stream().filter(r -> !(Boolean) r.get("meets_threshold")).map(r -> r.get("office_id")))
                .containsExactlyInAnyOrder("DG01", "DG02", "GZ03", "SZ04", "ZH01");
    }

    @Test
    void thePacketIsWrittenInChinese() {
        assertThat(review.out()).contains("Packet 2025: " + work.resolve("reports/management-review-2025.pdf"));
        assertThat(pdfText).contains("管理评审资料", "示例物业管理有限公司", "2025 年度", "目录", "第 2 页");
    }

    @Test
    void checkReturnsOnTheSampleFlagsTheOfficesUnderSixtyPercent() {
        Cli.Result check = Cli.run("check-returns", "--work", work.toString());
        assertThat(check.status()).isEqualTo(3);
        assertThat(check.out()).contains("9 of 14 offices meet the threshold; 5 do not.")
                .containsPattern("SZ02\\s+\\S+\\s+50\\s+30\\s+60.00%\\s+yes");
    }

    @Test
    void checkReturnsRefusesAYearWithoutDataAndOneWithoutSurvey() {
        Cli.Result none = Cli.run("check-returns", "--work", work.toString(), "--year", "1999");
        assertThat(none.status()).isEqualTo(ReviewCli.FAILURE);
        assertThat(none.err()).startsWith("error: no data for 1999: ");
        assertThat(none.out()).isEmpty();
        // 2024 has feedback entries, but no survey to check
        Cli.Result feedbackOnly = Cli.run("check-returns", "--work", work.toString(), "--year", "2024");
        assertThat(feedbackOnly.status()).isEqualTo(ReviewCli.FAILURE);
        assertThat(feedbackOnly.err()).isEqualTo("error: no survey data for 2024" + System.lineSeparator());
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String officeId) {
        return rows.stream().filter(r -> officeId.equals(r.get("office_id"))).findFirst().orElseThrow();
    }
}
