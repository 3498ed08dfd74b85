package org.glasssoftness.knime.nodes.exportlammps;

import java.io.IOException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.glasssoftness.core.md.export.LammpsInputExport;
import org.glasssoftness.core.md.protocol.MdSettings;
import org.glasssoftness.core.md.protocol.Stage;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.table.ResultTable;
import org.glasssoftness.knime.common.GlassSoftnessNodeModel;
import org.glasssoftness.knime.common.ResultTables;
import org.glasssoftness.knime.common.SettingsKeys;
import org.glasssoftness.knime.nodes.runmd.MdNodeSettings;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.knime.core.util.FileUtil;

/**
 * Writes a LAMMPS run (data.lmp, core.table, in.lmp) that reproduces what Run GPU MD would do with the same settings:
 * same start structure (last frame of the optional input, or the seeded glass builder), replication, force field,
 * k-space solver and accuracy, cutoff, FIRE minimisation, velocities and stages — for runs too large for one machine.
 * The three files appear together or not at all: they are written into a temporary folder next to them and then
 * moved into place.
 */
final class ExportLammpsNodeModel extends GlassSoftnessNodeModel {
    /** Output folder (key = the CLI {@code md --out} option). */
    static final String OUT = "out";

    /** The files written, in the output table's order. */
    static final List<String> FILES = List.of("data.lmp", "core.table", "in.lmp");

    static final PortType OPTIONAL_TRAJECTORY =
        PortTypeRegistry.getInstance().getPortType(TrajectoryPortObject.class, true);

    private final SettingsModelString m_folder = register(createFolderModel());

    private final SettingsModelBoolean m_overwrite = register(createOverwriteModel());

    private final MdNodeSettings m_md = new MdNodeSettings();

    ExportLammpsNodeModel() {
        super(new PortType[]{OPTIONAL_TRAJECTORY}, new PortType[]{BufferedDataTable.TYPE});
        m_md.models().forEach(this::register);
    }

    static SettingsModelString createFolderModel() {
        return new SettingsModelString(OUT, "");
    }

    static SettingsModelBoolean createOverwriteModel() {
        return new SettingsModelBoolean(SettingsKeys.OVERWRITE, false);
    }

    /** The output folder as a local path, checked against the overwrite setting. */
    private Path outputFolder() throws InvalidSettingsException {
        String location = m_folder.getStringValue() == null ? "" : m_folder.getStringValue().trim();
        if (location.isEmpty()) {
            throw new InvalidSettingsException("No output folder selected: choose where to write the LAMMPS input");
        }
        Path dir;
        try {
            URL url = FileUtil.toURL(location);
            dir = FileUtil.resolveToPath(url);
        } catch (InvalidPathException | IOException | java.net.URISyntaxException e) {
            throw new InvalidSettingsException("Output folder \"" + location + "\" is not a valid path or URL: "
                + e.getMessage(), e);
        }
        if (dir == null) {
            throw new InvalidSettingsException("Output folder \"" + location + "\" is not a local folder");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidSettingsException("Output folder \"" + location + "\" is a file, not a folder");
        }
        for (String name : FILES) {
            Path f = dir.resolve(name);
            if (Files.isDirectory(f)) {
                throw new InvalidSettingsException("Output folder \"" + location + "\" holds a folder named " + name
                    + " where the file " + name + " is to be written");
            }
            if (Files.exists(f) && !m_overwrite.getBooleanValue()) {
                throw new InvalidSettingsException("Output folder \"" + location + "\" already holds " + name
                    + "; tick \"Overwrite existing files\" to replace it");
            }
        }
        return dir;
    }

