package org.glasssoftness.knime.nodes.writedump;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.glasssoftness.core.io.lammps.LammpsDumpWriter;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.knime.common.GlassSoftnessNodeModel;
import org.glasssoftness.knime.common.SettingsKeys;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.util.FileUtil;

/** Writes the input trajectory as a LAMMPS text dump (atomically: temp file, then rename). */
final class WriteDumpNodeModel extends GlassSoftnessNodeModel {
    private final SettingsModelString m_file = register(createFileModel());

    private final SettingsModelBoolean m_overwrite = register(createOverwriteModel());

    WriteDumpNodeModel() {
        super(new PortType[]{TrajectoryPortObject.TYPE}, new PortType[0]);
    }

    static SettingsModelString createFileModel() {
        return new SettingsModelString(SettingsKeys.OUTPUT, "");
    }

    static SettingsModelBoolean createOverwriteModel() {
        return new SettingsModelBoolean(SettingsKeys.OVERWRITE, false);
    }

    /** The output file as a local path, checked against the overwrite setting. */
    private Path outputFile() throws InvalidSettingsException {
        String location = m_file.getStringValue() == null ? "" : m_file.getStringValue().trim();
        if (location.isEmpty()) {
            throw new InvalidSettingsException("No output file selected: choose where to write the dump");
        }
        Path path;
        try {
            URL url = FileUtil.toURL(location);
            path = FileUtil.resolveToPath(url);
        } catch (InvalidPathException | java.io.IOException | java.net.URISyntaxException e) {
            throw new InvalidSettingsException("Output file \"" + location + "\" is not a valid path or URL: "
                + e.getMessage(), e);
        }
        if (path == null) {
            throw new InvalidSettingsException("Output file \"" + location + "\" is not a local file");
        }
        if (Files.isDirectory(path)) {
            throw new InvalidSettingsException("Output file \"" + location + "\" is a folder");
        }
        if (Files.exists(path) && !m_overwrite.getBooleanValue()) {
            throw new InvalidSettingsException("Output file \"" + location
                + "\" exists; tick \"Overwrite existing file\" to replace it");
        }
        return path;
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        trajectorySpec(inSpecs, 0);
        outputFile(); // the file system may have changed since the settings were applied, so checked here
        return new PortObjectSpec[0];
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        Path file = outputFile();
        TrajectoryPortObject in = trajectory(inObjects, 0);
        try (Trajectory t = in.openTrajectory()) {
            runEngine(exec, p -> {
                LammpsDumpWriter.write(file, t, p);
                return null;
            });
        }
        return new PortObject[0];
    }
}
