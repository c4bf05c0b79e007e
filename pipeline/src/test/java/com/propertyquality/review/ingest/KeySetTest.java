package com.propertyquality.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeySetTest {

    @Test
    void aKeyIsAddedOnceAndFoundAfterwards() {
        KeySet keys = new KeySet();
        assertThat(keys.add("R2025-SZ01-0001")).isTrue();
        assertThat(keys.add("R2025-SZ01-0001")).isFalse();
        assertThat(keys.contains("R2025-SZ01-0001")).isTrue();
        assertThat(keys.contains("R2025-SZ01-0002")).isFalse();
        assertThat(keys.size()).isEqualTo(1);
    }

    @Test
    void keysThatDifferOnlySlightlyStayApartThroughGrowth() {
        KeySet keys = new KeySet();
        for (int i = 0; i < 200_000; i++) {
            assertThat(keys.add("SZ01|" + i)).isTrue();
        }
        for (int i = 0; i < 200_000; i++) {
            assertThat(keys.add("SZ01|" + i)).isFalse();
        }
        assertThat(keys.size()).isEqualTo(200_000);
        assertThat(keys.contains("SZ01|200000")).isFalse();
        assertThat(keys.contains("管理处|0")).isFalse();
    }

    @Test
    void addAllMergesWithoutDuplicates() {
        KeySet stored = new KeySet();
        stored.add("A");
        stored.add("B");
        KeySet pending = new KeySet();
        pending.add("B");
        pending.add("C");
        stored.addAll(pending);
        assertThat(stored.size()).isEqualTo(3);
        assertThat(stored.contains("C")).isTrue();
    }
}
