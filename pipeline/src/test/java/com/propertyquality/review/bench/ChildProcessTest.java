package com.propertyquality.review.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @Test
    void aStageGetsTheLaunchersArchiveWhenItLiesBesideTheJar(@TempDir Path app) throws IOException {
        Path jar = Files.createFile(app.resolve("review-pipeline.jar"));
        Files.createFile(app.resolve("review-pipeline.jsa"));

        assertThat(ChildProcess.sharedArchive(jar)).containsExactly(
                "-XX:SharedArchiveFile=" + app.resolve("review-pipeline.jsa"), "-Xshare:auto", "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off");
    }

    @Test
    void theExecutableJarRunsWithoutOne(@TempDir Path target) throws IOException {
        Path jar = Files.createFile(target.resolve("review-pipeline.jar"));

        assertThat(ChildProcess.sharedArchive(jar)).isEqualTo(List.of());
    }

    @Test
    void aChildReallyStartsWithTheArchiveItIsGiven(@TempDir Path app) throws IOException, InterruptedException {
        // the options must be ones the JVM accepts: a typo would fail every stage of a benchmark
        Path archive = app.resolve("review-pipeline.jsa");
        Files.createFile(archive);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString()));
        command.addAll(ChildProcess.sharedArchive(app.resolve("review-pipeline.jar")));
        command.add("-version");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor()).as(output).isZero();
    }

    @Test
    void theAggregatingStagesAndTheSqlPeerGetTheParallelCollectorAsUnderTheLauncher() {
        List<String> parallel = List.of("-XX:+UseParallelGC");

        assertThat(ChildProcess.collector(List.of("aggregate", "--work", "w"))).isEqualTo(parallel);
        assertThat(ChildProcess.collector(List.of("review", "--input", "in"))).isEqualTo(parallel);
        assertThat(ChildProcess.collector(List.of("bench-peer", "spark-figures", "--out", "o"))).isEqualTo(parallel);
        // ingest and report measured no better with it, so they and the loading peers keep the JVM's default
        assertThat(ChildProcess.collector(List.of("ingest", "--input", "in"))).isEmpty();
        assertThat(ChildProcess.collector(List.of("report", "--work", "w"))).isEmpty();
        assertThat(ChildProcess.collector(List.of("bench-peer", "spark-csv", "--input", "in"))).isEmpty();
        assertThat(ChildProcess.collector(List.of("bench-peer", "duckdb-figures", "--out", "o"))).isEmpty();
        assertThat(ChildProcess.collector(List.of())).isEmpty();
    }

    @Test
    void smallDataStagesGetTheFirstCompilerAloneTheOtherBatchStagesC2ForHotCodeOnlyAsUnderTheLauncher(
            @TempDir Path temp) throws IOException {
        List<String> c1 = List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m");
        List<String> hot = List.of("-XX:Tier4InvocationThreshold=100000", "-XX:Tier4MinInvocationThreshold=12000",
                "-XX:Tier4CompileThreshold=300000", "-XX:Tier4BackEdgeThreshold=800000");
        Path small = Files.createDirectories(temp.resolve("small/lake/offices"));
        Files.write(small.resolve("part-0.parquet"), new byte[1024 * 1024]);
        Path large = Files.createDirectories(temp.resolve("large/lake/feedback"));
        Files.write(large.resolve("part-0.parquet"), new byte[(int) ChildProcess.SMALL_DATA_BYTES - 10]);
        Path input = Files.createDirectories(temp.resolve("input"));
        Files.write(input.resolve("feedback-2025.csv"), new byte[11]);
        String smallWork = temp.resolve("small").toString();
        String largeWork = temp.resolve("large").toString();

        assertThat(ChildProcess.compilers(List.of("aggregate", "--work", smallWork))).isEqualTo(c1);
        assertThat(ChildProcess.compilers(List.of("aggregate", "--work=" + smallWork, "--as-of", "x"))).isEqualTo(c1);
        assertThat(ChildProcess.compilers(List.of("review", "--input", input.toString(), "--work", smallWork)))
                .isEqualTo(c1);
        assertThat(ChildProcess.compilers(List.of("aggregate", "--work", largeWork))).isEqualTo(c1);
        // the input's 11 bytes take the large lake over review's line
        assertThat(ChildProcess.compilers(List.of("review", "--input", input.toString(), "--work", largeWork)))
                .isEqualTo(hot);
        // aggregate's line is the lake's 48 MB
        Path larger = Files.createDirectories(temp.resolve("larger/lake/feedback"));
        Files.write(larger.resolve("part-0.parquet"), new byte[(int) ChildProcess.SMALL_LAKE_BYTES - 10]);
        String largerWork = temp.resolve("larger").toString();
        assertThat(ChildProcess.compilers(List.of("aggregate", "--work", largerWork))).isEqualTo(c1);
        Files.write(larger.resolve("part-1.parquet"), new byte[11]);
        assertThat(ChildProcess.compilers(List.of("aggregate", "--work", largerWork))).isEqualTo(hot);
        assertThat(ChildProcess.compilers(List.of("aggregate", "--work", smallWork, "--lake", "hdfs://nn/lake")))
                .isEqualTo(hot);
        assertThat(ChildProcess.compilers(List.of("ingest", "--input", input.toString(), "--work", smallWork)))
                .isEqualTo(hot);
        assertThat(ChildProcess.compilers(List.of("report", "--work", smallWork))).isEqualTo(hot);
        // the Spark peers compile as ours do; DuckDB's peer and the rest keep the JVM's defaults
        assertThat(ChildProcess.compilers(List.of("bench-peer", "spark-csv", "--input", "in"))).isEqualTo(hot);
        assertThat(ChildProcess.compilers(List.of("bench-peer", "spark-figures", "--out", "o"))).isEqualTo(hot);
        assertThat(ChildProcess.compilers(List.of("bench-peer", "duckdb-load", "--input", "in"))).isEmpty();
        assertThat(ChildProcess.compilers(List.of("query", "SELECT 1"))).isEmpty();
        assertThat(ChildProcess.compilers(List.of())).isEmpty();
    }
}
