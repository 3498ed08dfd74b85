package org.glasssoftness.core.io.lammps;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.glasssoftness.core.io.FastDoubleParser;
import org.glasssoftness.core.io.TrajectoryFormatException;
import org.glasssoftness.core.model.Box;

/**
 * Parses the bytes of one dump frame (header and atom lines) with a byte-level tokenizer: no String per token, numbers
 * parsed in place by {@link FastDoubleParser}. Atoms come back sorted by id; nothing is returned if any line is bad.
 */
final class DumpFrameParser {
    private DumpFrameParser() { }

    /** Line source over a byte array, for the header part of a frame. */
    private static final class ChunkLines implements DumpHeader.LineSource {
        final byte[] b;
        final int len;
        int p;
        long line;

        ChunkLines(byte[] b, int len, long firstLine) {
            this.b = b;
            this.len = len;
            this.line = firstLine - 1;
        }

        @Override
        public String nextLine() {
            if (p >= len) return null;
            int s = p;
            while (p < len && b[p] != '\n') p++;
            int e = p > s && b[p - 1] == '\r' ? p - 1 : p;
            if (p < len) p++;
            line++;
            return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        }

        @Override
        public long lineNumber() { return line; }
    }

    /**
     * @param b          the frame's bytes, b[0, len)
     * @param firstLine  1-based line number of b[0] in the file
     * @param fileFrame  frame index in the file (for messages)
     * @param layout     the columns every frame must have (null: accept this frame's)
     */
    static RawFrame parse(byte[] b, int len, long firstLine, int fileFrame, Path file, DumpColumns layout)
            throws TrajectoryFormatException {
        ChunkLines src = new ChunkLines(b, len, firstLine);
        DumpHeader h;
        try {
            h = DumpHeader.read(src, file, fileFrame);
        } catch (TrajectoryFormatException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new TrajectoryFormatException(file, src.lineNumber(), fileFrame, e.getMessage());
        }
        if (h == null) throw new TrajectoryFormatException(file, firstLine, fileFrame, "expected a frame, found nothing");
        DumpColumns cols = layout;
        if (cols == null) {
            cols = new DumpColumns(h.columns(), file, h.lastHeaderLine(), fileFrame);
        } else if (!cols.names.equals(h.columns())) {
            throw new TrajectoryFormatException(file, h.lastHeaderLine(), fileFrame, "columns '"
                    + String.join(" ", h.columns()) + "' differ from the first frame's '" + String.join(" ", cols.names) + "'");
        }
        final int n = h.atomCount();
        final int nc = cols.count();
        final int[] roles = cols.roles;
        long[] ids = new long[n];
        int[] types = cols.hasType ? new int[n] : null;
        int[] elem = cols.hasElement ? new int[n] : null;
        List<byte[]> elemBytes = new ArrayList<>();
        double[] pos = new double[3 * n];
        int[] img = cols.hasImages ? new int[3 * n] : null;
        double[] vel = cols.hasVelocities ? new double[3 * n] : null;
        double[][] props = new double[cols.propertyNames.size()][n];
        long line0 = h.lastHeaderLine() + 1;
        int p = src.p;
        int a = 0;
        int c = 0;
        int s = p;
        try {
            for (a = 0; a < n; a++) {
                for (c = 0; c < nc; c++) {
                    byte ch;
                    while (p < len && ((ch = b[p]) == ' ' || ch == '\t' || ch == '\r')) p++;
                    s = p;
                    while (p < len && b[p] > ' ') p++;
                    if (p == s) {
                        if (p >= len && a == n - 1 && c == 0) {
                            throw new TrajectoryFormatException(file, line0 + a, fileFrame, "truncated frame: "
                                    + n + " atoms declared, file ends after " + a + " atom lines");
                        }
                        throw new TrajectoryFormatException(file, line0 + a, fileFrame, "expected " + nc
                                + " columns (" + String.join(" ", cols.names) + "), found " + c);
                    }
                    int role = roles[c];
                    if (role >= DumpColumns.PROP) {
                        props[role - DumpColumns.PROP][a] = FastDoubleParser.parse(b, s, p);
                    } else if (role >= DumpColumns.VEL) {
                        vel[3 * a + role - DumpColumns.VEL] = FastDoubleParser.parse(b, s, p);
                    } else if (role >= DumpColumns.IMG) {
                        img[3 * a + role - DumpColumns.IMG] = toInt(FastDoubleParser.parseLong(b, s, p));
                    } else if (role >= DumpColumns.POS) {
                        pos[3 * a + role - DumpColumns.POS] = FastDoubleParser.parse(b, s, p);
                    } else if (role == DumpColumns.ID) {
                        ids[a] = FastDoubleParser.parseLong(b, s, p);
                    } else if (role == DumpColumns.TYPE) {
                        types[a] = toInt(FastDoubleParser.parseLong(b, s, p));
                    } else {
                        elem[a] = elementIndex(elemBytes, b, s, p);
                    }
                }
                byte ch;
                while (p < len && ((ch = b[p]) == ' ' || ch == '\t' || ch == '\r')) p++;
                if (p < len) {
                    if (b[p] != '\n') {
                        throw new TrajectoryFormatException(file, line0 + a, fileFrame, "more than " + nc
                                + " columns (" + String.join(" ", cols.names) + ")");
                    }
                    p++;
                }
            }
        } catch (NumberFormatException e) {
            throw new TrajectoryFormatException(file, line0 + a, fileFrame, "column '" + cols.names.get(c) + "': "
                    + e.getMessage());
        }
        if (!cols.hasId) {
            for (int i = 0; i < n; i++) ids[i] = i + 1;   // no id column: ids follow the file order
        }
        List<String> elemNames = new ArrayList<>();
        for (byte[] e : elemBytes) elemNames.add(new String(e, StandardCharsets.ISO_8859_1));
        Box box = h.box();
        if (cols.scaled) {
            double[] f = new double[3];
            for (int i = 0; i < n; i++) {
                System.arraycopy(pos, 3 * i, f, 0, 3);
                box.toCartesian(f, 0, pos, 3 * i);
            }
        }
        RawFrame raw = new RawFrame(fileFrame, h.timestep(), box, ids, types, elem, elemNames, pos, img, vel, props, line0,
                null);
        return sortById(raw, file);
    }

