package com.propertyquality.review.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.scope.context.ChunkContext;

import com.propertyquality.review.contract.Template;
import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.lake.StagedFile;

/**
 * Loads one review plan: reads it, checks every entry against its table's rules, and stages all tables, or, if
 * anything is wrong, stages nothing and reports every problem with its line. A plan is one document: half a
 * plan would mislead the review, so it loads whole or not at all.
 */
public class ReviewPlanTasklet implements Tasklet {

    private final FileLoad load;
    private final LoadScope scope;
    private final Lake lake;
    private final String runId;

    public ReviewPlanTasklet(FileLoad load, LoadScope scope, Lake lake, String runId) {
        this.load = load;
        this.scope = scope;
        this.lake = lake;
        this.runId = runId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        load.encoding("UTF-8 (YAML)");
        ReviewPlanReader.PlanRows plan = ReviewPlanReader.read(load.file());
        plan.warnings().forEach(load::warn);
        load.countRead();
        Map<Template, List<CheckedRow>> checked = new LinkedHashMap<>();
        int problems = 0;
        for (Map.Entry<Template, List<SourceRow>> table : plan.rows().entrySet()) {
            RowRules rules = new RowRules(table.getKey(), scope);
            List<CheckedRow> rows = new ArrayList<>();
            for (SourceRow row : table.getValue()) {
                CheckedRow result = rules.check(row);
                rows.add(result);
                if (!result.stored()) {
                    load.rejects().reject(table.getKey().name(), row, result.violations(),
                            load.loggedCells(row.rawCells()));
                    problems++;
                }
            }
            checked.put(table.getKey(), rows);
        }
        if (problems > 0) {
            throw new UnreadableFileException("the plan has " + problems + " entr" + (problems == 1 ? "y" : "ies")
                    + " with problems (see the rejects file); nothing of it was loaded");
        }
        List<StagedFile> staged = new ArrayList<>();
        checked.forEach((table, rows) -> {
            StagedFile file = lake.stage(runId, load.index(), table);
            for (CheckedRow row : rows) {
                file.write(row.values(), row.source().file(), row.source().row());
            }
            staged.add(file);
        });
        load.staged(staged);
        load.countStored();
        return RepeatStatus.FINISHED;
    }
}
