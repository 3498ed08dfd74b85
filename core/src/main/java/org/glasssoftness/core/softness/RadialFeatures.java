package org.glasssoftness.core.softness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.neighbor.NeighborSearch;
import org.glasssoftness.core.progress.Progress;

/**
 * Radial structure functions of the softness study (Methods 4.6): for each atom i of the focus species and each
 * neighbour species X,
 *
 * <pre>
 *   G_X(i; r) = sum over atoms j of species X with r_ij &lt; R_c of exp(-(r_ij - r)^2 / (2 L^2)),   r = dr, 2 dr, ..., R_c
 * </pre>
 *
 * with r_ij the periodic distance (every periodic image within R_c counts, also when R_c exceeds half the box).
 *
 * <p>The Gaussians of one pair on the uniform grid are evaluated with two exponentials and a multiplicative
 * recurrence outward from the grid point nearest r_ij (e_{k+1} = e_k q_k, q_{k+1} = q_k exp(-dr^2/L^2)); each step
 * has rounding error ~1e-16, so the values agree with direct evaluation to ~1e-13 relative; terms below 1e-18 are
 * dropped (they decrease monotonically away from the peak), an absolute error under 1e-18 per neighbour. Atoms are processed in
 * parallel; each atom owns its row and sums its neighbours in the fixed order of the neighbour search, so results do
 * not depend on the thread count.
 */
public final class RadialFeatures {
    private final FeatureDefinition def;

    public RadialFeatures(FeatureDefinition definition) {
        this.def = definition;
    }

    public FeatureDefinition definition() { return def; }

    /** Features of the focus atoms of one frame (frame index recorded as {@code frameIndex}). */
    public FeatureSet compute(Frame frame, int frameIndex) {
        int[] focus = focusAtoms(frame);
        int[] slot = neighbourSlots(frame);
        int d = def.featureCount();
        double[] values = new double[focus.length * d];
        NeighborSearch ns = new NeighborSearch(frame.box(), frame.positions(), def.cutoff());
        int g = def.gridSize();
        double dr = def.dr(), l2 = def.width() * def.width();
        double inv2l2 = 1.0 / (2 * l2);
        double decay = Math.exp(-dr * dr / l2); // ratio of successive step factors
        int[] species = frame.species();
        IntStream.range(0, focus.length).parallel().forEach(row -> {
            int base = row * d;
            ns.forEachNeighbor(focus[row], (i, j, dx, dy, dz, r2) -> {
                int s = slot[species[j]];
                if (s < 0) return;
                addGaussians(values, base + s * g, Math.sqrt(r2), g, dr, inv2l2, decay);
            });
        });
        FocusAtoms.Keys k = FocusAtoms.keys(frame, focus, frameIndex);
        return new FeatureSet(def, k.frame(), k.timestep(), k.ids(), k.species(), values);
    }

    /** Adds exp(-(r - (k+1) dr)^2 / (2 L^2)) for k = 0 .. g-1 to out[o + k]. */
    static void addGaussians(double[] out, int o, double r, int g, double dr, double inv2l2, double decay) {
        int k0 = (int) Math.rint(r / dr) - 1; // nearest grid index
        if (k0 < 0) k0 = 0;
        if (k0 > g - 1) k0 = g - 1;
        double t0 = r - (k0 + 1) * dr;
        double e0 = Math.exp(-t0 * t0 * inv2l2);
        out[o + k0] += e0;
        // upward: t_{k+1} = t_k - dr, ratio e_{k+1}/e_k = exp((2 t_k dr - dr^2) * inv2l2)
        double q = Math.exp((2 * t0 * dr - dr * dr) * inv2l2);
        double e = e0;
        for (int k = k0 + 1; k < g; k++) {
            e *= q;
            if (e < NEGLIGIBLE) break;
            out[o + k] += e;
            q *= decay;
        }
        // downward: t_{k-1} = t_k + dr, ratio = exp((-2 t_k dr - dr^2) * inv2l2)
        q = Math.exp((-2 * t0 * dr - dr * dr) * inv2l2);
        e = e0;
        for (int k = k0 - 1; k >= 0; k--) {
            e *= q;
            if (e < NEGLIGIBLE) break;
            out[o + k] += e;
            q *= decay;
        }
    }

    /**
     * Gaussian terms below this are dropped: past the peak they only decrease, so the absolute error of a feature is
     * below 1e-18 per neighbour (far under the rounding of any feature of order 1).
     */
    static final double NEGLIGIBLE = 1e-18;

    /**
     * Features of the selected frames (first and last must lie inside the trajectory), rows ordered by frame then
     * atom id.
     */
    public FeatureSet compute(Trajectory t, FrameSelection frames, Progress progress) throws IOException {
        int[] selected = frames.indicesWithin(t.frameCount());
        List<FeatureSet> parts = new ArrayList<>();
        for (int sel = 0; sel < selected.length; sel++) {
            int k = selected[sel];
            progress.checkCanceled();
            progress.report((double) sel / selected.length, "radial features, frame " + k);
            parts.add(compute(t.frame(k), k));
        }
        return concat(parts);
    }

    static FeatureSet concat(List<FeatureSet> parts) {
        FeatureDefinition def = parts.get(0).definition();
        return FocusAtoms.concat(parts, p -> new FocusAtoms.Keys(p.frame(), p.timestep(), p.ids(), p.species()),
                FeatureSet::values, def.featureCount(),
                (k, v) -> new FeatureSet(def, k.frame(), k.timestep(), k.ids(), k.species(), v));
    }

    private int[] focusAtoms(Frame f) {
        return FocusAtoms.of(f, def.focusSpecies());
    }

    /** For each species index of the frame, its neighbour block (or -1 when not a neighbour species). */
    private int[] neighbourSlots(Frame f) {
        return FocusAtoms.neighbourSlots(f, def.neighbourSpecies());
    }
}
