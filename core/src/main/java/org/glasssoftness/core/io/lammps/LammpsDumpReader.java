package org.glasssoftness.core.io.lammps;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.glasssoftness.core.io.TrajectoryFormatException;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;

/**
 * Reads LAMMPS text dumps ({@code dump atom/custom}, as LAMMPS writes them; gzip-compressed too).
 *
 * <p>{@link #open} makes one streaming pass over the file that checks every frame header (timestep, atom count, box,
 * columns, that each frame has all its atom lines) and records where each selected frame starts. The returned
 * {@link Trajectory} then parses frame k on demand: it reads just that frame's bytes (positional read, thread-safe),
 * tokenizes them at byte level and sorts the atoms by id. Memory is one frame at a time plus 20 bytes per indexed frame.
 *
 * <p>Gzip files ({@code 1f 8b} magic) cannot be seeked: the index holds decompressed offsets, reading frames in
 * ascending order streams through the file once, and going back to an earlier frame decompresses again from the
 * start (cost: proportional to the decompressed size before that frame).
 *
 * <p>Columns: see {@link DumpColumns}; species: see {@link SpeciesResolver}. Every error is a
 * {@link TrajectoryFormatException} naming the file, the line and the frame; nothing partly read is returned.
 */
public final class LammpsDumpReader {
    private LammpsDumpReader() { }

    /** Opens every frame of the file with species from an element column or named by type. */
    public static Trajectory open(Path file) throws IOException {
        return open(file, DumpReadOptions.defaults(), Progress.NONE);
    }

    public static Trajectory open(Path file, DumpReadOptions opts, Progress progress) throws IOException {
        boolean gz = isGzip(file);
        long size = Files.size(file);
        if (size == 0) throw new TrajectoryFormatException(file, -1, -1, "empty file: expected a LAMMPS dump frame");
        long[] starts = new long[16];
        long[] lines = new long[16];
        int[] lengths = new int[16];
        int[] fileFrames = new int[16];
        int selected = 0;
        int frame = 0;
        DumpColumns layout = null;
        int atomCount = -1;
        CountingStream counting = new CountingStream(Files.newInputStream(file));
        try (InputStream in = gz ? new GZIPInputStream(counting, 1 << 16) : counting) {
            ByteLineScanner sc = new ByteLineScanner(in, 1 << 20);
            DumpHeader.LineSource src = new DumpHeader.LineSource() {
                @Override
                public String nextLine() throws IOException { return sc.readLine(); }

                @Override
                public long lineNumber() { return sc.lineNumber(); }
            };
            while (opts.lastFrame() < 0 || frame <= opts.lastFrame()) {
                progress.checkCanceled();
                long start = sc.offset();
                long startLine = sc.lineNumber() + 1;
                DumpHeader h = DumpHeader.read(src, file, frame);
                if (h == null) break;
                if (layout == null) {
                    layout = new DumpColumns(h.columns(), file, h.lastHeaderLine(), frame);
                    atomCount = h.atomCount();
                } else {
                    if (h.atomCount() != atomCount) {
                        throw new TrajectoryFormatException(file, h.lastHeaderLine() - 5, frame, "number of atoms "
                                + h.atomCount() + " differs from the first frame's " + atomCount
                                + " (a changing atom count is not supported)");
                    }
                    if (!h.columns().equals(layout.names)) {
                        throw new TrajectoryFormatException(file, h.lastHeaderLine(), frame, "columns '"
                                + String.join(" ", h.columns()) + "' differ from the first frame's '"
                                + String.join(" ", layout.names) + "'");
                    }
                }
                long got = sc.skipLines(atomCount);
                if (got < atomCount || (sc.lastPartialLine() != null
                        && tokens(sc.lastPartialLine()) < layout.count())) {
                    long have = sc.lastPartialLine() != null && got == atomCount ? got - 1 : got;
                    throw new TrajectoryFormatException(file, sc.lineNumber(), frame, "truncated frame: "
                            + atomCount + " atom lines expected, the file ends after " + have + " complete ones");
                }
                if (opts.selects(frame)) {
                    long len = sc.offset() - start;
                    if (len > Integer.MAX_VALUE - 16) {
                        throw new TrajectoryFormatException(file, startLine, frame, "frame is larger than 2 GB");
                    }
                    if (selected == starts.length) {
                        starts = Arrays.copyOf(starts, 2 * selected);
                        lines = Arrays.copyOf(lines, 2 * selected);
                        lengths = Arrays.copyOf(lengths, 2 * selected);
                        fileFrames = Arrays.copyOf(fileFrames, 2 * selected);
                    }
                    starts[selected] = start;
                    lines[selected] = startLine;
                    lengths[selected] = (int) len;
                    fileFrames[selected] = frame;
                    selected++;
                }
                frame++;
                progress.report(Math.min(1.0, counting.count / (double) size), "indexing " + file.getFileName()
                        + ": frame " + frame);
            }
        }
        if (frame == 0) throw new TrajectoryFormatException(file, -1, -1, "no frame found: the file holds only blank lines");
        if (selected == 0) {
            throw new TrajectoryFormatException(file, -1, -1, "the file has " + frame + " frames; first frame "
                    + opts.firstFrame() + " (0-based) is beyond them");
        }
        return new LammpsDumpTrajectory(file, gz, Arrays.copyOf(starts, selected), Arrays.copyOf(lengths, selected),
                Arrays.copyOf(lines, selected), Arrays.copyOf(fileFrames, selected), layout, opts.typeMap());
    }

    private static int tokens(String line) {
        String t = line.trim();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** Counts bytes read from the file, for progress on compressed input. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) { super(in); }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
