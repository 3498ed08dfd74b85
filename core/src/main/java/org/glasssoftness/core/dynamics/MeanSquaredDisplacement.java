package org.glasssoftness.core.dynamics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.ResultTable;

/**
 * Mean squared displacement per species versus time, the study's Eq. 6: MSD(t) = &lt;|r_i(t) - r_i(0)|^2&gt; over the
 * atoms of a species, with t = 0 the first frame of the range (a single time origin, as in the study), Å^2.
 *
 * <p>Displacements come from unwrapped coordinates when consecutive frames have them (xu yu zu, or image flags);
 * otherwise each frame-to-frame step is taken as the minimum image, which is right while no atom moves more than half
 * the box between two stored frames. Frames are streamed; memory is O(atoms).
 */
public final class MeanSquaredDisplacement {

    /**
     * @param species    species to report; empty = every species of the first frame
     * @param firstFrame first frame (time origin)
     * @param lastFrame  last frame, inclusive, -1 = the last
     * @param stride     frame stride
     * @param timestepPs duration of one MD timestep in ps (metal units; 0.001 for 1 fs)
     */
    public record Settings(List<String> species, int firstFrame, int lastFrame, int stride, double timestepPs) {
        public Settings {
            species = List.copyOf(Objects.requireNonNull(species, "species"));
            if (!(timestepPs > 0) || !Double.isFinite(timestepPs)) {
                throw new IllegalArgumentException("MD timestep must be a positive number of ps, got " + timestepPs);
            }
        }

        public static Settings defaults() { return new Settings(List.of(), 0, -1, 1, 0.001); }

        public Settings withSpecies(List<String> s) { return new Settings(s, firstFrame, lastFrame, stride, timestepPs); }
        public Settings withFrames(int first, int last, int str) { return new Settings(species, first, last, str, timestepPs); }

        /** The frame range as the shared selection type (validated when an analysis runs). */
        public FrameSelection frames() { return new FrameSelection(firstFrame, lastFrame, stride); }
        public Settings withTimestepPs(double dt) { return new Settings(species, firstFrame, lastFrame, stride, dt); }
    }

    /**
     * @param msd       msd[s][k]: MSD of species s at frame k of the range, Å^2
     * @param atomMsd   per-atom squared displacement at the last frame, Å^2
     */
    public record Result(List<String> species, int[] frame, long[] timestep, double[] timePs, double[][] msd,
                         long[] ids, String[] atomSpecies, double[] atomMsd, boolean unwrapped) {

        /** MSD curve of one species. */
        public double[] msdOf(String sp) {
            int s = species.indexOf(sp);
            if (s < 0) throw new IllegalArgumentException("no MSD for species '" + sp + "'; have " + species);
            return msd[s];
        }

        /** msd: frame, timestep, time_ps, msd_&lt;Sp&gt;_A2 per species. */
        public ResultTable table() {
            ResultTable.Builder b = ResultTable.builder("msd").ints("frame", frame).longs("timestep", timestep)
                    .doubles("time_ps", timePs);
            for (int s = 0; s < species.size(); s++) b.doubles("msd_" + species.get(s) + "_A2", msd[s]);
            return b.build();
        }

        /** msd_atoms: id, species, msd_A2 (squared displacement at the last frame). */
        public ResultTable atomTable() {
            return ResultTable.builder("msd_atoms").longs("id", ids).strings("species", atomSpecies)
                    .doubles("msd_A2", atomMsd).build();
        }
    }

    private final Settings settings;

    public MeanSquaredDisplacement(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Result compute(Trajectory trajectory, Progress progress) throws IOException {
        int[] frames = FrameChecks.frameIndices(trajectory, settings.frames(), 2, "MSD");
        Frame ref = trajectory.frame(frames[0]);
        List<String> names = settings.species().isEmpty() ? ref.speciesNames() : settings.species();
        int[] sIdx = new int[names.size()];
        for (int s = 0; s < names.size(); s++) sIdx[s] = FrameChecks.speciesIndex(ref, frames[0], names.get(s), "MSD");
        // atoms reported: those of the chosen species, in id order; group[a] = row of its species in the output
        List<Integer> chosen = new ArrayList<>();
        List<Integer> group = new ArrayList<>();
        int[] perSpecies = new int[names.size()];
        for (int i = 0; i < ref.atomCount(); i++) {
            for (int s = 0; s < sIdx.length; s++) {
                if (ref.species()[i] == sIdx[s]) {
                    chosen.add(i);
                    group.add(s);
                    perSpecies[s]++;
                }
            }
        }
        for (int s = 0; s < names.size(); s++) {
            if (perSpecies[s] == 0) {
                throw new IllegalArgumentException("MSD species '" + names.get(s) + "' has no atoms in "
                        + FrameChecks.label(frames[0], ref));
            }
        }
        int n = chosen.size();
        int[] atoms = chosen.stream().mapToInt(Integer::intValue).toArray();
        int[] grp = group.stream().mapToInt(Integer::intValue).toArray();
        double[] disp = new double[3 * n];
        int rows = frames.length;
        double[][] msd = new double[names.size()][rows];
        long[] steps = new long[rows];
        double[] time = new double[rows];
        steps[0] = ref.timestep();
        boolean allUnwrapped = true;
        double[] a = new double[3], b = new double[3];
        Frame prev = ref;
        for (int r = 1; r < rows; r++) {
            progress.checkCanceled();
            Frame cur = trajectory.frame(frames[r]);
            FrameChecks.sameAtoms(ref, frames[0], cur, frames[r]);
            boolean unwrapped = FrameChecks.canUnwrap(prev) && FrameChecks.canUnwrap(cur);
            allUnwrapped &= unwrapped;
            double[] sum = new double[names.size()];
            for (int q = 0; q < n; q++) {
                int i = atoms[q];
                if (unwrapped) {
                    prev.unwrappedPosition(i, a, 0);
                    cur.unwrappedPosition(i, b, 0);
                    for (int d = 0; d < 3; d++) a[d] = b[d] - a[d];
                } else {
                    for (int d = 0; d < 3; d++) a[d] = cur.positions()[3 * i + d] - prev.positions()[3 * i + d];
                    cur.box().minimumImage(a, 0);
                }
                double dx = disp[3 * q] += a[0], dy = disp[3 * q + 1] += a[1], dz = disp[3 * q + 2] += a[2];
                sum[grp[q]] += dx * dx + dy * dy + dz * dz;
            }
            for (int s = 0; s < names.size(); s++) msd[s][r] = sum[s] / perSpecies[s];
            steps[r] = cur.timestep();
            prev = cur;
            progress.report((double) r / (rows - 1), "MSD frame " + r + " of " + (rows - 1));
        }
        for (int r = 0; r < rows; r++) time[r] = (steps[r] - steps[0]) * settings.timestepPs();
        long[] ids = new long[n];
        String[] sp = new String[n];
        double[] atomMsd = new double[n];
        for (int q = 0; q < n; q++) {
            ids[q] = ref.ids()[atoms[q]];
            sp[q] = names.get(grp[q]);
            atomMsd[q] = disp[3 * q] * disp[3 * q] + disp[3 * q + 1] * disp[3 * q + 1] + disp[3 * q + 2] * disp[3 * q + 2];
        }
        return new Result(List.copyOf(names), frames, steps, time, msd, ids, sp, atomMsd, allUnwrapped);
    }
}
