package org.glasssoftness.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.structure.BondCutoffs;
import org.glasssoftness.core.structure.Composition;
import org.glasssoftness.core.structure.CoordinationAnalysis;
import org.glasssoftness.core.structure.CoordinationResult;
import org.glasssoftness.core.table.CsvTableWriter;
import org.glasssoftness.core.table.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The "Coordination Analysis" node from the command line. */
@Command(name = "coordination", mixinStandardHelpOptions = true,
        description = "Per-atom coordination numbers, [n]X fractions, bond lengths per state, Q^n speciation, "
                + "bond-angle distributions, densities and molar volume, over the selected frames.")
final class CoordinationCommand implements Callable<Integer> {
    @Mixin
    StructureInputOptions in;

    @Option(names = "--cutoffs", defaultValue = BondCutoffs.DEFAULT_TEXT,
            description = "bond cutoffs in Å per species pair (default ${DEFAULT-VALUE})")
    String cutoffs;

    @Option(names = "--formers", defaultValue = "B,P", description = "network-former species (default ${DEFAULT-VALUE})")
    String formers;

    @Option(names = "--anion", defaultValue = "O", description = "bridging anion species (default ${DEFAULT-VALUE})")
    String anion;

    @Option(names = "--angles", defaultValue = "", description = "bond angles A-Centre-B, e.g. O-B-O,O-P-O "
            + "(default: anion-former-anion for each former)")
    String angles;

    @Option(names = "--angle-bin", defaultValue = "1.0", description = "angle bin width in degrees (default ${DEFAULT-VALUE})")
    double angleBin;

    @Option(names = "--composition", defaultValue = "", description = "formula unit for the molar volume, e.g. "
            + "Li2O=40,B2O3=30,P2O5=30 (empty: per-atom molar volume only)")
    String composition;

    @Option(names = "--per-atom", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "write coordination_atoms.csv, one row per atom and frame (default on)")
    boolean perAtom;

    @Option(names = "--out", required = true, description = "output folder for the CSV tables")
    Path out;

    @Override
    public Integer call() throws Exception {
        BondCutoffs cut = cutoffs.equals(BondCutoffs.DEFAULT_TEXT) ? BondCutoffs.defaults() : BondCutoffs.parse(cutoffs);
        List<String> angleList = CommaLists.of(angles);
        List<String> formerList = CommaLists.of(formers);
        CoordinationAnalysis.Settings st = new CoordinationAnalysis.Settings(cut, formerList, anion.trim(), angleList,
                angleBin, composition.isBlank() ? null : Composition.parse(composition), perAtom, in.threads());
        CoordinationResult res;
        try (Trajectory t = in.open()) {
            res = new CoordinationAnalysis(st).compute(t, FrameSelection.all(), Progress.NONE);
        }
        Files.createDirectories(out);
        List<String> names = new ArrayList<>();
        for (ResultTable t : res.tables()) {
            CsvTableWriter.writeInto(out, t);
            names.add(t.name() + ".csv");
        }
        StringBuilder sb = new StringBuilder("coordination: ").append((int) res.summaryValue("frames")).append(" frames");
        for (String key : Arrays.asList("mean_cn_B", "fraction_[4]B", "mean_cn_P", "mass_density")) {
            double v = res.summaryValue(key);
            if (!Double.isNaN(v)) sb.append(String.format(java.util.Locale.ROOT, ", %s %.4g", key, v));
        }
        sb.append("; wrote ").append(String.join(" ", names)).append(" to ").append(out);
        System.out.println(sb);
        return 0;
    }
}
