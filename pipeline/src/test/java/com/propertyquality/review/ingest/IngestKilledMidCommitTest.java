package com.propertyquality.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.lake.FileGroups;
import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.lake.StoragePath;
import com.propertyquality.review.support.Cli;

/**
 * kill -9 in the middle of a commit, in a real second JVM: the run is frozen (SIGSTOP) the moment its first data file
 * appears in the table's folder, while it is still putting the others there and has not committed, then
 * killed. The table is as it was before the run; the same command again completes it, and the table then holds
 * exactly the files a clean run's table holds (the killed run's files, named by their content, are taken up, none
 * is left over).
 */
class IngestKilledMidCommitTest {

    /**
     * Forms of 300 offices over 40 years: a data file per year and office bucket, 320 files that the commit puts in
     * place one after the other (a few would be placed before the test could pause the run).
     */
    private static final int OFFICES = 300;
    private static final int YEARS = 40;
    private static final int FIRST_YEAR = 1980;
    private static final int GROUPS = YEARS * FileGroups.OFFICE_BUCKETS;
    private static final int FORMS = OFFICES * YEARS;

    @TempDir
    Path temp;

    @Test
    void aRunKilledWhileCommittingLeavesTheTableAsItWasAndTheRerunEqualsACleanRun() throws Exception {
        Path input = Files.createDirectories(temp.resolve("input"));
        writeCompany(input);
        Path earlier = Files.createDirectories(temp.resolve("earlier"));
        Files.writeString(earlier.resolve("offices.csv"), "office_id,office_name\nO001,一号管理处\n");
        Files.writeString(earlier.resolve("survey-responses-2024.csv"),
                "response_id,office_id,year,returned_on,environment\nOLD-1,O001,2024,2024-06-01,satisfied\n");
        Path work = temp.resolve("work");
        assertThat(Cli.run("ingest", "--input", earlier.toString(), "--work", work.toString()).status()).isZero();
        Path data = work.resolve("lake/quality/survey_responses/data");
        Path year = data.resolve("year=" + FIRST_YEAR); // the first group written

        try (ChildIngest child = ChildIngest.start(input, work, Map.of(), temp.resolve("killed-run.log"))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!hasDataFile(year) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            child.pause();
            assertThat(hasDataFile(year)).as("the child reached the commit:\n" + child.output()).isTrue();
            assertThat(child.kill()).isNotZero();
        }
        Lake lake = new Lake(work.resolve("lake"));
        assertThat(lake.readAll(ImportTemplates.SURVEY_RESPONSES)).as("killed before its commit, the table is as it was")
                .extracting(row -> row.get("response_id")).containsExactly("OLD-1");
        assertThat(filesUnder(data)).as("files it had put in place, and 2024's").hasSizeGreaterThan(1)
                .hasSizeLessThan(GROUPS + 1);

        Cli.Result again = Cli.run("ingest", "--input", input.toString(), "--work", work.toString());
        assertThat(again.status()).as(again.out() + again.err()).isZero();

        Path clean = temp.resolve("clean");
        assertThat(Cli.run("ingest", "--input", earlier.toString(), "--work", clean.toString()).status()).isZero();
        assertThat(Cli.run("ingest", "--input", input.toString(), "--work", clean.toString()).status()).isZero();
        Lake reference = new Lake(clean.resolve("lake"));
        assertThat(lake.readAll(ImportTemplates.SURVEY_RESPONSES)).hasSize(FORMS + 1);
        // the same data files, by name (their content's digest), and nothing else in the table's folder
        assertThat(currentNames(lake)).isEqualTo(currentNames(reference)).hasSize(GROUPS + 1);
        Set<String> inFolder = new TreeSet<>();
        List<Path> placed = filesUnder(work.resolve("lake/quality/survey_responses/data"));
        placed.forEach(path -> inFolder.add(path.getFileName().toString()));
        Set<String> current = currentNames(lake);
        assertThat(inFolder).as("left in the folder: %s", placed.stream()
                .filter(path -> !current.contains(path.getFileName().toString())).toList()).isEqualTo(current);
    }

    private static Set<String> currentNames(Lake lake) {
        return lake.currentFiles(ImportTemplates.SURVEY_RESPONSES, "survey_responses").stream()
                .map(StoragePath::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean hasDataFile(Path folder) {
        try {
            return !filesUnder(folder).isEmpty();
        } catch (IOException | java.io.UncheckedIOException e) {
            return false; // the other JVM moved a file while we looked: look again
        }
    }

    /** Data files (not hidden temporaries) under a folder, none when it does not exist. */
    private static List<Path> filesUnder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".parquet")
                            && !file.getFileName().toString().startsWith("."))
                    .toList();
        }
    }

    /** The offices register and a form per office and year, 1980 to 2019. */
    private static void writeCompany(Path input) throws IOException {
        try (BufferedWriter offices = Files.newBufferedWriter(input.resolve("offices.csv"), StandardCharsets.UTF_8);
             BufferedWriter forms = Files.newBufferedWriter(input.resolve("survey-responses.csv"),
                     StandardCharsets.UTF_8)) {
            offices.write("office_id,office_name\n");
            for (int office = 1; office <= OFFICES; office++) {
                offices.write(String.format("O%03d,%d号管理处%n", office, office));
            }
            forms.write("response_id,office_id,year,returned_on,environment\n");
            for (int form = 0; form < FORMS; form++) {
                int year = FIRST_YEAR + form % YEARS;
                forms.write(String.format("R%d,O%03d,%d,%d-06-%02d,satisfied%n", form, form / YEARS + 1, year, year,
                        form % 28 + 1));
            }
        }
    }
}