    @Override
    protected void checkSettings() throws InvalidSettingsException {
        m_md.check();
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        trajectorySpec(inSpecs, 0);
        checkSettings();
        outputFolder(); // the file system may change after the settings are applied, so checked here
        return new PortObjectSpec[]{ResultTables.spec(summary(null, null, 0, 0, null, null, 0))};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        checkSettings();
        Path dir = outputFolder();
        MdSettings settings = m_md.mdSettings(1); // threads do not matter for LAMMPS
        List<Stage> stages = m_md.stages(settings.dtPs());
        Frame input = null;
        if (inObjects[0] != null) {
            try (Trajectory t = trajectory(inObjects, 0).openTrajectory()) {
                if (t.frameCount() == 0) {
                    throw new InvalidSettingsException("The input trajectory has no frames: connect one with a frame"
                        + " or disconnect it to build a glass");
                }
                input = t.frame(t.frameCount() - 1);
            }
        }
        exec.setProgress(0.1, input == null ? "Building the glass" : "Preparing the start structure");
        MdNodeSettings.Start start;
        try {
            start = m_md.start(input, m_md.forceField());
        } catch (IllegalArgumentException e) {
            // unknown species, non-neutral composition, packing that does not fit: the engine's message says which
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        exec.checkCanceled();
        // Run GPU MD draws velocities at the temperature unless it keeps the start structure's own (NaN = keep)
        double temperature = start.newVelocities() ? m_md.temperature() : Double.NaN;
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir, ".lammps-export-");
        try {
            exec.setProgress(0.3, "Writing " + String.join(", ", FILES));
            LammpsInputExport.write(tmp, start.state(), start.coefficients(), settings, stages, temperature,
                m_md.seed(), start.minimizeSteps());
            exec.setProgress(0.9, "Moving the files into " + dir);
            exec.checkCanceled();
            for (String name : FILES) {
                move(tmp.resolve(name), dir.resolve(name));
            }
        } finally {
            deleteTree(tmp);
        }
        ResultTable table = summary(dir, stages, start.state().n, start.state().speciesNames.size(), settings,
            velocityText(temperature), start.minimizeSteps());
        return new PortObject[]{ResultTables.toTable(table, exec.createSubExecutionContext(0.1))};
    }

    private String velocityText(final double temperature) {
        return Double.isNaN(temperature) ? "from the start structure (data.lmp Velocities)"
            : String.format(Locale.ROOT, "created at %s K, seed %d", fmt(temperature), m_md.seed());
    }

    private static void move(final Path from, final Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(dir)) {
            all = new ArrayList<>(s.sorted(Comparator.reverseOrder()).toList());
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }

    /** The one-row output table (no rows when {@code dir} is null: the spec at configure time). */
    private static ResultTable summary(final Path dir, final List<Stage> stages, final int atoms, final int types,
        final MdSettings s, final String velocities, final int minimize) {
        boolean row = dir != null;
        int n = row ? 1 : 0;
        long steps = 0;
        StringBuilder protocol = new StringBuilder();
        if (row) {
            for (Stage st : stages) {
                steps += st.steps();
                protocol.append(protocol.length() > 0 ? "; " : "").append(describe(st));
            }
        }
        return ResultTable.builder("lammps_input")
            .strings("folder", row ? new String[]{dir.toString()} : new String[0])
            .strings("data_file", row ? new String[]{dir.resolve(FILES.get(0)).toString()} : new String[0])
            .strings("table_file", row ? new String[]{dir.resolve(FILES.get(1)).toString()} : new String[0])
            .strings("input_file", row ? new String[]{dir.resolve(FILES.get(2)).toString()} : new String[0])
            .ints("atoms", row ? new int[]{atoms} : new int[0])
            .ints("atom_types", row ? new int[]{types} : new int[0])
            .ints("minimize_steps", row ? new int[]{minimize} : new int[0])
            .strings("velocities", row ? new String[]{velocities} : new String[0])
            .ints("stages", row ? new int[]{stages.size()} : new int[0])
            .longs("steps", row ? new long[]{steps} : new long[0])
            .doubles("time_ps", row ? new double[]{steps * s.dtPs()} : new double[0])
            .doubles("time_step_ps", row ? new double[]{s.dtPs()} : new double[0])
            .strings("kspace", row ? new String[]{s.kspace()} : new String[0])
            .doubles("accuracy", row ? new double[]{s.accuracy()} : new double[0])
            .doubles("cutoff_A", row ? new double[]{s.cutoffA()} : new double[0])
            .strings("protocol", row ? new String[]{protocol.toString()} : new String[0])
            .build();
    }

    /** e.g. "quench: NPT 2700000 steps, 3000 -> 300 K, 0 -> 0 bar iso". */
    static String describe(final Stage st) {
        StringBuilder b = new StringBuilder(st.name()).append(": ").append(st.ensemble()).append(' ')
            .append(st.steps()).append(" steps");
        if (st.ensemble() != Stage.Ensemble.NVE) {
            b.append(", ").append(fmt(st.tStartK())).append(" -> ").append(fmt(st.tStopK())).append(" K");
        }
        if (st.ensemble() == Stage.Ensemble.NPT) {
            b.append(", ").append(fmt(st.pStartBar())).append(" -> ").append(fmt(st.pStopBar())).append(" bar ")
                .append(st.axes());
        } else if (st.ensemble() == Stage.Ensemble.TENSION) {
            b.append(", x at ").append(fmt(st.strainRatePerPs())).append("/ps, y z at ").append(fmt(st.pStartBar()))
                .append(" bar");
        }
        return b.toString();
    }

    private static String fmt(final double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+(?=$|e)", "");
    }
}
