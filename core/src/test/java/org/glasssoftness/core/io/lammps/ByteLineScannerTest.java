package org.glasssoftness.core.io.lammps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Line reading and skipping across buffer refills, against String.split of the same text. */
class ByteLineScannerTest {
    @Test
    void readsAndSkipsLikeSplitForAnyBufferSize() throws IOException {
        Random r = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            StringBuilder sb = new StringBuilder();
            int lines = 1 + r.nextInt(40);
            for (int i = 0; i < lines; i++) {
                int len = r.nextInt(30);
                for (int c = 0; c < len; c++) sb.append((char) ('a' + r.nextInt(26)));
                if (i < lines - 1 || r.nextBoolean()) sb.append('\n');
            }
            String text = sb.toString();
            List<String> expected = new ArrayList<>(List.of(text.split("\n", -1)));
            if (text.endsWith("\n")) expected.remove(expected.size() - 1);
            ByteLineScanner sc = new ByteLineScanner(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)),
                    1 + r.nextInt(20));
            int k = 0;
            long offset = 0;
            while (k < expected.size()) {
                assertEquals(offset, sc.offset());
                if (r.nextBoolean()) {
                    assertEquals(expected.get(k), sc.readLine());
                    offset += expected.get(k).length() + 1;
                    k++;
                } else {
                    int skip = 1 + r.nextInt(5);
                    long got = sc.skipLines(skip);
                    long want = Math.min(skip, expected.size() - k);
                    assertEquals(want, got, text);
                    for (int j = 0; j < got; j++) offset += expected.get(k + j).length() + 1;
                    k += (int) got;
                    boolean partial = k == expected.size() && !text.endsWith("\n");
                    assertEquals(partial ? expected.get(k - 1) : null, sc.lastPartialLine());
                }
                assertEquals(k, sc.lineNumber());
                offset = Math.min(offset, text.length());
            }
            assertNull(sc.readLine());
            assertEquals(0, sc.skipLines(3));
        }
    }
}
