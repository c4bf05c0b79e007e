package com.propertyquality.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The byte check against the JDK's strict decoder, which {@link TextEncoding} used before it. */
class Utf8CheckTest {

    private static boolean decodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean checks(byte[] bytes) throws IOException {
        return Utf8Check.isUtf8(new ByteArrayInputStream(bytes));
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void wellFormedTextOfEveryLengthIsUtf8() throws IOException {
        String text = "office_id,满意度,𠀋 2025 ¥12.50 ok\n";
        assertThat(checks(new byte[0])).isTrue();
        assertThat(checks(text.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(checks(text.repeat(5_000).getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void eachMalformedFormIsRefusedAsTheDecoderRefusesIt() throws IOException {
        byte[][] malformed = {
            bytes(0x80), // a continuation byte alone
            bytes(0xC0, 0xAF), bytes(0xC1, 0xBF), // overlong two-byte forms
            bytes(0xE0, 0x80, 0xAF), bytes(0xE0, 0x9F, 0xBF), // overlong three-byte forms
            bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF), // surrogates
            bytes(0xF0, 0x80, 0x80, 0xAF), bytes(0xF0, 0x8F, 0xBF, 0xBF), // overlong four-byte forms
            bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF5, 0x80, 0x80, 0x80), bytes(0xFF), // beyond U+10FFFF
            bytes(0xE4, 0xB8), bytes(0xF0, 0x9F, 0x98), // cut at the end
            bytes(0xE4, 0x41, 0x80), bytes(0xC3, 0xC3), // a sequence broken by a lead or ASCII
            "华侨城".getBytes(Charset.forName("GB18030")),
        };
        for (byte[] form : malformed) {
            // ASCII in front, so the form falls inside the eight-byte pass or after it
            for (int before : new int[] {0, 1, 7, 8, 9, 20}) {
                byte[] text = new byte[before + form.length + 3];
                Arrays.fill(text, (byte) 'a');
                System.arraycopy(form, 0, text, before, form.length);
                byte[] atEnd = Arrays.copyOf(text, before + form.length);
                assertThat(decodes(text)).as("the decoder on %s", Arrays.toString(text)).isFalse();
                assertThat(checks(text)).as("%s", Arrays.toString(text)).isFalse();
                assertThat(checks(atEnd)).as("%s", Arrays.toString(atEnd)).isFalse();
            }
        }
        // the edges that are allowed
        for (byte[] form : new byte[][] {bytes(0xC2, 0x80), bytes(0xE0, 0xA0, 0x80), bytes(0xED, 0x9F, 0xBF),
                bytes(0xEE, 0x80, 0x80), bytes(0xF0, 0x90, 0x80, 0x80), bytes(0xF4, 0x8F, 0xBF, 0xBF),
                bytes(0xEF, 0xBF, 0xBF)}) {
            assertThat(decodes(form)).isTrue();
            assertThat(checks(form)).as("%s", Arrays.toString(form)).isTrue();
        }
    }

    @Test
    void agreesWithTheDecoderOnRandomBytes() throws IOException {
        Random random = new Random(17);
        byte[][] characters = "a,1\n华城满意𠀋é".codePoints()
                .mapToObj(c -> Character.toString(c).getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        List<String> disagreements = new ArrayList<>();
        int malformed = 0;
        for (int round = 0; round < 20_000; round++) {
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            int pieces = random.nextInt(20);
            for (int i = 0; i < pieces; i++) {
                // mostly whole characters, now and then any byte: both outcomes come often
                if (random.nextInt(15) == 0) {
                    written.write(random.nextInt(256));
                } else {
                    written.writeBytes(characters[random.nextInt(characters.length)]);
                }
            }
            byte[] text = written.toByteArray();
            boolean expected = decodes(text);
            malformed += expected ? 0 : 1;
            if (checks(text) != expected) {
                disagreements.add(Arrays.toString(text) + (expected ? " decodes" : " does not decode"));
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(malformed).as("rows the decoder refused").isBetween(2_000, 18_000);
    }

    @Test
    void aSequenceCutByEveryBufferBoundaryIsJoined() throws IOException {
        byte[] text = "华侨城 𠀋 ok 满意".repeat(3).getBytes(StandardCharsets.UTF_8);
        byte[] cutInside = Arrays.copyOf(text, text.length - 1); // the last character, 意, loses its last byte
        byte[] broken = text.clone();
        broken[text.length - 2] = 'x'; // 意's middle byte
        for (int size = 4; size <= 13; size++) { // every place a buffer can cut a sequence of 2, 3 or 4 bytes
            assertThat(Utf8Check.isUtf8(new ByteArrayInputStream(text), size)).as("buffer %d", size).isTrue();
            assertThat(Utf8Check.isUtf8(new ByteArrayInputStream(cutInside), size)).as("buffer %d", size).isFalse();
            assertThat(Utf8Check.isUtf8(new ByteArrayInputStream(broken), size)).as("buffer %d", size).isFalse();
        }
    }
}
