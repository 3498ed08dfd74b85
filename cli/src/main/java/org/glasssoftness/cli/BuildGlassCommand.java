package org.glasssoftness.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.glasssoftness.core.io.store.FrameStore;
import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.CsvTableWriter;
import org.glasssoftness.core.table.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Builds a random, charge-neutral glass start configuration (the "Run GPU MD" node's builder settings). */
@Command(name = "build-glass", mixinStandardHelpOptions = true,
        description = "Random packing of a glass composition at a density (seeded); writes glass.gsf, glass.data (LAMMPS) and counts.csv.")
final class BuildGlassCommand implements Callable<Integer> {
    @Mixin
    MdOptions md = new MdOptions();

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Override
    public Integer call() throws Exception {
        ForceField ff = md.forceField();
        Map<String, Integer> counts = GlassBuilder.atomCounts(md.compositionMap(), md.atoms, ff);
        Frame f = GlassBuilder.randomPacking(counts, md.density, md.minSeparation, md.seed);
        Files.createDirectories(out);
        FrameStore.write(out.resolve("glass.gsf"), Trajectory.of(List.of(f)), Progress.NONE);
        double[] q = new double[f.atomCount()];
        for (int i = 0; i < q.length; i++) q[i] = ff.species(f.speciesOf(i)).charge();
        org.glasssoftness.core.io.lammps.LammpsDataWriter.write(out.resolve("glass.data"), f.withProperty("q", q), true);
        String[] el = counts.keySet().toArray(new String[0]);
        int[] n = counts.values().stream().mapToInt(Integer::intValue).toArray();
        CsvTableWriter.writeInto(out, ResultTable.builder("counts").strings("element", el).ints("count", n).build());
        System.out.printf("build-glass: %d atoms %s in a %.4f Å cubic box (%.4g g/cm^3) -> %s%n", f.atomCount(), counts,
                f.box().lx(), md.density, out.resolve("glass.gsf"));
        return 0;
    }
}
