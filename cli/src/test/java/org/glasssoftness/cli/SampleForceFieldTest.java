package org.glasssoftness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.sample.SampleTrajectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled sample's generator (bench/sample/make-sample.sh) takes its force field from
 * {@code md --export-lammps-forcefield} with the options below. The truth is the hand-written force field that made the
 * bundled sample (make-sample.sh, core-table.py and pack.py as of commit fe67b23), recorded here only to prove that
 * the one-source path keeps the sample's physics: its core numbers are the "recomputed" rows of the shared potentials
 * notes (deng-du-libp.md §3.2, and §4.4 option (a) for B-O), printed to 4-5 significant digits.
 */
class SampleForceFieldTest {
    /** The md options of make-sample.sh (besides --start and --out). */
    static final List<String> SAMPLE_OPTIONS = List.of("--type-map", "1=Li,2=B,3=O,4=P", "--phosphate-option", "a",
            "--cutoff", "8", "--core-table", "linear:2000:0.2", "--export-lammps-forcefield");

    /** pair_style and pair_coeff lines of the old in.sample, verbatim. */
    static final String OLD_PAIR_LINES = """
            pair_style hybrid/overlay buck/coul/long 8.0 table linear 2000
            pair_coeff * * buck/coul/long 0.0 1.0 0.0
            pair_coeff 1 3 buck/coul/long 41051.938 0.151160 0.0
            pair_coeff 2 3 buck/coul/long 12525.0 0.171271 28.500
            pair_coeff 3 3 buck/coul/long 2029.2204 0.343645 192.58
            pair_coeff 3 4 buck/coul/long 26655.472 0.181968 86.856
            pair_coeff 2 3 table core.table BO 1.1012
            pair_coeff 3 3 table core.table OO 1.9055
            pair_coeff 3 4 table core.table PO 1.1680
            """;
    /** Old core-table.py: pair key -> A, rho, C, B, n, D, r0, and the types it applies to. */
    static final Map<String, double[]> OLD_CORES = new LinkedHashMap<>();
    static final Map<String, String> OLD_CORE_TYPES = Map.of("BO", "2 3", "OO", "3 3", "PO", "3 4");
    /** Last printed digit of B, n, D, r0 in the old table (half of it is the rounding interval). */
    static final Map<String, double[]> OLD_CORE_DIGITS = Map.of(
            "BO", new double[] {1e-4, 1e-4, 1e-4, 1e-4},
            "OO", new double[] {1e-3, 1e-3, 1e-4, 1e-4},
            "PO", new double[] {1e-3, 1e-3, 1e-3, 1e-4});
    static final double OLD_TABLE_LO = 0.2;
    static final int OLD_TABLE_N = 2000;
    /** Old pack.py: masses (g/mol) and charges (e) of types 1..4 = Li, B, O, P. */
    static final double[] OLD_MASSES = {6.941, 10.811, 15.9994, 30.973762};
    static final double[] OLD_CHARGES = {0.6, 1.8, -1.2, 3.0};

    static {
        OLD_CORES.put("BO", new double[] {12525.0, 0.171271, 28.500, 9.9878, 4.6632, -1.7726, 1.1012});
        OLD_CORES.put("PO", new double[] {26655.472, 0.181968, 86.856, 28.566, 4.636, -3.406, 1.1680});
        OLD_CORES.put("OO", new double[] {2029.2204, 0.343645, 192.58, 46.339, 3.424, -0.3275, 1.9055});
    }

    /** The generator really passes SAMPLE_OPTIONS (so this test checks what the script does). */
    @Test
    void sampleScriptUsesTheseOptions() throws IOException {
        Path script = Path.of("..", "bench", "sample", "make-sample.sh");
        Assumptions.assumeTrue(Files.exists(script), "not run from the source tree");
        String text = Files.readString(script).replace("\\\n", " ");
        String md = text.lines().filter(l -> l.contains("glass-softness\" md ")).findFirst().orElseThrow();
        String joined = String.join(" ", md.trim().split("\\s+"));
        assertTrue(joined.contains("md --start packed.data " + String.join(" ", SAMPLE_OPTIONS.subList(0, 8))), joined);
        assertTrue(joined.contains(SAMPLE_OPTIONS.get(8)), joined);
        assertTrue(text.contains("\ninclude forcefield.lmp\n"), "in.sample includes the exported force field");
        assertTrue(text.lines().map(String::trim).noneMatch(l -> l.startsWith("pair_") || l.startsWith("mass ")
                || l.startsWith("set type")) && !text.contains("core-table.py"), "no force-field commands in the script");
    }

