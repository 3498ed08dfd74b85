package org.glasssoftness.core.md.export;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.glasssoftness.core.io.AtomicFiles;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.forcefield.Buckingham;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.protocol.MdSettings;
import org.glasssoftness.core.md.protocol.Stage;

/**
 * Writes a LAMMPS run that reproduces an MD setup of this engine (for runs too large for one machine): data.lmp
 * (atom_style charge), core.table (the short-range cores as core minus Buckingham below r0, zero beyond), and in.lmp
 * with {@code pair_style hybrid/overlay buck/coul/long rc table spline N}, the same k-space solver and accuracy,
 * neighbour skin, time step, optional FIRE minimisation, seeded velocities (or, with temperature NaN, the state's own
 * velocities from the data file) and one fix nve/nvt/npt per stage.
 * LAMMPS' random numbers differ from ours, so runs agree in distribution, not atom by atom.
 */
public final class LammpsInputExport {
    /** Points of each core table (spline interpolation: errors far below the k-space accuracy). */
    public static final int TABLE_POINTS = 10000;

    private LammpsInputExport() { }

    public static void write(Path dir, MdState s, PairCoefficients[][] coeffs, MdSettings settings, List<Stage> stages,
                             double temperature, long seed, int minimizeSteps) throws IOException {
        Files.createDirectories(dir);
        text(dir.resolve("data.lmp"), data(s));
        StringBuilder table = new StringBuilder("# Deng-Du short-range cores: U_core(r) - U_Buckingham(r) for r <= r0\n");
        StringBuilder pair = new StringBuilder();
        pair.append(String.format(Locale.ROOT, "pair_style hybrid/overlay buck/coul/long %.10g table spline %d%n",
                settings.cutoffA(), TABLE_POINTS));
        int ns = coeffs.length;
        for (int a = 0; a < ns; a++) {
            for (int b = a; b < ns; b++) {
                PairCoefficients p = coeffs[a][b];
                boolean sr = p.hasShortRange();
                pair.append(String.format(Locale.ROOT, "pair_coeff %d %d buck/coul/long %.17g %.17g %.17g  # %s-%s%n",
                        a + 1, b + 1, sr ? p.a() : 0.0, sr ? p.rho() : 1.0, sr ? p.c() : 0.0, p.speciesA(), p.speciesB()));
                if (p.core() == null) continue;
                String key = "CORE_" + p.speciesA() + "_" + p.speciesB();
                double lo = 0.5, hi = p.core().r0();
                table.append(String.format(Locale.ROOT, "%n%s%nN %d R %.17g %.17g%n%n", key, TABLE_POINTS, lo, hi));
                for (int k = 0; k < TABLE_POINTS; k++) {
                    double r = lo + (hi - lo) * k / (TABLE_POINTS - 1);
                    double e = p.energy(r) - Buckingham.energy(p.a(), p.rho(), p.c(), r);
                    double f = p.forceOverR(r) * r + Buckingham.derivative(p.a(), p.rho(), p.c(), r, 1);
                    table.append(String.format(Locale.ROOT, "%d %.17g %.17g %.17g%n", k + 1, r, e, f));
                }
                pair.append(String.format(Locale.ROOT, "pair_coeff %d %d table core.table %s %.17g%n", a + 1, b + 1, key, hi));
            }
        }
        text(dir.resolve("core.table"), table.toString());
        StringBuilder in = new StringBuilder();
        in.append("# written by glass-softness: same force field, settings and stages as the Java MD engine\n");
        in.append("units metal\natom_style charge\nboundary p p p\nread_data data.lmp\n");
        in.append(pair);
        in.append("pair_modify table 0\n");
        in.append(String.format(Locale.ROOT, "kspace_style %s %.10g%n", settings.kspace(), settings.accuracy()));
        in.append(String.format(Locale.ROOT, "neighbor %.10g bin%nneigh_modify every 1 delay 0 check yes%n", settings.skinA()));
        in.append(String.format(Locale.ROOT, "timestep %.10g%n", settings.dtPs()));
        in.append("thermo_style custom step temp pe ke etotal press pxx pyy pzz pxy pxz pyz vol density lx ly lz\n");
        in.append("thermo_modify format float %.10g\n");
        in.append(String.format(Locale.ROOT, "thermo %d%n", settings.thermoEvery()));
        if (settings.dumpEvery() > 0) {
            in.append(String.format(Locale.ROOT, "dump traj all custom %d traj.dump id type element x y z ix iy iz vx vy vz%n",
                    settings.dumpEvery()));
            StringBuilder el = new StringBuilder();
            for (String sp : s.speciesNames) el.append(' ').append(sp);
            in.append("dump_modify traj sort id format float %.17g element").append(el).append('\n');
        }
        if (minimizeSteps > 0) {
            in.append(String.format(Locale.ROOT, "min_style fire%nminimize 0 0.05 %d %d%nreset_timestep 0%n",
                    minimizeSteps, 10 * minimizeSteps));
        }
        long lammpsSeed = 1 + Math.floorMod(seed, 900_000_000L);
        if (!Double.isNaN(temperature)) {
            in.append(String.format(Locale.ROOT, "velocity all create %.10g %d dist gaussian mom yes%n", temperature, lammpsSeed));
        }
        int k = 0;
        for (Stage st : stages) {
            k++;
            in.append("# stage ").append(st.name()).append('\n');
            if (st.ensemble() == Stage.Ensemble.NVE) {
                in.append(String.format(Locale.ROOT, "fix s%d all nve%n", k));
            } else if (st.ensemble() == Stage.Ensemble.TENSION) {
                in.append(String.format(Locale.ROOT, "fix s%d all npt temp %.10g %.10g %.10g y %.10g %.10g %.10g z %.10g %.10g %.10g%n",
                        k, st.tStartK(), st.tStopK(), st.tDampPs(), st.pStartBar(), st.pStopBar(), st.pDampPs(),
                        st.pStartBar(), st.pStopBar(), st.pDampPs()));
                in.append(String.format(Locale.ROOT, "fix d%d all deform 1 x erate %.10g remap x%n", k, st.strainRatePerPs()));
                in.append(String.format(Locale.ROOT, "run %d%nunfix d%d%nunfix s%d%n", st.steps(), k, k));
                continue;
            } else if (st.ensemble() == Stage.Ensemble.NPT) {
                StringBuilder baro = new StringBuilder();
                if (st.axes().equals("iso")) {
                    baro.append(String.format(Locale.ROOT, " iso %.10g %.10g %.10g", st.pStartBar(), st.pStopBar(), st.pDampPs()));
                } else {
                    for (char ax : st.axes().toCharArray()) {
                        baro.append(String.format(Locale.ROOT, " %c %.10g %.10g %.10g", ax, st.pStartBar(), st.pStopBar(), st.pDampPs()));
                    }
                }
                in.append(String.format(Locale.ROOT, "fix s%d all npt temp %.10g %.10g %.10g%s%n", k, st.tStartK(), st.tStopK(),
                        st.tDampPs(), baro));
            } else {
                in.append(String.format(Locale.ROOT, "fix s%d all nvt temp %.10g %.10g %.10g%n", k, st.tStartK(), st.tStopK(),
                        st.tDampPs()));
            }
            in.append(String.format(Locale.ROOT, "run %d%nunfix s%d%n", st.steps(), k));
        }
        if (stages.isEmpty()) in.append("run 0\n");
        text(dir.resolve("in.lmp"), in.toString());
    }

