import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.glasssoftness.core.dynamics.CumulativeNonAffineDisplacement;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TrajectoryInfo;
import org.glasssoftness.core.progress.Progress;

/**
 * Java side of the D_cum benchmark: the engine's CumulativeNonAffineDisplacement over the raw trajectory written by
 * gen_trajectory.py, streamed frame by frame from disk (a Trajectory that reads frame k on demand).
 * usage: java -cp core/target/classes bench/d-cum/DcumBench.java DIR FRAMES THREADS OUT.txt
 */
public class DcumBench {
    static final List<String> NAMES = List.of("Li", "B", "P", "O");

    static final class RawTrajectory implements Trajectory {
        final int n, frames;
        final Box box;
        final long[] ids;
        final int[] species;
        final FileChannel ch;

        RawTrajectory(Path dir, int frames) throws IOException {
            String[] meta = Files.readString(dir.resolve("meta.txt")).trim().split("\\s+");
            n = Integer.parseInt(meta[0]);
            this.frames = Math.min(frames, Integer.parseInt(meta[1]));
            box = Box.cubic(Double.parseDouble(meta[2]));
            byte[] sp = Files.readAllBytes(dir.resolve("species.u8"));
            ids = new long[n];
            species = new int[n];
            for (int i = 0; i < n; i++) { ids[i] = i + 1; species[i] = sp[i]; }
            ch = FileChannel.open(dir.resolve("positions.f64"), StandardOpenOption.READ);
        }

        public int frameCount() { return frames; }

        public Frame frame(int k) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(24 * n).order(ByteOrder.LITTLE_ENDIAN);
            long off = 24L * n * k;
            while (b.hasRemaining()) {
                if (ch.read(b, off + b.position()) < 0) throw new IOException("short read at frame " + k);
            }
            b.flip();
            double[] p = new double[3 * n];
            b.asDoubleBuffer().get(p);
            return new Frame(k, box, ids, null, NAMES, species, p, false, null, null, null);
        }

        public TrajectoryInfo info() { throw new UnsupportedOperationException(); }

        public void close() throws IOException { ch.close(); }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int frames = Integer.parseInt(args[1]), threads = Integer.parseInt(args[2]);
        try (RawTrajectory t = new RawTrajectory(dir, frames)) {
            CumulativeNonAffineDisplacement d = new CumulativeNonAffineDisplacement(
                    CumulativeNonAffineDisplacement.Settings.defaults().withThreads(threads));
            if (frames > 20) d.compute(new RawTrajectory(dir, 11), Progress.NONE); // JIT warm-up on 10 intervals
            long t0 = System.nanoTime();
            CumulativeNonAffineDisplacement.Result r = d.compute(t, Progress.NONE);
            double el = (System.nanoTime() - t0) / 1e9;
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
                for (int q = 0; q < r.ids().length; q++) {
                    w.println(r.ids()[q] + " " + r.dcum()[q] + " " + r.degenerateIntervals()[q]);
                }
            }
            System.out.printf("java(%d threads): %d Li of %d atoms, %d intervals, %.2f s, %.1f ms/interval%n",
                    threads, r.ids().length, t.n, r.intervals(), el, el / r.intervals() * 1e3);
        }
    }
}
