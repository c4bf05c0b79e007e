package com.propertyquality.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.lake.ParquetRows;
import com.propertyquality.review.marts.SurveyMarts;
import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.SampleReview;

/**
 * A signed packet can be reproduced exactly: load, aggregate and render; load a correction; aggregate again from
 * the lake as it was after the first load ({@code aggregate --snapshot RUN_ID}) and render: every page reads as the
 * first packet's, the data-sources page included, while the lake as it is now gives other figures.
 */
class SnapshotReproductionTest {

    private static final String PACKET = "reports/management-review-2025.pdf";

    @TempDir
    Path work;

    @TempDir
    Path correction;

    @Test
    void aPacketBuiltFromTheSnapshotOfItsRunReadsAsTheFirstOneAfterACorrectionWasLoaded() throws Exception {
        Cli.Result first = Cli.run("review", "--input", SampleReview.SAMPLE.toString(), "--work", work.toString(),
                "--year", "2025");
        assertThat(first.status()).as(first.out() + first.err()).isZero();
        String firstRun = runIds().get(0);
        List<String> signed = SamplePacketClockTest.pageTexts(work.resolve(PACKET));
        assertThat(String.join("\n", signed)).contains("数据来源").contains(firstRun);

        // SZ01 handed out 150 forms, not 110: a corrected distribution file for that office alone
        Files.writeString(correction.resolve("survey-distribution-sz01.csv"), "\uFEFF年度,管理处编号,发放份数\n2025,SZ01,150\n",
                StandardCharsets.UTF_8);
        Cli.Result corrected = Cli.run("ingest", "--input", correction.toString(), "--work", work.toString());
        assertThat(corrected.status()).as(corrected.out() + corrected.err()).isZero();

        Path now = work.resolve("marts-now");
        Cli.Result current = Cli.run("aggregate", "--work", work.toString(), "--marts", now.toString(),
                "--mart", SurveyMarts.SURVEY_RETURNS);
        assertThat(current.status()).as(current.out() + current.err()).isZero();
        assertThat(distributed(now)).as("the lake as it is now holds the correction").isEqualTo(150L);

        Cli.Result reproduced = Cli.run("aggregate", "--work", work.toString(), "--snapshot", firstRun);
        assertThat(reproduced.status()).as(reproduced.out() + reproduced.err()).isZero();
        assertThat(distributed(work.resolve("marts"))).isEqualTo(110L);
        Cli.Result report = Cli.run("report", "--work", work.toString(), "--year", "2025");
        assertThat(report.status()).as(report.out() + report.err()).isZero();

        List<String> again = SamplePacketClockTest.pageTexts(work.resolve(PACKET));
        assertThat(again).hasSameSizeAs(signed);
        for (int page = 0; page < signed.size(); page++) {
            assertThat(again.get(page)).as("page %d", page + 1).isEqualTo(signed.get(page));
        }
    }

    @Test
    void aRunThatCommittedNothingIsRefusedWithAClearError() {
        Cli.Result result = Cli.run("aggregate", "--work", work.toString(), "--snapshot", "20260101-000000-000-deadbeef");
        assertThat(result.status()).isNotZero();
        assertThat(result.err()).contains("no table of the lake has a snapshot of the run 20260101-000000-000-deadbeef");
    }

    /** SZ01's forms handed out in 2025, as the survey_returns mart in {@code marts} holds them. */
    private static Long distributed(Path marts) {
        return ParquetRows.read(marts.resolve(SurveyMarts.SURVEY_RETURNS)).stream()
                .filter(row -> "SZ01".equals(row.get("office_id")) && Integer.valueOf(2025).equals(row.get("year")))
                .map(row -> ((Number) row.get(SurveyMarts.SurveyReturns.FORMS_DISTRIBUTED.name())).longValue())
                .findFirst().orElseThrow();
    }

    private List<String> runIds() throws IOException {
        try (var runs = Files.list(work.resolve("runs"))) {
            return runs.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
