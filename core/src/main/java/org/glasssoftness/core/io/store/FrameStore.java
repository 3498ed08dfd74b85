package org.glasssoftness.core.io.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasssoftness.core.io.AtomicFiles;
import org.glasssoftness.core.io.TrajectoryFormatException;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.FrameOutput;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TrajectoryInfo;

/**
 * A compact binary trajectory file with random access: a header, then one fixed-size record per frame, so frame k
 * is one positional read at {@code dataOffset + k * recordSize}. It backs the KNIME trajectory port (saved with the
 * workflow) and round-trips every {@link Frame} field bit for bit.
 *
 * <p>Layout (little-endian):
 * <pre>
 * header:  "GSFSTORE" | int version=1 | int atoms N | int frames F | int flags (1 types, 2 images, 4 velocities)
 *          | int S, S x string species | int P, P x string property names | long recordSize | long dataOffset
 *          (string = int byte length + UTF-8 bytes)
 * record:  long timestep | 9 double box (xlo ylo zlo lx ly lz xy xz yz) | byte periodic bits | byte unwrapped
 *          | 6 bytes padding | N long ids | [N int types] | N int species | 3N double positions | [3N int images]
 *          | [3N double velocities] | P x N double properties
 * </pre>
 * Every frame must have the first frame's atom count, species list, optional fields and property names.
 */
public final class FrameStore {
    static final byte[] MAGIC = "GSFSTORE".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    private static final int TYPES = 1, IMAGES = 2, VELOCITIES = 4;

    private FrameStore() { }

