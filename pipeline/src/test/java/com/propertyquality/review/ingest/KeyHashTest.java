package com.propertyquality.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;

class KeyHashTest {

    @Test
    void isMurmur3Of128BitsOverTheKeysCharactersAsGuavaComputesIt() {
        List<String> keys = new ArrayList<>(List.of("A", "R2025-SZ01-0001", "SZ01|2025", "管理处|0",
                "华侨城管理处|2025|环境卫生", "\uD83D\uDE00 an emoji", "1234567", "12345678", "123456789"));
        Random random = new Random(7);
        for (int length = 1; length <= 40; length++) {
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < length; i++) {
                key.append((char) (random.nextBoolean() ? 'A' + random.nextInt(26) : random.nextInt(0x10000)));
            }
            keys.add(key.toString());
        }
        KeyHash hash = new KeyHash();
        for (String key : keys) {
            HashCode expected = Hashing.murmur3_128().hashUnencodedChars(key);
            ByteBuffer bytes = ByteBuffer.wrap(expected.asBytes()).order(ByteOrder.LITTLE_ENDIAN);
            hash.of(key);
            assertThat(hash.high).as(key).isEqualTo(bytes.getLong(0));
            assertThat(hash.low).as(key).isEqualTo(bytes.getLong(8));
        }
    }

    /** Murmur3 of nothing is (0, 0), the empty slot of a table: it is folded into (0, 1). */
    @Test
    void theEmptyKeyDoesNotHashToTheEmptySlot() {
        assertThat(Hashing.murmur3_128().hashUnencodedChars("").asBytes()).containsOnly(0);
        KeyHash hash = new KeyHash().of("");
        assertThat(hash.high).isZero();
        assertThat(hash.low).isEqualTo(1);
        KeySet keys = new KeySet();
        assertThat(keys.add("")).isTrue();
        assertThat(keys.add("")).isFalse();
        assertThat(keys.contains("")).isTrue();
        assertThat(keys.contains("A")).isFalse();
    }

    @Test
    void keysThatDifferOnlyInOneCharacterOrInLengthGetOtherHashes() {
        KeyHash a = new KeyHash().of("SZ01|2025|0001");
        KeyHash b = new KeyHash().of("SZ01|2025|0002");
        KeyHash c = new KeyHash().of("SZ01|2025|0001\0");
        assertThat(a.high).isNotEqualTo(b.high).isNotEqualTo(c.high);
        assertThat(a.low).isNotEqualTo(b.low).isNotEqualTo(c.low);
    }
}
