package org.glasssoftness.core.structure;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.parallel.Workers;
import org.glasssoftness.core.progress.Progress;

/**
 * Partial pair distribution functions g_ab(r) of every species pair, averaged over the selected frames
 * (Du et al. 2023, Methods 4.2, eq. 1):
 *
 * <pre>
 *   g_ab(r_k) = &lt; n_ab(k) / (N_a rho_b' V_k) &gt;_frames,   V_k = 4/3 pi ((k+1)^3 - k^3) dr^3,   rho_b' = (N_b - delta_ab) / V
 * </pre>
 *
 * where n_ab(k) counts ordered pairs (x of species a, y of species b, any periodic image, x != y for the same image)
 * whose distance lies in bin k = [k dr, (k+1) dr). Shell volumes are exact, r is reported at bin centres. For a like
 * pair the partner density excludes the atom itself ((N_a - 1)/V), which is what LAMMPS' {@code compute rdf} and
 * MDAnalysis' InterRDF with {@code exclusion_block=(1,1)} use, and what makes an ideal gas give exactly g = 1.
 * Each frame is normalised with its own volume and counts, then the frames are averaged.
 *
 * <p><b>r_max and the box.</b> By default r_max may be at most half the smallest perpendicular width of every
 * selected frame's box (the minimum-image range, where each neighbour is seen once); a larger r_max is an error
 * unless {@code multiImage} is set. In multi-image mode the neighbour search counts every periodic image within
 * r_max (including images of the atom itself), so g is the pair function of the infinite periodic crystal or
 * liquid replica; the normalisation stays as above.
 *
 * <p><b>Threads and memory.</b> Frames are read one at a time in order and streamed: at most {@code threads + 1}
 * frames are held at once. With at least as many frames as threads, frames are counted in parallel; otherwise each
 * frame's atoms are split among the threads. Counts are integers and frames are accumulated in frame order, so the
 * result is the same for any number of threads.
 */
public final class PairDistribution {
    private final double rMax;
    private final int bins;
    private final boolean multiImage;
    private final int threads;

    /**
     * @param rMax       outer edge of the last bin (Å); must be a whole number of {@code dr}
     * @param dr         bin width (Å)
     * @param multiImage allow r_max beyond half the box (every periodic image counted)
     * @param threads    worker threads; 0 = all available processors
     */
    public PairDistribution(double rMax, double dr, boolean multiImage, int threads) {
        if (!(rMax > 0) || !Double.isFinite(rMax)) throw new IllegalArgumentException("r_max must be > 0, got " + rMax);
        if (!(dr > 0) || !Double.isFinite(dr)) throw new IllegalArgumentException("dr must be > 0, got " + dr);
        double nb = rMax / dr;
        long rounded = Math.round(nb);
        if (rounded < 1 || Math.abs(nb - rounded) > 1e-6 * Math.max(1, nb)) {
            throw new IllegalArgumentException("r_max (" + rMax + " Å) must be a whole number of bins of dr (" + dr
                    + " Å); r_max/dr = " + nb);
        }
        if (rounded > 10_000_000) throw new IllegalArgumentException("too many bins: " + rounded);
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        this.rMax = rMax;
        this.bins = (int) rounded;
        this.multiImage = multiImage;
        this.threads = Workers.resolve(threads);
    }

    public double rMax() { return rMax; }
    public double dr() { return rMax / bins; }
    public int bins() { return bins; }
    public boolean multiImage() { return multiImage; }

    /**
     * A result with no bins for these species: its tables have the columns a real result would have (for a KNIME
     * node's output spec before execution).
     */
    public static RdfResult emptyResult(List<String> species) {
        double[] ones = new double[species.size()];
        java.util.Arrays.fill(ones, 1.0);
        SpeciesPairs pairs = new SpeciesPairs(species);
        int s = species.size();
        return new RdfResult(pairs, 1.0, 0, 1, 1.0, 1.0, ones, new double[pairs.pairCount()][0],
                new double[s * s][0], new long[pairs.pairCount()][0]);
    }

    /** g(r) of a single frame. */
    public RdfResult compute(Frame frame) {
        try {
            return compute(Trajectory.of(List.of(frame)), FrameSelection.all(), Progress.NONE);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory frame cannot fail to read", e);
        }
    }

