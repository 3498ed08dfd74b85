package org.glasssoftness.core.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.forcefield.BoronOxygenRule;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.kspace.Ewald;
import org.glasssoftness.core.md.kspace.KSpace;
import org.glasssoftness.core.md.kspace.Pppm;
import org.glasssoftness.core.model.Frame;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Energy, per-atom forces and pressure tensor of the full Deng-Du model against LAMMPS run on the same configuration:
 * 768 atoms of 40Li2O-30B2O3-30P2O5 at 2.4 g/cm^3, random packing with 1.7 Å minimum separation (so some O-O pairs
 * sit inside the core, r0 = 1.9055 Å, and exercise it), 10 Å cutoff.
 */
public class LammpsForceComparisonTest {
    static MdState state;
    static PairCoefficients[][] coeffs;
    static final double CUTOFF = 10.0;

    @BeforeAll
    static void build() {
        ForceField ff = ForceField.dengDuLiBP();
        Map<String, Double> comp = new LinkedHashMap<>();
        comp.put("Li2O", 40.0); comp.put("B2O3", 30.0); comp.put("P2O5", 30.0);
        Map<String, Integer> counts = GlassBuilder.atomCounts(comp, 768, ff);
        Frame f = GlassBuilder.randomPacking(counts, 2.4, 1.7, 42);
        state = MdState.fromFrame(f, ff);
        coeffs = ff.resolve(state.speciesNames, comp, BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA);
    }

    static double[] ours(KSpace k, double[] pressureOut, double[] energiesOut, int threads) {
        MdState s = copy(state);
        try (ForceEvaluator ev = new ForceEvaluator(coeffs, CUTOFF, 2.0, k, threads)) {
            ForceEvaluator.Energies e = ev.compute(s);
            double v = s.box.volume();
            for (int c = 0; c < 6; c++) pressureOut[c] = e.virial()[c] / v * Units.NKTV2P;
            energiesOut[0] = e.pe(); energiesOut[1] = e.eVdwl(); energiesOut[2] = e.eCoul(); energiesOut[3] = e.eLong();
            // forces in atom order of the state (= id order here)
            return s.f.clone();
        }
    }

    /** A deep copy of the state's per-atom arrays (shared by the OpenCL tests). */
    public static MdState copy(MdState s) {
        return new MdState(s.box, s.ids.clone(), s.speciesNames, s.species.clone(), s.charge.clone(), s.mass.clone(),
                s.x.clone(), s.v.clone(), s.image.clone());
    }

    /** RMS of a - b over the RMS of b. */
    public static double rmsRel(double[] a, double[] b) {
        double d = 0, r = 0;
        for (int i = 0; i < a.length; i++) { d += (a[i] - b[i]) * (a[i] - b[i]); r += b[i] * b[i]; }
        return Math.sqrt(d / r);
    }

    static void report(String what, double[] e, double[] p, double[] f, LammpsReference.Result ref) {
        System.out.printf("%s: pe ours %.12f lammps %.12f rel %.3g | evdwl %.3g ecoul %.3g elong %.3g | force rms rel %.3g%n",
                what, e[0], ref.pe(), Math.abs(e[0] - ref.pe()) / Math.abs(ref.pe()),
                e[1] - ref.evdwl(), e[2] - ref.ecoul(), e[3] - ref.elong(), rmsRel(f, ref.forces()));
        for (int c = 0; c < 6; c++) System.out.printf("  p%d ours %.6f lammps %.6f%n", c, p[c], ref.pressure()[c]);
    }

    static double lammpsG(String log) {
        Matcher m = Pattern.compile("G vector \\(1/distance\\) = ([0-9.eE+-]+)").matcher(log);
        assertTrue(m.find(), "G vector line in LAMMPS log");
        return Double.parseDouble(m.group(1));
    }

