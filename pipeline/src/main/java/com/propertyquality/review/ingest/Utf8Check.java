package com.propertyquality.review.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Whether a stream is well-formed UTF-8, judged as the JDK's strict decoder judges it (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF, no sequence cut at the end) without decoding a character. Encoding
 * detection reads every byte of every CSV file once before the file is read for its rows; decoding that pass to
 * characters only to throw them away took 400 ms on the scale-1 files (230 MB), this check 170 ms. Runs of ASCII,
 * most of a template file, are passed over eight bytes at a time.
 */
final class Utf8Check {

    private static final int BUFFER = 1 << 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8Check() {
    }

    /** Reads the stream to its end (or to the first malformed byte); does not close it. */
    static boolean isUtf8(InputStream in) throws IOException {
        return isUtf8(in, BUFFER);
    }

    /** With a buffer of {@code size} bytes, at least 4: a sequence it cuts is moved to its front and completed. */
    static boolean isUtf8(InputStream in, int size) throws IOException {
        byte[] bytes = new byte[size];
        int carried = 0;
        while (true) {
            int n = in.readNBytes(bytes, carried, size - carried);
            int end = carried + n;
            if (n == 0) {
                return carried == 0; // at the end: a sequence still open is cut short
            }
            int at = check(bytes, end);
            if (at < 0) {
                return false;
            }
            carried = end - at;
            System.arraycopy(bytes, at, bytes, 0, carried);
        }
    }

    /**
     * Checks {@code bytes[0, end)}: -1 at a malformed sequence, else where a sequence the range cuts short begins
     * ({@code end} when none is).
     */
    private static int check(byte[] bytes, int end) {
        int i = 0;
        while (i < end) {
            if (i + 8 <= end && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                i += 8;
                continue;
            }
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int length;
            int low = 0x80; // the second byte's range, narrower after some leads
            int high = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                length = 2;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                length = 3;
                if (lead == 0xE0) {
                    low = 0xA0; // below: an overlong form
                } else if (lead == 0xED) {
                    high = 0x9F; // above: a surrogate
                }
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                length = 4;
                if (lead == 0xF0) {
                    low = 0x90; // below: an overlong form
                } else if (lead == 0xF4) {
                    high = 0x8F; // above: beyond U+10FFFF
                }
            } else {
                return -1; // a continuation byte, C0, C1 or F5-FF where a character should begin
            }
            int available = Math.min(length, end - i);
            for (int k = 1; k < available; k++) {
                int next = bytes[i + k] & 0xFF;
                if (k == 1 ? next < low || next > high : next < 0x80 || next > 0xBF) {
                    return -1;
                }
            }
            if (available < length) {
                return i; // the rest comes with the next read
            }
            i += length;
        }
        return end;
    }
}
