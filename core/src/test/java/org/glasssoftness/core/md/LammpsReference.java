package org.glasssoftness.core.md;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.forcefield.ShortRangeCore;

/**
 * Runs the Debian LAMMPS binary on a configuration with the Deng-Du model (buck/coul/long + the core as a
 * pair_style table overlay) and reads back energies, pressure tensor and per-atom forces at full precision.
 */
final class LammpsReference {
    /** thermo values and forces (3N, atom order = id order). */
    record Result(double pe, double evdwl, double ecoul, double elong, double[] pressure, double[] forces, String log) { }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("lmp", "-h").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * @param kspace LAMMPS kspace lines, e.g. "kspace_style ewald 1e-6"
     */
    static Result run(Path dir, MdState s, PairCoefficients[][] coeffs, double cutoff, String kspace)
            throws IOException, InterruptedException {
        int ns = s.speciesNames.size();
        StringBuilder data = new StringBuilder("LAMMPS data written by a glass-softness test\n\n");
        data.append(s.n).append(" atoms\n").append(ns).append(" atom types\n\n");
        data.append(String.format(Locale.ROOT, "%.17g %.17g xlo xhi\n%.17g %.17g ylo yhi\n%.17g %.17g zlo zhi\n",
                s.box.xlo(), s.box.xhi(), s.box.ylo(), s.box.yhi(), s.box.zlo(), s.box.zhi()));
        if (s.box.isTriclinic()) {
            data.append(String.format(Locale.ROOT, "%.17g %.17g %.17g xy xz yz\n", s.box.xy(), s.box.xz(), s.box.yz()));
        }
        data.append("\nMasses\n\n");
        double[] massOf = new double[ns];
        for (int i = 0; i < s.n; i++) massOf[s.species[i]] = s.mass[i];
        for (int t = 0; t < ns; t++) data.append(t + 1).append(' ').append(massOf[t]).append('\n');
        data.append("\nAtoms # charge\n\n");
        for (int i = 0; i < s.n; i++) {
            data.append(String.format(Locale.ROOT, "%d %d %.17g %.17g %.17g %.17g\n", s.ids[i], s.species[i] + 1,
                    s.charge[i], s.x[3 * i], s.x[3 * i + 1], s.x[3 * i + 2]));
        }
        Files.writeString(dir.resolve("data.lmp"), data.toString());

        StringBuilder in = new StringBuilder();
        in.append("units metal\natom_style charge\nboundary p p p\nread_data data.lmp\n");
        StringBuilder table = new StringBuilder("# core minus Buckingham below r0\n");
        List<String> tableCoeffs = new ArrayList<>();
        StringBuilder buck = new StringBuilder();
        for (int a = 0; a < ns; a++) {
            for (int b = a; b < ns; b++) {
                PairCoefficients p = coeffs[a][b];
                double A = p.hasShortRange() ? p.a() : 0, rho = p.hasShortRange() ? p.rho() : 1, C = p.hasShortRange() ? p.c() : 0;
                buck.append(String.format(Locale.ROOT, "pair_coeff %d %d buck/coul/long %.17g %.17g %.17g\n", a + 1, b + 1, A, rho, C));
                ShortRangeCore core = p.core();
                if (core != null) {
                    String key = "CORE_" + a + "_" + b;
                    int npts = 20000;
                    double rlo = 0.5, rhi = core.r0();
                    table.append('\n').append(key).append('\n');
                    table.append(String.format(Locale.ROOT, "N %d R %.17g %.17g\n\n", npts, rlo, rhi));
                    for (int k = 0; k < npts; k++) {
                        double r = rlo + (rhi - rlo) * k / (npts - 1);
                        double e = core.energy(r) - org.glasssoftness.core.md.forcefield.Buckingham.energy(p.a(), p.rho(), p.c(), r);
                        double f = (core.forceOverR(r) + org.glasssoftness.core.md.forcefield.Buckingham.derivative(p.a(), p.rho(), p.c(), r, 1) / r) * r;
                        table.append(String.format(Locale.ROOT, "%d %.17g %.17g %.17g\n", k + 1, r, e, f));
                    }
                    tableCoeffs.add(String.format(Locale.ROOT, "pair_coeff %d %d table core.table %s %.17g\n", a + 1, b + 1, key, rhi));
                }
            }
        }
        Files.writeString(dir.resolve("core.table"), table.toString());
        if (tableCoeffs.isEmpty()) {
            in.append(String.format(Locale.ROOT, "pair_style buck/coul/long %.17g\n", cutoff));
            in.append(buck.toString().replace(" buck/coul/long", ""));
        } else {
            in.append(String.format(Locale.ROOT, "pair_style hybrid/overlay buck/coul/long %.17g table spline 20000\n", cutoff));
            in.append(buck);
            for (String t : tableCoeffs) in.append(t);
        }
        in.append("pair_modify table 0\n");
        in.append(kspace).append('\n');
        in.append("neighbor 2.0 bin\n");
        in.append("thermo_style custom step pe evdwl ecoul elong pxx pyy pzz pxy pxz pyz\n");
        in.append("thermo_modify format float %.17g\n");
        in.append("dump d all custom 1 forces.dump id fx fy fz\ndump_modify d format float %.17g sort id\n");
        in.append("run 0\n");
        Files.writeString(dir.resolve("in.lmp"), in.toString());

        Process p = new ProcessBuilder("lmp", "-in", "in.lmp", "-log", "log.lammps", "-screen", "none")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            String log = Files.exists(dir.resolve("log.lammps")) ? Files.readString(dir.resolve("log.lammps")) : "";
            throw new IllegalStateException("lmp failed: " + out + "\n" + log);
        }
        String log = Files.readString(dir.resolve("log.lammps"));
        String[] lines = log.split("\n");
        double[] thermo = null;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().startsWith("Step") && lines[i].contains("PotEng")) {
                String[] f = lines[i + 1].trim().split("\\s+");
                thermo = new double[f.length];
                for (int k = 0; k < f.length; k++) thermo[k] = Double.parseDouble(f[k]);
                break;
            }
        }
        if (thermo == null) throw new IllegalStateException("no thermo line in LAMMPS log:\n" + log);
        double[] forces = new double[3 * s.n];
        List<String> dump = Files.readAllLines(dir.resolve("forces.dump"));
        int atomsAt = dump.indexOf(dump.stream().filter(l -> l.startsWith("ITEM: ATOMS")).findFirst().orElseThrow());
        for (int i = 0; i < s.n; i++) {
            String[] f = dump.get(atomsAt + 1 + i).trim().split("\\s+");
            int idx = (int) Long.parseLong(f[0]) - 1;
            forces[3 * idx] = Double.parseDouble(f[1]);
            forces[3 * idx + 1] = Double.parseDouble(f[2]);
            forces[3 * idx + 2] = Double.parseDouble(f[3]);
        }
        double[] press = {thermo[5], thermo[6], thermo[7], thermo[8], thermo[9], thermo[10]};
        return new Result(thermo[1], thermo[2], thermo[3], thermo[4], press, forces, log);
    }
}
