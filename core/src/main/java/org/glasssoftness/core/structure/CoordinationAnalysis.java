package org.glasssoftness.core.structure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.parallel.Workers;
import org.glasssoftness.core.progress.Progress;

/**
 * Coordination analysis of the selected frames (Du et al. 2023, Methods 4.4 and the supporting structure figures):
 *
 * <ul>
 * <li>per-atom coordination number cn = number of bonded neighbours, two atoms being bonded when closer than the
 *     cutoff of their species pair ({@link BondCutoffs}; default B-O and P-O 2.0 Å), also split by neighbour species;
 * <li>fractions of coordination states per species ([3]B, [4]B, ...) and the mean bond length of each state;
 * <li>bridging anions: an anion (default O) bonded to at least two network formers (default B and P); for every
 *     former atom n = its bonded bridging anions, giving the Q^n speciation (Q^n of P in the study);
 * <li>bond-angle distributions "A-C-B": the angle at a centre C between bonds to neighbours of species A and B
 *     (defaults O-B-O and O-P-O for the formers present);
 * <li>number density, mass density and molar volumes ({@link Densities}), averaged over frames.
 * </ul>
 *
 * Frames are read one at a time; bond search is split over atoms among the threads; results are accumulated in
 * frame and atom order, so they are the same for any number of threads.
 */
public final class CoordinationAnalysis {

    /**
     * Settings.
     *
     * @param cutoffs        bond cutoffs
     * @param formers        network-former species (for bridging anions and Q^n)
     * @param anion          the bridging anion species
     * @param angleTriplets  "A-C-B" angle distributions; empty = "anion-F-anion" for each former F present
     * @param angleBinDeg    angle histogram bin width in degrees (180 / bin must be whole)
     * @param composition    formula unit for the molar volume, or null (then only per-atom molar volume)
     * @param perAtom        produce the per-atom table (one row per atom and frame)
     * @param threads        worker threads, 0 = all processors
     */
    public record Settings(BondCutoffs cutoffs, List<String> formers, String anion, List<String> angleTriplets,
                           double angleBinDeg, Composition composition, boolean perAtom, int threads) {
        public Settings {
            formers = List.copyOf(formers);
            angleTriplets = List.copyOf(angleTriplets);
            double nb = 180.0 / angleBinDeg;
            if (!(angleBinDeg > 0) || Math.abs(nb - Math.rint(nb)) > 1e-9) {
                throw new IllegalArgumentException("angle bin width must divide 180 degrees, got " + angleBinDeg);
            }
            if (threads < 0) throw new IllegalArgumentException("threads must be >= 0");
        }

        /** The study's settings: B-O and P-O 2.0 Å, formers B and P, anion O, 1° angle bins. */
        public static Settings defaults() {
            return new Settings(BondCutoffs.defaults(), List.of("B", "P"), "O", List.of(), 1.0, null, true, 0);
        }

        public Settings withCutoffs(BondCutoffs c) {
            return new Settings(c, formers, anion, angleTriplets, angleBinDeg, composition, perAtom, threads);
        }

        public Settings withAngleTriplets(List<String> t) {
            return new Settings(cutoffs, formers, anion, t, angleBinDeg, composition, perAtom, threads);
        }

        public Settings withComposition(Composition c) {
            return new Settings(cutoffs, formers, anion, angleTriplets, angleBinDeg, c, perAtom, threads);
        }

        public Settings withThreads(int t) {
            return new Settings(cutoffs, formers, anion, angleTriplets, angleBinDeg, composition, perAtom, t);
        }

        public Settings withPerAtom(boolean p) {
            return new Settings(cutoffs, formers, anion, angleTriplets, angleBinDeg, composition, p, threads);
        }
    }

    private final Settings settings;

