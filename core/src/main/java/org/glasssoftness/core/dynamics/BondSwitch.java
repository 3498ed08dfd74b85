package org.glasssoftness.core.dynamics;

import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;

import org.glasssoftness.core.model.Axes;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.neighbor.NeighborSearch;
import org.glasssoftness.core.neighbor.PairVisitor;
import org.glasssoftness.core.parallel.Workers;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.ResultTable;

/**
 * Bond-switch labelling under deformation (the study's Methods 4.4 and Fig. 2c–e): a centre atom (default B) is
 * bonded to every partner atom (default O) within the cutoff (default 2.0 Å). Each frame's coordination number and
 * partner identities are compared with the reference frame (the first frame of the range, the unstrained glass) and
 * the atom is classed as decreased, increased, swapped or unchanged ({@link BondSwitchClass}).
 *
 * <p>Frames are streamed; only the reference partner lists and the classes of the frame nearest the chosen strain
 * are kept. Strain is L/L_ref - 1 of the box edge along the chosen axis (x by default, the study's tensile axis).
 */
public final class BondSwitch {

    /**
     * @param centreSpecies  species whose bonds are followed (default B)
     * @param partnerSpecies bonding partner species (default O)
     * @param cutoff         bond cutoff, Å (default 2.0: the minimum after the first B–O and P–O peak)
     * @param strainAxis     0 = x, 1 = y, 2 = z: box edge whose change defines the strain
     * @param targetStrain   strain of the per-atom table (the frame nearest to it); NaN = the last frame
     * @param switched       classes counted as switched (default decreased or swapped)
     * @param firstFrame     reference frame and start of the range
     * @param lastFrame      last frame, inclusive, -1 = the last
     * @param stride         frame stride
     * @param threads        worker threads, 0 = all processors
     */
    public record Settings(String centreSpecies, String partnerSpecies, double cutoff, int strainAxis,
                           double targetStrain, EnumSet<BondSwitchClass> switched, int firstFrame, int lastFrame,
                           int stride, int threads) {
        public Settings {
            Objects.requireNonNull(centreSpecies, "centre species");
            Objects.requireNonNull(partnerSpecies, "partner species");
            if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
                throw new IllegalArgumentException("bond cutoff must be a positive number of Å, got " + cutoff);
            }
            if (strainAxis < 0 || strainAxis > 2) {
                throw new IllegalArgumentException("strain axis must be 0 (x), 1 (y) or 2 (z), got " + strainAxis);
            }
            if (switched == null || switched.isEmpty()) {
                throw new IllegalArgumentException("at least one bond-switch class must count as switched");
            }
            switched = EnumSet.copyOf(switched);
        }

        public static Settings defaults() {
            return new Settings("B", "O", 2.0, 0, Double.NaN, BondSwitchClass.defaultSwitched(), 0, -1, 1, 0);
        }

        public Settings withSpecies(String centre, String partner) { return new Settings(centre, partner, cutoff, strainAxis, targetStrain, switched, firstFrame, lastFrame, stride, threads); }
        public Settings withCutoff(double c) { return new Settings(centreSpecies, partnerSpecies, c, strainAxis, targetStrain, switched, firstFrame, lastFrame, stride, threads); }
        public Settings withStrainAxis(int a) { return new Settings(centreSpecies, partnerSpecies, cutoff, a, targetStrain, switched, firstFrame, lastFrame, stride, threads); }
        public Settings withTargetStrain(double e) { return new Settings(centreSpecies, partnerSpecies, cutoff, strainAxis, e, switched, firstFrame, lastFrame, stride, threads); }
        public Settings withSwitched(EnumSet<BondSwitchClass> s) { return new Settings(centreSpecies, partnerSpecies, cutoff, strainAxis, targetStrain, s, firstFrame, lastFrame, stride, threads); }
        public Settings withFrames(int first, int last, int str) { return new Settings(centreSpecies, partnerSpecies, cutoff, strainAxis, targetStrain, switched, first, last, str, threads); }

        /** The frame range as the shared selection type (validated when an analysis runs). */
        public FrameSelection frames() { return new FrameSelection(firstFrame, lastFrame, stride); }
        public Settings withThreads(int t) { return new Settings(centreSpecies, partnerSpecies, cutoff, strainAxis, targetStrain, switched, firstFrame, lastFrame, stride, t); }

