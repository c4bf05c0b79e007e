package com.propertyquality.review.support;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.lake.StagedFile;
import com.propertyquality.review.metrics.SurveyItem;

/**
 * Builds a small company straight into a lake through the lake's own writer, for mart and report tests whose
 * expected figures are worked out by hand.
 */
public final class LakeFixture {

    private final Lake lake;
    private final List<Object[]> offices = new ArrayList<>();
    private final List<Object[]> distribution = new ArrayList<>();
    private final List<Object[]> responses = new ArrayList<>();

    public LakeFixture(Path lakeFolder) {
        this.lake = new Lake(lakeFolder);
    }

    public LakeFixture office(String id, String name) {
        offices.add(new Object[] {id, name, null, null, null});
        return this;
    }

    public LakeFixture distributed(String office, int year, int forms) {
        distribution.add(new Object[] {office, year, forms});
        return this;
    }

    /** One returned form; ratings in form order (see {@link SurveyItem}), null for a blank item. */
    public LakeFixture form(String id, String office, int year, String... ratings) {
        if (ratings.length != SurveyItem.perForm()) {
            throw new IllegalArgumentException("a form rates " + SurveyItem.perForm() + " items");
        }
        Object[] row = new Object[ImportTemplates.SURVEY_RESPONSES.columns().size()];
        row[0] = id;
        row[1] = office;
        row[2] = year;
        row[4] = LocalDate.of(year, 6, 1);
        System.arraycopy(ratings, 0, row, 5, ratings.length);
        responses.add(row);
        return this;
    }

    /** Every form of {@code count} with the same nine ratings. */
    public LakeFixture forms(int count, String prefix, String office, int year, String... ratings) {
        for (int i = 1; i <= count; i++) {
            form(prefix + i, office, year, ratings);
        }
        return this;
    }

    public void write() {
        write(ImportTemplates.OFFICES, offices);
        write(ImportTemplates.SURVEY_DISTRIBUTION, distribution);
        write(ImportTemplates.SURVEY_RESPONSES, responses);
    }

    private void write(Template template, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String run = "fixture-" + template.dataset();
        StagedFile staged = lake.stage(run, 1, template);
        int line = 2;
        for (Object[] row : rows) {
            staged.write(row, "fixture.csv", line++);
        }
        staged.close();
        lake.commit(run, template, List.of(staged));
        lake.dropStaging(run);
    }

    /** Nine ratings: the given ones first, the rest blank. */
    public static String[] ratings(String... first) {
        String[] all = new String[SurveyItem.perForm()];
        System.arraycopy(first, 0, all, 0, first.length);
        return all;
    }

    public static String[] all(String rating) {
        String[] all = new String[SurveyItem.perForm()];
        java.util.Arrays.fill(all, rating);
        return all;
    }
}
