package org.glasssoftness.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.io.lammps.LammpsDumpReader;
import org.glasssoftness.core.io.store.FrameStore;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.export.LammpsInputExport;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.integrate.VelocityInit;
import org.glasssoftness.core.md.opencl.ClRuntime;
import org.glasssoftness.core.md.protocol.MdCheckpoint;
import org.glasssoftness.core.md.protocol.MdSettings;
import org.glasssoftness.core.md.protocol.MdSimulation;
import org.glasssoftness.core.md.protocol.Stage;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TypeMap;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.CsvTableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs MD on the OpenCL backend when a device is there (else, or with --backend java, on the Java backend): start from a file (FrameStore .gsf or LAMMPS dump, last frame) or from the glass
 * builder, then a list of stages. Writes thermo.csv, trajectory.gsf and trajectory.dump (recorded frames, LAMMPS dump with
 * unwrapped positions, image flags and velocities) and md.ckpt (state after the
 * last completed stage; --restart continues from it).
 */
@Command(name = "md", mixinStandardHelpOptions = true,
        description = "Molecular dynamics (Deng-Du force field, PPPM/Ewald, velocity Verlet, Nose-Hoover NVT/NPT) on an "
                + "OpenCL device (GPU first, then CPU OpenCL) or the Java backend.")
final class MdCommand implements Callable<Integer> {
    @Mixin
    MdOptions md = new MdOptions();

    @Option(names = "--start", description = "start structure: FrameStore .gsf, LAMMPS data (.data/.lmp) or LAMMPS dump"
            + " (last frame); default: build a glass")
    Path start;

    @Option(names = "--type-map", defaultValue = "", description = "LAMMPS types of a dump, e.g. 1=Li,2=B,3=P,4=O")
    String typeMap;

    @Option(names = "--restart", description = "continue from this checkpoint (md.ckpt) instead of --start")
    Path restart;

    @Option(names = "--stages", defaultValue = "equilibrate:nvt:1000:300",
            description = "comma list of name:nve:steps, name:nvt:steps:Tstart[:Tstop[:Tdamp_ps]] or "
                    + "name:npt:steps:Tstart:Tstop:Pstart_bar:Pstop_bar[:iso|xyz|yz..[:Tdamp_ps[:Pdamp_ps]]] "
                    + "name:tension:steps:T[:Plateral_bar[:erate_per_ps]] (default equilibrate:nvt:1000:300), or the presets"
                    + " melt-quench (3000 K NVT 50 ps, NPT 0 bar cooling at 1 K/ps to 300 K, 300 K NVT 50 ps + NPT 50 ps,"
                    + " NVT 100 ps production) and tensile (NPT 300 K 100 ps, tension at 0.05/ps to strain 1; use"
                    + " --replicate-x 2 and --dump-every 20 as in the study)")
    String stages;

    @Option(names = "--temperature", defaultValue = "300", description = "initial velocity temperature in K (default 300)")
    double temperature;

    @Option(names = "--kspace", defaultValue = "pppm", description = "pppm (default) or ewald")
    String kspace;

    @Option(names = "--accuracy", defaultValue = "1e-5", description = "k-space relative force accuracy (default 1e-5)")
    double accuracy;

    @Option(names = "--cutoff", defaultValue = "10", description = "real-space cutoff in Å (default 10)")
    double cutoff;

    @Option(names = "--dt", defaultValue = "0.001", description = "time step in ps (default 0.001)")
    double dt;

    @Option(names = "--thermo-every", defaultValue = "100", description = "thermo interval in steps (default 100)")
    int thermoEvery;

    @Option(names = "--dump-every", defaultValue = "0", description = "frame interval in steps (default 0 = none)")
    int dumpEvery;

    @Option(names = "--threads", defaultValue = "0", description = "worker threads (default 0 = all cores)")
    int threads;

    @Option(names = "--backend", defaultValue = "auto",
            description = "auto (default: the best OpenCL device, GPU or accelerator first, then CPU, else Java), java,"
                    + " or opencl (the same order; falls back to Java with a message when there is no usable device)")
    String backend;

