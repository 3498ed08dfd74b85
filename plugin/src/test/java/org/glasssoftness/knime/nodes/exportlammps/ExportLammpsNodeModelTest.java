package org.glasssoftness.knime.nodes.exportlammps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.forcefield.BoronOxygenRule;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.protocol.MdSettings;
import org.glasssoftness.core.md.protocol.MdSimulation;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.knime.common.SettingsKeys;
import org.glasssoftness.knime.nodes.runmd.MdNodeSettings;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.glasssoftness.knime.testing.CancelOnProgress;
import org.glasssoftness.knime.testing.Settings;
import org.glasssoftness.knime.testing.Tables;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.StandinNodeRunner;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Export LAMMPS Input through the KNIME stand-in. The truth for the force field is LAMMPS itself: the exported
 * data.lmp + core.table + in.lmp, run for 0 steps, give the potential energy that the Java engine computes for the
 * same start structure (1e-6 relative, the criterion for PPPM at 1e-5).
 */
class ExportLammpsNodeModelTest {
    @TempDir
    Path dir;

    private static Map<String, Double> libp() {
        Map<String, Double> comp = new LinkedHashMap<>();
        comp.put("Li2O", 40.0);
        comp.put("B2O3", 30.0);
        comp.put("P2O5", 30.0);
        return comp;
    }

    /** Random packing of 40Li2O-30B2O3-30P2O5 at 2.4 g/cm^3 (800 atoms: box edge 20.6 Å). */
    private static Frame glass(final int atoms, final long seed) {
        return GlassBuilder.randomPacking(GlassBuilder.atomCounts(libp(), atoms, ForceField.dengDuLiBP()), 2.4, 1.7,
            seed);
    }

    private ExportLammpsNodeModel model(final Path out, final Map<String, Object> changes) throws InvalidSettingsException {
        ExportLammpsNodeModel m = new ExportLammpsNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(m);
        s.addString(ExportLammpsNodeModel.OUT, out.toString());
        for (Map.Entry<String, Object> e : changes.entrySet()) {
            if (e.getValue() instanceof Integer) {
                s.addInt(e.getKey(), (Integer)e.getValue());
            } else if (e.getValue() instanceof Boolean) {
                s.addBoolean(e.getKey(), (Boolean)e.getValue());
            } else {
                s.addString(e.getKey(), (String)e.getValue());
            }
        }
        Settings.apply(m, s);
        return m;
    }

