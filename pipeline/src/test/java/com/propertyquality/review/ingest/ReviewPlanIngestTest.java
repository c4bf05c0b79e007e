package com.propertyquality.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.cli.ReviewCli;
import com.propertyquality.review.support.Cli;
import com.propertyquality.review.support.OfficeFiles;
import com.propertyquality.review.support.LakeRows;

/** The review plan (review-plan*.yaml): loaded whole into its tables, or not at all with every problem's line. */
class ReviewPlanIngestTest {

    @TempDir
    Path temp;
    Path input;
    Path work;

    @BeforeEach
    void folders() throws IOException {
        input = Files.createDirectories(temp.resolve("input"));
        work = temp.resolve("work");
        OfficeFiles.utf8(input, "offices.csv", "office_id,office_name", "A01,甲管理处");
    }

    @Test
    void aPlanInChineseOrEnglishKeysLoadsIntoItsTables() throws IOException {
        plan("review-plan-2025.yaml", """
                年度: 2025
                meeting_date: 2026-01-15
                会议时间: "09:30"
                place: 总部会议室
                chair: 陈志远
                管理者代表: 林晓燕
                previous_review_on: 2025/1/10
                agenda: not part of a plan
                参加人员:
                  - {姓名: 陈志远, department: 总经理室}
                  - {name: 黄嘉喆, 部门: 客户服务中心}
                objectives:
                  - {name: 顾客满意率, metric: 满意率, target: 0.9}
                  - {name: 回收率, metric: survey_return_rate, comparison: at_least, target: 0.6}
                events:
                  - {date: 2025-05-20, kind: 严重投诉, description: 电梯停运}
                department_reports:
                  - department: 客户服务中心
                    text: |
                      全年完成顾客意见调查。
                """);

        Cli.Result result = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("review-plan-2025.yaml\\s+review-plan\\s+UTF-8 \\(YAML\\)\\s+1\\s+1\\s+0")
                .contains("warning: key 'agenda' (line 8) is not part of a review plan: ignored");
        Map<String, Object> meeting = single(read("review_plan"));
        assertThat(meeting).containsEntry("year", 2025).containsEntry("meeting_date", LocalDate.of(2026, 1, 15))
                .containsEntry("meeting_time", "09:30").containsEntry("chair", "陈志远")
                .containsEntry("management_representative", "林晓燕")
                .containsEntry("previous_review_on", LocalDate.of(2025, 1, 10))
                .containsEntry("source_file", "review-plan-2025.yaml");
        assertThat(read("review_attendees")).extracting(r -> r.get("seq") + ":" + r.get("name") + "/" + r.get("department"))
                .containsExactly("1:陈志远/总经理室", "2:黄嘉喆/客户服务中心");
        assertThat(read("review_objectives")).extracting(r -> r.get("metric") + " " + r.get("comparison") + " " + r.get("target"))
                .containsExactly("satisfaction_rate at_least 0.9", "survey_return_rate at_least 0.6");
        assertThat(single(read("review_events"))).containsEntry("kind", "serious_complaint")
                .containsEntry("date", LocalDate.of(2025, 5, 20)).containsEntry("source_row", 16);
        assertThat(single(read("review_department_reports"))).containsEntry("text", "全年完成顾客意见调查。");
    }

    @Test
    void aPlanWithProblemsLoadsNothingAndNamesEveryLine() throws IOException {
        plan("review-plan-2025.yml", """
                year: 2025
                meeting_date: 2026-02-30
                place: 总部会议室
                chair: 陈志远
                objectives:
                  - {name: 顾客满意率, target: ninety}
                events:
                  - {date: 2025-05-20, kind: flood, description: 水浸}
                  - just a line
                """);

        Cli.Result result = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());

        assertThat(result.status()).isEqualTo(ReviewCli.FILE_NOT_LOADED);
        assertThat(result.out()).containsPattern("review-plan-2025.yml\\s+review-plan\\s+NOT LOADED: the plan has 4"
                + " entries with problems");
        assertThat(work.resolve("lake/quality/review_plan")).doesNotExist();
        assertThat(work.resolve("lake/quality/review_events")).doesNotExist();
        List<String> rejects = Files.readAllLines(latestRun().resolve("rejects.csv"), StandardCharsets.UTF_8);
        assertThat(rejects).anyMatch(l -> l.contains(",1,meeting_date,2026-02-30,\"not a valid date"))
                .anyMatch(l -> l.contains(",1,management_representative,,required value is missing"))
                .anyMatch(l -> l.contains(",6,target,ninety,not a number"))
                .anyMatch(l -> l.contains(",8,kind,flood,\"not an allowed value"))
                .anyMatch(l -> l.contains(",9,,,an entry of events must be a mapping of fields"))
                .anyMatch(l -> l.contains("file not loaded: the plan has 4 entries with problems"));
    }

    @Test
    void aFileThatIsNotYamlIsReported() throws IOException {
        plan("review-plan.yaml", "year: [2025\nplace: {");

        Cli.Result result = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());

        assertThat(result.status()).isEqualTo(ReviewCli.FILE_NOT_LOADED);
        assertThat(result.out()).containsPattern("review-plan.yaml\\s+review-plan\\s+NOT LOADED: not valid YAML");
    }

    private void plan(String name, String yaml) throws IOException {
        Files.writeString(input.resolve(name), yaml, StandardCharsets.UTF_8);
    }

    private List<Map<String, Object>> read(String dataset) {
        return LakeRows.read(work, dataset).stream()
                .sorted(Comparator.comparing(r -> (Integer) r.get("source_row"))).toList();
    }

    private static Map<String, Object> single(List<Map<String, Object>> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private Path latestRun() throws IOException {
        try (Stream<Path> runs = Files.list(work.resolve("rejects"))) {
            return runs.max(Comparator.naturalOrder()).orElseThrow();
        }
    }
}
