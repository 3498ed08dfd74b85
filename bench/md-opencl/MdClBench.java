import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.export.LammpsInputExport;
import org.glasssoftness.core.md.forcefield.BoronOxygenRule;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.integrate.Thermo;
import org.glasssoftness.core.md.integrate.VelocityInit;
import org.glasssoftness.core.md.protocol.MdSettings;
import org.glasssoftness.core.md.protocol.MdSimulation;
import org.glasssoftness.core.md.protocol.Stage;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.progress.Progress;

/**
 * OpenCL MD benchmark: a random-packed 40Li2O-30B2O3-30P2O5 glass (2.4 g/cm^3, seed 1) of the given size, FIRE
 * minimisation, then NVT 300 K (1 fs, 10 Å cutoff, PPPM 1e-5, skin 2 Å) timed over the MD steps only. Writes the same
 * start and protocol as a LAMMPS input (the project's LammpsInputExport) into outDir for run.sh's LAMMPS side.
 * Usage: java MdClBench atoms fireSteps warmSteps mdSteps outDir backend precision threads
 */
public class MdClBench {
    public static void main(String[] a) throws Exception {
        int atoms = Integer.parseInt(a[0]), fire = Integer.parseInt(a[1]), warm = Integer.parseInt(a[2]),
                steps = Integer.parseInt(a[3]);
        Path out = Path.of(a[4]);
        String backend = a[5], precision = a[6];
        int threads = Integer.parseInt(a[7]);
        ForceField ff = ForceField.dengDuLiBP();
        Map<String, Double> comp = new LinkedHashMap<>();
        comp.put("Li2O", 40.0); comp.put("B2O3", 30.0); comp.put("P2O5", 30.0);
        Frame f = GlassBuilder.randomPacking(GlassBuilder.atomCounts(comp, atoms, ff), 2.4, 1.7, 1);
        MdState s = MdState.fromFrame(f, ff);
        PairCoefficients[][] c = ff.resolve(s.speciesNames, comp, BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA);
        MdSettings set = new MdSettings(10.0, 2.0, "pppm", 1e-5, 0.001, 1000000, 0, threads, backend, precision);
        // LAMMPS gets the same start, FIRE steps and one NVT stage of warm + steps (its last "Loop time" is the MD part)
        LammpsInputExport.write(out, s, c, set, List.of(Stage.nvt("md", warm + steps, 300, 300, 0.1)), 300, 1, fire);
        try (MdSimulation sim = new MdSimulation(s, c, set)) {
            if (sim.backendWarning() != null) System.out.println("warning: " + sim.backendWarning());
            long m0 = System.nanoTime();
            sim.minimize(fire, 0.05, Progress.NONE);
            double fireSec = (System.nanoTime() - m0) / 1e9;
            VelocityInit.create(s, 300, 1);
            sim.run(List.of(Stage.nvt("warm", warm, 300, 300, 0.1)), Progress.NONE);
            long t0 = System.nanoTime();
            sim.run(List.of(Stage.nvt("md", steps, 300, 300, 0.1)), Progress.NONE);
            double sec = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "ours atoms=%d steps=%d time=%.3f s steps/s=%.4f ns/day=%.4f T=%.1f fire=%.1fs "
                    + "backend=%s kspace=%s%n", s.n, steps, sec, steps / sec, steps / sec * 0.001 * 86400 / 1000,
                    Thermo.temperature(s), fireSec, sim.backendDescription(), sim.forces().describeKspace());
        }
    }
}
