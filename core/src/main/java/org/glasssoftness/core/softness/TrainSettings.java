package org.glasssoftness.core.softness;

/**
 * Settings of the logistic-regression training.
 *
 * @param c             inverse L2 strength, identical to scikit-learn's {@code C}: the objective is
 *                      1/2 |w|^2 + C sum_i s_i log(1 + exp(-y_i (w.x_i + b))) (lambda = 1/C; intercept not penalised)
 * @param weighting     class weighting (none / balanced)
 * @param seed          seed for every random choice (the Newton solver itself is deterministic; kept in provenance)
 * @param tolerance     relative gradient tolerance of the Newton solver
 * @param maxIterations Newton iterations at most
 */
public record TrainSettings(double c, ClassWeighting weighting, long seed, double tolerance, int maxIterations) {
    public TrainSettings {
        if (!(c > 0) || !Double.isFinite(c)) throw new IllegalArgumentException("C must be > 0 and finite, got " + c);
        if (weighting == null) throw new IllegalArgumentException("class weighting is required");
    }

    /** C = 1, no class weighting, seed 42, tolerance 1e-10, 100 iterations. */
    public static TrainSettings defaults() {
        return new TrainSettings(1.0, ClassWeighting.NONE, 42L, 1e-10, 100);
    }

    public TrainSettings withC(double newC) { return new TrainSettings(newC, weighting, seed, tolerance, maxIterations); }

    public TrainSettings withWeighting(ClassWeighting w) { return new TrainSettings(c, w, seed, tolerance, maxIterations); }
}