        /** "x", "y" or "z". */
        public String axisName() { return Axes.name(strainAxis); }
    }

    /**
     * Per-frame fractions (rows in frame order) and the per-atom classes at the chosen frame.
     *
     * @param chosenFrame index of the frame used for the per-atom table
     */
    public record Result(String centreSpecies, int[] frame, long[] timestep, double[] strain, double[][] fractions,
                         double[] fracSwitched, long[] ids, int[] cnRef, int[] cn, BondSwitchClass[] classes,
                         int[] switched, int chosenFrame, long chosenTimestep, double chosenStrain) {

        /** Fraction of centre atoms in class c at row r. */
        public double fraction(int r, BondSwitchClass c) { return fractions[c.ordinal()][r]; }

        public int switchedCount() {
            int s = 0;
            for (int v : switched) s += v;
            return s;
        }

        /** bond_switch_fractions: frame, timestep, strain, frac_decreased, frac_increased, frac_swapped, frac_unchanged, frac_switched. */
        public ResultTable fractionTable() {
            return ResultTable.builder("bond_switch_fractions").ints("frame", frame).longs("timestep", timestep)
                    .doubles("strain", strain)
                    .doubles("frac_decreased", fractions[BondSwitchClass.DECREASED.ordinal()])
                    .doubles("frac_increased", fractions[BondSwitchClass.INCREASED.ordinal()])
                    .doubles("frac_swapped", fractions[BondSwitchClass.SWAPPED.ordinal()])
                    .doubles("frac_unchanged", fractions[BondSwitchClass.UNCHANGED.ordinal()])
                    .doubles("frac_switched", fracSwitched).build();
        }

        /** bond_switch_atoms: id, species, cn_ref, cn, class, switched (1/0) at the chosen frame. */
        public ResultTable atomTable() {
            int n = ids.length;
            String[] sp = new String[n], cls = new String[n];
            Arrays.fill(sp, centreSpecies);
            for (int i = 0; i < n; i++) cls[i] = classes[i].label();
            return ResultTable.builder("bond_switch_atoms").longs("id", ids).strings("species", sp)
                    .ints("cn_ref", cnRef).ints("cn", cn).strings("class", cls).ints("switched", switched).build();
        }
    }

    private final Settings settings;

    public BondSwitch(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Result compute(Trajectory trajectory, Progress progress) throws IOException {
        int[] frames = FrameChecks.frameIndices(trajectory, settings.frames(), 2, "bond-switch labelling");
        Frame ref = trajectory.frame(frames[0]);
        int cs = FrameChecks.speciesIndex(ref, frames[0], settings.centreSpecies(), "bond-switch centre");
        int ps = FrameChecks.speciesIndex(ref, frames[0], settings.partnerSpecies(), "bond-switch partner");
        int[] centres = FrameChecks.atomsOf(ref, cs);
        int n = centres.length;
        if (n == 0) {
            throw new IllegalArgumentException("bond-switch centre species '" + settings.centreSpecies()
                    + "' has no atoms in " + FrameChecks.label(frames[0], ref));
        }
        long[] ids = new long[n];
        for (int q = 0; q < n; q++) ids[q] = ref.ids()[centres[q]];
        double lRef = ref.box().length(settings.strainAxis());

        int rows = frames.length;
        double[] strain = new double[rows];
        long[] steps = new long[rows];
        double[][] frac = new double[4][rows];
        double[] fracSw = new double[rows];
        int[][] refPartners = new int[n][];
        int[] cnRef = new int[n];
        int[] cn = new int[n];
        BondSwitchClass[] cls = new BondSwitchClass[n];
        int[] chosenCn = new int[n];
        BondSwitchClass[] chosenCls = new BondSwitchClass[n];
        int chosen = -1;
        double chosenDistance = Double.POSITIVE_INFINITY;
        try (Workers w = new Workers(settings.threads())) {
            for (int r = 0; r < rows; r++) {
                progress.checkCanceled();
                Frame f = r == 0 ? ref : trajectory.frame(frames[r]);
                if (r > 0) FrameChecks.sameAtoms(ref, frames[0], f, frames[r]);
                NeighborSearch ns = new NeighborSearch(f.box(), f.positions(), settings.cutoff());
                int[] species = f.species();
                boolean isRef = r == 0;
                w.forBlocks(n, (from, to) -> {
                    Partners p = new Partners(species, ps);
                    for (int q = from; q < to; q++) {
                        p.count = 0;
                        ns.forEachNeighbor(centres[q], p);
                        // partners are atom indices; ids are the same in every frame (checked), so equal indices
                        // mean the same atoms
                        Arrays.sort(p.buf, 0, p.count);
                        if (isRef) {
                            refPartners[q] = Arrays.copyOf(p.buf, p.count);
                            cnRef[q] = p.count;
                        }
                        cn[q] = p.count;
                        cls[q] = BondSwitchClass.of(refPartners[q], cnRef[q], p.buf, p.count);
                    }
                });
                int[] counts = new int[4];
                int sw = 0;
                for (int q = 0; q < n; q++) {
                    counts[cls[q].ordinal()]++;
                    if (settings.switched().contains(cls[q])) sw++;
                }
                for (int c = 0; c < 4; c++) frac[c][r] = (double) counts[c] / n;
                fracSw[r] = (double) sw / n;
                steps[r] = f.timestep();
                strain[r] = f.box().length(settings.strainAxis()) / lRef - 1.0;
                double dist = Double.isNaN(settings.targetStrain()) ? (r == rows - 1 ? 0 : 1)
                        : Math.abs(strain[r] - settings.targetStrain());
                if (dist < chosenDistance) {
                    chosenDistance = dist;
                    chosen = r;
                    System.arraycopy(cn, 0, chosenCn, 0, n);
                    System.arraycopy(cls, 0, chosenCls, 0, n);
                }
                progress.report((double) (r + 1) / rows, "bond switching, frame " + (r + 1) + " of " + rows);
            }
        }
        int[] switched = new int[n];
        for (int q = 0; q < n; q++) switched[q] = settings.switched().contains(chosenCls[q]) ? 1 : 0;
        return new Result(settings.centreSpecies(), frames, steps, strain, frac, fracSw, ids, cnRef, chosenCn,
                chosenCls, switched, frames[chosen], steps[chosen], strain[chosen]);
    }

    /** Partner atoms of one centre (one per thread; the buffer is reused). */
    private static final class Partners implements PairVisitor {
        private final int[] species;
        private final int partner;
        int[] buf = new int[16];
        int count;

        Partners(int[] species, int partner) {
            this.species = species;
            this.partner = partner;
        }

        @Override
        public void visit(int i, int j, double dx, double dy, double dz, double r2) {
            if (j == i || species[j] != partner) return;
            if (count == buf.length) buf = Arrays.copyOf(buf, 2 * buf.length);
            buf[count++] = j;
        }
    }
}
