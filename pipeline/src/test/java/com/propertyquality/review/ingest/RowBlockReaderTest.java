package com.propertyquality.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.propertyquality.review.contract.ImportTemplates;

/** The load step's items: a file's rows in blocks, in file order, none lost at a block's edge. */
class RowBlockReaderTest {

    @TempDir
    Path folder;

    @Test
    void aFileIsHandedOutInFullBlocksThenTheRestInLineOrder() throws Exception {
        int rows = 2 * RowBlockReader.BLOCK_ROWS + 7;
        List<List<SourceRow>> blocks = blocksOf(officesFile(rows));

        assertThat(blocks).extracting(List::size)
                .containsExactly(RowBlockReader.BLOCK_ROWS, RowBlockReader.BLOCK_ROWS, 7);
        List<Integer> lines = blocks.stream().flatMap(List::stream).map(SourceRow::row).toList();
        List<Integer> expected = new ArrayList<>();
        for (int line = 2; line <= rows + 1; line++) {
            expected.add(line); // the header is line 1
        }
        assertThat(lines).isEqualTo(expected);
        assertThat(blocks.get(2).get(6).cells()[0]).isEqualTo(officeId(rows));
    }

    @Test
    void aFileOfWholeBlocksEndsWithoutAnEmptyBlock() throws Exception {
        assertThat(blocksOf(officesFile(2 * RowBlockReader.BLOCK_ROWS))).extracting(List::size)
                .containsExactly(RowBlockReader.BLOCK_ROWS, RowBlockReader.BLOCK_ROWS);
    }

    @Test
    void aHeaderAloneGivesNoBlock() throws Exception {
        assertThat(blocksOf(officesFile(0))).isEmpty();
    }

    private List<List<SourceRow>> blocksOf(Path file) throws Exception {
        FileLoad load = new FileLoad(1, file, ImportTemplates.OFFICES);
        RowBlockReader reader = new RowBlockReader(new TemplateFileReader(load, null,
                new ProgressLine(new PrintWriter(new StringWriter()), load.fileName())));
        reader.open(new ExecutionContext());
        try {
            List<List<SourceRow>> blocks = new ArrayList<>();
            List<SourceRow> block;
            while ((block = reader.read()) != null) {
                blocks.add(block);
            }
            assertThat(load.read()).isEqualTo(blocks.stream().mapToLong(List::size).sum());
            return blocks;
        } finally {
            reader.close();
        }
    }

    private Path officesFile(int rows) throws Exception {
        StringBuilder csv = new StringBuilder("office_id,office_name,city,property_type,households\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(officeId(i)).append(",管理处").append(i).append(",深圳,residential,100\n");
        }
        return Files.writeString(folder.resolve("offices.csv"), csv, StandardCharsets.UTF_8);
    }

    private static String officeId(int i) {
        return String.format("SZ%04d", i);
    }
}
