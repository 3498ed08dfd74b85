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
import org.glasssoftness.core.md.forcefield.ForceField;
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
 *
 * <p>{@link #writeForceField} writes the force field alone (forcefield.lmp + core.table) for a LAMMPS script of one's
 * own; the bundled sample's generator (bench/sample/make-sample.sh) takes every force-field number from it. Both paths
 * build the pair lines and tables with {@link #forceField}.
 */
public final class LammpsInputExport {
    /** Points of each core table (spline interpolation: errors far below the k-space accuracy). */
    public static final int TABLE_POINTS = 10000;

    private LammpsInputExport() { }

    /**
     * How the short-range cores are tabulated for LAMMPS {@code pair_style table}: the interpolation style
     * ({@code linear} or {@code spline}), the number of points (in the file and in LAMMPS' lookup) and the inner radius
     * in Å (each table spans [innerA, r0] of its pair; LAMMPS stops with an error for a pair closer than innerA).
     */
    public record CoreTable(String style, int points, double innerA) {
        /** What {@link #write} uses: spline, {@link #TABLE_POINTS} points from 0.5 Å. */
        public static final CoreTable DEFAULT = new CoreTable("spline", TABLE_POINTS, 0.5);

        public CoreTable {
            if (!"linear".equals(style) && !"spline".equals(style)) {
                throw new IllegalArgumentException("core table style must be linear or spline, got '" + style + "'");
            }
            if (points < 2) throw new IllegalArgumentException("core table needs at least 2 points, got " + points);
            if (!(innerA > 0)) throw new IllegalArgumentException("core table inner radius must be > 0 Å, got " + innerA);
        }
    }

    /**
     * The force-field part of a LAMMPS input for LAMMPS types 1..n = species 0..n-1 of coeffs: the pair_style and
     * pair_coeff lines ({@code hybrid/overlay buck/coul/long} + {@code table}, every pair listed, cation-cation pairs
     * as A = 0, rho = 1, C = 0) and the text of core.table that they reference (core minus Buckingham on [inner, r0],
     * energies in eV and forces in eV/Å).
     */
    public record ForceFieldPart(String pairCommands, String coreTable) { }

    /** Builds the {@link ForceFieldPart} for the given coefficients, real-space cutoff (Å) and core tabulation. */
    public static ForceFieldPart forceField(PairCoefficients[][] coeffs, double cutoffA, CoreTable grid) {
        StringBuilder table = new StringBuilder("# Deng-Du short-range cores: U_core(r) - U_Buckingham(r) for r <= r0\n");
        StringBuilder pair = new StringBuilder();
        pair.append(String.format(Locale.ROOT, "pair_style hybrid/overlay buck/coul/long %.10g table %s %d%n",
                cutoffA, grid.style(), grid.points()));
        int ns = coeffs.length;
        for (int a = 0; a < ns; a++) {
            for (int b = a; b < ns; b++) {
                PairCoefficients p = coeffs[a][b];
                boolean sr = p.hasShortRange();
                pair.append(String.format(Locale.ROOT, "pair_coeff %d %d buck/coul/long %.17g %.17g %.17g  # %s-%s%n",
                        a + 1, b + 1, sr ? p.a() : 0.0, sr ? p.rho() : 1.0, sr ? p.c() : 0.0, p.speciesA(), p.speciesB()));
                if (p.core() == null) continue;
                String key = "CORE_" + p.speciesA() + "_" + p.speciesB();
                double lo = grid.innerA(), hi = p.core().r0();
                if (!(lo < hi)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "core table inner radius %s Å is not below r0 = %.5f Å of pair %s-%s", lo, hi,
                            p.speciesA(), p.speciesB()));
                }
                int np = grid.points();
                table.append(String.format(Locale.ROOT, "%n%s%nN %d R %.17g %.17g%n%n", key, np, lo, hi));
                for (int k = 0; k < np; k++) {
                    double r = lo + (hi - lo) * k / (np - 1);
                    double e = p.energy(r) - Buckingham.energy(p.a(), p.rho(), p.c(), r);
                    double f = p.forceOverR(r) * r + Buckingham.derivative(p.a(), p.rho(), p.c(), r, 1);
                    table.append(String.format(Locale.ROOT, "%d %.17g %.17g %.17g%n", k + 1, r, e, f));
                }
                pair.append(String.format(Locale.ROOT, "pair_coeff %d %d table core.table %s %.17g%n", a + 1, b + 1, key, hi));
            }
        }
        return new ForceFieldPart(pair.toString(), table.toString());
    }

    /**
     * Writes only the force field, for a LAMMPS script of one's own (the bundled sample's generator uses it):
     * forcefield.lmp, to be {@code include}d after {@code read_data}, sets each type's mass and charge and holds the
     * {@link #forceField} pair lines; core.table (which it references by that name, relative to LAMMPS' working
     * directory) holds the cores. LAMMPS type t is species t-1 of speciesOrder; k-space, neighbour and run settings
     * are left to the caller's script.
     */
    public static void writeForceField(Path dir, ForceField ff, List<String> speciesOrder, PairCoefficients[][] coeffs,
                                       double cutoffA, CoreTable grid) throws IOException {
        if (coeffs.length != speciesOrder.size()) {
            throw new IllegalArgumentException("coefficients for " + coeffs.length + " species, species order has "
                    + speciesOrder.size());
        }
        ForceFieldPart part = forceField(coeffs, cutoffA, grid);
        double[] q = ff.charges(speciesOrder), m = ff.masses(speciesOrder);
        StringBuilder in = new StringBuilder();
        in.append("# force field '").append(ff.name()).append("' written by glass-softness (md --export-lammps-forcefield);\n");
        in.append("# include after read_data (atom_style charge, units metal); needs core.table in the working directory\n");
        for (int t = 0; t < speciesOrder.size(); t++) {
            in.append(String.format(Locale.ROOT, "mass %d %.17g  # %s%n", t + 1, m[t], speciesOrder.get(t)));
        }
        for (int t = 0; t < speciesOrder.size(); t++) {
            in.append(String.format(Locale.ROOT, "set type %d charge %.17g  # %s%n", t + 1, q[t], speciesOrder.get(t)));
        }
        in.append(part.pairCommands());
        Files.createDirectories(dir);
        text(dir.resolve("core.table"), part.coreTable());
        text(dir.resolve("forcefield.lmp"), in.toString());
    }

    /** {@link #write(Path, MdState, PairCoefficients[][], MdSettings, List, double, long, int, CoreTable)} with
     * {@link CoreTable#DEFAULT}. */
    public static void write(Path dir, MdState s, PairCoefficients[][] coeffs, MdSettings settings, List<Stage> stages,
                             double temperature, long seed, int minimizeSteps) throws IOException {
        write(dir, s, coeffs, settings, stages, temperature, seed, minimizeSteps, CoreTable.DEFAULT);
    }

    public static void write(Path dir, MdState s, PairCoefficients[][] coeffs, MdSettings settings, List<Stage> stages,
                             double temperature, long seed, int minimizeSteps, CoreTable grid) throws IOException {
        Files.createDirectories(dir);
        text(dir.resolve("data.lmp"), data(s));
        ForceFieldPart ffPart = forceField(coeffs, settings.cutoffA(), grid);
        StringBuilder pair = new StringBuilder(ffPart.pairCommands());
        text(dir.resolve("core.table"), ffPart.coreTable());
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
