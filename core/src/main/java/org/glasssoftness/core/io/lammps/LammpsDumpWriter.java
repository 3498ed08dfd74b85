package org.glasssoftness.core.io.lammps;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.glasssoftness.core.io.AtomicFiles;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.FrameOutput;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;

/**
 * Writes a trajectory as a LAMMPS text dump that LAMMPS ({@code read_dump}), OVITO and MDAnalysis read, atomically
 * (gzip-compressed when the name ends in {@code .gz}). Columns: {@code id type element xu yu zu ix iy iz},
 * {@code vx vy vz} when the frames have velocities, then every per-atom property (e.g. softness) so a viewer can
 * colour by it. Positions are written unwrapped with the image flags of the frame (computed from the box when the
 * frame has none); numbers in Java's shortest round-trip form, so reading the file back gives the same doubles.
 * Types come from the frame, or are species index + 1 when the frame has none.
 */
public final class LammpsDumpWriter {
    private LammpsDumpWriter() { }

    public static void write(Path file, Trajectory t, Progress progress) throws IOException {
        FrameOutput.writeAll(t, Streaming.open(file), progress);
    }

    /**
     * Writes a dump one frame at a time (a producer holds one frame, not the trajectory): {@link #open}, then
     * {@link #append} each frame, then {@link #close}, which renames the temporary file onto the target; until then
     * the target is untouched, and {@link #abort} deletes the temporary file. Same bytes as {@link #write}. Not an
     * AutoCloseable on purpose (a try-with-resources would publish a half-written dump after an exception).
     */
    public static final class Streaming implements FrameOutput {
        private final Path target;
        private final Path tmp;
        private final GZIPOutputStream gz;
        private final Writer w;
        private boolean ended;

        private Streaming(Path target, Path tmp, OutputStream raw, boolean gzip) throws IOException {
            this.target = target;
            this.tmp = tmp;
            this.gz = gzip ? new GZIPOutputStream(raw, 1 << 16) : null;
            this.w = new BufferedWriter(new OutputStreamWriter(gzip ? gz : raw, StandardCharsets.US_ASCII), 1 << 16);
        }

        /** Starts a dump (gzip-compressed when the name ends in {@code .gz}) that replaces file on {@link #close}. */
        public static Streaming open(Path file) throws IOException {
            Path tmp = AtomicFiles.tempFileFor(file);
            OutputStream raw = null;
            try {
                raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                return new Streaming(file, tmp, raw, file.getFileName().toString().endsWith(".gz"));
            } catch (IOException | RuntimeException e) {
                if (raw != null) raw.close();
                Files.deleteIfExists(tmp);
                throw e;
            }
        }

        public void append(Frame f) throws IOException {
            if (ended) throw new IllegalStateException("dump writer for " + target + " is already closed");
            writeFrame(w, f);
        }

        @Override
        public void accept(Frame f) throws IOException {
            append(f);
        }

        /** Finishes the dump and renames it onto the target. */
        @Override
        public void close() throws IOException {
            if (ended) return;
            boolean done = false;
            try {
                w.flush();
                if (gz != null) gz.finish();
                w.close();
                AtomicFiles.replace(tmp, target);
                ended = true;
                done = true;
            } finally {
                if (!done) abort();
            }
        }

        /** Discards everything written; the target is left as it was. Safe to call more than once, or after close. */
        @Override
        public void abort() throws IOException {
            if (ended && !Files.exists(tmp)) return;
            ended = true;
            try {
                w.close();
            } catch (IOException e) {
                // the file is deleted anyway
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    static void writeFrame(Writer w, Frame f) throws IOException {
        Box b = f.box();
        int n = f.atomCount();
        w.write("ITEM: TIMESTEP\n" + f.timestep() + "\nITEM: NUMBER OF ATOMS\n" + n + "\n");
        String flags = (b.periodic(0) ? "pp" : "ff") + " " + (b.periodic(1) ? "pp" : "ff") + " "
                + (b.periodic(2) ? "pp" : "ff");
        if (b.isTriclinic()) {
            // LAMMPS dump convention: bounding box of the tilted cell plus the tilts (Howto_triclinic)
            double xy = b.xy(), xz = b.xz(), yz = b.yz();
            double xlo = b.xlo() + Math.min(Math.min(0.0, xy), Math.min(xz, xy + xz));
            double xhi = b.xhi() + Math.max(Math.max(0.0, xy), Math.max(xz, xy + xz));
            double ylo = b.ylo() + Math.min(0.0, yz), yhi = b.yhi() + Math.max(0.0, yz);
            w.write("ITEM: BOX BOUNDS xy xz yz " + flags + "\n" + xlo + " " + xhi + " " + xy + "\n" + ylo + " " + yhi
                    + " " + xz + "\n" + b.zlo() + " " + b.zhi() + " " + yz + "\n");
        } else {
            w.write("ITEM: BOX BOUNDS " + flags + "\n" + b.xlo() + " " + b.xhi() + "\n" + b.ylo() + " " + b.yhi() + "\n"
                    + b.zlo() + " " + b.zhi() + "\n");
        }
        StringBuilder cols = new StringBuilder("ITEM: ATOMS id type element xu yu zu ix iy iz");
        if (f.velocities() != null) cols.append(" vx vy vz");
        for (String p : f.properties().keySet()) cols.append(' ').append(p.replaceAll("\\s", "_"));
        w.write(cols.append('\n').toString());
        double[] u = new double[3];
        int[] img = new int[3];
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < n; i++) {
            f.unwrappedPosition(i, u, 0);
            images(f, i, u, img);
            line.setLength(0);
            line.append(f.ids()[i]).append(' ').append(f.types() != null ? f.types()[i] : f.species()[i] + 1).append(' ')
                    .append(f.speciesOf(i));
            for (int d = 0; d < 3; d++) line.append(' ').append(u[d]);
            for (int d = 0; d < 3; d++) line.append(' ').append(img[d]);
            if (f.velocities() != null) {
                for (int d = 0; d < 3; d++) line.append(' ').append(f.velocities()[3 * i + d]);
            }
            for (Map.Entry<String, double[]> e : f.properties().entrySet()) line.append(' ').append(e.getValue()[i]);
            w.write(line.append('\n').toString());
        }
    }

    /** The frame's image flags, or those of the unwrapped position u relative to the box. */
    static void images(Frame f, int i, double[] u, int[] img) {
        if (f.images() != null) {
            System.arraycopy(f.images(), 3 * i, img, 0, 3);
            return;
        }
        double[] s = new double[3];
        f.box().toFractional(u, 0, s, 0);
        for (int d = 0; d < 3; d++) img[d] = f.box().periodic(d) ? (int) Math.floor(s[d]) : 0;
    }
}
