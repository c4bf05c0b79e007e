package com.propertyquality.review.ingest;

import java.util.List;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The file job: one chunk step that reads a template file, checks each row against the contract and writes
 * stored rows to staging and rejected rows to the rejects file. One job instance per (run, file); the step's
 * beans take the file from the job parameters.
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobConfiguration {

    public static final String JOB_NAME = "ingestFile";
    public static final String PLAN_JOB_NAME = "ingestReviewPlan";
    public static final String RUN_ID = "run.id";
    public static final String FILE_INDEX = "file.index";
    public static final String FILE = "file";
    public static final String TEMPLATE = "template";
    public static final String WORK = "work";
    /** The lake's location: the key that finds a killed run's jobs when work folders differ but the lake is one. */
    public static final String LAKE = "lake";

    /** Rows per chunk (in blocks of rows): large enough that the job repository's per-chunk update costs little. */
    static final int CHUNK_SIZE = 2_000;

    @Bean
    Job ingestFileJob(JobRepository jobRepository, Step loadFileStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(loadFileStep).build();
    }

    /**
     * The step of one file's job, built for that job (job-scoped) with its reader, processor and writer as plain
     * objects, its items blocks of rows ({@link RowBlockReader}). Step-scoped beans would be proxies that look the
     * bean up in the step's scope on every call, and the chunk step wraps every item in an observation and a retry:
     * per row, the two took 4.5% of the ingest's profile at scale 1, and about 8% of its CPU at scale 10
     * (BENCHMARKS.md, issue 17).
     */
    @Bean
    @JobScope
    Step loadFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, IngestRuns runs,
                      @Value("#{jobParameters['run.id']}") String runId,
                      @Value("#{jobParameters['file.index']}") Long fileIndex) {
        IngestRun run = runs.get(runId);
        FileLoad load = run.file(fileIndex);
        return new StepBuilder("loadFile", jobRepository)
                .<List<SourceRow>, List<CheckedRow>>chunk(CHUNK_SIZE / RowBlockReader.BLOCK_ROWS)
                .transactionManager(transactionManager)
                .reader(new RowBlockReader(new TemplateFileReader(load, run.encodingOverride(),
                        new ProgressLine(run.out(), load.fileName()))))
                .processor(new RowCheckProcessor(new RowRules(load.template(), run.scope())))
                .writer(new StagingWriter(load))
                .build();
    }

    /** The review plan's job: one tasklet step, since a plan loads whole or not at all. */
    @Bean
    Job ingestReviewPlanJob(JobRepository jobRepository, Step loadReviewPlanStep) {
        return new JobBuilder(PLAN_JOB_NAME, jobRepository).start(loadReviewPlanStep).build();
    }

    @Bean
    Step loadReviewPlanStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            ReviewPlanTasklet reviewPlanTasklet) {
        return new StepBuilder("loadReviewPlan", jobRepository).tasklet(reviewPlanTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    ReviewPlanTasklet reviewPlanTasklet(IngestRuns runs, @Value("#{jobParameters['run.id']}") String runId,
                                        @Value("#{jobParameters['file.index']}") Long fileIndex) {
        IngestRun run = runs.get(runId);
        return new ReviewPlanTasklet(run.file(fileIndex), run.scope(), run.lake(), runId);
    }
}
