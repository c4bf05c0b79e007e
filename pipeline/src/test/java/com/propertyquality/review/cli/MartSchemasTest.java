package com.propertyquality.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.lake.StoragePath;
import com.propertyquality.review.marts.MartCatalog;
import com.propertyquality.review.marts.MartColumn;
import com.propertyquality.review.support.SampleReview;

/** Every mart the sample's review writes has, in its Parquet file, the columns its declaration names. */
class MartSchemasTest {

    @Test
    void everyWrittenSchemaIsItsDeclaration() {
        assertThat(SampleReview.result().status()).as(SampleReview.result().err()).isZero();
        List<MartCatalog.Entry> entries = MartCatalog.of(StoragePath.local(SampleReview.work().resolve("marts")));
        assertThat(entries).isNotEmpty();
        for (MartCatalog.Entry entry : entries) {
            assertThat(entry.built()).as(entry.mart().name() + " built").isTrue();
            List<String> written = entry.columns().stream().map(c -> c.name() + " " + c.type()).toList();
            List<String> declared = entry.mart().columns().columns().stream()
                    .map(c -> c.name() + " " + c.logicalType()).toList();
            assertThat(written).as("written schema of " + entry.mart().name()).containsExactlyElementsOf(declared);
        }
    }

    @Test
    void aRequiredColumnIsNeverNullInTheSample() {
        // the declaration's "required" is what data/README.md promises; the sample's rows keep the promise
        var rows = new com.propertyquality.review.marts.MartRows(SampleReview.work().resolve("marts"));
        for (MartCatalog.Entry entry : MartCatalog.of(StoragePath.local(SampleReview.work().resolve("marts")))) {
            List<MartColumn> required = entry.mart().columns().columns().stream().filter(MartColumn::required)
                    .toList();
            rows.forEach(entry.mart().name(), row -> required.forEach(column ->
                    assertThat(row.get(column.name())).as(entry.mart().name() + "." + column.name()).isNotNull()));
        }
    }
}