    private static Path exportSampleForceField(Path out) throws IOException {
        List<String> args = new ArrayList<>(List.of("md", "--start", SampleTrajectory.file().toString()));
        args.addAll(SAMPLE_OPTIONS);
        args.addAll(List.of("--out", out.toString()));
        assertEquals(0, GlassSoftnessCli.commandLine().execute(args.toArray(String[]::new)));
        return out;
    }

    @Test
    void exportedForceFieldIsTheOneThatMadeTheBundledSample(@TempDir Path dir) throws IOException {
        Path out = exportSampleForceField(dir.resolve("ff"));
        List<String> lines = Files.readAllLines(out.resolve("forcefield.lmp"));
        double[] mass = new double[4], charge = new double[4];
        Map<String, double[]> buck = new TreeMap<>();
        Map<String, String[]> tables = new TreeMap<>();
        String pairStyle = null;
        for (String raw : lines) {
            String l = raw.replaceAll("#.*", "").trim();
            if (l.isEmpty()) continue;
            String[] w = l.split("\\s+");
            switch (w[0]) {
                case "mass" -> mass[Integer.parseInt(w[1]) - 1] = Double.parseDouble(w[2]);
                case "set" -> {
                    assertEquals(List.of("set", "type", "charge"), List.of(w[0], w[1], w[3]), raw);
                    charge[Integer.parseInt(w[2]) - 1] = Double.parseDouble(w[4]);
                }
                case "pair_style" -> pairStyle = l;
                case "pair_coeff" -> {
                    String key = w[1] + " " + w[2];
                    if (w[3].equals("buck/coul/long")) {
                        buck.put(key, new double[] {Double.parseDouble(w[4]), Double.parseDouble(w[5]), Double.parseDouble(w[6])});
                    } else {
                        assertEquals("table", w[3], raw);
                        assertEquals("core.table", w[4], raw);
                        tables.put(key, new String[] {w[5], w[6]});
                    }
                }
                default -> throw new AssertionError("unexpected command in forcefield.lmp: " + raw);
            }
        }
        // masses and charges: the same doubles as the old data file
        for (int t = 0; t < 4; t++) {
            assertEquals(OLD_MASSES[t], mass[t], 0.0, "mass of type " + (t + 1));
            assertEquals(OLD_CHARGES[t], charge[t], 0.0, "charge of type " + (t + 1));
        }
        // pair_style: same styles, cutoff and table interpolation
        String[] ps = pairStyle.split("\\s+");
        String[] oldPs = OLD_PAIR_LINES.lines().findFirst().orElseThrow().split("\\s+");
        assertEquals(oldPs.length, ps.length, pairStyle);
        for (int k = 0; k < ps.length; k++) {
            if (k == 3) assertEquals(Double.parseDouble(oldPs[k]), Double.parseDouble(ps[k]), 0.0, "cutoff");
            else assertEquals(oldPs[k], ps[k], pairStyle);
        }
        // Buckingham terms: every pair listed, the same doubles as the old lines (unlisted ones: 0 1 0)
        Map<String, double[]> oldBuck = new TreeMap<>();
        for (String l : OLD_PAIR_LINES.lines().toList()) {
            String[] w = l.trim().split("\\s+");
            if (w[0].equals("pair_coeff") && w[3].equals("buck/coul/long") && !w[1].equals("*")) {
                oldBuck.put(w[1] + " " + w[2], new double[] {Double.parseDouble(w[4]), Double.parseDouble(w[5]), Double.parseDouble(w[6])});
            }
        }
        assertEquals(10, buck.size(), "all i <= j pairs of 4 types");
        for (Map.Entry<String, double[]> e : buck.entrySet()) {
            double[] want = oldBuck.getOrDefault(e.getKey(), new double[] {0.0, 1.0, 0.0});
            for (int k = 0; k < 3; k++) assertEquals(want[k], e.getValue()[k], 0.0, "pair " + e.getKey() + " coefficient " + k);
        }
        // cores: the same pairs (Li-O has none), cut off at r0 equal to the old r0 to its printed precision
        assertEquals(java.util.Set.of("2 3", "3 3", "3 4"), tables.keySet());
        Map<String, List<double[]>> table = readTable(out.resolve("core.table"));
        for (Map.Entry<String, double[]> e : OLD_CORES.entrySet()) {
            double[] old = e.getValue();
            double[] digits = OLD_CORE_DIGITS.get(e.getKey());
            String[] coeff = tables.get(OLD_CORE_TYPES.get(e.getKey()));
            double r0 = Double.parseDouble(coeff[1]);
            assertEquals(old[6], r0, digits[3] / 2, e.getKey() + " r0");
            List<double[]> rows = table.get(coeff[0]);
            double[] header = rows.get(0);
            assertEquals(OLD_TABLE_N, (int) header[0], e.getKey() + " points");
            assertEquals(OLD_TABLE_LO, header[1], 0.0, e.getKey() + " inner radius");
            assertEquals(r0, header[2], 0.0, e.getKey() + " table ends at the pair cutoff r0");
            assertEquals(OLD_TABLE_N, rows.size() - 1);
            double worstE = 0, worstF = 0;
            for (int k = 1; k < rows.size(); k++) {
                double[] row = rows.get(k);
                double r = row[1];
                assertEquals(OLD_TABLE_LO + (r0 - OLD_TABLE_LO) * (k - 1) / (OLD_TABLE_N - 1), r, 1e-12, "grid");
                double[] want = oldCoreMinusBuckingham(old, r);
                double[] bound = roundingBound(old, digits, r);
                assertEquals(want[0], row[2], bound[0] + 1e-9 * Math.abs(want[0]) + 1e-12,
                        e.getKey() + " energy at r = " + r);
                assertEquals(want[1], row[3], bound[1] + 1e-9 * Math.abs(want[1]) + 1e-12,
                        e.getKey() + " force at r = " + r);
                if (Math.abs(want[0]) > 1) worstE = Math.max(worstE, bound[0] / Math.abs(want[0]));
                if (Math.abs(want[1]) > 1) worstF = Math.max(worstF, bound[1] / Math.abs(want[1]));
            }
            // not a vacuous bound: where the table is above 1 eV (eV/Å) the old printed digits leave < 1 % relative room
            System.out.printf(Locale.ROOT, "%s: r0 %.6f (old %.4f), rounding room %.2e (E) %.2e (F) relative%n", e.getKey(),
                    r0, old[6], worstE, worstF);
            assertTrue(worstE < 1e-2 && worstF < 1e-2, e.getKey() + " rel " + worstE + " " + worstF);
        }
    }