    /**
     * Averages over the selected frames.
     *
     * @throws IllegalArgumentException empty selection, r_max too large for a box, a species without atoms, species
     *                                  lists that change between frames (message names the frame)
     * @throws IOException              when a frame cannot be read
     */
    public RdfResult compute(Trajectory trajectory, FrameSelection selection, Progress progress) throws IOException {
        int[] sel = selection.indices(trajectory.frameCount());
        List<String> species = trajectory.info().speciesNames();
        if (species.isEmpty()) throw new IllegalArgumentException("the trajectory has no species");
        SpeciesPairs pairs = new SpeciesPairs(species);
        Accumulator acc = new Accumulator(pairs, bins, rMax);
        boolean frameParallel = sel.length >= threads && threads > 1;
        Workers workers = new Workers(threads, "rdf-worker");
        ExecutorService pool = workers.executor(); // null when single-threaded
        try {
            Deque<Pending> inflight = new ArrayDeque<>();
            for (int s = 0; s < sel.length; s++) {
                progress.checkCanceled();
                Frame f = trajectory.frame(sel[s]);
                check(f, sel[s], species);
                if (frameParallel) {
                    inflight.add(new Pending(f, pool.submit(() -> PairHistogram.count(f, pairs, bins, rMax))));
                    while (inflight.size() > threads) {
                        Pending p = inflight.poll();
                        acc.add(p.frame, Workers.get(p.counts));
                    }
                } else if (pool != null) {
                    acc.add(f, PairHistogram.countParallel(f, pairs, bins, rMax, pool, 4 * threads));
                } else {
                    acc.add(f, PairHistogram.count(f, pairs, bins, rMax));
                }
                progress.report((s + 1.0) / sel.length, "g(r): frame " + (s + 1) + " of " + sel.length);
            }
            while (!inflight.isEmpty()) {
                progress.checkCanceled();
                Pending p = inflight.poll();
                acc.add(p.frame, Workers.get(p.counts));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("g(r) computation interrupted", e);
        } finally {
            workers.close();
        }
        return acc.result();
    }

    private record Pending(Frame frame, Future<long[]> counts) { }

    private void check(Frame f, int index, List<String> species) {
        if (!f.speciesNames().equals(species)) {
            throw new IllegalArgumentException("frame " + index + " has species " + f.speciesNames()
                    + " but the trajectory has " + species);
        }
        int[] counts = f.speciesCounts();
        for (int a = 0; a < counts.length; a++) {
            if (counts[a] == 0) {
                throw new IllegalArgumentException("species " + species.get(a) + " has no atoms in frame " + index
                        + ": its partial g(r) is undefined");
            }
        }
        Box b = f.box();
        if (!multiImage) {
            double w = b.minPeriodicWidth();
            if (rMax > 0.5 * w) {
                throw new IllegalArgumentException(String.format(
                        "r_max = %g Å exceeds half the smallest perpendicular box width (%g Å) in frame %d; "
                                + "lower r_max or enable the multi-image mode", rMax, 0.5 * w, index));
            }
        }
    }

    /** Per-frame normalisation and the frame average, in frame order. */
    private static final class Accumulator {
        private final SpeciesPairs pairs;
        private final int bins;
        private final double rMax;
        private final double[] shell;
        private final double[] gSum;
        /** Running coordination sum per ordered pair (a, b): cumulative counts of b around a per a atom. */
        private final double[] cnSum;
        private final long[] countsTotal;
        private final double[] speciesSum;
        private double volumeSum;
        private double densitySum;
        private int frames;

        Accumulator(SpeciesPairs pairs, int bins, double rMax) {
            this.pairs = pairs;
            this.bins = bins;
            this.rMax = rMax;
            double dr = rMax / bins;
            shell = new double[bins];
            for (int k = 0; k < bins; k++) {
                double lo = k * dr, hi = (k + 1) * dr;
                shell[k] = 4.0 / 3.0 * Math.PI * (hi * hi * hi - lo * lo * lo);
            }
            gSum = new double[pairs.pairCount() * bins];
            int s = pairs.speciesCount();
            cnSum = new double[s * s * bins];
            countsTotal = new long[pairs.pairCount() * bins];
            speciesSum = new double[s];
        }

        void add(Frame f, long[] h) {
            double v = f.box().volume();
            int[] n = f.speciesCounts();
            int s = pairs.speciesCount();
            for (int p = 0; p < pairs.pairCount(); p++) {
                int a = pairs.first(p), b = pairs.second(p);
                double partners = n[b] - (a == b ? 1 : 0);
                double norm = partners > 0 ? v / (n[a] * partners) : Double.NaN;
                long runAB = 0;
                for (int k = 0; k < bins; k++) {
                    long c = h[p * bins + k];
                    countsTotal[p * bins + k] += c;
                    gSum[p * bins + k] += c * norm / shell[k];
                    runAB += c;
                    cnSum[(a * s + b) * bins + k] += (double) runAB / n[a];
                    if (a != b) cnSum[(b * s + a) * bins + k] += (double) runAB / n[b];
                }
            }
            for (int a = 0; a < s; a++) speciesSum[a] += n[a];
            volumeSum += v;
            densitySum += f.atomCount() / v;
            frames++;
        }

        RdfResult result() {
            int s = pairs.speciesCount();
            double[][] g = new double[pairs.pairCount()][bins];
            for (int p = 0; p < g.length; p++) for (int k = 0; k < bins; k++) g[p][k] = gSum[p * bins + k] / frames;
            double[][] cn = new double[s * s][bins];
            for (int ab = 0; ab < s * s; ab++) for (int k = 0; k < bins; k++) cn[ab][k] = cnSum[ab * bins + k] / frames;
            long[][] counts = new long[pairs.pairCount()][bins];
            for (int p = 0; p < counts.length; p++) System.arraycopy(countsTotal, p * bins, counts[p], 0, bins);
            double[] meanCounts = new double[s];
            for (int a = 0; a < s; a++) meanCounts[a] = speciesSum[a] / frames;
            return new RdfResult(pairs, rMax, bins, frames, volumeSum / frames, densitySum / frames, meanCounts,
                    g, cn, counts);
        }
    }
}
