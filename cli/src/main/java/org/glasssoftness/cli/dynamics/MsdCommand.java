package org.glasssoftness.cli.dynamics;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

import org.glasssoftness.cli.CommaLists;
import org.glasssoftness.core.dynamics.DiffusionFit;
import org.glasssoftness.core.dynamics.MeanSquaredDisplacement;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.CsvTableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** msd: mean squared displacement per species and per atom, with a diffusion fit (the MSD output of the D_cum node). */
@Command(name = "msd", mixinStandardHelpOptions = true,
        description = "MSD per species vs time (msd.csv), per atom at the last frame (msd_atoms.csv), D = slope/6 over a time window (msd_fit.csv).")
public final class MsdCommand implements Callable<Integer> {
    @Mixin
    DynamicsInputOptions in = new DynamicsInputOptions();

    @Option(names = "--species", defaultValue = "", description = "comma-separated species (default: all)")
    String species;

    @Option(names = "--timestep-ps", defaultValue = "0.001", description = "MD timestep in ps (default ${DEFAULT-VALUE} = 1 fs)")
    double timestepPs;

    @Option(names = "--fit-start-ps", description = "diffusion fit window start in ps (default: first frame)")
    Double fitStart;

    @Option(names = "--fit-end-ps", description = "diffusion fit window end in ps (default: last frame)")
    Double fitEnd;

    @Override
    public Integer call() throws IOException {
        return DynamicsInputOptions.runReporting("msd", this::settings, this::run);
    }

    private MeanSquaredDisplacement.Settings settings() {
        List<String> sp = CommaLists.of(species);
        if (fitStart != null && fitEnd != null && fitEnd < fitStart) {
            throw new IllegalArgumentException("--fit-end-ps " + fitEnd + " is before --fit-start-ps " + fitStart);
        }
        return new MeanSquaredDisplacement.Settings(sp, in.firstFrame(), in.lastFrame(), in.stride(), timestepPs);
    }

    private void run(MeanSquaredDisplacement.Settings s) throws IOException {
        try (Trajectory t = in.open()) {
            MeanSquaredDisplacement.Result r = new MeanSquaredDisplacement(s).compute(t, Progress.NONE);
            List<DiffusionFit.Fit> fits = DiffusionFit.fitAll(r, fitStart == null ? Double.NaN : fitStart,
                    fitEnd == null ? Double.NaN : fitEnd);
            CsvTableWriter.writeInto(in.out, r.table());
            CsvTableWriter.writeInto(in.out, r.atomTable());
            CsvTableWriter.writeInto(in.out, DiffusionFit.table(fits));
            StringBuilder d = new StringBuilder();
            for (DiffusionFit.Fit f : fits) {
                d.append(String.format(java.util.Locale.ROOT, " D_%s=%.4g cm^2/s", f.species(), f.diffusionCm2PerS()));
            }
            System.out.printf(java.util.Locale.ROOT, "msd: %s, %d frames over %.4g ps,%s (fit %.4g-%.4g ps) -> %s%n",
                    in.inputName(), r.frame().length, r.timePs()[r.timePs().length - 1], d,
                    fits.get(0).tMinPs(), fits.get(0).tMaxPs(), in.out);
        }
    }
}
