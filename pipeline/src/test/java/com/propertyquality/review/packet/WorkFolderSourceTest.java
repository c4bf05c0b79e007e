package com.propertyquality.review.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.lake.StagedFile;

class WorkFolderSourceTest {

    @TempDir
    Path work;

    /** The plan tables are partitioned by year=<yyyy>/; the folder's text must come back as the int Spark reads. */
    @Test
    void theReviewPlanOfAYearIsFoundByItsYear() {
        Lake lake = new Lake(new WorkFolder(work).lake());
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
}
