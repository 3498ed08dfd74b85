package org.glasssoftness.core.io.lammps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LammpsDumpWriterStreamingTest {
    @TempDir
    Path dir;

    static List<Frame> frames() {
        List<Frame> out = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Map<String, double[]> props = new LinkedHashMap<>();
            props.put("softness", new double[] {0.5 * k, Double.NaN, -1.25});
            out.add(new Frame(100L * k, Box.orthogonal(0, 10, 0, 11, 0, 12 + k), new long[] {1, 2, 3}, new int[] {1, 2, 3},
                    List.of("Li", "B", "O"), new int[] {0, 1, 2}, new double[] {1, 2, 3, 4.5, 5, 6 + k, 7, 8, 9.25},
                    false, null, null, props));
        }
        return out;
    }

    @Test
    void streamedDumpIsTheConcatenationOfOneFrameDumps() throws IOException {
        List<Frame> frames = frames();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int k = 0; k < frames.size(); k++) {
            Path one = dir.resolve("one" + k + ".dump");
            LammpsDumpWriter.write(one, Trajectory.of(List.of(frames.get(k))), Progress.NONE);
            expected.write(Files.readAllBytes(one));
        }
        for (String name : new String[] {"s.dump", "s.dump.gz"}) {
            Path file = dir.resolve(name);
            LammpsDumpWriter.Streaming w = LammpsDumpWriter.Streaming.open(file);
            for (Frame f : frames) w.append(f);
            assertFalse(Files.exists(file), "the target appears only on close");
            w.close();
            byte[] got;
            try (InputStream in = name.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
                    : Files.newInputStream(file)) {
                got = in.readAllBytes();
            }
            assertArrayEquals(expected.toByteArray(), got, name);
            Path whole = dir.resolve("whole-" + name);
            LammpsDumpWriter.write(whole, Trajectory.of(frames), Progress.NONE);
            assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(file), name);
        }
    }

    @Test
    void abortLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("keep.dump");
        Files.writeString(target, "old");
        LammpsDumpWriter.Streaming w = LammpsDumpWriter.Streaming.open(target);
        w.append(frames().get(0));
        w.abort();
        w.abort();
        assertEquals("old", Files.readString(target));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList());
        }
    }
}
