package org.glasssoftness.core.md.protocol;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.glasssoftness.core.io.AtomicFiles;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.model.Box;

/**
 * Binary checkpoint of an MD state between stages: box, atoms (ids, species, charges, masses), positions, velocities,
 * image flags, step, simulated time and how many stages of the protocol are done. Doubles are stored bit-exactly, so
 * a run continued from a checkpoint reproduces the uninterrupted run bit for bit (stage starts rebuild the neighbour
 * list in both). Written atomically.
 */
public final class MdCheckpoint {
    private static final int MAGIC = 0x47534d44; // "GSMD"
    private static final int VERSION = 1;

    /** What a checkpoint holds. */
    public record Content(MdState state, double timePs, int stagesDone) { }

    private MdCheckpoint() { }

    public static void write(Path file, MdState s, double timePs, int stagesDone) throws IOException {
        AtomicFiles.write(file, os -> {
            DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(os));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(s.step);
            out.writeDouble(timePs);
            out.writeInt(stagesDone);
            Box b = s.box;
            for (double d : new double[] {b.xlo(), b.ylo(), b.zlo(), b.lx(), b.ly(), b.lz(), b.xy(), b.xz(), b.yz()}) out.writeDouble(d);
            for (int k = 0; k < 3; k++) out.writeBoolean(b.periodic(k));
            out.writeInt(s.speciesNames.size());
            for (String n : s.speciesNames) out.writeUTF(n);
            out.writeInt(s.n);
            for (int i = 0; i < s.n; i++) {
                out.writeLong(s.ids[i]);
                out.writeInt(s.species[i]);
                out.writeDouble(s.charge[i]);
                out.writeDouble(s.mass[i]);
            }
            for (double d : s.x) out.writeDouble(d);
            for (double d : s.v) out.writeDouble(d);
            for (int im : s.image) out.writeInt(im);
            out.flush();
        });
    }

    public static Content read(Path file) throws IOException {
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file))) {
            DataInputStream in = new DataInputStream(is);
            if (in.readInt() != MAGIC) throw new IOException(file + ": not an MD checkpoint (bad magic number)");
            int version = in.readInt();
            if (version != VERSION) throw new IOException(file + ": checkpoint version " + version + ", expected " + VERSION);
            long step = in.readLong();
            double time = in.readDouble();
            int stages = in.readInt();
            double[] bx = new double[9];
            for (int k = 0; k < 9; k++) bx[k] = in.readDouble();
            boolean px = in.readBoolean(), py = in.readBoolean(), pz = in.readBoolean();
            Box box = new Box(bx[0], bx[1], bx[2], bx[3], bx[4], bx[5], bx[6], bx[7], bx[8], px, py, pz);
            int ns = in.readInt();
            List<String> names = new ArrayList<>();
            for (int k = 0; k < ns; k++) names.add(in.readUTF());
            int n = in.readInt();
            long[] ids = new long[n];
            int[] sp = new int[n];
            double[] q = new double[n], m = new double[n];
            for (int i = 0; i < n; i++) { ids[i] = in.readLong(); sp[i] = in.readInt(); q[i] = in.readDouble(); m[i] = in.readDouble(); }
            double[] x = new double[3 * n], v = new double[3 * n];
            int[] image = new int[3 * n];
            for (int k = 0; k < 3 * n; k++) x[k] = in.readDouble();
            for (int k = 0; k < 3 * n; k++) v[k] = in.readDouble();
            for (int k = 0; k < 3 * n; k++) image[k] = in.readInt();
            MdState s = new MdState(box, ids, names, sp, q, m, x, v, image);
            s.step = step;
            return new Content(s, time, stages);
        } catch (java.io.EOFException e) {
            throw new IOException(file + ": checkpoint is truncated", e);
        }
    }
}
