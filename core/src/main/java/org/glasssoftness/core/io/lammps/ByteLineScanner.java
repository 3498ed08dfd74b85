package org.glasssoftness.core.io.lammps;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Streams a byte source line by line, knowing the byte offset and 1-based number of every line, and skips many lines
 * quickly (eight bytes at a time). Used for the indexing pass over a dump; memory is one buffer, whatever the file size.
 */
final class ByteLineScanner {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int lim;
    private long bufStart;       // byte offset of buf[0] in the source
    private long line;           // number of the last line returned or skipped
    private boolean eof;
    private String lastPartialLine;

    ByteLineScanner(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[bufferSize];
    }

    /** Byte offset of the next unread byte. */
    long offset() { return bufStart + pos; }

    /** Number of the last line read or skipped (0 before the first). */
    long lineNumber() { return line; }

    /** If the last skipLines ended in a line without '\n' at the end of the source, that line; else null. */
    String lastPartialLine() { return lastPartialLine; }

    /** Fills the buffer keeping unread bytes; returns false at end of input with nothing new. */
    private boolean fill() throws IOException {
        if (eof) return false;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            bufStart += pos;
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) {
            byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, 0, bigger, 0, lim);
            buf = bigger;
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            eof = true;
            return false;
        }
        lim += n;
        return true;
    }

    /** The next line without its terminator ('\r' also stripped), or null at end of input. */
    String readLine() throws IOException {
        int scanFrom = pos;
        while (true) {
            for (int i = scanFrom; i < lim; i++) {
                if (buf[i] == '\n') {
                    int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    String s = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 1;
                    line++;
                    return s;
                }
            }
            int consumed = pos;
            scanFrom = lim;
            if (!fill()) {
                if (pos < lim) {
                    String s = new String(buf, pos, lim - pos, StandardCharsets.ISO_8859_1);
                    pos = lim;
                    line++;
                    return s;
                }
                return null;
            }
            scanFrom -= consumed - pos;
        }
    }

    /**
     * Skips up to n lines; a final line without '\n' counts as a line (remembered in {@link #lastPartialLine()}).
     *
     * @return the number of lines skipped (less than n only at end of input)
     */
    long skipLines(long n) throws IOException {
        lastPartialLine = null;
        long done = 0;
        while (done < n) {
            int i = pos;
            // eight bytes at a time: count '\n' bytes with the classic has-zero-byte trick
            while (done < n && i + 8 <= lim) {
                long w = (long) LONGS.get(buf, i) ^ NEWLINES;
                long z = (w - ONES) & ~w & HIGHS;
                if (z == 0) {
                    i += 8;
                    continue;
                }
                int k = Long.numberOfTrailingZeros(z) >>> 3;
                i += k + 1;
                done++;
                pos = i;
            }
            while (done < n && i < lim) {
                if (buf[i++] == '\n') {
                    done++;
                    pos = i;
                }
            }
            if (done < n) {
                // pos stays at the start of the unfinished line, which fill() keeps; it is scanned again after
                // the refill (it holds no '\n', so nothing is counted twice)
                if (!fill()) {
                    if (pos < lim) {
                        lastPartialLine = new String(buf, pos, lim - pos, StandardCharsets.ISO_8859_1);
                        pos = lim;
                        done++;
                    }
                    break;
                }
            }
        }
        line += done;
        return done;
    }
}
