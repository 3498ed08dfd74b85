package org.glasssoftness.cli.dynamics;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.glasssoftness.core.dynamics.BondSwitch;
import org.glasssoftness.core.dynamics.BondSwitchClass;
import org.glasssoftness.core.model.Axes;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.CsvTableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** bond-switch: bond-switch classes vs strain and a per-atom switched label (the "Bond-Switch Label" node). */
@Command(name = "bond-switch", mixinStandardHelpOptions = true,
        description = "Classes each centre atom as decreased/increased/swapped/unchanged CN vs the first frame; writes "
                + "bond_switch_fractions.csv (vs strain) and bond_switch_atoms.csv (at the frame nearest --strain).")
public final class BondSwitchCommand implements Callable<Integer> {
    @Mixin
    DynamicsInputOptions in = new DynamicsInputOptions();

    @Option(names = "--species", defaultValue = "B", description = "centre species (default ${DEFAULT-VALUE})")
    String species;

    @Option(names = "--partner", defaultValue = "O", description = "bonding partner species (default ${DEFAULT-VALUE})")
    String partner;

    @Option(names = "--cutoff", defaultValue = "2.0", description = "bond cutoff in Å (default ${DEFAULT-VALUE})")
    double cutoff;

    @Option(names = "--axis", defaultValue = "x", description = "strain axis x, y or z: strain = L/L_ref - 1 (default ${DEFAULT-VALUE})")
    String axis;

    @Option(names = "--strain", description = "strain of the per-atom table (nearest frame; default: last frame)")
    Double strain;

    @Option(names = "--switched", defaultValue = "decreased,swapped",
            description = "classes labelled switched (default ${DEFAULT-VALUE})")
    String switched;

    @Override
    public Integer call() throws IOException {
        return DynamicsInputOptions.runReporting("bond-switch", this::settings, this::run);
    }

    private BondSwitch.Settings settings() {
        int ax = Axes.parse(axis);
        return new BondSwitch.Settings(species, partner, cutoff, ax, strain == null ? Double.NaN : strain,
                BondSwitchClass.parseSet(switched), in.firstFrame(), in.lastFrame(), in.stride(), in.threads());
    }

    private void run(BondSwitch.Settings s) throws IOException {
        try (Trajectory t = in.open()) {
            BondSwitch.Result r = new BondSwitch(s).compute(t, Progress.NONE);
            CsvTableWriter.writeInto(in.out, r.fractionTable());
            CsvTableWriter.writeInto(in.out, r.atomTable());
            System.out.printf(java.util.Locale.ROOT, "bond-switch: %s, %d %s atoms, %d frames, strain %.4g..%.4g; at frame %d "
                            + "(strain %.4g) %d switched (%s) -> %s%n", in.inputName(), r.ids().length, species,
                    r.frame().length, r.strain()[0], r.strain()[r.strain().length - 1], r.chosenFrame(), r.chosenStrain(),
                    r.switchedCount(), switched, in.out);
        }
    }
}