    @Test
    void ewaldAgreesWithLammpsEwald(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(LammpsReference.available(), "lmp (Debian package lammps) not installed");
        LammpsReference.Result ref = LammpsReference.run(dir, copy(state), coeffs, CUTOFF, "kspace_style ewald 1e-6");
        Ewald ewald = new Ewald(1e-6, CUTOFF);
        double[] p = new double[6], e = new double[4];
        double[] f = ours(ewald, p, e, 1);
        report("ewald " + ewald.describe(), e, p, f, ref);
        assertEquals(lammpsG(ref.log()), ewald.gEwald(), 1e-7 * ewald.gEwald());
        assertTrue(ref.log().contains(String.format("kxmax kymax kzmax  = %d %d %d", ewald.kmax()[0], ewald.kmax()[1], ewald.kmax()[2])),
                "same kmax as LAMMPS");
        assertEquals(ref.pe(), e[0], 1e-9 * Math.abs(ref.pe()));
        assertTrue(rmsRel(f, ref.forces()) < 1e-7, "RMS force difference / RMS force");
        double pScale = Math.abs(ref.pressure()[0]) + Math.abs(ref.pressure()[1]) + Math.abs(ref.pressure()[2]);
        for (int c = 0; c < 6; c++) assertEquals(ref.pressure()[c], p[c], 1e-7 * pScale, "pressure component " + c);
    }

    @Test
    void pppmAgreesWithLammpsPppm(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(LammpsReference.available(), "lmp (Debian package lammps) not installed");
        LammpsReference.Result ref = LammpsReference.run(dir, copy(state), coeffs, CUTOFF, "kspace_style pppm 1e-5");
        Pppm pppm = new Pppm(1e-5, CUTOFF, 5, 2);
        double[] p = new double[6], e = new double[4];
        double[] f = ours(pppm, p, e, 2);
        report("pppm " + pppm.describe(), e, p, f, ref);
        assertEquals(lammpsG(ref.log()), pppm.gEwald(), 1e-7 * pppm.gEwald());
        int[] mesh = pppm.mesh();
        assertTrue(ref.log().contains(String.format("grid = %d %d %d", mesh[0], mesh[1], mesh[2])), "same mesh as LAMMPS");
        // criterion of the issue: energy <= 1e-6 relative, RMS force difference / RMS force <= 1e-4
        assertEquals(ref.pe(), e[0], 1e-6 * Math.abs(ref.pe()));
        assertTrue(rmsRel(f, ref.forces()) < 1e-4, "RMS force difference / RMS force");
        double pScale = Math.abs(ref.pressure()[0]) + Math.abs(ref.pressure()[1]) + Math.abs(ref.pressure()[2]);
        for (int c = 0; c < 6; c++) assertEquals(ref.pressure()[c], p[c], 1e-6 * pScale, "pressure component " + c);
    }

    /** Same forces for 1 and 3 threads, bit for bit (fixed block partition, ordered reduction). */
    @Test
    void threadCountDoesNotChangeResults() {
        double[] p1 = new double[6], e1 = new double[4], p3 = new double[6], e3 = new double[4];
        double[] f1 = ours(new Pppm(1e-5, CUTOFF), p1, e1, 1);
        double[] f3 = ours(new Pppm(1e-5, CUTOFF, 5, 3), p3, e3, 3);
        org.junit.jupiter.api.Assertions.assertArrayEquals(f1, f3);
        org.junit.jupiter.api.Assertions.assertArrayEquals(e1, e3);
        org.junit.jupiter.api.Assertions.assertArrayEquals(p1, p3);
    }

