package org.glasssoftness.knime.nodes.readdump;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.io.lammps.LammpsDumpReader;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TrajectoryInfo;
import org.glasssoftness.core.model.TypeMap;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.io.TrajectoryTables;
import org.glasssoftness.knime.common.GlassSoftnessNodeModel;
import org.glasssoftness.knime.common.ResultTables;
import org.glasssoftness.knime.common.SettingsKeys;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.glasssoftness.knime.port.TrajectoryPortObjectSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.util.FileUtil;

/**
 * Reads a LAMMPS text dump (optionally .gz) into a trajectory port and a table of the first selected frame's atoms.
 * Frames are selected by first, last (inclusive, -1 = last) and stride; species come from the type map or from an
 * element column.
 */
final class ReadDumpNodeModel extends GlassSoftnessNodeModel {
    private final SettingsModelString m_file = register(createFileModel());

    private final SettingsModelString m_typeMap = register(createTypeMapModel());

    private final SettingsModelIntegerBounded m_first = register(createFirstFrameModel());

    private final SettingsModelIntegerBounded m_last = register(createLastFrameModel());

    private final SettingsModelIntegerBounded m_stride = register(createStrideModel());

    ReadDumpNodeModel() {
        super(new PortType[0], new PortType[]{TrajectoryPortObject.TYPE, BufferedDataTable.TYPE});
    }

    static SettingsModelString createFileModel() {
        return new SettingsModelString(SettingsKeys.INPUT, "");
    }

    static SettingsModelString createTypeMapModel() {
        return new SettingsModelString(SettingsKeys.TYPE_MAP, "");
    }

    @Override
    protected void checkSettings() throws InvalidSettingsException {
        options();
    }

    /** The reader options from the current setting values, or an error naming the bad setting. */
    private DumpReadOptions options() throws InvalidSettingsException {
        TypeMap typeMap;
        try {
            typeMap = TypeMap.parse(m_typeMap.getStringValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Type map: " + e.getMessage(), e);
        }
        try {
            return new DumpReadOptions(typeMap, m_first.getIntValue(), m_last.getIntValue(), m_stride.getIntValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Frame range: " + e.getMessage(), e);
        }
    }

    /**
     * The dump file as a local path: a path, a file: URL or a knime:// URL, resolved the way KNIME resolves URLs.
     * The reader needs random access, so URLs that are not backed by a local file are refused.
     */
    private Path dumpFile() throws InvalidSettingsException {
        String location = m_file.getStringValue() == null ? "" : m_file.getStringValue().trim();
        if (location.isEmpty()) {
            throw new InvalidSettingsException("No dump file selected: choose a LAMMPS dump file in the dialog");
        }
        Path path;
        try {
            URL url = FileUtil.toURL(location);
            path = FileUtil.resolveToPath(url);
        } catch (InvalidPathException | java.io.IOException | java.net.URISyntaxException e) {
            throw new InvalidSettingsException("Dump file \"" + location + "\" is not a valid path or URL: "
                + e.getMessage(), e);
        }
        if (path == null) {
            throw new InvalidSettingsException("Dump file \"" + location
                + "\" is not a local file; copy it to a local or workflow-relative location first");
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidSettingsException("Dump file \"" + location + "\" does not exist"
                + (location.equals(path.toString()) ? "" : " (resolved to " + path + ")"));
        }
        return path;
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        checkSettings();
        Path file = dumpFile();
        DumpReadOptions all = options();
        // The trajectory spec (species, counts, atoms, properties, image flags, velocities) and the atoms table's
        // columns follow from the first selected frame alone, which is cheap to read (the reader stops after the
        // last requested frame). Only the frame count needs a pass over the whole file: unknown until execute.
        DumpReadOptions firstOnly =
            new DumpReadOptions(all.typeMap(), all.firstFrame(), all.firstFrame(), 1);
        try (Trajectory t = LammpsDumpReader.open(file, firstOnly, Progress.NONE)) {
            if (t.frameCount() == 0) {
                throw new InvalidSettingsException("Dump file " + file + " has no frame " + all.firstFrame()
                    + " (first frame setting)");
            }
            Frame first = t.frame(0);
            TrajectoryInfo info = TrajectoryInfo.of(first, TrajectoryPortObjectSpec.UNKNOWN_FRAME_COUNT);
            return new PortObjectSpec[]{new TrajectoryPortObjectSpec(info),
                ResultTables.spec(TrajectoryTables.atoms(first))};
        } catch (java.io.IOException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        DumpReadOptions options = options();
        Path file = dumpFile();
        exec.setMessage("Reading " + file.getFileName());
        try (Trajectory read = runEngine(exec.createSubProgress(0.5), p -> LammpsDumpReader.open(file, options, p))) {
            if (read.frameCount() == 0) {
                throw new InvalidSettingsException("No frame of " + file + " lies in the selected range (first "
                    + options.firstFrame() + ", last " + options.lastFrame() + ", stride " + options.stride() + ")");
            }
            TrajectoryPortObject port =
                keep(runEngine(exec.createSubProgress(0.4), p -> TrajectoryPortObject.create(read, p)));
            BufferedDataTable atoms;
            try (Trajectory stored = port.openTrajectory()) {
                atoms = ResultTables.toTable(TrajectoryTables.atoms(stored.frame(0)), exec.createSubExecutionContext(0.1));
            }
            return new PortObject[]{port, atoms};
        }
    }
}
