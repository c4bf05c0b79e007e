package com.propertyquality.review.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** data/README.md's table of the lake's tables is the one the contract gives (§4.2). */
class LakeTableDocsTest {

    @Test
    void theReadmeListsEveryTableWithItsColumnsAsTheContractDefinesThem() throws IOException {
        String readme = Files.readString(Path.of("../data/README.md"));
        assertThat(readme).as("data/README.md §4.2 (print it again with LakeTableDocs)")
                .contains(LakeTableDocs.table());
        assertThat(LakeTableDocs.table()).contains("`private.households_private`")
                .contains("`quality.feedback` | `feedback` | `year`, `office_id` |");
    }
}
