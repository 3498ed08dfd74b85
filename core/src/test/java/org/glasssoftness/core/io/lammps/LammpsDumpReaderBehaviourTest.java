package org.glasssoftness.core.io.lammps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.CancelledException;
import org.glasssoftness.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancellation, concurrent reads, optional header items and odd tokens, on hand-written dumps. */
class LammpsDumpReaderBehaviourTest {
    @TempDir
    Path dir;

    /** frames of n atoms, atom i of frame k at (k + i/1000, 2i, 3) with ids written in reverse. */
    private Path manyFrames(int frames, int n) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < frames; k++) {
            sb.append("ITEM: UNITS\nmetal\nITEM: TIME\n").append(0.001 * k).append("\n");
            sb.append("ITEM: TIMESTEP\n").append(10 * k).append("\nITEM: NUMBER OF ATOMS\n").append(n)
                    .append("\nITEM: BOX BOUNDS pp pp ff\n0 50\n-1 49\n0 5.5e1\nITEM: ATOMS id type x y z\n");
            for (int i = n; i >= 1; i--) {
                sb.append(i).append('\t').append(1 + i % 2).append("  ").append(k + i / 1000.0).append(' ')
                        .append(2 * i).append(' ').append("3\r\n");
            }
        }
        Path f = dir.resolve("many.dump");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void headerItemsTabsAndCarriageReturns() throws IOException {
        try (Trajectory t = LammpsDumpReader.open(manyFrames(3, 4))) {
            Frame f = t.frame(2);
            assertEquals(20, f.timestep());
            assertArrayEquals(new long[] {1, 2, 3, 4}, f.ids());
            assertArrayEquals(new double[] {2.001, 2, 3, 2.002, 4, 3, 2.003, 6, 3, 2.004, 8, 3}, f.positions());
            assertEquals(new Box(0, -1, 0, 50, 50, 55, 0, 0, 0, true, true, false), f.box());
            assertEquals(List.of("1", "2"), f.speciesNames());
        }
    }

    @Test
    void cancellingWhileIndexingStopsWithNothingReturned() throws IOException {
        Path f = manyFrames(50, 10);
        AtomicInteger reports = new AtomicInteger();
        Progress cancelAfterFive = new Progress() {
            @Override
            public void report(double fraction, String message) {
                assertTrue(fraction >= 0 && fraction <= 1, "fraction " + fraction);
                reports.incrementAndGet();
            }

            @Override
            public boolean isCanceled() {
                return reports.get() >= 5;
            }
        };
        assertThrows(CancelledException.class, () -> LammpsDumpReader.open(f, DumpReadOptions.defaults(), cancelAfterFive));
        assertEquals(5, reports.get());
    }

    @Test
    void framesReadConcurrentlyEqualFramesReadInOrder() throws Exception {
        Path f = manyFrames(40, 200);
        try (Trajectory t = LammpsDumpReader.open(f)) {
            List<Frame> seq = new ArrayList<>();
            for (int k = 0; k < t.frameCount(); k++) seq.add(t.frame(k));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Frame>> par = new ArrayList<>();
                for (int k = t.frameCount() - 1; k >= 0; k--) {
                    final int kk = k;
                    par.add(pool.submit(() -> t.frame(kk)));
                }
                for (int j = 0; j < par.size(); j++) {
                    Frame a = seq.get(t.frameCount() - 1 - j), b = par.get(j).get();
                    assertEquals(a.timestep(), b.timestep());
                    assertArrayEquals(a.positions(), b.positions());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void nanAndInfAsLammpsPrintsThem() throws IOException {
        Path f = dir.resolve("nan.dump");
        Files.writeString(f, "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 1\n0 1\n0 1\n"
                + "ITEM: ATOMS id type x y z c_s\n1 1 0 0 0 -nan\n2 1 0.5 0.5 0.5 inf\n");
        try (Trajectory t = LammpsDumpReader.open(f)) {
            double[] s = t.frame(0).properties().get("c_s");
            assertTrue(Double.isNaN(s[0]));
            assertEquals(Double.POSITIVE_INFINITY, s[1]);
        }
    }
}
