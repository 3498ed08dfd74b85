package org.glasssoftness.core.io.lammps;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import org.glasssoftness.core.io.TrajectoryFormatException;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TrajectoryInfo;
import org.glasssoftness.core.model.TypeMap;

/** A dump opened with an index of frame offsets; frames are parsed on demand (see {@link LammpsDumpReader}). */
final class LammpsDumpTrajectory implements Trajectory {
    private final Path file;
    private final boolean gz;
    private final long[] starts;
    private final int[] lengths;
    private final long[] lines;
    private final int[] fileFrames;
    private final DumpColumns layout;
    private final SpeciesResolver species;
    private final TrajectoryInfo info;
    private final FileChannel channel;       // plain files: positional reads are thread-safe
    private InputStream gzIn;                // gzip files: a stream positioned at gzPos (decompressed bytes)
    private long gzPos;

    LammpsDumpTrajectory(Path file, boolean gz, long[] starts, int[] lengths, long[] lines, int[] fileFrames,
                         DumpColumns layout, TypeMap typeMap) throws IOException {
        this.file = file;
        this.gz = gz;
        this.starts = starts;
        this.lengths = lengths;
        this.lines = lines;
        this.fileFrames = fileFrames;
        this.layout = layout;
        this.channel = gz ? null : FileChannel.open(file, StandardOpenOption.READ);
        try {
            RawFrame first = raw(0);
            this.species = SpeciesResolver.create(file, typeMap, layout, first);
            Frame f = species.toFrame(first);
            this.info = TrajectoryInfo.of(f, starts.length);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public int frameCount() { return starts.length; }

    @Override
    public TrajectoryInfo info() { return info; }

    /** Index of frame k of this trajectory among all frames of the file (0-based). */
    public int fileFrameIndex(int k) { return fileFrames[k]; }

    @Override
    public Frame frame(int k) throws IOException {
        if (k < 0 || k >= starts.length) {
            throw new IndexOutOfBoundsException("frame " + k + " of a trajectory with " + starts.length + " frames");
        }
        return species.toFrame(raw(k));
    }

    private RawFrame raw(int k) throws IOException {
        byte[] b = bytes(k);
        return DumpFrameParser.parse(b, b.length, lines[k], fileFrames[k], file, layout);
    }

    private byte[] bytes(int k) throws IOException {
        byte[] b = new byte[lengths[k]];
        if (!gz) {
            ByteBuffer bb = ByteBuffer.wrap(b);
            long pos = starts[k];
            while (bb.hasRemaining()) {
                int n = channel.read(bb, pos);
                if (n < 0) {
                    throw new TrajectoryFormatException(file, lines[k], fileFrames[k],
                            "the file became shorter after it was indexed");
                }
                pos += n;
            }
            return b;
        }
        synchronized (this) {
            if (gzIn == null || gzPos > starts[k]) {
                if (gzIn != null) gzIn.close();
                gzIn = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
                gzPos = 0;
            }
            long skip = starts[k] - gzPos;
            while (skip > 0) {
                long s = gzIn.skip(skip);
                if (s <= 0) {
                    throw new TrajectoryFormatException(file, lines[k], fileFrames[k],
                            "the file became shorter after it was indexed");
                }
                skip -= s;
            }
            int n = gzIn.readNBytes(b, 0, b.length);
            gzPos = starts[k] + n;
            if (n < b.length) {
                throw new TrajectoryFormatException(file, lines[k], fileFrames[k],
                        "the file became shorter after it was indexed");
            }
            return b;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) channel.close();
        if (gzIn != null) {
            gzIn.close();
            gzIn = null;
        }
    }
}
