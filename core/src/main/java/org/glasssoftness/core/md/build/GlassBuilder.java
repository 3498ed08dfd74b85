package org.glasssoftness.core.md.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Elements;
import org.glasssoftness.core.model.Frame;

/**
 * Builds a random glass start configuration (what PACKMOL does in the study): a composition in mol% of oxides and a
 * target atom count give integer, charge-neutral atom counts; atoms are placed uniformly at random in a cubic box at
 * the target density, each at least a minimum distance (minimum image) from every atom placed before. Seeded: the same
 * inputs and seed give the same configuration.
 */
public final class GlassBuilder {
    private static final double AVOGADRO = 6.02214076e23;

    private GlassBuilder() { }

    /**
     * Integer atom counts for a composition (oxide formula -> mol%, any normalisation) and a target atom count: the
     * number of formula units of each oxide is the rounded share of the target, so the result is neutral whenever each
     * oxide is; the neutrality of the force-field charges is checked.
     *
     * @return element -> count, in the order the elements first appear (oxygen last)
     */
    public static Map<String, Integer> atomCounts(Map<String, Double> composition, int targetAtoms, ForceField ff) {
        if (targetAtoms <= 0) throw new IllegalArgumentException("target atom count must be positive, got " + targetAtoms);
        double total = 0, atomsPerMol = 0;
        for (Map.Entry<String, Double> e : composition.entrySet()) {
            if (!(e.getValue() >= 0)) {
                throw new IllegalArgumentException("mol% of " + e.getKey() + " must be >= 0, got " + e.getValue());
            }
            total += e.getValue();
        }
        if (!(total > 0)) throw new IllegalArgumentException("composition " + composition + " has no oxide with mol% > 0");
        for (Map.Entry<String, Double> e : composition.entrySet()) {
            int atoms = 0;
            for (int c : ForceField.parseFormula(e.getKey()).values()) atoms += c;
            atomsPerMol += e.getValue() / total * atoms;
        }
        double units = targetAtoms / atomsPerMol;
        Map<String, Integer> counts = new LinkedHashMap<>();
        int oxygen = 0;
        for (Map.Entry<String, Double> e : composition.entrySet()) {
            long nUnits = Math.round(e.getValue() / total * units);
            for (Map.Entry<String, Integer> el : ForceField.parseFormula(e.getKey()).entrySet()) {
                int add = (int) (nUnits * el.getValue());
                if (el.getKey().equals("O")) oxygen += add;
                else counts.merge(el.getKey(), add, Integer::sum);
            }
        }
        counts.put("O", oxygen);
        double q = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) q += e.getValue() * ff.species(e.getKey()).charge();
        if (Math.abs(q) > 1e-9) {
            throw new IllegalArgumentException(String.format("composition %s gives a net charge of %.6g e with the"
                    + " charges of force field '%s'", composition, q, ff.name()));
        }
        return counts;
    }

    /** Cubic box edge (Å) holding the given atoms at a mass density in g/cm^3. */
    public static double cubicEdge(Map<String, Integer> counts, double densityGPerCm3) {
        double mass = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) mass += e.getValue() * Elements.mass(e.getKey());
        double volumeA3 = mass / AVOGADRO / densityGPerCm3 * 1e24;
        return Math.cbrt(volumeA3);
    }

    /**
     * Places the atoms at random in a cubic periodic box at the given density. Species are interleaved at random;
     * ids are 1..N, LAMMPS types follow the order of {@code counts}.
     *
     * @throws IllegalArgumentException when an atom cannot be placed after many tries (density too high for the
     *                                  minimum separation)
     */
    public static Frame randomPacking(Map<String, Integer> counts, double densityGPerCm3, double minSeparation, long seed) {
        if (!(densityGPerCm3 > 0)) throw new IllegalArgumentException("density must be > 0 g/cm^3");
        double l = cubicEdge(counts, densityGPerCm3);
        List<String> names = new ArrayList<>(counts.keySet());
        int n = 0;
        for (int c : counts.values()) n += c;
        int[] species = new int[n];
        int k = 0;
        for (int s = 0; s < names.size(); s++) for (int c = 0; c < counts.get(names.get(s)); c++) species[k++] = s;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) { // Fisher-Yates
            int j = rnd.nextInt(i + 1);
            int t = species[i]; species[i] = species[j]; species[j] = t;
        }
        // cell grid with cell edge >= minSeparation: only the 27 surrounding cells need checking
        int nc = Math.max(1, (int) Math.floor(l / Math.max(minSeparation, 1e-9)));
        nc = Math.min(nc, 200);
        double cell = l / nc;
        List<List<Integer>> cells = new ArrayList<>();
        for (int c = 0; c < nc * nc * nc; c++) cells.add(new ArrayList<>());
        double[] x = new double[3 * n];
        double min2 = minSeparation * minSeparation;
        int maxTries = 100000;
        for (int i = 0; i < n; i++) {
            boolean placed = false;
            for (int t = 0; t < maxTries && !placed; t++) {
                double px = rnd.nextDouble() * l, py = rnd.nextDouble() * l, pz = rnd.nextDouble() * l;
                int cx = Math.min(nc - 1, (int) (px / cell)), cy = Math.min(nc - 1, (int) (py / cell)),
                        cz = Math.min(nc - 1, (int) (pz / cell));
                boolean ok = true;
                for (int dz = -1; dz <= 1 && ok; dz++) {
                    for (int dy = -1; dy <= 1 && ok; dy++) {
                        for (int dx = -1; dx <= 1 && ok; dx++) {
                            int c = Math.floorMod(cx + dx, nc) + nc * (Math.floorMod(cy + dy, nc) + nc * Math.floorMod(cz + dz, nc));
                            for (int j : cells.get(c)) {
                                double ddx = x[3 * j] - px, ddy = x[3 * j + 1] - py, ddz = x[3 * j + 2] - pz;
                                ddx -= l * Math.rint(ddx / l); ddy -= l * Math.rint(ddy / l); ddz -= l * Math.rint(ddz / l);
                                if (ddx * ddx + ddy * ddy + ddz * ddz < min2) { ok = false; break; }
                            }
                        }
                    }
                }
                if (ok) {
                    x[3 * i] = px; x[3 * i + 1] = py; x[3 * i + 2] = pz;
                    cells.get(cx + nc * (cy + nc * cz)).add(i);
                    placed = true;
                }
            }
            if (!placed) {
                throw new IllegalArgumentException(String.format("could not place atom %d of %d with minimum separation"
                        + " %.3f Å at %.4g g/cm^3 after %d tries: lower the density or the separation",
                        i + 1, n, minSeparation, densityGPerCm3, maxTries));
            }
        }
        long[] ids = new long[n];
        int[] types = new int[n];
        for (int i = 0; i < n; i++) { ids[i] = i + 1; types[i] = species[i] + 1; }
        return new Frame(0, Box.cubic(l), ids, types, names, species, x, false, new int[3 * n], null, null);
    }
}