    public CoordinationAnalysis(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() { return settings; }

    /**
     * A result over no frames for these species, with the tables' columns a real result would have (for a KNIME
     * node's output spec); checks the settings against the species like {@link #compute} does.
     */
    public CoordinationResult emptyResult(List<String> species) {
        double[][] cut = settings.cutoffs().matrix(species);
        return new CoordinationResult.Builder(species, cut, settings, triplets(species, cut)).build();
    }

    /** Analysis of one frame. */
    public CoordinationResult compute(Frame frame) {
        try {
            return compute(Trajectory.of(List.of(frame)), FrameSelection.all(), Progress.NONE);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory frame cannot fail to read", e);
        }
    }

    /**
     * @throws IllegalArgumentException empty selection, a cutoff or angle naming an absent species, a cutoff beyond
     *                                  half the box, species lists changing between frames
     */
    public CoordinationResult compute(Trajectory trajectory, FrameSelection selection, Progress progress)
            throws IOException {
        int[] sel = selection.indices(trajectory.frameCount());
        List<String> species = trajectory.info().speciesNames();
        double[][] cut = settings.cutoffs().matrix(species);
        double maxCut = 0;
        for (double[] row : cut) for (double c : row) maxCut = Math.max(maxCut, c);
        List<int[]> triplets = triplets(species, cut);
        int threads = Workers.resolve(settings.threads());
        CoordinationResult.Builder acc = new CoordinationResult.Builder(species, cut, settings, triplets);
        Workers workers = new Workers(threads, "coordination-worker");
        ExecutorService pool = workers.executor(); // null when single-threaded
        try {
            for (int s = 0; s < sel.length; s++) {
                progress.checkCanceled();
                Frame f = trajectory.frame(sel[s]);
                if (!f.speciesNames().equals(species)) {
                    throw new IllegalArgumentException("frame " + sel[s] + " has species " + f.speciesNames()
                            + " but the trajectory has " + species);
                }
                checkBox(f.box(), maxCut, sel[s]);
                BondGraph bonds = BondGraph.build(f, cut, pool, 4 * threads);
                acc.add(sel[s], f, bonds);
                progress.report((s + 1.0) / sel.length, "coordination: frame " + (s + 1) + " of " + sel.length);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("coordination analysis interrupted", e);
        } finally {
            workers.close();
        }
        return acc.build();
    }

    private static void checkBox(Box b, double maxCut, int frame) {
        double w = b.minPeriodicWidth();
        if (maxCut > 0.5 * w) {
            throw new IllegalArgumentException(String.format("bond cutoff %g Å exceeds half the smallest perpendicular "
                    + "box width (%g Å) in frame %d", maxCut, 0.5 * w, frame));
        }
    }

    /** Triplets as {A, C, B} species indices. */
    private List<int[]> triplets(List<String> species, double[][] cut) {
        List<String> names = new ArrayList<>(settings.angleTriplets());
        boolean explicit = !names.isEmpty();
        if (!explicit) {
            for (String f : settings.formers()) {
                int fi = species.indexOf(f), ai = species.indexOf(settings.anion());
                if (fi >= 0 && ai >= 0 && cut[fi][ai] > 0) names.add(settings.anion() + "-" + f + "-" + settings.anion());
            }
        }
        List<int[]> out = new ArrayList<>();
        for (String t : names) {
            String[] p = t.trim().split("-");
            if (p.length != 3) {
                throw new IllegalArgumentException("bond angle '" + t + "' is not of the form A-Centre-B (e.g. O-B-O)");
            }
            int[] idx = new int[3];
            for (int k = 0; k < 3; k++) {
                idx[k] = species.indexOf(p[k].trim());
                if (idx[k] < 0) {
                    throw new IllegalArgumentException("bond angle " + t + ": species " + p[k].trim()
                            + " is not in the trajectory (species: " + species + ")");
                }
            }
            for (int k : new int[] {0, 2}) {
                if (cut[idx[1]][idx[k]] == 0) {
                    throw new IllegalArgumentException("bond angle " + t + " needs a bond cutoff for "
                            + species.get(idx[1]) + "-" + species.get(idx[k]));
                }
            }
            out.add(idx);
        }
        return out;
    }
}
