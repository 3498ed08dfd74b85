package org.glasssoftness.core.model;

import java.util.Arrays;

/**
 * A periodic simulation cell in LAMMPS convention (metal units, Å).
 *
 * <p>The cell is spanned by the edge vectors a = (lx, 0, 0), b = (xy, ly, 0), c = (xz, yz, lz) from the origin
 * (xlo, ylo, zlo), exactly as LAMMPS defines a restricted triclinic box. An orthogonal box has zero tilts.
 * Instances are immutable.
 */
public final class Box {
    private final double xlo, ylo, zlo;
    private final double lx, ly, lz;
    private final double xy, xz, yz;
    private final boolean[] periodic;

    public Box(double xlo, double ylo, double zlo, double lx, double ly, double lz,
               double xy, double xz, double yz, boolean px, boolean py, boolean pz) {
        if (!(lx > 0) || !(ly > 0) || !(lz > 0) || !Double.isFinite(lx * ly * lz)) {
            throw new IllegalArgumentException("box edge lengths must be positive and finite, got lx=" + lx
                    + " ly=" + ly + " lz=" + lz + " (zero-volume box)");
        }
        this.xlo = xlo; this.ylo = ylo; this.zlo = zlo;
        this.lx = lx; this.ly = ly; this.lz = lz;
        this.xy = xy; this.xz = xz; this.yz = yz;
        this.periodic = new boolean[] {px, py, pz};
    }

    /** Fully periodic orthogonal box [lo, hi) in each direction. */
    public static Box orthogonal(double xlo, double xhi, double ylo, double yhi, double zlo, double zhi) {
        return new Box(xlo, ylo, zlo, xhi - xlo, yhi - ylo, zhi - zlo, 0, 0, 0, true, true, true);
    }

    /** Fully periodic cubic box [0, l)^3. */
    public static Box cubic(double l) {
        return orthogonal(0, l, 0, l, 0, l);
    }

    public double xlo() { return xlo; }
    public double ylo() { return ylo; }
    public double zlo() { return zlo; }
    public double xhi() { return xlo + lx; }
    public double yhi() { return ylo + ly; }
    public double zhi() { return zlo + lz; }
    public double lx() { return lx; }
    public double ly() { return ly; }
    public double lz() { return lz; }

    /** lx, ly or lz for axis 0, 1, 2: the box length whose change defines a strain along that axis. */
    public double length(int axis) {
        switch (axis) {
            case 0: return lx;
            case 1: return ly;
            case 2: return lz;
            default: throw new IllegalArgumentException("axis must be 0, 1 or 2 (x, y, z), got " + axis);
        }
    }
    public double xy() { return xy; }
    public double xz() { return xz; }
    public double yz() { return yz; }
    public boolean periodic(int dim) { return periodic[dim]; }
    public boolean isTriclinic() { return xy != 0 || xz != 0 || yz != 0; }

    /** Volume in Å^3. */
    public double volume() { return lx * ly * lz; }

    /** Edge vector k (0 = a, 1 = b, 2 = c) as a new array. */
    public double[] edge(int k) {
        switch (k) {
            case 0: return new double[] {lx, 0, 0};
            case 1: return new double[] {xy, ly, 0};
            case 2: return new double[] {xz, yz, lz};
            default: throw new IllegalArgumentException("edge index " + k);
        }
    }

    /**
     * Perpendicular widths of the cell (distance between opposite faces), the quantity that limits a
     * minimum-image cutoff: a sphere of radius r fits in the cell only if 2r &lt;= min width.
     */
    public double[] perpendicularWidths() {
        // width_k = V / |cross of the other two edges|
        double v = volume();
        double[] a = edge(0), b = edge(1), c = edge(2);
        return new double[] {v / norm(cross(b, c)), v / norm(cross(c, a)), v / norm(cross(a, b))};
    }

    /**
     * The smallest perpendicular width over the periodic directions (infinity when none is periodic): a cutoff up to
     * half of it sees at most one image of each atom.
     */
    public double minPeriodicWidth() {
        double w = Double.POSITIVE_INFINITY;
        double[] widths = perpendicularWidths();
        for (int k = 0; k < 3; k++) if (periodic(k)) w = Math.min(w, widths[k]);
        return w;
    }

    /** Converts Cartesian (x, y, z) at offset {@code o} of {@code r} into fractional coordinates in {@code s}. */
    public void toFractional(double[] r, int o, double[] s, int so) {
        double dz = r[o + 2] - zlo, dy = r[o + 1] - ylo, dx = r[o] - xlo;
        double sz = dz / lz;
        double sy = (dy - yz * sz) / ly;
        double sx = (dx - xy * sy - xz * sz) / lx;
        s[so] = sx; s[so + 1] = sy; s[so + 2] = sz;
    }

    /** Converts fractional (sx, sy, sz) at offset {@code so} of {@code s} into Cartesian coordinates in {@code r}. */
    public void toCartesian(double[] s, int so, double[] r, int o) {
        double sx = s[so], sy = s[so + 1], sz = s[so + 2];
        r[o] = xlo + lx * sx + xy * sy + xz * sz;
        r[o + 1] = ylo + ly * sy + yz * sz;
        r[o + 2] = zlo + lz * sz;
    }

    /**
     * Replaces the difference vector d (at offset o) by its minimum image: subtract the nearest lattice vector in
     * fractional coordinates along periodic directions. For cells whose tilt is at most half an edge (LAMMPS'
     * restriction) this is the true minimum image for distances up to half the smallest perpendicular width.
     */
    public void minimumImage(double[] d, int o) {
        double sz = d[o + 2] / lz;
        double sy = (d[o + 1] - yz * sz) / ly;
        double sx = (d[o] - xy * sy - xz * sz) / lx;
        if (periodic[0]) sx -= Math.rint(sx);
        if (periodic[1]) sy -= Math.rint(sy);
        if (periodic[2]) sz -= Math.rint(sz);
        d[o] = lx * sx + xy * sy + xz * sz;
        d[o + 1] = ly * sy + yz * sz;
        d[o + 2] = lz * sz;
    }

    /** Returns this box with every length and tilt scaled by the given factors about the origin (for replication). */
    public Box scaled(double fx, double fy, double fz) {
        return new Box(xlo, ylo, zlo, lx * fx, ly * fy, lz * fz, xy * fy, xz * fz, yz * fz,
                periodic[0], periodic[1], periodic[2]);
    }

    private static double[] cross(double[] u, double[] v) {
        return new double[] {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    }

    private static double norm(double[] u) {
        return Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Box)) return false;
        Box b = (Box) o;
        return xlo == b.xlo && ylo == b.ylo && zlo == b.zlo && lx == b.lx && ly == b.ly && lz == b.lz
                && xy == b.xy && xz == b.xz && yz == b.yz && Arrays.equals(periodic, b.periodic);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {xlo, ylo, zlo, lx, ly, lz, xy, xz, yz}) * 31 + Arrays.hashCode(periodic);
    }

    @Override
    public String toString() {
        return String.format("Box[lo=(%g,%g,%g) l=(%g,%g,%g) tilt=(%g,%g,%g)]", xlo, ylo, zlo, lx, ly, lz, xy, xz, yz);
    }
}