    /** True if the file starts with the frame store's magic bytes (so {@link #open} is the reader to use). */
    public static boolean isStore(Path file) throws IOException {
        byte[] head = new byte[MAGIC.length];
        int got;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            got = in.readNBytes(head, 0, head.length);
        }
        return got == head.length && Arrays.equals(head, MAGIC);
    }

    /** Writes every frame of t (read one at a time) atomically to file. */
    public static void write(Path file, Trajectory t, org.glasssoftness.core.progress.Progress progress)
            throws IOException {
        int nf = t.frameCount();
        if (nf < 1) throw new IllegalArgumentException("a frame store needs at least one frame");
        FrameOutput.writeAll(t, Writer.open(file), progress);
    }

    /**
     * Writes a store one frame at a time, so a producer never holds more than one frame: {@link #open}, then
     * {@link #append} each frame, then {@link #close}, which fills in the frame count and renames the temporary file
     * onto the target. Until then the target is untouched; {@link #abort} deletes the temporary file. The result is
     * byte for byte what {@link FrameStore#write} writes for the same frames. Not an AutoCloseable on purpose: a
     * try-with-resources would publish a half-written store after an exception. Not thread-safe.
     */
    public static final class Writer implements FrameOutput {
        /** Byte offset of the frame count in the header: after the magic, the version and the atom count. */
        private static final int FRAME_COUNT_OFFSET = 8 + 4 + 4;

        private final Path target;
        private final Path tmp;
        private final FileChannel ch;
        private final OutputStream out;
        private Layout lay;
        private ByteBuffer rec;
        private int frames;
        private boolean ended;

        private Writer(Path target, Path tmp, FileChannel ch) {
            this.target = target;
            this.tmp = tmp;
            this.ch = ch;
            this.out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
        }

        /** Starts a store that will replace file on {@link #close}. */
        public static Writer open(Path file) throws IOException {
            Path tmp = AtomicFiles.tempFileFor(file);
            try {
                return new Writer(file, tmp, FileChannel.open(tmp, StandardOpenOption.WRITE));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
        }

        /**
         * Appends the next frame; the first fixes atom count, species, optional fields and property names, which every
         * later frame must match (else IllegalArgumentException and nothing of that frame is written).
         */
        public void append(Frame f) throws IOException {
            if (ended) throw new IllegalStateException("frame store writer for " + target + " is already closed");
            if (lay == null) {
                lay = Layout.of(f, 0);
                rec = ByteBuffer.allocate(Math.toIntExact(lay.recordSize)).order(ByteOrder.LITTLE_ENDIAN);
                out.write(lay.header());
            }
            if (frames == Integer.MAX_VALUE) throw new IllegalStateException("a store holds at most 2^31-1 frames");
            lay.check(f, frames);
            rec.clear();
            lay.put(f, rec);
            out.write(rec.array(), 0, rec.position());
            frames++;
        }

        @Override
        public void accept(Frame f) throws IOException {
            append(f);
        }

        /** Frames appended so far. */
        public int frameCount() { return frames; }

        /** Finishes the store: writes the frame count and renames it onto the target. Needs at least one frame. */
        @Override
        public void close() throws IOException {
            if (ended) return;
            if (frames == 0) {
                abort();
                throw new IllegalStateException("a frame store needs at least one frame (" + target + ")");
            }
            boolean done = false;
            try {
                out.flush();
                ByteBuffer count = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(frames).flip();
                while (count.hasRemaining()) ch.write(count, FRAME_COUNT_OFFSET + count.position());
                out.close();
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
                ch.close();
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Opens a store for random access (thread-safe; close it when done). */
    public static Trajectory open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new StoredTrajectory(file, ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** What every record of a store holds. */
    static final class Layout {
        final int atoms;
        final int frames;
        final int flags;
        final List<String> species;
        final List<String> properties;
        final long recordSize;

        Layout(int atoms, int frames, int flags, List<String> species, List<String> properties) {
            this.atoms = atoms;
            this.frames = frames;
            this.flags = flags;
            this.species = List.copyOf(species);
            this.properties = List.copyOf(properties);
            long n = atoms;
            this.recordSize = 8 + 9 * 8 + 8 + 8 * n + ((flags & TYPES) != 0 ? 4 * n : 0) + 4 * n + 24 * n
                    + ((flags & IMAGES) != 0 ? 12 * n : 0) + ((flags & VELOCITIES) != 0 ? 24 * n : 0)
                    + 8 * n * properties.size();
            if (recordSize > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("frame too large for a store");
        }

        static Layout of(Frame f, int frames) {
            int flags = (f.types() != null ? TYPES : 0) | (f.images() != null ? IMAGES : 0)
                    | (f.velocities() != null ? VELOCITIES : 0);
            return new Layout(f.atomCount(), frames, flags, f.speciesNames(), new ArrayList<>(f.properties().keySet()));
        }

        void check(Frame f, int k) {
            if (f.atomCount() != atoms || !f.speciesNames().equals(species)
                    || !new ArrayList<>(f.properties().keySet()).equals(properties)
                    || Layout.of(f, frames).flags != flags) {
                throw new IllegalArgumentException("frame " + k + " (" + f + ", properties " + f.properties().keySet()
                        + ") does not match frame 0's atom count, species, optional fields and properties");
            }
        }

        byte[] header() {
            List<byte[]> strings = new ArrayList<>();
            int size = 8 + 4 * 4 + 4 + 4 + 8 + 8;
            for (String s : species) { byte[] b = s.getBytes(StandardCharsets.UTF_8); strings.add(b); size += 4 + b.length; }
            for (String s : properties) { byte[] b = s.getBytes(StandardCharsets.UTF_8); strings.add(b); size += 4 + b.length; }
            int dataOffset = (size + 7) & ~7;
            ByteBuffer h = ByteBuffer.allocate(dataOffset).order(ByteOrder.LITTLE_ENDIAN);
            h.put(MAGIC).putInt(VERSION).putInt(atoms).putInt(frames).putInt(flags);
            h.putInt(species.size());
            for (int i = 0; i < species.size(); i++) h.putInt(strings.get(i).length).put(strings.get(i));
            h.putInt(properties.size());
            for (int i = 0; i < properties.size(); i++) {
                byte[] b = strings.get(species.size() + i);
                h.putInt(b.length).put(b);
            }
            h.putLong(recordSize).putLong(dataOffset);
            return h.array();
        }

        void put(Frame f, ByteBuffer r) {
            Box b = f.box();
            r.putLong(f.timestep());
            for (double v : new double[] {b.xlo(), b.ylo(), b.zlo(), b.lx(), b.ly(), b.lz(), b.xy(), b.xz(), b.yz()}) {
                r.putDouble(v);
            }
            r.put((byte) ((b.periodic(0) ? 1 : 0) | (b.periodic(1) ? 2 : 0) | (b.periodic(2) ? 4 : 0)));
            r.put((byte) (f.positionsUnwrapped() ? 1 : 0));
            r.position(r.position() + 6);
            putLongs(r, f.ids());
            if ((flags & TYPES) != 0) putInts(r, f.types());
            putInts(r, f.species());
            putDoubles(r, f.positions());
            if ((flags & IMAGES) != 0) putInts(r, f.images());
            if ((flags & VELOCITIES) != 0) putDoubles(r, f.velocities());
            for (String p : properties) putDoubles(r, f.properties().get(p));
        }

        Frame get(ByteBuffer r) {
            long step = r.getLong();
            double[] bx = new double[9];
            for (int i = 0; i < 9; i++) bx[i] = r.getDouble();
            int per = r.get();
            boolean unwrapped = r.get() != 0;
            r.position(r.position() + 6);
            Box box = new Box(bx[0], bx[1], bx[2], bx[3], bx[4], bx[5], bx[6], bx[7], bx[8],
                    (per & 1) != 0, (per & 2) != 0, (per & 4) != 0);
            long[] ids = new long[atoms];
            r.asLongBuffer().get(ids);
            r.position(r.position() + 8 * atoms);
            int[] types = (flags & TYPES) != 0 ? getInts(r, atoms) : null;
            int[] sp = getInts(r, atoms);
            double[] pos = getDoubles(r, 3 * atoms);
            int[] img = (flags & IMAGES) != 0 ? getInts(r, 3 * atoms) : null;
            double[] vel = (flags & VELOCITIES) != 0 ? getDoubles(r, 3 * atoms) : null;
            Map<String, double[]> props = new LinkedHashMap<>();
            for (String p : properties) props.put(p, getDoubles(r, atoms));
            return new Frame(step, box, ids, types, species, sp, pos, unwrapped, img, vel, props);
        }
    }

    private static void putLongs(ByteBuffer r, long[] a) {
        r.asLongBuffer().put(a);
        r.position(r.position() + 8 * a.length);
    }

    private static void putInts(ByteBuffer r, int[] a) {
        r.asIntBuffer().put(a);
        r.position(r.position() + 4 * a.length);
    }

    private static void putDoubles(ByteBuffer r, double[] a) {
        r.asDoubleBuffer().put(a);
        r.position(r.position() + 8 * a.length);
    }

    private static int[] getInts(ByteBuffer r, int n) {
        int[] a = new int[n];
        r.asIntBuffer().get(a);
        r.position(r.position() + 4 * n);
        return a;
    }

    private static double[] getDoubles(ByteBuffer r, int n) {
        double[] a = new double[n];
        r.asDoubleBuffer().get(a);
        r.position(r.position() + 8 * n);
        return a;
    }

    /** The reading side. */
    private static final class StoredTrajectory implements Trajectory {
        private final Path file;
        private final FileChannel ch;
        private final Layout lay;
        private final long dataOffset;
        private final TrajectoryInfo info;

        StoredTrajectory(Path file, FileChannel ch) throws IOException {
            this.file = file;
            this.ch = ch;
            long size = ch.size();
            ByteBuffer h = read(0, (int) Math.min(size, 1 << 20));
            try {
                byte[] magic = new byte[8];
                h.get(magic);
                if (!Arrays.equals(magic, MAGIC)) throw bad("not a frame store (no GSFSTORE magic)");
                int version = h.getInt();
                if (version != VERSION) throw bad("store version " + version + ", this reader knows " + VERSION);
                int atoms = h.getInt(), frames = h.getInt(), flags = h.getInt();
                List<String> species = strings(h);
                List<String> props = strings(h);
                long rec = h.getLong();
                dataOffset = h.getLong();
                lay = new Layout(atoms, frames, flags, species, props);
                if (rec != lay.recordSize || frames < 1) throw bad("inconsistent header");
                long expected = dataOffset + frames * rec;
                if (size != expected) {
                    throw bad("file has " + size + " bytes, the header promises " + expected + " (" + frames
                            + " frames): truncated or not a frame store");
                }
            } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
                throw bad("damaged header: " + e);
            }
            Frame first = frame(0);
            this.info = TrajectoryInfo.of(first, lay.frames);
        }

        private static List<String> strings(ByteBuffer h) {
            int n = h.getInt();
            if (n < 0 || n > 1_000_000) throw new IllegalArgumentException("string count " + n);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                byte[] b = new byte[h.getInt()];
                h.get(b);
                out.add(new String(b, StandardCharsets.UTF_8));
            }
            return out;
        }

        private TrajectoryFormatException bad(String msg) {
            return new TrajectoryFormatException(file, -1, -1, msg);
        }

        private ByteBuffer read(long pos, int len) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining()) {
                if (ch.read(b, pos + b.position()) < 0) throw bad("unexpected end of file");
            }
            b.flip();
            return b;
        }

        @Override
        public int frameCount() { return lay.frames; }

        @Override
        public Frame frame(int k) throws IOException {
            if (k < 0 || k >= lay.frames) {
                throw new IndexOutOfBoundsException("frame " + k + " of a store with " + lay.frames + " frames");
            }
            ByteBuffer r = read(dataOffset + k * lay.recordSize, (int) lay.recordSize);
            try {
                return lay.get(r);
            } catch (IllegalArgumentException e) {
                throw new TrajectoryFormatException(file, -1, k, "damaged frame record: " + e.getMessage());
            }
        }

        @Override
        public TrajectoryInfo info() { return info; }

        @Override
        public void close() throws IOException { ch.close(); }
    }
}
