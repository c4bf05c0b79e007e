package com.propertyquality.review.marts;

import static com.propertyquality.review.support.OfficeFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.support.Cli;

/**
 * Satisfaction by customer segment and the follow-up list, from office files through ingest and aggregate, on a
 * company small enough to count by hand. H1 is a young single teacher (category A), H2 a family with a child
 * (H), H3 three generations with no occupation given (H); R4 has no household and R5 an unknown one.
 */
class CustomerMartsTest {

    private static final String HEADER = "response_id,office_id,year,household_id,returned_on,environment,greening,"
            + "maintenance";

    @TempDir
    static Path work;
    static MartRows marts;
    static int privateFilesGarbled;
    static String aggregateOut;

    @BeforeAll
    static void company() throws Exception {
        Path input = Files.createDirectories(work.resolve("input"));
        utf8(input, "offices.csv", "office_id,office_name", "A,甲管理处", "B,乙管理处");
        utf8(input, "households.csv",
                "household_id,office_id,category,head_age,occupation,family_size,children,elderly,name,phone",
                "H1,A,A,28,教师,1,0,0,王小明,138-0000-1111",
                "H2,A,普通白领,45,白领,3,1,0,李四,13912345678",
                "H3,B,H,70,,4,1,2,欧阳修文,");
        utf8(input, "survey-responses.csv", HEADER,
                "R1,A,2025,H1,2025-06-01,satisfied,dissatisfied,",
                "R2,A,2025,H2,2025-06-02,very_satisfied,satisfied,satisfied",
                "R3,B,2025,H3,2025-06-03,very_dissatisfied,satisfied,satisfied",
                "R4,B,2025,,2025-06-04,satisfied,satisfied,satisfied",
                "R5,A,2025,H9,2025-06-05,dissatisfied,,");
        utf8(input, "return-visits.csv", "visit_id,office_id,visited_on,household_id,purpose,ref_id,result,note",
                "V1,A,2025-07-01,H2,paid_service,W-17,dissatisfied,维修后仍漏水",
                "V2,A,2025-07-02,H1,complaint,F-3,satisfied,",
                "V3,B,2025-07-03,H3,survey_check,R3,confirmed,");
        assertThat(Cli.run("ingest", "--input", input.toString(), "--work", work.toString()).status()).isZero();
        // the personal data's files made unreadable: a mart reading them would fail the aggregate below
        try (Stream<Path> files = Files.walk(work.resolve("lake/private/households_private/data"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
                Files.write(file, new byte[(int) Files.size(file)]);
                privateFilesGarbled++;
            }
        }
        Cli.Result aggregate = Cli.run("aggregate", "--work", work.toString(), "--as-of", "2026-01-10");
        assertThat(aggregate.status()).as(aggregate.err()).isZero();
        aggregateOut = aggregate.out();
        marts = new MartRows(work.resolve("marts"));
    }

    @Test
    void noMartReadsThePersonalData() {
        // every mart was computed (the aggregate succeeded) while the private table's data files were zeros
        assertThat(privateFilesGarbled).as("the private table's data files, one per office").isEqualTo(2);
        assertThat(marts.read(CustomerMarts.FOLLOW_UP_LIST)).isNotEmpty();
        assertThat(marts.read(CustomerMarts.SATISFACTION_BY_SEGMENT)).isNotEmpty();
    }

    @Test
    void theAggregatePrintsEveryMartAsItIsWritten() {
        int all = Marts.all().size();
        List<String> lines = aggregateOut.lines().filter(line -> line.contains(" marts, ") && line.contains(" rows "))
                .toList();
        assertThat(lines).hasSize(all);
        for (Mart mart : Marts.all()) {
            assertThat(lines).as(mart.name()).anyMatch(line -> line.startsWith("  " + mart.name() + " "));
        }
        assertThat(lines.get(lines.size() - 1)).contains(all + " of " + all + " marts");
        assertThat(aggregateOut).contains("Aggregated in ", all + " marts, ");
    }

    @Test
    void segmentsCountTheFormsOfKnownHouseholdsOnly() {
        List<Map<String, Object>> rows = marts.readYear(CustomerMarts.SATISFACTION_BY_SEGMENT, 2025);

        // company: category A is R1 (q1 u1 n7); H is R2 (q3 n6) and R3 (q2 u1 n6)
        assertThat(row(rows, null, "category", "A")).containsEntry("forms", 1L).containsEntry("qualified", 1L)
                .containsEntry("unsatisfied", 1L).containsEntry("unrated", 7L).containsEntry("satisfaction_rate", 0.5);
        assertThat(row(rows, null, "category", "H")).containsEntry("forms", 2L).containsEntry("qualified", 5L)
                .containsEntry("unsatisfied", 1L).containsEntry("unrated", 12L);
        assertThat((Double) row(rows, null, "category", "H").get("satisfaction_rate")).isEqualTo(5.0 / 6);
        assertThat(row(rows, "A", "category", "H")).containsEntry("forms", 1L).containsEntry("satisfaction_rate", 1.0);
        assertThat(row(rows, null, "age_band", "under_30")).containsEntry("forms", 1L);
        assertThat(row(rows, null, "age_band", "45_59")).containsEntry("forms", 1L);
        assertThat(row(rows, null, "age_band", "60_74")).containsEntry("forms", 1L);
        // the bands come in age order (under 30 first), not in their codes' text order ("30_44" < "under_30")
        assertThat(rows).filteredOn(r -> r.get("office_id") == null && "age_band".equals(r.get("dimension")))
                .extracting(r -> r.get("segment")).containsExactly("under_30", "45_59", "60_74");
        // and the dimensions in the mart's order: category, age band, family structure, occupation
        assertThat(rows).filteredOn(r -> r.get("office_id") == null).extracting(r -> r.get("dimension"))
                .containsSubsequence(CustomerMarts.DIMENSIONS);
        assertThat(row(rows, null, "family_structure", "single")).containsEntry("forms", 1L);
        assertThat(row(rows, null, "family_structure", "with_children")).containsEntry("qualified", 3L);
        assertThat(row(rows, null, "family_structure", "three_generations")).containsEntry("unsatisfied", 1L);
        assertThat(row(rows, null, "occupation", "unknown")).containsEntry("forms", 1L);
        // every dimension covers the same three linked forms
        for (String dimension : CustomerMarts.DIMENSIONS) {
            long forms = rows.stream().filter(r -> r.get("office_id") == null && dimension.equals(r.get("dimension")))
                    .mapToLong(r -> (Long) r.get("forms")).sum();
            assertThat(forms).as(dimension).isEqualTo(3);
        }
    }

    @Test
    void aSegmentsIntervalCountsItsRatingFormsNotItsItems() {
        List<Map<String, Object>> rows = marts.readYear(CustomerMarts.SATISFACTION_BY_SEGMENT, 2025);

        // category H: 5 of 6 items on 2 forms, n = 2: 1 + z²/2 = 2.9207294103; centre = (5/6 + z²/4)/2.9207294103
        // = 0.6141267425; half = z/2.9207294103 · √(5/72 + z²/16) = 0.6710529149 · 0.5563592551 = 0.3733464999
        // → [0.2407802426, 0.9874732424]
        Map<String, Object> h = row(rows, null, "category", "H");
        assertThat(h).containsEntry("rated_forms", 2L);
        assertThat((Double) h.get("satisfaction_rate_ci_low")).isCloseTo(0.2407802426, within(1e-9));
        assertThat((Double) h.get("satisfaction_rate_ci_high")).isCloseTo(0.9874732424, within(1e-9));
        // category A: 1 of 2 items on R1 alone, n = 1: centre 0.5, half = z/(1 + z²) · √(1/4 + z²/4)
        // = 0.4048292172 · 1.1001657626 = 0.4453792445 → [0.0546207555, 0.9453792445]
        Map<String, Object> a = row(rows, null, "category", "A");
        assertThat(a).containsEntry("rated_forms", 1L);
        assertThat((Double) a.get("satisfaction_rate_ci_low")).isCloseTo(0.0546207555, within(1e-9));
        assertThat((Double) a.get("satisfaction_rate_ci_high")).isCloseTo(0.9453792445, within(1e-9));
    }

    @Test
    void theFollowUpListHasEveryDissatisfiedFormAndVisitAndNoPersonalData() {
        List<Map<String, Object>> rows = marts.read(CustomerMarts.FOLLOW_UP_LIST);

        assertThat(rows).extracting(r -> r.get("ref_id") + "/" + r.get("reason"))
                .containsExactlyInAnyOrder("R1/survey_dissatisfied", "R5/survey_dissatisfied",
                        "W-17/paid_service_dissatisfied", "R3/survey_dissatisfied");
        Map<String, Object> r1 = ref(rows, "R1");
        assertThat(r1).containsEntry("office_id", "A").containsEntry("office_name", "甲管理处")
                .containsEntry("household_id", "H1").containsEntry("detail", "greening")
                .containsEntry("date", LocalDate.of(2025, 6, 1)).containsEntry("source", "survey");
        assertThat(ref(rows, "R3")).containsEntry("household_id", "H3").containsEntry("detail", "environment");
        // a form naming a household the register does not know is still listed, by the id it gives
        assertThat(ref(rows, "R5")).containsEntry("household_id", "H9");
        assertThat(ref(rows, "W-17")).containsEntry("household_id", "H2").containsEntry("note", "维修后仍漏水")
                .containsEntry("source", "return_visit");
        // the households are named by id alone: no contact, whole or masked
        assertThat(r1.keySet()).containsExactlyInAnyOrderElementsOf(CustomerMarts.FollowUpList.COLUMNS.names());
        assertThat(rows.toString()).doesNotContain("王小明", "李四", "欧阳修文", "138-0000-1111", "13912345678",
                "王*", "李*", "欧*", "138*", "139*");
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String office, String dimension,
                                           String segment) {
        return rows.stream().filter(r -> java.util.Objects.equals(office, r.get("office_id"))
                && dimension.equals(r.get("dimension")) && segment.equals(r.get("segment"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + office + "/" + dimension + "/" + segment));
    }

    private static Map<String, Object> ref(List<Map<String, Object>> rows, String ref) {
        return rows.stream().filter(r -> ref.equals(r.get("ref_id"))).findFirst().orElseThrow();
    }
}
