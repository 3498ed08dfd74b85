package org.glasssoftness.core.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One configuration of a particle system: box, atoms sorted by id, species, positions (Å), optional image flags,
 * velocities (Å/ps) and named per-atom properties. The arrays are owned by the frame and must not be modified.
 *
 * <p>Positions are stored as read. If {@link #positionsUnwrapped()} is false they are inside (or near) the box and
 * the unwrapped position is {@code r + ix a + iy b + iz c} using the image flags (zero when absent); if true they
 * are already unwrapped (LAMMPS xu yu zu) and image flags are ignored for unwrapping.
 */
public final class Frame {
    private final long timestep;
    private final Box box;
    private final long[] ids;
    private final int[] types;
    private final List<String> speciesNames;
    private final int[] species;
    private final double[] positions;
    private final boolean positionsUnwrapped;
    private final int[] images;
    private final double[] velocities;
    private final Map<String, double[]> properties;

    /**
     * @param ids            atom ids, strictly ascending
     * @param types          LAMMPS atom types (1-based), or null when the source had none
     * @param speciesNames   distinct species (element) names; {@code species[i]} indexes this list
     * @param positions      3N Cartesian coordinates in Å
     * @param images         3N image flags or null
     * @param velocities     3N velocities in Å/ps or null
     * @param properties     named per-atom values, each of length N (insertion order is kept)
     */
    public Frame(long timestep, Box box, long[] ids, int[] types, List<String> speciesNames, int[] species,
                 double[] positions, boolean positionsUnwrapped, int[] images, double[] velocities,
                 Map<String, double[]> properties) {
        this.timestep = timestep;
        this.box = Objects.requireNonNull(box, "box");
        this.ids = Objects.requireNonNull(ids, "ids");
        int n = ids.length;
        for (int i = 1; i < n; i++) {
            if (ids[i] <= ids[i - 1]) {
                throw new IllegalArgumentException("atom ids must be strictly ascending; id " + ids[i]
                        + (ids[i] == ids[i - 1] ? " is duplicated" : " follows " + ids[i - 1]));
            }
        }
        this.types = checkLength(types, n, "types");
        this.speciesNames = List.copyOf(speciesNames);
        this.species = checkLength(Objects.requireNonNull(species, "species"), n, "species");
        for (int s : species) {
            if (s < 0 || s >= this.speciesNames.size()) {
                throw new IllegalArgumentException("species index " + s + " outside 0.." + (this.speciesNames.size() - 1));
            }
        }
        this.positions = checkLength(Objects.requireNonNull(positions, "positions"), 3 * n, "positions");
        this.positionsUnwrapped = positionsUnwrapped;
        this.images = checkLength(images, 3 * n, "images");
        this.velocities = checkLength(velocities, 3 * n, "velocities");
        LinkedHashMap<String, double[]> p = new LinkedHashMap<>();
        if (properties != null) {
            for (Map.Entry<String, double[]> e : properties.entrySet()) {
                p.put(e.getKey(), checkLength(e.getValue(), n, "property " + e.getKey()));
            }
        }
        this.properties = Collections.unmodifiableMap(p);
    }

    private static int[] checkLength(int[] a, int len, String what) {
        if (a != null && a.length != len) {
            throw new IllegalArgumentException(what + " has length " + a.length + ", expected " + len);
        }
        return a;
    }

    private static double[] checkLength(double[] a, int len, String what) {
        if (a != null && a.length != len) {
            throw new IllegalArgumentException(what + " has length " + a.length + ", expected " + len);
        }
        return a;
    }

    public long timestep() { return timestep; }
    public Box box() { return box; }
    public int atomCount() { return ids.length; }
    public long[] ids() { return ids; }
    /** LAMMPS types or null. */
    public int[] types() { return types; }
    public List<String> speciesNames() { return speciesNames; }
    public int[] species() { return species; }
    public String speciesOf(int atom) { return speciesNames.get(species[atom]); }
    public double[] positions() { return positions; }
    public boolean positionsUnwrapped() { return positionsUnwrapped; }
    /** Image flags (3N) or null. */
    public int[] images() { return images; }
    /** Velocities (3N, Å/ps) or null. */
    public double[] velocities() { return velocities; }
    /** Named per-atom properties, unmodifiable, in the order they were added. */
    public Map<String, double[]> properties() { return properties; }

    /** Index of the species with this name, or -1. */
    public int speciesIndex(String name) { return speciesNames.indexOf(name); }

    /** Number of atoms of each species, indexed like {@link #speciesNames()}. */
    public int[] speciesCounts() {
        int[] c = new int[speciesNames.size()];
        for (int s : species) c[s]++;
        return c;
    }

    /** Index of the atom with this id (binary search), or a negative number. */
    public int indexOfId(long id) { return Arrays.binarySearch(ids, id); }

    /** Unwrapped Cartesian position of atom i written to out[o..o+2]. */
    public void unwrappedPosition(int i, double[] out, int o) {
        double x = positions[3 * i], y = positions[3 * i + 1], z = positions[3 * i + 2];
        if (!positionsUnwrapped && images != null) {
            int ix = images[3 * i], iy = images[3 * i + 1], iz = images[3 * i + 2];
            x += ix * box.lx() + iy * box.xy() + iz * box.xz();
            y += iy * box.ly() + iz * box.yz();
            z += iz * box.lz();
        }
        out[o] = x; out[o + 1] = y; out[o + 2] = z;
    }

    /** All unwrapped positions as a new 3N array. */
    public double[] unwrappedPositions() {
        double[] u = new double[positions.length];
        for (int i = 0; i < ids.length; i++) unwrappedPosition(i, u, 3 * i);
        return u;
    }

    /** A copy of this frame with one more (or a replaced) per-atom property. */
    public Frame withProperty(String name, double[] values) {
        LinkedHashMap<String, double[]> p = new LinkedHashMap<>(properties);
        p.put(name, values);
        return new Frame(timestep, box, ids, types, speciesNames, species, positions, positionsUnwrapped, images,
                velocities, p);
    }

    /** Number density in atoms/Å^3. */
    public double numberDensity() { return ids.length / box.volume(); }

    @Override
    public String toString() {
        return "Frame[step=" + timestep + ", atoms=" + ids.length + ", species=" + speciesNames + ", " + box + "]";
    }
}
