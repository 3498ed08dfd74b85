package org.glasssoftness.cli.dynamics;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.glasssoftness.core.dynamics.CumulativeNonAffineDisplacement;
import org.glasssoftness.core.dynamics.MobilityLabel;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.CsvTableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** d-cum: cumulative non-affine displacement of one species and its mobile/immobile label (the "D_cum" node). */
@Command(name = "d-cum", mixinStandardHelpOptions = true,
        description = "D_cum = sum of sqrt(D2min) over consecutive frame intervals per atom of a species; writes d_cum.csv and d_cum_curve.csv.")
public final class DCumCommand implements Callable<Integer> {
    @Mixin
    DynamicsInputOptions in = new DynamicsInputOptions();

    @Option(names = "--species", defaultValue = "Li", description = "centre species (default ${DEFAULT-VALUE})")
    String species;

    @Option(names = "--cutoff", defaultValue = "4.0", description = "D2min neighbour cutoff in Å (default ${DEFAULT-VALUE})")
    double cutoff;

    @Option(names = "--neighbor-species", description = "only neighbours of this species (default: all species)")
    String neighborSpecies;

    @Option(names = "--min-neighbors", defaultValue = "4", description = "fewer neighbours = degenerate, excluded (default ${DEFAULT-VALUE})")
    int minNeighbors;

    @Option(names = "--label", defaultValue = "top:0.3",
            description = "mobile rule: top:FRACTION (largest D_cum) or threshold:D_C in Å (default ${DEFAULT-VALUE})")
    String label;

    @Override
    public Integer call() throws IOException {
        return DynamicsInputOptions.runReporting("d-cum", this::settings, this::run);
    }

    private CumulativeNonAffineDisplacement.Settings settings() {
        new org.glasssoftness.core.dynamics.NonAffineDisplacement(cutoff, neighborSpecies, minNeighbors); // checks values
        return new CumulativeNonAffineDisplacement.Settings(species, cutoff, neighborSpecies, minNeighbors,
                in.firstFrame(), in.lastFrame(), in.stride(), MobilityLabel.parse(label), in.threads());
    }

    private void run(CumulativeNonAffineDisplacement.Settings s) throws IOException {
        try (Trajectory t = in.open()) {
            CumulativeNonAffineDisplacement.Result r = new CumulativeNonAffineDisplacement(s).compute(t, Progress.NONE);
            CsvTableWriter.writeInto(in.out, r.table());
            CsvTableWriter.writeInto(in.out, r.curveTable());
            double mean = 0;
            for (double v : r.dcum()) mean += v / r.dcum().length;
            System.out.printf(java.util.Locale.ROOT, "d-cum: %s, %d %s atoms, %d intervals, mean D_cum %.4f Å, %d mobile (%s), "
                            + "%d degenerate neighbourhoods excluded, %s -> %s%n", in.inputName(), r.ids().length, species,
                    r.intervals(), mean, r.mobileCount(), r.label(), r.totalDegenerate(),
                    r.unwrapped() ? "unwrapped coordinates" : "minimum image", in.out);
        }
    }
}
