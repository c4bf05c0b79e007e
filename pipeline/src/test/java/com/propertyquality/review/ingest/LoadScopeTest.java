package com.propertyquality.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;

class LoadScopeTest {

    private final Template responses = ImportTemplates.SURVEY_RESPONSES;
    private final LoadScope scope = new LoadScope();

    @Test
    void aKeyRepeatedInTheSameFileIsADuplicate() {
        assertThat(scope.firstOccurrence(responses, "R1")).isTrue();
        assertThat(scope.firstOccurrence(responses, "R1")).isFalse();
    }

    @Test
    void keysOfALoadedFileMakeLaterFilesRowsDuplicates() {
        scope.firstOccurrence(responses, "R1");
        scope.fileEnded(responses, true);
        assertThat(scope.firstOccurrence(responses, "R1")).isFalse();
    }

    @Test
    void keysOfAFileThatDidNotLoadAreForgotten() {
        scope.firstOccurrence(responses, "R1");
        scope.fileEnded(responses, false);
        assertThat(scope.firstOccurrence(responses, "R1")).as("nothing of the failed file was stored").isTrue();
    }

    @Test
    void keysAreKeptPerTemplate() {
        scope.firstOccurrence(responses, "SZ01|2025");
        scope.fileEnded(responses, true);
        assertThat(scope.firstOccurrence(ImportTemplates.SURVEY_DISTRIBUTION, "SZ01|2025")).isTrue();
    }
}