    /** LAMMPS data file of the state (atom_style charge; masses commented with species). */
    public static String data(MdState s) {
        StringBuilder d = new StringBuilder("LAMMPS data file written by glass-softness\n\n");
        d.append(s.n).append(" atoms\n").append(s.speciesNames.size()).append(" atom types\n\n");
        d.append(String.format(Locale.ROOT, "%.17g %.17g xlo xhi%n%.17g %.17g ylo yhi%n%.17g %.17g zlo zhi%n",
                s.box.xlo(), s.box.xhi(), s.box.ylo(), s.box.yhi(), s.box.zlo(), s.box.zhi()));
        if (s.box.isTriclinic()) {
            d.append(String.format(Locale.ROOT, "%.17g %.17g %.17g xy xz yz%n", s.box.xy(), s.box.xz(), s.box.yz()));
        }
        d.append("\nMasses\n\n");
        double[] m = new double[s.speciesNames.size()];
        for (int i = 0; i < s.n; i++) m[s.species[i]] = s.mass[i];
        for (int t = 0; t < m.length; t++) {
            d.append(String.format(Locale.ROOT, "%d %.10g # %s%n", t + 1, m[t], s.speciesNames.get(t)));
        }
        d.append("\nAtoms # charge\n\n");
        for (int i = 0; i < s.n; i++) {
            d.append(String.format(Locale.ROOT, "%d %d %.17g %.17g %.17g %.17g %d %d %d%n", s.ids[i], s.species[i] + 1,
                    s.charge[i], s.x[3 * i], s.x[3 * i + 1], s.x[3 * i + 2],
                    s.image[3 * i], s.image[3 * i + 1], s.image[3 * i + 2]));
        }
        boolean hasV = false;
        for (double v : s.v) if (v != 0) { hasV = true; break; }
        if (hasV) {
            d.append("\nVelocities\n\n");
            for (int i = 0; i < s.n; i++) {
                d.append(String.format(Locale.ROOT, "%d %.17g %.17g %.17g%n", s.ids[i], s.v[3 * i], s.v[3 * i + 1], s.v[3 * i + 2]));
            }
        }
        return d.toString();
    }

    private static void text(Path p, String content) throws IOException {
        AtomicFiles.write(p, os -> {
            Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            w.write(content);
            w.flush();
        });
    }
}