    /** A malformed --core-table, an inner radius beyond a core's r0, and types that are not 1..n in species order are
     * clear errors naming what was expected. */
    @Test
    void badCoreTableAndTypeOrderAreClearErrors(@TempDir Path dir) throws IOException {
        String sample = SampleTrajectory.file().toString();
        String[][] cases = {
            {"--type-map", "1=Li,2=B,3=O,4=P", "--core-table", "linear:2000"},
            {"--type-map", "1=Li,2=B,3=O,4=P", "--core-table", "cubic:2000:0.2"},
            {"--type-map", "1=Li,2=B,3=O,4=P", "--phosphate-option", "a", "--core-table", "linear:2000:1.5"},
            {"--type-map", "1=Li,2=B,3=O,4=O"},
        };
        String[] expected = {
            "--core-table must be style:points:inner_A (e.g. linear:2000:0.2), got 'linear:2000'",
            "core table style must be linear or spline, got 'cubic'",
            "core table inner radius 1.5 Å is not below r0 = 1.10119 Å of pair B-O",
            "has type 4 but species O is number 3 of [Li, B, O]",
        };
        for (int k = 0; k < cases.length; k++) {
            var cl = GlassSoftnessCli.commandLine();
            java.io.StringWriter err = new java.io.StringWriter();
            cl.setErr(new java.io.PrintWriter(err));
            List<String> args = new ArrayList<>(List.of("md", "--start", sample, "--export-lammps-forcefield"));
            args.addAll(List.of(cases[k]));
            args.addAll(List.of("--out", dir.resolve("x" + k).toString()));
            int rc = cl.execute(args.toArray(String[]::new));
            assertTrue(rc != 0, String.join(" ", cases[k]));
            assertTrue(err.toString().contains(expected[k]), err.toString());
            assertTrue(!Files.exists(dir.resolve("x" + k).resolve("forcefield.lmp")), "nothing written on error");
        }
    }

    /** The old core-table.py formula: (core - Buckingham, -(d core/dr - d Buckingham/dr)) at r. */
    private static double[] oldCoreMinusBuckingham(double[] p, double r) {
        double a = p[0], rho = p[1], c = p[2], b = p[3], n = p[4], d = p[5];
        double buck = a * Math.exp(-r / rho) - c / Math.pow(r, 6);
        double dbuck = -a / rho * Math.exp(-r / rho) + 6 * c / Math.pow(r, 7);
        double core = b / Math.pow(r, n) + d * r * r;
        double dcore = -n * b / Math.pow(r, n + 1) + 2 * d * r;
        return new double[] {core - buck, -(dcore - dbuck)};
    }