    @Option(names = "--precision", defaultValue = "double",
            description = "OpenCL precision: double (default) or mixed (float pair and mesh math, double accumulation)")
    String precision;

    @Option(names = "--device", description = "force an OpenCL device by a substring of 'platform / device name' (e.g."
            + " pocl, H100); default: -D" + ClRuntime.DEVICE_PROPERTY + ", else the best device")
    String device;

    @Option(names = "--minimize", defaultValue = "-1",
            description = "FIRE minimisation steps before MD (default: 500 when the glass is built, 0 otherwise)")
    int minimize;

    @Option(names = "--replicate-x", defaultValue = "1",
            description = "repeat the start structure n times along x (the study uses 2 before tension; default 1)")
    int replicateX;

    @Option(names = "--export-lammps", description = "write data.lmp, core.table and in.lmp for LAMMPS into --out"
            + " (same force field, settings and stages) instead of running")
    boolean exportLammps;

    @Option(names = "--export-lammps-forcefield", description = "write only the force field into --out instead of running:"
            + " forcefield.lmp (mass and charge of each type, pair_style and pair_coeff lines; include it after read_data)"
            + " and core.table. LAMMPS type t is species t of the start structure (its types must be 1..n in that order)")
    boolean exportForceField;

    @Option(names = "--core-table", defaultValue = "spline:" + LammpsInputExport.TABLE_POINTS + ":0.5",
            description = "how the exports tabulate the short-range cores for pair_style table: style:points:inner_A,"
                    + " style linear or spline (default spline:" + LammpsInputExport.TABLE_POINTS + ":0.5)")
    String coreTable;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Override
    public Integer call() throws Exception {
        ForceField ff = md.forceField();
        MdState s;
        boolean hasVelocities = false;
        int stagesDone = 0;
        double time = 0;
        if (restart != null) {
            MdCheckpoint.Content c = MdCheckpoint.read(restart);
            s = c.state();
            stagesDone = c.stagesDone();
            time = c.timePs();
        } else {
            Frame f;
            if (start != null) {
                String name = start.getFileName().toString();
                if (name.endsWith(".data") || name.endsWith(".lmp")) {
                    f = org.glasssoftness.core.io.lammps.LammpsDataReader.read(start, TypeMap.parse(typeMap));
                } else {
                    try (Trajectory t = name.endsWith(".gsf") ? FrameStore.open(start)
                            : LammpsDumpReader.open(start, DumpReadOptions.of(TypeMap.parse(typeMap)), Progress.NONE)) {
                        f = t.frame(t.frameCount() - 1);
                    }
                }
                hasVelocities = f.velocities() != null;
            } else {
                f = GlassBuilder.randomPacking(GlassBuilder.atomCounts(md.compositionMap(), md.atoms, ff),
                        md.density, md.minSeparation, md.seed);
            }
            if (exportForceField && start != null) checkTypesAreSpeciesOrder(f, start);
            s = MdState.fromFrame(f, ff);
            if (replicateX > 1) s = s.replicateX(replicateX);
            if (minimize < 0) minimize = start == null ? 500 : 0;
        }
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < s.n; i++) counts.merge(s.speciesNames.get(s.species[i]), 1, Integer::sum);
        PairCoefficients[][] coeffs = ff.resolve(s.speciesNames, ff.oxideMolesFromCounts(counts), md.phosphate());
        MdSettings settings = new MdSettings(cutoff, 2.0, kspace, accuracy, dt, thermoEvery, dumpEvery,
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), backend, precision);
        List<Stage> all = parseStages(stages, dt);
        List<Stage> todo = all.subList(Math.min(stagesDone, all.size()), all.size());
        Files.createDirectories(out);
        if (exportForceField) {
            LammpsInputExport.writeForceField(out, ff, s.speciesNames, coeffs, cutoff, parseCoreTable(coreTable));
            System.out.printf("md: wrote the force field '%s' for types %s (forcefield.lmp, core.table) -> %s%n",
                    ff.name(), typesSummary(s.speciesNames), out);
            return 0;
        }
        if (exportLammps) {
            int min = minimize >= 0 ? minimize : (start == null && restart == null ? 500 : 0);
            LammpsInputExport.write(out, s, coeffs, settings, todo, temperature, md.seed, min, parseCoreTable(coreTable));
            System.out.printf("md: wrote a LAMMPS run of %d atoms and %d stages (data.lmp, core.table, in.lmp) -> %s%n",
                    s.n, todo.size(), out);
            return 0;
        }
        long t0 = System.nanoTime();
        long step0 = s.step;
        String status = "done";
        try (MdSimulation sim = new MdSimulation(s, coeffs, settings, device)) {
            sim.setTimePs(time);
            if (sim.backendWarning() != null) System.err.println("md: " + sim.backendWarning());
            if (restart == null) {
                if (minimize > 0) {
                    var r = sim.minimize(minimize, 0.05, Progress.NONE);
                    System.out.printf("md: minimised %d steps, PE %.4f eV, max force %.4g eV/Å%n", r.steps(), r.energy(), r.maxForce());
                }
                if (minimize > 0 || !hasVelocities) VelocityInit.create(s, temperature, md.seed);
            }
            int done = stagesDone;
            try {
                for (Stage st : todo) {
                    sim.run(List.of(st), Progress.NONE);
                    done++;
                    MdCheckpoint.write(out.resolve("md.ckpt"), s, sim.timePs(), done);
                }
            } catch (RuntimeException e) {
                status = "stopped: " + e.getMessage();
                throw e;
            } finally {
                CsvTableWriter.writeInto(out, sim.thermoTable());
                if (sim.stressStrainTable().rowCount() > 0) CsvTableWriter.writeInto(out, sim.stressStrainTable());
                if (!sim.frames().isEmpty()) {
                    Trajectory rec = Trajectory.of(new ArrayList<>(sim.frames()));
                    FrameStore.write(out.resolve("trajectory.gsf"), rec, Progress.NONE);
                    org.glasssoftness.core.io.lammps.LammpsDumpWriter.write(out.resolve("trajectory.dump"), rec, Progress.NONE);
                }
                double sec = (System.nanoTime() - t0) / 1e9;
                long steps = s.step - step0;
                System.out.printf("md: %s, %d atoms, %d steps in %.1f s (%.2f steps/s, %.3f ns/day), %s, %s -> %s%n", status,
                        s.n, steps, sec, steps / sec, steps * dt * 1e-3 / sec * 86400, sim.backendDescription(),
                        sim.forces().describeKspace(), out);
            }
        }
        return 0;
    }

    /** Parses --core-table style:points:inner_A. */
    static LammpsInputExport.CoreTable parseCoreTable(String text) {
        String[] p = text.split(":");
        if (p.length != 3) {
            throw new IllegalArgumentException("--core-table must be style:points:inner_A (e.g. linear:2000:0.2), got '" + text + "'");
        }
        try {
            return new LammpsInputExport.CoreTable(p[0].trim(), Integer.parseInt(p[1].trim()), Double.parseDouble(p[2].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--core-table '" + text + "': points must be an integer and inner_A a number");
        }
    }

    /** The force-field include numbers LAMMPS types by species; a start file whose types differ would be mislabelled. */
    private static void checkTypesAreSpeciesOrder(Frame f, Path file) {
        for (int i = 0; i < f.atomCount(); i++) {
            if (f.types()[i] != f.species()[i] + 1) {
                throw new IllegalArgumentException(file + ": atom id " + f.ids()[i] + " has type " + f.types()[i]
                        + " but species " + f.speciesNames().get(f.species()[i]) + " is number " + (f.species()[i] + 1)
                        + " of " + f.speciesNames() + "; --export-lammps-forcefield expects types 1.." + f.speciesNames().size()
                        + " to be distinct species in that order (check --type-map)");
            }
        }
    }

    private static String typesSummary(List<String> species) {
        StringBuilder b = new StringBuilder();
        for (int t = 0; t < species.size(); t++) b.append(t == 0 ? "" : ",").append(t + 1).append('=').append(species.get(t));
        return b.toString();
    }

    static List<Stage> parseStages(String text, double dtPs) {
        return org.glasssoftness.core.md.protocol.StageParser.parse(text, dtPs);
    }
}