    /**
     * Triclinic box (xy = 1.5, xz = 1, yz = -1 Å; the configuration sheared from the cubic one) with Ewald at fixed
     * g = 0.33 and kmax = 9 in LAMMPS and here (kspace_modify gewald / kmax/ewald): the same k set on both sides.
     */
    @Test
    void triclinicEwaldAgreesWithLammps(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(LammpsReference.available(), "lmp (Debian package lammps) not installed");
        MdState cubic = copy(state);
        org.glasssoftness.core.model.Box b0 = cubic.box;
        org.glasssoftness.core.model.Box tri = new org.glasssoftness.core.model.Box(b0.xlo(), b0.ylo(), b0.zlo(),
                b0.lx(), b0.ly(), b0.lz(), 1.5, 1.0, -1.0, true, true, true);
        double[] sfrac = new double[3];
        for (int i = 0; i < cubic.n; i++) {
            b0.toFractional(cubic.x, 3 * i, sfrac, 0);
            tri.toCartesian(sfrac, 0, cubic.x, 3 * i);
        }
        MdState t = new MdState(tri, cubic.ids, cubic.speciesNames, cubic.species, cubic.charge, cubic.mass, cubic.x, null, null);
        LammpsReference.Result ref = LammpsReference.run(dir, copy(t), coeffs, CUTOFF,
                "kspace_style ewald 1e-6\nkspace_modify gewald 0.33 kmax/ewald 9 9 9");
        MdState s = copy(t);
        double[] virial = new double[6];
        double pe;
        try (ForceEvaluator ev = new ForceEvaluator(coeffs, CUTOFF, 2.0, new Ewald(1e-6, CUTOFF).withParameters(0.33, 9, 9, 9), 2)) {
            ForceEvaluator.Energies e = ev.compute(s);
            pe = e.pe();
            virial = e.virial();
        }
        double rel = rmsRel(s.f, ref.forces());
        System.out.printf("triclinic ewald: pe ours %.12f lammps %.12f, force rms rel %.3g%n", pe, ref.pe(), rel);
        assertEquals(ref.pe(), pe, 1e-9 * Math.abs(ref.pe()));
        assertTrue(rel < 1e-7, "RMS force difference / RMS force " + rel);
        double pScale = Math.abs(ref.pressure()[0]) + Math.abs(ref.pressure()[1]) + Math.abs(ref.pressure()[2]);
        for (int c = 0; c < 6; c++) {
            assertEquals(ref.pressure()[c], virial[c] / s.box.volume() * Units.NKTV2P, 1e-7 * pScale, "pressure " + c);
        }
    }

