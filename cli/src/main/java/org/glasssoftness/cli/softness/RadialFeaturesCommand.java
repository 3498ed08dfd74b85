package org.glasssoftness.cli.softness;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glasssoftness.cli.CommaLists;
import org.glasssoftness.cli.TypeMapOption;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.softness.AngularDefinition;
import org.glasssoftness.core.softness.FeatureDefinition;
import org.glasssoftness.core.softness.StructureFeatures;
import org.glasssoftness.core.table.CsvTableWriter;
import org.glasssoftness.core.table.ResultTable;
import org.glasssoftness.core.table.ResultTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The "Radial Features" node from the command line: features.csv keyed by (sample,) frame, timestep, id; with
 * --angular also the angular features Psi_XY(i; xi, lambda, zeta).
 */
@Command(name = "radial-features", mixinStandardHelpOptions = true,
        description = "Radial structure functions G_X(i; r) of the focus atoms (Methods 4.6), optionally with angular "
                + "structure functions Psi_XY(i; xi, lambda, zeta) (Schoenholz et al. 2016), as features.csv.")
public final class RadialFeaturesCommand implements Callable<Integer> {
    @Option(names = "--dump", required = true, description = "LAMMPS dump file (plain or .gz)") Path dump;
    @Mixin TypeMapOption typeMap;
    @Option(names = "--focus", defaultValue = "B", description = "focus species, or 'any' (default ${DEFAULT-VALUE})") String focus;
    @Option(names = "--neighbours", defaultValue = "Li,B,O,P", description = "neighbour species in feature order (default ${DEFAULT-VALUE})") String neighbours;
    @Option(names = "--dr", defaultValue = "0.2", description = "grid spacing dr in Å (default ${DEFAULT-VALUE})") double dr;
    @Option(names = "--rc", defaultValue = "10.0", description = "cutoff R_c in Å (default ${DEFAULT-VALUE})") double rc;
    @Option(names = "--width", description = "Gaussian width L in Å (default: dr)") Double width;
    @Option(names = "--frame", defaultValue = "0", description = "frame to use (0-based; default ${DEFAULT-VALUE})") int frame;
    @Option(names = "--all-frames", description = "every frame instead of one (with --stride)") boolean allFrames;
    @Option(names = "--stride", defaultValue = "1", description = "frame stride with --all-frames") int stride;
    @Option(names = "--sample", description = "adds a 'sample' column with this value (e.g. the composition) for joins and splits") String sample;
    @Mixin AngularOptions angularOptions;
    @Option(names = "--out", required = true, description = "output folder") Path out;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        FeatureDefinition def = new FeatureDefinition(focus, CommaLists.of(neighbours), dr, rc, width == null ? dr : width);
        AngularDefinition ang = angularOptions.definitionIfOn(focus, def.neighbourSpecies());
        StructureFeatures sf = new StructureFeatures(def, ang);
        ResultTable table;
        try (Trajectory t = CliSupport.openDump(dump, typeMap)) {
            if (allFrames) table = sf.compute(t, new FrameSelection(0, -1, stride), Progress.NONE);
            else {
                if (frame < 0 || frame >= t.frameCount()) {
                    throw new IllegalArgumentException(dump + " has " + t.frameCount() + " frames, frame " + frame + " asked");
                }
                table = sf.compute(t.frame(frame), frame, Progress.NONE);
            }
        }
        if (sample != null) table = ResultTables.withLeadingColumn(table, "sample", sample);
        Path f = CsvTableWriter.writeInto(out, table);
        System.out.printf("radial-features: %d %s rows x %d features (%s%s) -> %s (%.2f s)%n", table.rowCount(), focus,
                sf.featureCount(), def.describe(), ang == null ? "" : "; " + ang.describe(), f, (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
