package org.glasssoftness.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.glasssoftness.core.md.forcefield.BoronOxygenRule;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.forcefield.ForceFieldFile;
import picocli.CommandLine.Option;

/** Options shared by the MD subcommands: force field, composition rule and glass builder settings. */
final class MdOptions {
    @Option(names = "--force-field", description = "force-field parameter file (default: built-in Deng-Du Li-B-P-O)")
    Path forceField;

    @Option(names = "--phosphate-option", defaultValue = "b",
            description = "how P2O5 enters the B-O rule: b = counted like SiO2 in K (default), a = ignored")
    String phosphateOption;

    @Option(names = "--composition", defaultValue = "Li2O=40,B2O3=30,P2O5=30",
            description = "mol%% of oxides, e.g. Li2O=40,B2O3=30,P2O5=30 (default)")
    String composition;

    @Option(names = "--atoms", defaultValue = "3000", description = "target atom count (default 3000)")
    int atoms;

    @Option(names = "--density", defaultValue = "2.4", description = "packing density in g/cm^3 (default 2.4)")
    double density;

    @Option(names = "--min-separation", defaultValue = "1.7", description = "minimum distance in Å (default 1.7)")
    double minSeparation;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default 1)")
    long seed;

    ForceField forceField() throws IOException {
        return forceField == null ? ForceField.dengDuLiBP() : ForceFieldFile.load(forceField);
    }

    BoronOxygenRule.PhosphateOption phosphate() {
        switch (phosphateOption.trim().toLowerCase()) {
            case "a": return BoronOxygenRule.PhosphateOption.IGNORE;
            case "b": return BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA;
            default: throw new IllegalArgumentException("--phosphate-option must be a or b, got " + phosphateOption);
        }
    }

    Map<String, Double> compositionMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String part : composition.split(",")) {
            if (part.isBlank()) continue;
            String[] kv = part.split("=");
            if (kv.length != 2) throw new IllegalArgumentException("composition entry '" + part + "' is not oxide=mol%");
            try {
                m.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("composition entry '" + part + "': '" + kv[1] + "' is not a number");
            }
        }
        return m;
    }
}