    /** The Java engine's potential energy (PPPM 1e-5) of a state, coefficients from its own composition. */
    private static double enginePe(final MdState s, final double cutoff) {
        ForceField ff = ForceField.dengDuLiBP();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < s.n; i++) counts.merge(s.speciesNames.get(s.species[i]), 1, Integer::sum);
        PairCoefficients[][] coeffs = ff.resolve(s.speciesNames, ff.oxideMolesFromCounts(counts),
            BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA);
        try (MdSimulation sim = new MdSimulation(s, coeffs, new MdSettings(cutoff, 2.0, "pppm", 1e-5, 0.001, 1, 0, 1))) {
            return sim.forces().compute(s).pe();
        }
    }

    private static boolean lammpsAvailable() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(p, "lmp"))) return true;
        }
        return false;
    }

    /**
     * Runs the exported in.lmp in {@code out} up to its first minimisation or stage, replaced by {@code run 0}, and
     * returns LAMMPS' potential energy at step 0.
     */
    private static double lammpsStartPe(final Path out) throws Exception {
        String in = Files.readString(out.resolve("in.lmp"));
        int cut = in.length();
        for (String marker : List.of("min_style", "# stage")) {
            int k = in.indexOf(marker);
            if (k >= 0) cut = Math.min(cut, k);
        }
        Files.writeString(out.resolve("in0.lmp"), in.substring(0, cut) + "run 0\n");
        Process p = new ProcessBuilder("lmp", "-in", "in0.lmp", "-log", "log0.lammps", "-screen", "none")
            .directory(out.toFile()).redirectErrorStream(true).redirectOutput(out.resolve("lmp.out").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "LAMMPS finished");
        String log = Files.readString(out.resolve("log0.lammps"));
        assertEquals(0, p.exitValue(), log);
        String[] lines = log.split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            String[] head = lines[i].trim().split("\\s+");
            if (head.length > 2 && head[0].equals("Step") && head[2].equals("PotEng")) {
                return Double.parseDouble(lines[i + 1].trim().split("\\s+")[2]);
            }
        }
        throw new AssertionError("no thermo line in the LAMMPS log:\n" + log);
    }

    @Test
    void inputTrajectoryIsExportedAndLammpsReproducesTheEngineEnergy() throws Exception {
        Assumptions.assumeTrue(lammpsAvailable(), "lmp (Debian package lammps) not installed");
        Frame f = glass(800, 7);
        TrajectoryPortObject in = TrajectoryPortObject.create(Trajectory.of(List.of(f)), Progress.NONE);
        Path out = dir.resolve("lammps/run1"); // not there yet: created
        ExportLammpsNodeModel m = model(out, Map.of(MdNodeSettings.STAGES, "hot:nvt:20:3000,cool:npt:30:3000:300:0:0"));
        StandinNodeRunner.configure(m, in.getSpec());
        PortObject[] result = StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor(), in);
        BufferedDataTable t = (BufferedDataTable)result[0];
        assertEquals(1, t.size());
        for (String name : ExportLammpsNodeModel.FILES) {
            assertTrue(Files.isRegularFile(out.resolve(name)), name);
        }
        assertArrayEquals(new String[]{out.resolve("in.lmp").toString()}, Tables.strings(t, "input_file"));
        assertArrayEquals(new int[]{f.atomCount()}, Tables.ints(t, "atoms"));
        assertArrayEquals(new int[]{0}, Tables.ints(t, "minimize_steps"), "-1 means none for an input trajectory");
        assertArrayEquals(new long[]{50}, Tables.longs(t, "steps"));
        assertEquals(0.05, Tables.doubles(t, "time_ps")[0], 1e-15);
        assertEquals("hot: NVT 20 steps, 3000 -> 3000 K; cool: NPT 30 steps, 3000 -> 300 K, 0 -> 0 bar iso",
            Tables.strings(t, "protocol")[0]);
        assertEquals("created at 300 K, seed 1", Tables.strings(t, "velocities")[0]);
        String script = Files.readString(out.resolve("in.lmp"));
        assertHas(script, "velocity all create 300\\.?0* 2 dist gaussian"); // LAMMPS seed = 1 + seed
        assertHas(script, "fix s2 all npt temp 3000\\.?0* 300\\.?0* 0\\.10* iso 0\\.?0* 0\\.?0* 1\\.?0*\nrun 30\n");
        assertFalse(script.contains("minimize"), script);
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(3, s.count(), "only the three files, no temporary folder");
        }

        double lammps = lammpsStartPe(out);
        double ours = enginePe(MdState.fromFrame(f, ForceField.dengDuLiBP()), 10.0);
        System.out.printf("export (input trajectory): PE engine %.8f eV, LAMMPS %.8f eV, rel %.2g%n", ours, lammps,
            Math.abs(ours - lammps) / Math.abs(ours));
        assertEquals(ours, lammps, 1e-6 * Math.abs(ours), "LAMMPS start energy vs the engine's");
    }

    /** Glass builder, replication x2, FIRE and the tensile preset; the replicated start energy matches LAMMPS. */
    @Test
    void builtGlassIsReplicatedAndLammpsReproducesItsEnergy() throws Exception {
        Assumptions.assumeTrue(lammpsAvailable(), "lmp (Debian package lammps) not installed");
        Path out = dir.resolve("tensile");
        ExportLammpsNodeModel m = model(out, Map.of(MdNodeSettings.ATOMS, 500, MdNodeSettings.SEED, 11,
            MdNodeSettings.REPLICATE_X, 2, MdNodeSettings.STAGES, "tensile", MdNodeSettings.DUMP_EVERY, 20,
            MdNodeSettings.CUTOFF, "8")); // 500 atoms: box edge 17.6 Å, more than twice the cutoff
        StandinNodeRunner.configure(m, (PortObjectSpec)null);
        BufferedDataTable t =
            (BufferedDataTable)StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor(), (PortObject)null)[0];
        Frame built = glass(500, 11);
        MdState replicated = MdState.fromFrame(built, ForceField.dengDuLiBP()).replicateX(2);
        assertArrayEquals(new int[]{2 * built.atomCount()}, Tables.ints(t, "atoms"));
        assertArrayEquals(new int[]{500}, Tables.ints(t, "minimize_steps"), "-1 means 500 for a built glass");
        assertArrayEquals(new long[]{100_000 + 20_000}, Tables.longs(t, "steps"));
        assertTrue(Tables.strings(t, "protocol")[0].endsWith("tension: TENSION 20000 steps, 300 -> 300 K, x at 0.05/ps, y z at 0 bar"),
            Tables.strings(t, "protocol")[0]);
        String script = Files.readString(out.resolve("in.lmp"));
        assertTrue(script.contains("min_style fire\nminimize 0 0.05 500 5000\n"), script);
        assertHas(script, "fix d2 all deform 1 x erate 0\\.050* remap x");
        assertTrue(script.contains("dump traj all custom 20 traj.dump"), script);
        assertTrue(Files.readString(out.resolve("data.lmp")).contains(replicated.n + " atoms\n"));

        double lammps = lammpsStartPe(out);
        double ours = enginePe(replicated, 8.0);
        System.out.printf("export (built, replicated x2): PE engine %.8f eV, LAMMPS %.8f eV, rel %.2g%n", ours, lammps,
            Math.abs(ours - lammps) / Math.abs(ours));
        assertEquals(ours, lammps, 1e-6 * Math.abs(lammps), "LAMMPS start energy vs the engine's");
    }

    /** A start structure with velocities and no minimisation keeps them: written to data.lmp, no velocity create. */
    @Test
    void startVelocitiesAreKeptWhenNotMinimised() throws Exception {
        Frame g = glass(200, 3);
        double[] v = new double[3 * g.atomCount()];
        for (int i = 0; i < v.length; i++) v[i] = 0.5 * Math.sin(i + 1.0);
        Frame f = new Frame(40, g.box(), g.ids(), g.types(), g.speciesNames(), g.species(), g.positions(),
            g.positionsUnwrapped(), g.images(), v, Map.of());
        TrajectoryPortObject in = TrajectoryPortObject.create(Trajectory.of(List.of(f)), Progress.NONE);
        Path out = dir.resolve("keep");
        BufferedDataTable t = (BufferedDataTable)StandinNodeRunner.execute(model(out, Map.of(MdNodeSettings.CUTOFF,
            "5")), new DefaultNodeProgressMonitor(), in)[0];
        assertEquals("from the start structure (data.lmp Velocities)", Tables.strings(t, "velocities")[0]);
        assertFalse(Files.readString(out.resolve("in.lmp")).contains("velocity all create"));
        String data = Files.readString(out.resolve("data.lmp"));
        String first = data.substring(data.indexOf("Velocities\n\n") + 12).lines().findFirst().orElseThrow();
        String[] cols = first.trim().split("\\s+");
        assertEquals(f.ids()[0], Long.parseLong(cols[0]));
        assertEquals(v[0], Double.parseDouble(cols[1]), 0);
        assertEquals(v[2], Double.parseDouble(cols[3]), 0);
    }

    @Test
    void badSettingsAreRefusedWithAMessage() throws Exception {
        Path out = dir.resolve("bad");
        assertMessage("No output folder selected", () -> StandinNodeRunner.configure(model(Path.of(""), Map.of()),
            (PortObjectSpec)null));
        assertMessage("Stages: ", () -> StandinNodeRunner.configure(model(out, Map.of(MdNodeSettings.STAGES,
            "x:nph:10:300")), (PortObjectSpec)null));
        assertMessage("kspace must be 'pppm' or 'ewald'", () -> StandinNodeRunner.configure(model(out,
            Map.of(MdNodeSettings.KSPACE, "p3m")), (PortObjectSpec)null));
        assertMessage("Phosphate option must be a or b", () -> StandinNodeRunner.configure(model(out,
            Map.of(MdNodeSettings.PHOSPHATE, "c")), (PortObjectSpec)null));
        assertMessage("Cutoff: 'ten' is not a number", () -> StandinNodeRunner.configure(model(out,
            Map.of(MdNodeSettings.CUTOFF, "ten")), (PortObjectSpec)null));
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertMessage("is a file, not a folder", () -> StandinNodeRunner.configure(model(file, Map.of()),
            (PortObjectSpec)null));

        Path existing = Files.createDirectories(dir.resolve("existing"));
        Files.writeString(existing.resolve("in.lmp"), "keep me");
        assertMessage("already holds in.lmp", () -> StandinNodeRunner.configure(model(existing, Map.of()),
            (PortObjectSpec)null));
        assertEquals("keep me", Files.readString(existing.resolve("in.lmp")));
        ExportLammpsNodeModel overwrite = model(existing, Map.of(SettingsKeys.OVERWRITE, true, MdNodeSettings.ATOMS, 100,
            MdNodeSettings.CUTOFF, "4"));
        StandinNodeRunner.execute(overwrite, new DefaultNodeProgressMonitor(), (PortObject)null);
        assertTrue(Files.readString(existing.resolve("in.lmp")).startsWith("# written by glass-softness"));
    }

    /** Failures and cancel leave the folder without any of the files and without the temporary folder. */
    @Test
    void failedOrCancelledExportWritesNothing() throws Exception {
        Path out = Files.createDirectories(dir.resolve("nothing"));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> StandinNodeRunner.execute(model(out, Map.of(MdNodeSettings.COMPOSITION, "Na2O=20,SiO2=80")),
                new DefaultNodeProgressMonitor(), (PortObject)null));
        assertTrue(e.getMessage().contains("Na"), e.getMessage());
        assertEmpty(out);
        assertThrows(CanceledExecutionException.class, () -> StandinNodeRunner.execute(model(out,
            Map.of(MdNodeSettings.ATOMS, 100, MdNodeSettings.CUTOFF, "4")), new CancelOnProgress(), (PortObject)null));
        assertEmpty(out);
    }

    @Test
    void dialogRoundTripKeepsEverySetting() throws Exception {
        ExportLammpsNodeModel m = model(dir.resolve("d"), Map.of(MdNodeSettings.STAGES, "melt-quench",
            MdNodeSettings.REPLICATE_X, 2, SettingsKeys.OVERWRITE, true, MdNodeSettings.ACCURACY, "1e-6"));
        ExportLammpsNodeFactory factory = new ExportLammpsNodeFactory();
        assertTrue(StandinNodeRunner.hasDialog(factory));
        NodeDialogPane dialog = StandinNodeRunner.createDialog(factory);
        StandinNodeRunner.loadDialog(dialog, Settings.of(m), new PortObjectSpec[]{null});
        NodeSettings fromDialog = StandinNodeRunner.saveDialog(dialog);
        ExportLammpsNodeModel fresh = factory.createNodeModel();
        Settings.apply(fresh, fromDialog);
        assertEquals(xml(Settings.of(m)), xml(Settings.of(fresh)));
        assertEquals(ExportLammpsNodeModel.OUT, StandinNodeRunner.flowVariableModels(dialog).get(0).getKeys()[0]);
    }

    private static String xml(final NodeSettings s) throws java.io.IOException {
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        s.saveToXML(bos);
        return bos.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void assertHas(final String text, final String regex) {
        assertTrue(java.util.regex.Pattern.compile(regex).matcher(text).find(), "/" + regex + "/ in:\n" + text);
    }

    private static void assertEmpty(final Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            assertEquals(List.of(), s.toList());
        }
    }

    private static void assertMessage(final String expected, final org.junit.jupiter.api.function.Executable call) {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, call);
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