    /**
     * How far the core energy and force at r can move when B, n and D each move within half of their last printed
     * digit (first-order: |dU/dB| dB + |dU/dn| dn + |dU/dD| dD), times 1.5 for the second-order terms.
     */
    private static double[] roundingBound(double[] p, double[] digits, double r) {
        double b = p[3], n = p[4];
        double db = digits[0] / 2, dn = digits[1] / 2, dd = digits[2] / 2;
        double rn = Math.pow(r, -n), ln = Math.abs(Math.log(r));
        double e = rn * db + b * rn * ln * dn + r * r * dd;
        double f = n * rn / r * db + b * rn / r * Math.abs(1 - n * Math.log(r)) * dn + 2 * r * dd;
        return new double[] {1.5 * e, 1.5 * f};
    }

    /** core.table sections: key -> [ {N, lo, hi}, {k, r, e, f}, ... ]. */
    private static Map<String, List<double[]>> readTable(Path file) throws IOException {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        List<double[]> cur = null;
        for (String raw : Files.readAllLines(file)) {
            String l = raw.trim();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] w = l.split("\\s+");
            if (w.length == 1) {
                cur = new ArrayList<>();
                out.put(w[0], cur);
            } else if (w[0].equals("N")) {
                assertEquals("R", w[2], raw);
                cur.add(new double[] {Integer.parseInt(w[1]), Double.parseDouble(w[3]), Double.parseDouble(w[4])});
            } else {
                cur.add(new double[] {Double.parseDouble(w[0]), Double.parseDouble(w[1]), Double.parseDouble(w[2]), Double.parseDouble(w[3])});
            }
        }
        return out;
    }

    /**
     * LAMMPS on the ten bundled frames (rerun): the exported force field (positions-only data file as pack.py writes it,
     * forcefield.lmp included) gives the energies, pressures and forces of the old hand-written one. They agree exactly
     * where no pair is inside a core; the rounding of the old printed core numbers (the old O-O table is 1.2e-3 eV off
     * zero at r0) leaves at most a few meV where one is.
     */
    @Test
    void lammpsGivesTheOldEnergiesAndForcesOnTheBundledFrames(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(lmpAvailable(), "LAMMPS (lmp) is not installed");
        Path dump = dir.resolve("sample.dump");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(SampleTrajectory.file()))) {
            Files.copy(in, dump);
        }
        Frame f0;
        try (Trajectory t = SampleTrajectory.open()) {
            f0 = t.frame(0);
        }
        Path oldDir = Files.createDirectories(dir.resolve("old"));
        Path newDir = exportSampleForceField(dir.resolve("new"));
        Files.writeString(oldDir.resolve("data.lmp"), dataFile(f0, true));
        Files.writeString(newDir.resolve("data.lmp"), dataFile(f0, false));
        StringBuilder oldTable = new StringBuilder("# old core-table.py\n");
        for (Map.Entry<String, double[]> e : OLD_CORES.entrySet()) {
            double r0 = e.getValue()[6];
            oldTable.append(String.format(Locale.ROOT, "%n%s%nN %d R %s %s%n%n", e.getKey(), OLD_TABLE_N, OLD_TABLE_LO, r0));
            for (int i = 0; i < OLD_TABLE_N; i++) {
                double r = OLD_TABLE_LO + (r0 - OLD_TABLE_LO) * i / (OLD_TABLE_N - 1);
                double[] v = oldCoreMinusBuckingham(e.getValue(), r);
                oldTable.append(String.format(Locale.ROOT, "%d %.10f %.10e %.10e%n", i + 1, r, v[0], v[1]));
            }
        }
        Files.writeString(oldDir.resolve("core.table"), oldTable);
        String common = "kspace_style pppm 1.0e-5\nthermo_style custom step pe press\nthermo_modify format float %.15g\n"
                + "thermo 200\ndump f all custom 200 forces.dump id fx fy fz\ndump_modify f sort id format float %.17g\n"
                + "rerun ../sample.dump dump x y z ix iy iz box yes\n";
        String head = "units metal\natom_style charge\nboundary p p p\nread_data data.lmp\n";
        runLammps(oldDir, head + OLD_PAIR_LINES + common);
        runLammps(newDir, head + "include forcefield.lmp\n" + common);
        List<double[]> oldThermo = thermo(oldDir.resolve("log.lammps")), newThermo = thermo(newDir.resolve("log.lammps"));
        List<double[]> oldF = forces(oldDir.resolve("forces.dump")), newF = forces(newDir.resolve("forces.dump"));
        assertEquals(10, oldThermo.size());
        assertEquals(10, newThermo.size());
        assertEquals(10, oldF.size());
        assertEquals(10, newF.size());
        int identical = 0;
        for (int k = 0; k < 10; k++) {
            double[] o = oldThermo.get(k), n = newThermo.get(k);
            assertEquals(200.0 * k, n[0], 0.0);
            assertEquals(o[1], n[1], 5e-3, "potential energy (eV) of frame " + k);
            assertEquals(o[2], n[2], 1.0, "pressure (bar) of frame " + k);
            double worst = 0;
            for (int i = 0; i < oldF.get(k).length; i++) worst = Math.max(worst, Math.abs(oldF.get(k)[i] - newF.get(k)[i]));
            assertTrue(worst < 5e-3, "max force difference " + worst + " eV/Å in frame " + k);
            if (o[1] == n[1] && worst == 0) identical++;
        }
        assertTrue(identical >= 5, "frames with no pair inside a core agree exactly; only " + identical + " of 10 did");
    }

    private static String dataFile(Frame f, boolean oldChargesAndMasses) {
        StringBuilder d = new StringBuilder("bundled sample frame 0\n\n");
        d.append(f.atomCount()).append(" atoms\n4 atom types\n\n");
        d.append(String.format(Locale.ROOT, "%.17g %.17g xlo xhi%n%.17g %.17g ylo yhi%n%.17g %.17g zlo zhi%n%n",
                f.box().xlo(), f.box().xhi(), f.box().ylo(), f.box().yhi(), f.box().zlo(), f.box().zhi()));
        if (oldChargesAndMasses) {
            d.append("Masses\n\n");
            for (int t = 0; t < 4; t++) d.append(t + 1).append(' ').append(OLD_MASSES[t]).append('\n');
            d.append('\n');
        }
        d.append("Atoms # charge\n\n");
        double[] x = f.unwrappedPositions();
        for (int i = 0; i < f.atomCount(); i++) {
            int type = f.types()[i];
            d.append(String.format(Locale.ROOT, "%d %d %s %.17g %.17g %.17g%n", f.ids()[i], type,
                    oldChargesAndMasses ? Double.toString(OLD_CHARGES[type - 1]) : "0.0", x[3 * i], x[3 * i + 1], x[3 * i + 2]));
        }
        return d.toString();
    }

    /** Thermo rows (step, pe, press) of a log. */
    private static List<double[]> thermo(Path log) throws IOException {
        List<double[]> rows = new ArrayList<>();
        boolean in = false;
        for (String l : Files.readAllLines(log)) {
            String t = l.trim();
            if (t.startsWith("Step")) { in = true; continue; }
            if (in && t.startsWith("Loop time")) { in = false; continue; }
            if (in && !t.isEmpty()) {
                String[] w = t.split("\\s+");
                rows.add(new double[] {Double.parseDouble(w[0]), Double.parseDouble(w[1]), Double.parseDouble(w[2])});
            }
        }
        return rows;
    }

    /** Per-frame forces (3N, sorted by id) of a dump with columns id fx fy fz. */
    private static List<double[]> forces(Path dump) throws IOException {
        List<String> lines = Files.readAllLines(dump);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("ITEM: NUMBER OF ATOMS")) continue;
            int n = Integer.parseInt(lines.get(i + 1).trim());
            int start = i + 7;
            assertTrue(lines.get(start - 1).startsWith("ITEM: ATOMS id fx fy fz"), lines.get(start - 1));
            double[] fs = new double[3 * n];
            for (int k = 0; k < n; k++) {
                String[] w = lines.get(start + k).trim().split("\\s+");
                for (int d = 0; d < 3; d++) fs[3 * k + d] = Double.parseDouble(w[1 + d]);
            }
            out.add(fs);
        }
        return out;
    }

    private static boolean lmpAvailable() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(p, "lmp"))) return true;
        }
        return false;
    }

    private static void runLammps(Path dir, String script) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("in.lmp"), script, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("lmp", "-in", "in.lmp", "-log", "log.lammps", "-screen", "none")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("lmp.out").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("lmp did not finish in 120 s in " + dir);
        }
        assertEquals(0, p.exitValue(), () -> "lmp failed in " + dir + ": " + readQuietly(dir.resolve("log.lammps")));
    }

    private static String readQuietly(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
