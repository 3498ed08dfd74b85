package org.glasssoftness.core.md.neighbor;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.neighbor.NeighborSearch;

/**
 * Half Verlet list (each pair once, i &lt; j or a self image) with a skin, built from the project's cell-list
 * {@link NeighborSearch} at cutoff + skin. Each entry keeps the lattice image of j so that
 * d = x_j - x_i + shift stays valid while atoms move between rebuilds (positions are not re-wrapped in between).
 * An entry is one int, {@code j << imageBits() | image}, and the Cartesian shift of the image is looked up in a small
 * table ({@link #shiftTable()}, 3 per image): 4 bytes per entry instead of 28 keeps the pair kernel's memory traffic
 * low, and a box change only recomputes the table.
 * Rebuilt automatically when any atom has moved more than skin/2 since the last build (the LAMMPS "check yes"
 * criterion), reduced by the motion of the box corners when the box changed (NPT, deformation; then the kept entries'
 * lattice shifts follow the new box).
 */
public final class VerletList {
    /** Pairs closer than this (Å) are overlapping atoms: no physical configuration of an oxide glass has them. */
    public static final double MIN_SEPARATION = 0.3;
    private final double cutoff;
    private final double skin;
    private int n = -1;
    /** Entries of atom i: start[i] .. start[i+1]. */
    private int[] start = new int[0];
    private int[] nbr = new int[0];
    /** Largest |image index| per direction at the last build; images are numbered 0 .. (2 m + 1)^3 - 1. */
    private int maxImage;
    private int imageBits, imageMask;
    private double[] shiftTable = new double[0];
    private double[] xAtBuild = new double[0];
    private Box boxAtBuild;
    /** Box the shifts were last computed for. */
    private Box shiftBox;
    private long builds;

    public VerletList(double cutoff, double skin) {
        if (!(cutoff > 0) || !(skin >= 0)) throw new IllegalArgumentException("cutoff must be > 0 and skin >= 0");
        this.cutoff = cutoff;
        this.skin = skin;
    }

    public double cutoff() { return cutoff; }
    public double skin() { return skin; }
    public long builds() { return builds; }
    public int[] start() { return start; }
    /** Entries: {@code j << imageBits() | imageIndex}. */
    public int[] entries() { return nbr; }
    public int imageBits() { return imageBits; }
    public int imageMask() { return imageMask; }
    /** Cartesian lattice shift of each image index, 3 per image (x_j + shift is the neighbour's position). */
    public double[] shiftTable() { return shiftTable; }
    public int size() { return start.length == 0 ? 0 : start[n]; }

    /** Rebuilds if needed (wrapping the positions first); returns true when it rebuilt. */
    public boolean ensure(MdState s) {
        if (needsRebuild(s)) {
            build(s);
            return true;
        }
        return false;
    }

    /** Forces a rebuild at the next {@link #ensure} (used at stage starts so restarts from checkpoints are exact). */
    public void invalidate() {
        boxAtBuild = null;
    }

    public boolean needsRebuild(MdState s) {
        if (s.n != n || boxAtBuild == null) return true;
        double lim = 0.5 * skin;
        if (!s.box.equals(boxAtBuild)) {
            // box changed (NPT, deformation): as LAMMPS' boxcheck, the allowed displacement shrinks by the motion of
            // the box corners; the kept entries get the lattice shifts of the new box
            Box a = boxAtBuild, b = s.box;
            if (a.isTriclinic() || b.isTriclinic()) return true;
            double d1 = Math.sqrt(sq(b.xlo() - a.xlo()) + sq(b.ylo() - a.ylo()) + sq(b.zlo() - a.zlo()));
            double d2 = Math.sqrt(sq(b.xhi() - a.xhi()) + sq(b.yhi() - a.yhi()) + sq(b.zhi() - a.zhi()));
            lim = 0.5 * (skin - (d1 + d2));
            if (lim <= 0) return true;
            if (shiftBox != b) {
                recomputeShifts(b);
                shiftBox = b;
            }
        }
        double lim2 = lim * lim;
        double[] x = s.x;
        for (int k = 0; k < 3 * n; k += 3) {
            double dx = x[k] - xAtBuild[k], dy = x[k + 1] - xAtBuild[k + 1], dz = x[k + 2] - xAtBuild[k + 2];
            if (dx * dx + dy * dy + dz * dz > lim2) return true;
        }
        return false;
    }

    private static double sq(double v) { return v * v; }

