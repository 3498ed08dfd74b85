package org.glasssoftness.core.io.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.glasssoftness.core.io.TrajectoryFormatException;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameStoreTest {
    @TempDir
    Path dir;

    static Frame randomFrame(Random r, long step, boolean withOptional) {
        int n = 37;
        long[] ids = new long[n];
        long id = 5;
        for (int i = 0; i < n; i++) ids[i] = id += 1 + r.nextInt(1000);
        int[] types = new int[n], species = new int[n], img = new int[3 * n];
        double[] pos = new double[3 * n], vel = new double[3 * n], q = new double[n], s = new double[n];
        for (int i = 0; i < n; i++) {
            types[i] = 1 + r.nextInt(3);
            species[i] = types[i] - 1;
            q[i] = r.nextGaussian();
            s[i] = Double.longBitsToDouble(r.nextLong());   // any bits, NaN payloads included
        }
        for (int i = 0; i < 3 * n; i++) {
            pos[i] = r.nextDouble() * 20 - 1;
            vel[i] = r.nextGaussian();
            img[i] = r.nextInt(7) - 3;
        }
        pos[0] = -0.0;
        Map<String, double[]> props = new LinkedHashMap<>();
        props.put("q", q);
        props.put("softness", s);
        Box box = new Box(-1.5, 0.25, 3, 20.5, 19, 18.125, 1.5, -0.75, 2.25, true, false, true);
        return new Frame(step, box, ids, withOptional ? types : null, List.of("Li", "B", "O"), species, pos,
                step % 2 == 0, withOptional ? img : null, withOptional ? vel : null, props);
    }

    static void assertSameFrame(Frame a, Frame b) {
        assertEquals(a.timestep(), b.timestep());
        assertEquals(a.box(), b.box());
        assertArrayEquals(a.ids(), b.ids());
        assertArrayEquals(a.types(), b.types());
        assertEquals(a.speciesNames(), b.speciesNames());
        assertArrayEquals(a.species(), b.species());
        assertEquals(a.positionsUnwrapped(), b.positionsUnwrapped());
        assertArrayEquals(a.images(), b.images());
        assertBits(a.positions(), b.positions());
        if (a.velocities() == null) assertEquals(null, b.velocities()); else assertBits(a.velocities(), b.velocities());
        assertEquals(new ArrayList<>(a.properties().keySet()), new ArrayList<>(b.properties().keySet()));
        for (String p : a.properties().keySet()) assertBits(a.properties().get(p), b.properties().get(p));
    }

    static void assertBits(double[] a, double[] b) {
        assertEquals(a.length, b.length);
        for (int i = 0; i < a.length; i++) {
            assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]), "element " + i);
        }
    }

    @Test
    void roundTripsEveryFieldExactly() throws IOException {
        for (boolean optional : new boolean[] {true, false}) {
            Random r = new Random(3);
            List<Frame> frames = new ArrayList<>();
            for (int k = 0; k < 6; k++) frames.add(randomFrame(r, 1000L * k + 7, optional));
            Path f = dir.resolve("t" + optional + ".gsf");
            FrameStore.write(f, Trajectory.of(frames), Progress.NONE);
            try (Trajectory t = FrameStore.open(f)) {
                assertEquals(6, t.frameCount());
                assertEquals(List.of("q", "softness"), t.info().propertyNames());
                assertEquals(optional, t.info().hasImages());
                for (int k : new int[] {5, 0, 3, 1, 4, 2}) assertSameFrame(frames.get(k), t.frame(k));
            }
        }
    }

    @Test
    void rejectsFramesThatDoNotMatchTheFirst() {
        Random r = new Random(4);
        Frame a = randomFrame(r, 0, true);
        Frame b = randomFrame(r, 1, true).withProperty("extra", new double[37]);
        Path f = dir.resolve("bad.gsf");
        assertThrows(IllegalArgumentException.class, () -> FrameStore.write(f, Trajectory.of(List.of(a, b)), Progress.NONE));
        assertFalse(Files.exists(f), "nothing half-written");
    }

    @Test
    void truncatedOrForeignFilesAreRejected() throws IOException {
        Random r = new Random(5);
        Path f = dir.resolve("t.gsf");
        FrameStore.write(f, Trajectory.of(List.of(randomFrame(r, 0, true), randomFrame(r, 1, true))), Progress.NONE);
        byte[] all = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.gsf");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 10));
        TrajectoryFormatException e = assertThrows(TrajectoryFormatException.class, () -> FrameStore.open(cut));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        Path other = dir.resolve("other.gsf");
        Files.writeString(other, "ITEM: TIMESTEP\n0\n");
        e = assertThrows(TrajectoryFormatException.class, () -> FrameStore.open(other));
        assertTrue(e.getMessage().contains("not a frame store"), e.getMessage());
        // the magic test that picks the reader
        assertTrue(FrameStore.isStore(f));
        assertFalse(FrameStore.isStore(other));
        Path tiny = dir.resolve("tiny.gsf");
        Files.writeString(tiny, "GSF");
        assertFalse(FrameStore.isStore(tiny));
    }

    @Test
    void writerStreamsTheSameBytesAsWriteInTheFixedRecordLayout() throws IOException {
        Random r = new Random(6);
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < 4; k++) frames.add(randomFrame(r, 10L * k, true));
        Path whole = dir.resolve("whole.gsf");
        FrameStore.write(whole, Trajectory.of(frames), Progress.NONE);
        Path streamed = dir.resolve("streamed.gsf");
        FrameStore.Writer w = FrameStore.Writer.open(streamed);
        for (Frame f : frames) w.append(f);
        assertEquals(4, w.frameCount());
        assertFalse(Files.exists(streamed), "the target appears only on close");
        w.close();
        byte[] all = Files.readAllBytes(streamed);
        assertArrayEquals(Files.readAllBytes(whole), all);
        // independent of both writers' sharing code: the file is one-frame stores' header (frame count 4) followed by
        // their records, the record size and header size following from the file sizes
        byte[][] single = new byte[4][];
        for (int k = 0; k < 4; k++) {
            Path one = dir.resolve("one" + k + ".gsf");
            FrameStore.write(one, Trajectory.of(List.of(frames.get(k))), Progress.NONE);
            single[k] = Files.readAllBytes(one);
        }
        int rec = (all.length - single[0].length) / 3, head = single[0].length - rec;
        assertEquals(head + 4 * rec, all.length);
        byte[] expected = new byte[all.length];
        System.arraycopy(single[0], 0, expected, 0, head);
        expected[16] = 4;   // little-endian frame count after magic, version and atom count
        for (int k = 0; k < 4; k++) System.arraycopy(single[k], head, expected, head + k * rec, rec);
        assertArrayEquals(expected, all);
        try (Trajectory t = FrameStore.open(streamed)) {
            assertEquals(4, t.frameCount());
            for (int k = 0; k < 4; k++) assertSameFrame(frames.get(k), t.frame(k));
        }
    }

    @Test
    void abortedOrEmptyOrMismatchedWritesLeaveNothing() throws IOException {
        Random r = new Random(7);
        Path target = dir.resolve("keep.gsf");
        Files.writeString(target, "old content");
        FrameStore.Writer w = FrameStore.Writer.open(target);
        w.append(randomFrame(r, 0, true));
        w.append(randomFrame(r, 1, true));
        w.abort();
        w.abort();
        assertEquals("old content", Files.readString(target));
        assertEquals(List.of(target), listDir(), "no temporary file left");

        FrameStore.Writer empty = FrameStore.Writer.open(dir.resolve("empty.gsf"));
        assertThrows(IllegalStateException.class, empty::close);
        assertEquals(List.of(target), listDir());

        FrameStore.Writer bad = FrameStore.Writer.open(dir.resolve("bad.gsf"));
        bad.append(randomFrame(r, 0, true));
        assertThrows(IllegalArgumentException.class, () -> bad.append(randomFrame(r, 1, false)));
        bad.abort();
        assertEquals(List.of(target), listDir());
    }

    private List<Path> listDir() throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