    @Test
    void overlappingAtomsAndSmallBoxesAreReportedClearly() {
        MdState s = copy(state);
        s.x[3] = s.x[0] + 0.1; s.x[4] = s.x[1]; s.x[5] = s.x[2];
        try (ForceEvaluator ev = new ForceEvaluator(coeffs, CUTOFF, 2.0, new Pppm(1e-5, CUTOFF), 1)) {
            RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> ev.compute(s));
            assertTrue(e.getMessage().contains("ids 1 and 2") && e.getMessage().contains("overlapping"), e.getMessage());
        }
        try (ForceEvaluator ev = new ForceEvaluator(coeffs, 10.5, 2.0, null, 1)) {
            RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> ev.compute(copy(state)));
            assertTrue(e.getMessage().contains("twice the cutoff"), e.getMessage());
        }
    }

    /**
     * The exported LAMMPS run (data, core table, input) gives LAMMPS the same potential energy as this engine at the
     * start (pppm 1e-5, 1e-6 relative), and its NVT stage runs.
     */
    @Test
    void exportedLammpsInputReproducesTheEnergy(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(LammpsReference.available(), "lmp (Debian package lammps) not installed");
        MdState s = copy(state);
        org.glasssoftness.core.md.protocol.MdSettings settings =
                org.glasssoftness.core.md.protocol.MdSettings.defaults().withThermoEvery(5).withThreads(2);
        org.glasssoftness.core.md.export.LammpsInputExport.write(dir, s, coeffs, settings,
                List.of(org.glasssoftness.core.md.protocol.Stage.nvt("short", 5, 300, 300, 0.1)), 300, 7, 0);
        double lammpsPe = firstPotentialEnergy(dir, 2);
        double[] pr = new double[6], e = new double[4];
        ours(new Pppm(1e-5, CUTOFF), pr, e, 2);
        System.out.printf("export: LAMMPS pe %.10f ours %.10f%n", lammpsPe, e[0]);
        assertEquals(e[0], lammpsPe, 1e-6 * Math.abs(e[0]));
        assertTrue(java.nio.file.Files.readString(dir.resolve("log.lammps")).contains("for 5 steps"));
    }

    /** Runs lmp on dir/in.lmp (log in dir) and returns the PotEng of the first thermo row, column {@code column}. */
    private static double firstPotentialEnergy(Path dir, int column) throws Exception {
        Process p = new ProcessBuilder("lmp", "-in", "in.lmp", "-log", "log.lammps", "-screen", "none")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String outText = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), outText);
        String[] lines = java.nio.file.Files.readString(dir.resolve("log.lammps")).split("\n");
        for (int k = 0; k < lines.length; k++) {
            if (lines[k].trim().startsWith("Step") && lines[k].contains("PotEng")) {
                return Double.parseDouble(lines[k + 1].trim().split("\\s+")[column]);
            }
        }
        throw new AssertionError("no thermo row with PotEng in " + dir.resolve("log.lammps"));
    }

    /**
     * The force field alone (forcefield.lmp + core.table, the form bench/sample/make-sample.sh uses), included after a
     * data file whose charges are 0 and masses 1, with the sample's core grid (linear, 2000 points from 0.2 Å): LAMMPS
     * gets this engine's potential energy (pppm 1e-5, 1e-6 relative), and the masses and charges it holds are the
     * force field's (Deng-Du charges 0.6 x formal, standard atomic weights).
     */
    @Test
    void forceFieldOnlyExportReproducesTheEnergy(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(LammpsReference.available(), "lmp (Debian package lammps) not installed");
        MdState s = copy(state);
        java.util.Arrays.fill(s.charge, 0.0);
        java.util.Arrays.fill(s.mass, 1.0);
        java.nio.file.Files.writeString(dir.resolve("data.lmp"), org.glasssoftness.core.md.export.LammpsInputExport.data(s));
        org.glasssoftness.core.md.export.LammpsInputExport.writeForceField(dir, ForceField.dengDuLiBP(), s.speciesNames,
                coeffs, CUTOFF, new org.glasssoftness.core.md.export.LammpsInputExport.CoreTable("linear", 2000, 0.2));
        java.nio.file.Files.writeString(dir.resolve("in.lmp"), "units metal\natom_style charge\nboundary p p p\n"
                + "read_data data.lmp\ninclude forcefield.lmp\npair_modify table 0\nkspace_style pppm 1e-5\n"
                + "thermo_style custom step pe\nthermo_modify format float %.15g\nrun 0\nwrite_data after.data\n");
        double lammpsPe = firstPotentialEnergy(dir, 1);
        double[] pr = new double[6], e = new double[4];
        ours(new Pppm(1e-5, CUTOFF), pr, e, 2);
        System.out.printf("force-field export: LAMMPS pe %.10f ours %.10f%n", lammpsPe, e[0]);
        assertEquals(e[0], lammpsPe, 1e-6 * Math.abs(e[0]));
        // masses and per-atom charges as LAMMPS holds them after the include (write_data)
        org.glasssoftness.core.model.Frame after = org.glasssoftness.core.io.lammps.LammpsDataReader.read(
                dir.resolve("after.data"), org.glasssoftness.core.model.TypeMap.parse(""));
        double[] q = after.properties().get("q");
        Map<String, Double> wantQ = Map.of("Li", 0.6, "B", 1.8, "P", 3.0, "O", -1.2);
        for (int i = 0; i < after.atomCount(); i++) {
            String sp = state.speciesNames.get(after.types()[i] - 1);
            assertEquals(wantQ.get(sp), q[i], 0.0, "charge of atom " + after.ids()[i] + " (" + sp + ")");
        }
        List<String> data = java.nio.file.Files.readAllLines(dir.resolve("after.data"));
        int at = data.indexOf("Masses") + 2;
        for (int t = 0; t < state.speciesNames.size(); t++) {
            String[] w = data.get(at + t).trim().split("\\s+");
            assertEquals(t + 1, Integer.parseInt(w[0]), data.get(at + t));
            double m = org.glasssoftness.core.model.Elements.mass(state.speciesNames.get(t));
            assertEquals(m, Double.parseDouble(w[1]), 1e-12 * m, "mass of type " + (t + 1));
        }
    }

    /**
     * Trajectories: the same start (positions and our velocities, via the exported data file) integrated 10 steps
     * with Nose-Hoover NVT (Tdamp 0.1 ps, chain 3) here and with LAMMPS fix nvt: positions agree to 1e-8 Å and the
     * final PE and temperature to 1e-8 relative, which checks velocity Verlet, the chain and the units together.
     */
    @Test
    void nvtTrajectoryFollowsLammpsFixNvt(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(LammpsReference.available(), "lmp (Debian package lammps) not installed");
        MdState s = copy(state);
        org.glasssoftness.core.md.integrate.VelocityInit.create(s, 300, 17);
        org.glasssoftness.core.md.protocol.MdSettings settings =
                org.glasssoftness.core.md.protocol.MdSettings.defaults().withThermoEvery(10).withDumpEvery(10).withThreads(2);
        List<org.glasssoftness.core.md.protocol.Stage> stages =
                List.of(org.glasssoftness.core.md.protocol.Stage.nvt("nvt", 10, 300, 300, 0.1));
        org.glasssoftness.core.md.export.LammpsInputExport.write(dir, s, coeffs, settings, stages, Double.NaN, 1, 0);
        Process p = new ProcessBuilder("lmp", "-in", "in.lmp", "-log", "log.lammps", "-screen", "none")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String outText = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), outText);
        double[] thermo10 = null;
        String[] lines = java.nio.file.Files.readString(dir.resolve("log.lammps")).split("\n");
        for (int k = 0; k < lines.length; k++) {
            if (lines[k].trim().startsWith("Step") && lines[k].contains("PotEng")) {
                String[] f = lines[k + 2].trim().split("\\s+");
                thermo10 = new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
                break;
            }
        }
        org.glasssoftness.core.model.Frame last;
        try (org.glasssoftness.core.model.Trajectory t = org.glasssoftness.core.io.lammps.LammpsDumpReader.open(
                dir.resolve("traj.dump"))) {
            last = t.frame(t.frameCount() - 1);
        }
        try (org.glasssoftness.core.md.protocol.MdSimulation sim =
                     new org.glasssoftness.core.md.protocol.MdSimulation(s, coeffs, settings)) {
            sim.run(stages, org.glasssoftness.core.progress.Progress.NONE);
            org.glasssoftness.core.table.ResultTable th = sim.thermoTable();
            double t10 = th.column("T_K").doubles()[1], pe10 = th.column("PE_eV").doubles()[1];
            System.out.printf("nvt 10 steps: T ours %.10f lammps %.10f, PE ours %.10f lammps %.10f%n", t10, thermo10[1], pe10, thermo10[2]);
            assertEquals(10, thermo10[0]);
            assertEquals(10, last.timestep());
            assertEquals(thermo10[1], t10, 1e-8 * thermo10[1]);
            assertEquals(thermo10[2], pe10, 1e-7 * Math.abs(thermo10[2]));
            double[] ours = s.unwrappedPositions(), theirs = last.unwrappedPositions();
            double maxDx = 0;
            for (int k = 0; k < ours.length; k++) maxDx = Math.max(maxDx, Math.abs(ours[k] - theirs[k]));
            System.out.printf("nvt 10 steps: max |x_ours - x_lammps| = %.3g A%n", maxDx);
            assertTrue(maxDx < 1e-8, "max position difference " + maxDx);
        }
    }

    /** 10 NPT steps (iso at 0 bar, and aniso with only y and z barostatted) from the same start as LAMMPS fix npt. */
    @Test
    void nptTrajectoryFollowsLammpsFixNpt(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(LammpsReference.available(), "lmp (Debian package lammps) not installed");
        for (String mode : new String[] {"iso 0 0 1.0", "y 0 0 1.0 z 0 0 1.0"}) {
            Path d = dir.resolve(mode.startsWith("iso") ? "iso" : "yz");
            MdState s = copy(state);
            org.glasssoftness.core.md.integrate.VelocityInit.create(s, 300, 17);
            org.glasssoftness.core.md.protocol.MdSettings settings =
                    org.glasssoftness.core.md.protocol.MdSettings.defaults().withThermoEvery(10).withDumpEvery(10).withThreads(2);
            org.glasssoftness.core.md.export.LammpsInputExport.write(d, s, coeffs, settings,
                    List.of(org.glasssoftness.core.md.protocol.Stage.nvt("npt", 10, 300, 300, 0.1)), Double.NaN, 1, 0);
            java.nio.file.Path in = d.resolve("in.lmp");
            java.nio.file.Files.writeString(in, java.nio.file.Files.readString(in)
                    .replaceAll("(fix s1 all )nvt (temp [^\\n]*)", "$1npt $2 " + mode));
            Process p = new ProcessBuilder("lmp", "-in", "in.lmp", "-log", "log.lammps", "-screen", "none")
                    .directory(d.toFile()).redirectErrorStream(true).start();
            String outText = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), outText);
            String[] lines = java.nio.file.Files.readString(d.resolve("log.lammps")).split("\n");
            String[] row = null;
            for (int k = 0; k < lines.length; k++) {
                if (lines[k].trim().startsWith("Step") && lines[k].contains("PotEng")) { row = lines[k + 2].trim().split("\\s+"); break; }
            }
            org.glasssoftness.core.model.Frame last;
            try (org.glasssoftness.core.model.Trajectory t = org.glasssoftness.core.io.lammps.LammpsDumpReader.open(d.resolve("traj.dump"))) {
                last = t.frame(t.frameCount() - 1);
            }
            try (ForceEvaluator ev = new ForceEvaluator(coeffs, CUTOFF, 2.0, new Pppm(1e-5, CUTOFF, 5, 2), 2)) {
                boolean iso = mode.startsWith("iso");
                org.glasssoftness.core.md.integrate.NoseHooverNpt npt = new org.glasssoftness.core.md.integrate.NoseHooverNpt(
                        ev, 0.001, 300, 300, 0.1, 0, 0, 1.0, iso, new boolean[] {false, true, true});
                npt.setup(s);
                npt.run(s, 10, null, null);
                double t10 = org.glasssoftness.core.md.integrate.Thermo.temperature(s), pe10 = npt.last().pe();
                System.out.printf("npt %s: T ours %.10f lammps %s, PE ours %.10f lammps %s, lx %.10f/%s ly %.10f/%s%n", mode,
                        t10, row[1], pe10, row[2], s.box.lx(), row[14], s.box.ly(), row[15]);
                assertEquals(Double.parseDouble(row[1]), t10, 1e-7 * t10, mode + " temperature");
                assertEquals(Double.parseDouble(row[2]), pe10, 1e-7 * Math.abs(pe10), mode + " PE");
                assertEquals(Double.parseDouble(row[14]), s.box.lx(), 1e-8, mode + " lx");
                assertEquals(Double.parseDouble(row[15]), s.box.ly(), 1e-8, mode + " ly");
                double[] ours = s.unwrappedPositions(), theirs = last.unwrappedPositions();
                double maxDx = 0;
                for (int k = 0; k < ours.length; k++) maxDx = Math.max(maxDx, Math.abs(ours[k] - theirs[k]));
                System.out.printf("npt %s: max |x_ours - x_lammps| = %.3g A%n", mode, maxDx);
                assertTrue(maxDx < 1e-7, mode + ": max position difference " + maxDx);
            }
        }
    }

    /**
     * Uniaxial tension: fix npt on y and z at 0 bar plus fix deform x erate 0.05/ps (5e10 1/s) remap x in LAMMPS,
     * NoseHooverNpt(axes y z).deformX(0.05) here: 10 steps agree (positions, lx, ly, PE).
     */
    @Test
    void tensionFollowsLammpsNptPlusDeform(@TempDir Path d) throws Exception {
        Assumptions.assumeTrue(LammpsReference.available(), "lmp (Debian package lammps) not installed");
        MdState s = copy(state);
        org.glasssoftness.core.md.integrate.VelocityInit.create(s, 300, 17);
        org.glasssoftness.core.md.protocol.MdSettings settings =
                org.glasssoftness.core.md.protocol.MdSettings.defaults().withThermoEvery(10).withDumpEvery(10).withThreads(2);
        org.glasssoftness.core.md.export.LammpsInputExport.write(d, s, coeffs, settings,
                List.of(org.glasssoftness.core.md.protocol.Stage.nvt("t", 10, 300, 300, 0.1)), Double.NaN, 1, 0);
        java.nio.file.Path in = d.resolve("in.lmp");
        java.nio.file.Files.writeString(in, java.nio.file.Files.readString(in)
                .replaceAll("(fix s1 all )nvt (temp [^\\n]*)", "$1npt $2 y 0 0 1.0 z 0 0 1.0\nfix def all deform 1 x erate 0.05 remap x"));
        Process p = new ProcessBuilder("lmp", "-in", "in.lmp", "-log", "log.lammps", "-screen", "none")
                .directory(d.toFile()).redirectErrorStream(true).start();
        String outText = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), outText);
        String[] lines = java.nio.file.Files.readString(d.resolve("log.lammps")).split("\n");
        String[] row = null;
        for (int k = 0; k < lines.length; k++) {
            if (lines[k].trim().startsWith("Step") && lines[k].contains("PotEng")) { row = lines[k + 2].trim().split("\\s+"); break; }
        }
        org.glasssoftness.core.model.Frame last;
        try (org.glasssoftness.core.model.Trajectory t = org.glasssoftness.core.io.lammps.LammpsDumpReader.open(d.resolve("traj.dump"))) {
            last = t.frame(t.frameCount() - 1);
        }
        double lx0 = s.box.lx();
        try (ForceEvaluator ev = new ForceEvaluator(coeffs, CUTOFF, 2.0, new Pppm(1e-5, CUTOFF, 5, 2), 2)) {
            org.glasssoftness.core.md.integrate.NoseHooverNpt npt = new org.glasssoftness.core.md.integrate.NoseHooverNpt(
                    ev, 0.001, 300, 300, 0.1, 0, 0, 1.0, false, new boolean[] {false, true, true}).deformX(0.05);
            npt.setup(s);
            npt.run(s, 10, null, null);
            System.out.printf("tension: lx ours %.10f lammps %s (lx0 %.6f), ly ours %.10f lammps %s, PE ours %.10f lammps %s%n",
                    s.box.lx(), row[14], lx0, s.box.ly(), row[15], npt.last().pe(), row[2]);
            assertEquals(lx0 * (1 + 0.05 * 0.010), s.box.lx(), 1e-12);
            assertEquals(Double.parseDouble(row[14]), s.box.lx(), 1e-8);
            assertEquals(Double.parseDouble(row[15]), s.box.ly(), 1e-8);
            assertEquals(Double.parseDouble(row[2]), npt.last().pe(), 1e-7 * Math.abs(npt.last().pe()));
            double[] ours = s.unwrappedPositions(), theirs = last.unwrappedPositions();
            double maxDx = 0;
            for (int k = 0; k < ours.length; k++) maxDx = Math.max(maxDx, Math.abs(ours[k] - theirs[k]));
            System.out.printf("tension: max |x_ours - x_lammps| = %.3g A%n", maxDx);
            assertTrue(maxDx < 1e-7, "max position difference " + maxDx);
        }
    }
}
