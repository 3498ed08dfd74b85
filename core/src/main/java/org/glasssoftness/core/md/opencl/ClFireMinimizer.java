package org.glasssoftness.core.md.opencl;

import java.util.Arrays;

import org.glasssoftness.core.md.ForceEvaluator;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.Units;
import org.glasssoftness.core.md.integrate.FireMinimizer;
import org.glasssoftness.core.progress.Progress;

/**
 * Device-resident FIRE minimisation: {@link FireMinimizer} (same parameters, result and progress/cancel behaviour) on a
 * {@link ClForces} whose k-space part is on the device. Positions, velocities, image flags, forces and the neighbour
 * list stay on the device; per step the host reads back only fixed-block reductions (P = F.v, |v|^2, |F|^2 and the
 * largest |F_i|^2 in one read; the largest |v_i|^2 dt^2 in a second; the displacement maxima of the list's rebuild
 * check) and updates FIRE's scalars (dt, alpha, the count of positive steps) exactly as {@link FireMinimizer} does;
 * the mixing, the kick and the capped move run as kernels with the Java per-component arithmetic (no FMA
 * contraction). Only the sums differ from the Java minimiser: it sums P, |v|^2, |F|^2 over all 3n components in one
 * pass, the device per block of atoms and then the blocks in order, so the two agree to rounding per step (and the
 * device runs are deterministic: a repeat is bit-identical). The state (velocities zero, as Java) is downloaded into
 * the {@link MdState} at the end, and when the run is cancelled or fails.
 */
public final class ClFireMinimizer {
    private final ClForces forces;
    private final double dt0, maxDisplacement;

    /** As {@link FireMinimizer#FireMinimizer(org.glasssoftness.core.md.Forces, double, double)}. */
    public ClFireMinimizer(ClForces forces, double dt0, double maxDisplacement) {
        if (forces.kspace() != null) {
            throw new IllegalArgumentException("device-resident FIRE needs the k-space part on the device");
        }
        this.forces = forces;
        this.dt0 = dt0;
        this.maxDisplacement = maxDisplacement;
    }

    /** As {@link FireMinimizer#minimize}: until the largest atomic force is below {@code fTol} (eV/Å) or {@code maxSteps}. */
    public FireMinimizer.Result minimize(MdState s, int maxSteps, double fTol, Progress progress) {
        double dt = dt0, dtMax = 10 * dt0, alpha = 0.1;
        int positive = 0;
        Arrays.fill(s.v, 0.0);
        forces.uploadState(s);
        boolean done = false;
        try {
            ForceEvaluator.Energies e = forces.computeResident(s, true);
            int step = 0;
            double[] sums = forces.fireSums();
            double fmax = Math.sqrt(sums[3]);
            while (step < maxSteps && fmax > fTol) {
                if (progress != null) progress.checkCanceled();
                double p = sums[0], vv = sums[1], ff = sums[2];
                double oneMinusAlpha = 0, scale = 0;
                if (p > 0) {
                    scale = alpha * Math.sqrt(vv / ff);
                    oneMinusAlpha = 1 - alpha;
                    if (++positive > 5) { dt = Math.min(dt * 1.1, dtMax); alpha *= 0.99; }
                } else {
                    dt *= 0.5;
                    alpha = 0.1;
                    positive = 0;
                }
                // mixing (or v = 0), semi-implicit Euler kick, then the move with a cap on the largest displacement
                forces.fireMixKick(p > 0, oneMinusAlpha, scale, dt * Units.FTM2V);
                double maxDx = Math.sqrt(forces.fireMaxStepSquared(dt));
                double shrink = maxDx > maxDisplacement ? maxDisplacement / maxDx : 1;
                forces.drift(dt * shrink);
                forces.computeResident(s, false);
                sums = forces.fireSums();
                fmax = Math.sqrt(sums[3]);
                step++;
                if (progress != null && (step & 31) == 0) progress.report((double) step / maxSteps, "minimise step " + step);
            }
            // the energies of the final positions: the same list and forces again (bit-identical), now reduced
            if (step > 0) e = forces.computeResident(s, true);
            forces.zeroVelocities();
            forces.downloadState(s);
            done = true;
            return new FireMinimizer.Result(step, e.pe(), fmax);
        } finally {
            if (!done) downloadQuietly(s); // cancelled or failed: the host state where the minimisation stopped
        }
    }

    private void downloadQuietly(MdState s) {
        try {
            forces.downloadState(s);
        } catch (RuntimeException ignored) {
            // the device failed: the original exception is the one to report
        }
    }
}
