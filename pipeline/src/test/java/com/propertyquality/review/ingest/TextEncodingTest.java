package com.propertyquality.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextEncodingTest {

    private static final String CSV = "管理处编号,年度,发放份数\n华侨城,2025,50\n科技园,2025,40\n";
    private static final Charset GBK = Charset.forName("GBK");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path folder;

    private Path file(byte[]... parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.write(part);
        }
        Path file = Files.createTempFile(folder, "survey-distribution", ".csv");
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static byte[] ascii(int length) {
        byte[] filler = new byte[length];
        Arrays.fill(filler, (byte) 'a');
        for (int i = 99; i < length; i += 100) {
            filler[i] = '\n';
        }
        return filler;
    }

    @Test
    void utf8WithoutBomIsUtf8() throws IOException {
        TextEncoding encoding = TextEncoding.of(file(CSV.getBytes(StandardCharsets.UTF_8)), null);

        assertThat(encoding.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(encoding.bomLength()).isZero();
    }

    @Test
    void utf8WithBomIsUtf8WithThreeBytesToSkip() throws IOException {
        TextEncoding encoding = TextEncoding.of(file(UTF8_BOM, CSV.getBytes(StandardCharsets.UTF_8)), null);

        assertThat(encoding.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(encoding.bomLength()).isEqualTo(3);
    }

    @Test
    void gbkBytesAreReadAsGb18030() throws IOException {
        TextEncoding encoding = TextEncoding.of(file(CSV.getBytes(GBK)), null);

        assertThat(encoding.charset()).isEqualTo(Charset.forName("GB18030"));
        assertThat(encoding.bomLength()).isZero();
    }

    @Test
    void gbkBytesFarBeyondTheSniffedHeadStillMakeTheFileGb18030() throws IOException {
        // the first 100 KiB are ASCII (valid UTF-8); only the whole-file check sees the GBK rows at the end
        Path file = file(ascii(100 * 1024), CSV.getBytes(GBK));

        TextEncoding encoding = TextEncoding.of(file, null);

        assertThat(encoding.charset()).isEqualTo(Charset.forName("GB18030"));
    }

    @Test
    void utf8CharacterSplitAcrossTheReadBufferIsStillUtf8() throws IOException {
        // "华" is 3 bytes in UTF-8 and starts one byte before the 64 KiB buffer boundary
        Path file = file(ascii(64 * 1024 - 1), "华侨城,2025,50\n".getBytes(StandardCharsets.UTF_8),
                ascii(70 * 1024), "科技园".getBytes(StandardCharsets.UTF_8));

        TextEncoding encoding = TextEncoding.of(file, null);

        assertThat(encoding.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(encoding.bomLength()).isZero();
    }

    @Test
    void truncatedUtf8SequenceAtTheEndIsNotUtf8() throws IOException {
        byte[] utf8 = "华侨城".getBytes(StandardCharsets.UTF_8);
        Path file = file(ascii(200), Arrays.copyOf(utf8, utf8.length - 1));

        assertThat(TextEncoding.of(file, null).charset()).isEqualTo(Charset.forName("GB18030"));
    }

    @Test
    void utf16LittleEndianWithBomIsUtf16() throws IOException {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        TextEncoding encoding = TextEncoding.of(file(bom, CSV.getBytes(StandardCharsets.UTF_16LE)), null);

        assertThat(encoding.charset()).isEqualTo(StandardCharsets.UTF_16);
        assertThat(encoding.bomLength()).isZero(); // the UTF-16 decoder consumes its own mark
    }

    @Test
    void utf16BigEndianWithBomIsUtf16() throws IOException {
        byte[] bom = {(byte) 0xFE, (byte) 0xFF};
        TextEncoding encoding = TextEncoding.of(file(bom, CSV.getBytes(StandardCharsets.UTF_16BE)), null);

        assertThat(encoding.charset()).isEqualTo(StandardCharsets.UTF_16);
    }

    @Test
    void nulBytesMakeTheFileUnreadable() throws IOException {
        Path file = file("office_id,year\nSZ01,2025".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 0, 1});

        assertThatThrownBy(() -> TextEncoding.of(file, null))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("binary");
    }

    @Test
    void zipSignatureMakesTheFileUnreadable() throws IOException {
        // an .xlsx workbook renamed to .csv
        Path file = file(new byte[] {'P', 'K', 3, 4}, "[Content_Types].xml".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> TextEncoding.of(file, null))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("binary");
    }

    @Test
    void overrideIsUsedAsGiven() throws IOException {
        Path utf8 = file(CSV.getBytes(StandardCharsets.UTF_8));

        TextEncoding encoding = TextEncoding.of(utf8, GBK);

        assertThat(encoding.charset()).isEqualTo(GBK);
        assertThat(encoding.bomLength()).isZero();
    }

    @Test
    void utf8OverrideStillSkipsTheBom() throws IOException {
        Path file = file(UTF8_BOM, CSV.getBytes(StandardCharsets.UTF_8));

        TextEncoding encoding = TextEncoding.of(file, StandardCharsets.UTF_8);

        assertThat(encoding.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(encoding.bomLength()).isEqualTo(3);
    }

    @Test
    void emptyFileIsUtf8() throws IOException {
        TextEncoding encoding = TextEncoding.of(file(), null);

        assertThat(encoding.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(encoding.bomLength()).isZero();
    }

    @Test
    void fileWithOnlyABomIsUtf8WithBom() throws IOException {
        TextEncoding encoding = TextEncoding.of(file(UTF8_BOM), null);

        assertThat(encoding.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(encoding.bomLength()).isEqualTo(3);
    }
}