    private static int toInt(long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw new NumberFormatException(v + " is out of int range");
        return (int) v;
    }

    private static int elementIndex(List<byte[]> known, byte[] b, int s, int e) {
        int len = e - s;
        for (int k = 0; k < known.size(); k++) {
            byte[] x = known.get(k);
            if (x.length == len && Arrays.equals(x, 0, len, b, s, e)) return k;
        }
        known.add(Arrays.copyOfRange(b, s, e));
        return known.size() - 1;
    }

    /** Reorders the atoms by ascending id; a duplicated id is an error naming both lines. */
    private static RawFrame sortById(RawFrame r, Path file) throws TrajectoryFormatException {
        long[] ids = r.ids();
        int n = ids.length;
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) sorted = ids[i] > ids[i - 1];
        if (sorted) return r;
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (long id : ids) {
            min = Math.min(min, id);
            max = Math.max(max, id);
        }
        int[] dest = new int[n];
        long[] keys = new long[n];
        boolean dense = max - min == n - 1;
        if (dense) {
            // the usual LAMMPS case: ids are a permutation of min..min+n-1, so each atom's place is id - min (O(n))
            boolean[] seen = new boolean[n];
            for (int i = 0; i < n && dense; i++) {
                int d = (int) (ids[i] - min);
                if (seen[d]) dense = false;   // a duplicate: the general path below reports it
                seen[d] = true;
                dest[i] = d;
                keys[d] = ids[i];
            }
        }
        if (!dense) {
            System.arraycopy(ids, 0, keys, 0, n);
            Arrays.sort(keys);
            checkDuplicates(r, keys, file);
            for (int i = 0; i < n; i++) dest[i] = Arrays.binarySearch(keys, ids[i]);
        }
        int[] types = permute(r.types(), dest, 1);
        int[] elem = permute(r.elementIndex(), dest, 1);
        double[] pos = permute(r.positions(), dest, 3);
        int[] img = permute(r.images(), dest, 3);
        double[] vel = permute(r.velocities(), dest, 3);
        double[][] props = new double[r.properties().length][];
        for (int k = 0; k < props.length; k++) props[k] = permute(r.properties()[k], dest, 1);
        int[] fileOrder = new int[n];
        for (int i = 0; i < n; i++) fileOrder[dest[i]] = i;
        return new RawFrame(r.fileFrame(), r.timestep(), r.box(), keys, types, elem, r.elementNames(), pos, img, vel,
                props, r.firstAtomLine(), fileOrder);
    }

    private static void checkDuplicates(RawFrame r, long[] keys, Path file) throws TrajectoryFormatException {
        long[] ids = r.ids();
        int n = ids.length;
        for (int i = 1; i < n; i++) {
            if (keys[i] == keys[i - 1]) {
                long id = keys[i];
                int first = -1, second = -1;
                for (int j = 0; j < n; j++) {
                    if (ids[j] == id) {
                        if (first < 0) first = j; else { second = j; break; }
                    }
                }
                throw new TrajectoryFormatException(file, r.firstAtomLine() + second, r.fileFrame(), "atom id " + id
                        + " is duplicated (also on line " + (r.firstAtomLine() + first) + ")");
            }
        }
    }

    private static int[] permute(int[] a, int[] dest, int w) {
        if (a == null) return null;
        int[] o = new int[a.length];
        for (int i = 0; i < dest.length; i++) System.arraycopy(a, w * i, o, w * dest[i], w);
        return o;
    }

    private static double[] permute(double[] a, int[] dest, int w) {
        if (a == null) return null;
        double[] o = new double[a.length];
        if (w == 3) {
            for (int i = 0; i < dest.length; i++) {
                int d = 3 * dest[i];
                o[d] = a[3 * i];
                o[d + 1] = a[3 * i + 1];
                o[d + 2] = a[3 * i + 2];
            }
        } else {
            for (int i = 0; i < dest.length; i++) o[dest[i]] = a[i];
        }
        return o;
    }
}