    public void build(MdState s) {
        double[] widths = s.box.perpendicularWidths();
        for (int k = 0; k < 3; k++) {
            if (s.box.periodic(k) && widths[k] < 2 * cutoff) {
                throw new IllegalArgumentException(String.format(
                        "box width %.4f Å along cell vector %d is smaller than twice the cutoff %.4f Å", widths[k], k, cutoff));
            }
        }
        s.wrap();
        n = s.n;
        Box box = s.box;
        NeighborSearch ns = new NeighborSearch(box, s.x, cutoff + skin, 2);
        int[] count = new int[n + 1];
        // capacity from the mean density (half list, 10 % margin) so the arrays rarely grow by copying
        double rc = cutoff + skin;
        long expected = (long) (1.1 * 0.5 * n * (4.0 / 3.0 * Math.PI * rc * rc * rc) * n / box.volume());
        Builder b = new Builder((int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, expected)));
        int[] imgMax = {0};
        double[] x = s.x;
        double[] tmp = new double[3], frac = new double[3];
        double[] closest = {Double.MAX_VALUE};
        int[] closestPair = {-1, -1};
        ns.forEachPair((i, j, dx, dy, dz, r2) -> {
            if (r2 < closest[0]) { closest[0] = r2; closestPair[0] = i; closestPair[1] = j; }
            // lattice image of this neighbour: d - (x_j - x_i), in cell vectors
            tmp[0] = dx - (x[3 * j] - x[3 * i]);
            tmp[1] = dy - (x[3 * j + 1] - x[3 * i + 1]);
            tmp[2] = dz - (x[3 * j + 2] - x[3 * i + 2]);
            double sz = tmp[2] / box.lz();
            double sy = (tmp[1] - box.yz() * sz) / box.ly();
            double sx = (tmp[0] - box.xy() * sy - box.xz() * sz) / box.lx();
            int ix = (int) Math.rint(sx), iy = (int) Math.rint(sy), iz = (int) Math.rint(sz);
            b.add(j, ((ix + 64) << 14) | ((iy + 64) << 7) | (iz + 64));
            imgMax[0] = Math.max(imgMax[0], Math.max(Math.abs(ix), Math.max(Math.abs(iy), Math.abs(iz))));
            count[i + 1]++;
        });
        if (closest[0] < MIN_SEPARATION * MIN_SEPARATION) {
            throw new org.glasssoftness.core.md.integrate.MdInstabilityException(String.format(
                    "step %d: atoms with ids %d and %d are %.4g Å apart (overlapping atoms; below %.2f Å)", s.step,
                    s.ids[closestPair[0]], s.ids[closestPair[1]], Math.sqrt(closest[0]), MIN_SEPARATION));
        }
        for (int i = 0; i < n; i++) count[i + 1] += count[i];
        start = count;
        // forEachPair visits i in ascending order, so the entries are already grouped by i
        maxImage = imgMax[0];
        int side = 2 * maxImage + 1;
        imageBits = 32 - Integer.numberOfLeadingZeros(side * side * side - 1);
        imageMask = (1 << imageBits) - 1;
        if (((long) n << imageBits) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many atoms (" + n + ") for the packed neighbour list");
        }
        for (int e = 0; e < b.size; e++) {
            int code = b.img[e];
            int ix = (code >> 14) - 64, iy = ((code >> 7) & 127) - 64, iz = (code & 127) - 64;
            b.j[e] = b.j[e] << imageBits | ((ix + maxImage) * side + iy + maxImage) * side + iz + maxImage;
        }
        nbr = b.j;
        shiftTable = new double[3 * side * side * side];
        recomputeShifts(box);
        xAtBuild = x.clone();
        boxAtBuild = box;
        shiftBox = box;
        builds++;
    }

    private void recomputeShifts(Box box) {
        int m = maxImage, e = 0;
        for (int ix = -m; ix <= m; ix++) {
            for (int iy = -m; iy <= m; iy++) {
                for (int iz = -m; iz <= m; iz++, e++) {
                    shiftTable[3 * e] = ix * box.lx() + iy * box.xy() + iz * box.xz();
                    shiftTable[3 * e + 1] = iy * box.ly() + iz * box.yz();
                    shiftTable[3 * e + 2] = iz * box.lz();
                }
            }
        }
    }

    private static final class Builder {
        int[] j, img;
        int size;

        Builder(int cap) { j = new int[cap]; img = new int[cap]; }

        void add(int jj, int code) {
            if (size == j.length) {
                j = java.util.Arrays.copyOf(j, 2 * size);
                img = java.util.Arrays.copyOf(img, 2 * size);
            }
            j[size] = jj;
            img[size++] = code;
        }
    }
}
