package com.propertyquality.review.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.lake.StagedFile;
import com.propertyquality.review.marts.FeedbackMarts;
import com.propertyquality.review.marts.FeedbackMarts.FeedbackSummary;
import com.propertyquality.review.marts.SurveyMarts;
import com.propertyquality.review.marts.SurveyMarts.SurveyReturns;
import com.propertyquality.review.support.TestSpark;

class WorkFolderSourceTest {

    @TempDir
    Path work;

    /** The plan tables are partitioned by year=<yyyy>/; the folder's text must come back as the int Spark reads. */
    @Test
    void theReviewPlanOfAYearIsFoundByItsYear() {
        Lake lake = new Lake(new WorkFolder(work).lake().localPath());
        StagedFile staged = lake.stage("run", 1, ReviewPlanTables.PLAN);
        staged.write(new Object[] {2025, LocalDate.of(2026, 1, 15), "09:30", "总部", "陈志远", "林晓燕",
                LocalDate.of(2025, 1, 10)}, "review-plan-2025.yaml", 2);
        staged.close();
        lake.commit("run", ReviewPlanTables.PLAN, List.of(staged));
        lake.dropStaging("run");

        PacketSource source = new WorkFolderSource(new WorkFolder(work), "公司", new BigDecimal("0.60"));

        assertThat(source.lakeOfYear("review_plan", 2025)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("year", 2025).containsEntry("place", "总部")
                        .containsEntry("meeting_date", LocalDate.of(2026, 1, 15)));
        assertThat(source.lakeOfYear("review_plan", 2024)).isEmpty();
    }

    private static final StructType OFFICE_YEAR_COUNT = new StructType()
            .add("year", DataTypes.IntegerType).add("office_id", DataTypes.StringType)
            .add("entries", DataTypes.LongType);

    /** Writes a mart as aggregate does: one Parquet folder under marts/, rows in the order given. */
    private void writeMart(String name, List<org.apache.spark.sql.Row> rows) {
        TestSpark.session().createDataFrame(rows, OFFICE_YEAR_COUNT).coalesce(1).write()
                .parquet(new WorkFolder(work).marts().resolve(name).toString());
    }

    /** feedback_summary has millions of rows in a big company: the source streams it and never hands it whole. */
    @Test
    void aMartThatGrowsWithTheRegistersIsStreamedAndNeverReadWhole() {
        writeMart(FeedbackMarts.FEEDBACK_SUMMARY, List.of(RowFactory.create(2024, "A", 9L),
                RowFactory.create(2025, "A", 1L), RowFactory.create(2025, "B", 2L), RowFactory.create(2025, "A", 3L)));
        PacketSource source = new WorkFolderSource(new WorkFolder(work), "公司", new BigDecimal("0.60"));

        List<Object> entries = new ArrayList<>();
        source.eachOfYear(FeedbackMarts.FEEDBACK_SUMMARY, 2025, List.of(FeedbackSummary.ENTRIES),
                row -> entries.add(row.count(FeedbackSummary.ENTRIES)));

        assertThat(entries).containsExactly(1L, 2L, 3L);
        for (Runnable whole : List.<Runnable>of(
                () -> source.mart(FeedbackMarts.FEEDBACK_SUMMARY),
                () -> source.martOfYear(FeedbackMarts.FEEDBACK_SUMMARY, 2025),
                () -> source.martOfOffice(FeedbackMarts.FEEDBACK_SUMMARY, 2025, "A"))) {
            assertThatThrownBy(whole::run).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("feedback_summary").hasMessageContaining("row by row");
        }
    }

    @Test
    void anOfficesRowsOfAYearComeInTheMartsOrder() {
        writeMart(SurveyMarts.SURVEY_RETURNS, List.of(RowFactory.create(2024, "A", 9L),
                RowFactory.create(2025, "A", 1L), RowFactory.create(2025, "B", 2L), RowFactory.create(2025, "A", 3L),
                RowFactory.create(2025, null, 4L)));
        PacketSource source = new WorkFolderSource(new WorkFolder(work), "公司", new BigDecimal("0.60"));

        assertThat(source.martOfOffice(SurveyMarts.SURVEY_RETURNS, 2025, "A")).extracting(row -> row.get("entries"))
                .containsExactly(1L, 3L);
        assertThat(source.martOfOffice(SurveyMarts.SURVEY_RETURNS, 2024, "A")).extracting(row -> row.get("entries"))
                .containsExactly(9L);
        assertThat(source.martOfOffice(SurveyMarts.SURVEY_RETURNS, 2025, "C")).isEmpty();
        // the company-wide rows (office_id null) are kept apart in the same grouping
        assertThat(source.martOfCompany(SurveyMarts.SURVEY_RETURNS, 2025)).extracting(row -> row.get("entries"))
                .containsExactly(4L);
        assertThat(source.martOfCompany(SurveyMarts.SURVEY_RETURNS, 2024)).isEmpty();
        assertThat(source.rowsOfCompany(SurveyMarts.SURVEY_RETURNS, 2025)).extracting(row -> row.count("entries"))
                .containsExactly(4L);
        // a streamed read of an ordinary mart gives the same rows
        List<Object> streamed = new ArrayList<>();
        source.eachOfYear(SurveyMarts.SURVEY_RETURNS, 2025, List.of(SurveyReturns.OFFICE_ID),
                row -> streamed.add(row.text(SurveyReturns.OFFICE_ID)));
        assertThat(streamed).containsExactly("A", "B", "A", null);
    }

    /**
     * A streamed pass reads the columns it names and no other, from the mart's file and from an ordinary mart's
     * rows alike: a column it forgot fails in every test instead of passing where the rows happen to hold it.
     */
    @Test
    void aStreamedRowHoldsTheNamedColumnsAndTheYearAlone() {
        writeMart(FeedbackMarts.FEEDBACK_SUMMARY, List.of(RowFactory.create(2024, "A", 9L),
                RowFactory.create(2025, "A", 1L), RowFactory.create(2025, "B", 2L)));
        writeMart(SurveyMarts.SURVEY_RETURNS, List.of(RowFactory.create(2025, "A", 1L)));
        PacketSource source = new WorkFolderSource(new WorkFolder(work), "公司", new BigDecimal("0.60"));

        for (String mart : List.of(FeedbackMarts.FEEDBACK_SUMMARY, SurveyMarts.SURVEY_RETURNS)) {
            List<MartRow> rows = new ArrayList<>();
            source.eachOfYear(mart, 2025, List.of(FeedbackSummary.OFFICE_ID), rows::add);
            assertThat(rows).isNotEmpty().allSatisfy(row -> {
                assertThat(row.values()).containsOnlyKeys("year", "office_id").containsEntry("year", 2025);
                assertThatThrownBy(() -> row.get("entries")).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("no column entries");
            });
        }
        // a column the mart does not declare is refused before anything is read
        assertThatThrownBy(() -> source.eachOfYear(SurveyMarts.SURVEY_RETURNS, 2025,
                List.of(FeedbackSummary.ENTRIES), row -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declares no column entries");
    }
}
