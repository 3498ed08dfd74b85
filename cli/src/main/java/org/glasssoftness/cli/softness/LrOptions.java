package org.glasssoftness.cli.softness;

import org.glasssoftness.core.softness.ClassWeighting;
import org.glasssoftness.core.softness.TrainSettings;
import picocli.CommandLine.Option;

/** The logistic-regression options of train-lr and scan (picocli {@code @Mixin}): C, class weighting, seed. */
final class LrOptions {
    @Option(names = {"--C", "--c"}, defaultValue = "1.0", description = "inverse L2 strength, scikit-learn's C (default ${DEFAULT-VALUE})") double c;
    @Option(names = "--class-weight", defaultValue = "none", description = "none or balanced (default ${DEFAULT-VALUE})") String classWeight;
    @Option(names = "--seed", defaultValue = "42", description = "seed (recorded in the model; the solver is deterministic)") long seed;

    /** The solver settings (tolerance 1e-10, at most 100 Newton iterations, as the node). */
    TrainSettings settings() {
        return new TrainSettings(c, ClassWeighting.parse(classWeight, "--class-weight"), seed, 1e-10, 100);
    }
}
