package org.glasssoftness.knime.nodes.rdf;

import java.util.ArrayList;
import java.util.List;

import org.glasssoftness.core.model.TrajectoryInfo;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.structure.PairDistribution;
import org.glasssoftness.core.structure.QGrid;
import org.glasssoftness.core.structure.RdfResult;
import org.glasssoftness.core.structure.ScatteringLengths;
import org.glasssoftness.knime.common.GlassSoftnessNodeModel;
import org.glasssoftness.knime.common.ResultTables;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.glasssoftness.knime.views.Curves;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Partial g(r), total g(r), neutron-weighted G(r) and D(r), running coordination numbers and Faber–Ziman S(Q) of
 * the selected frames (the engine's PairDistribution and RdfResult; settings keys are the CLI option names).
 */
final class RdfNodeModel extends GlassSoftnessNodeModel {
    static final String R_MAX = "r-max";
    static final String DR = "dr";
    static final String MULTI_IMAGE = "multi-image";
    static final String Q_MIN = "q-min";
    static final String Q_MAX = "q-max";
    static final String DQ = "dq";
    static final String LORCH = "lorch";
    static final String SCATTERING_LENGTHS = "scattering-lengths";

    private final SettingsModelIntegerBounded m_first = register(createFirstFrameModel());
    private final SettingsModelIntegerBounded m_last = register(createLastFrameModel());
    private final SettingsModelIntegerBounded m_stride = register(createStrideModel());
    private final SettingsModelDoubleBounded m_rMax = register(createRMaxModel());
    private final SettingsModelDoubleBounded m_dr = register(createDrModel());
    private final SettingsModelBoolean m_multiImage = register(createMultiImageModel());
    private final SettingsModelDoubleBounded m_qMin = register(createQMinModel());
    private final SettingsModelDoubleBounded m_qMax = register(createQMaxModel());
    private final SettingsModelDoubleBounded m_dq = register(createDqModel());
    private final SettingsModelBoolean m_lorch = register(createLorchModel());
    private final SettingsModelString m_lengths = register(createScatteringLengthsModel());

    RdfNodeModel() {
        super(new PortType[]{TrajectoryPortObject.TYPE},
            new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE});
    }

    static SettingsModelDoubleBounded createRMaxModel() {
        return new SettingsModelDoubleBounded(R_MAX, 10.0, 1e-6, 1e6);
    }

    static SettingsModelDoubleBounded createDrModel() {
        return new SettingsModelDoubleBounded(DR, 0.02, 1e-6, 1e6);
    }

    static SettingsModelBoolean createMultiImageModel() {
        return new SettingsModelBoolean(MULTI_IMAGE, false);
    }

    static SettingsModelDoubleBounded createQMinModel() {
        return new SettingsModelDoubleBounded(Q_MIN, 0.02, 0, 1e6);
    }

    static SettingsModelDoubleBounded createQMaxModel() {
        return new SettingsModelDoubleBounded(Q_MAX, 20.0, 0, 1e6);
    }

    static SettingsModelDoubleBounded createDqModel() {
        return new SettingsModelDoubleBounded(DQ, 0.02, 1e-9, 1e6);
    }

    static SettingsModelBoolean createLorchModel() {
        return new SettingsModelBoolean(LORCH, true);
    }

    static SettingsModelString createScatteringLengthsModel() {
        return new SettingsModelString(SCATTERING_LENGTHS, "");
    }

    /** Validated settings. */
    private record Config(FrameSelection frames, PairDistribution rdf, QGrid q, boolean lorch,
        ScatteringLengths lengths) {
    }

    @Override
    protected void checkSettings() throws InvalidSettingsException {
        config();
    }

    /** The current setting values, checked, or an error naming the bad setting. */
    private Config config() throws InvalidSettingsException {
        FrameSelection frames;
        try {
            frames = new FrameSelection(m_first.getIntValue(), m_last.getIntValue(), m_stride.getIntValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Frame range: " + e.getMessage(), e);
        }
        PairDistribution rdf;
        try {
            rdf = new PairDistribution(m_rMax.getDoubleValue(), m_dr.getDoubleValue(), m_multiImage.getBooleanValue(), 0);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("r range: " + e.getMessage(), e);
        }
        QGrid q;
        try {
            q = new QGrid(m_qMin.getDoubleValue(), m_qMax.getDoubleValue(), m_dq.getDoubleValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Q range: " + e.getMessage(), e);
        }
        ScatteringLengths sl;
        try {
            sl = ScatteringLengths.parse(m_lengths.getStringValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Scattering lengths: " + e.getMessage(), e);
        }
        return new Config(frames, rdf, q, m_lorch.getBooleanValue(), sl);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        Config c = config();
        TrajectoryInfo info = knownTrajectory(inSpecs, 0);
        if (info == null) {
            return new PortObjectSpec[]{null, null, null}; // columns depend on the species
        }
        try {
            RdfResult empty = PairDistribution.emptyResult(info.speciesNames());
            return ResultTables.specs(empty.rdfTable(c.lengths()),
                empty.structureFactors(c.q(), c.lorch(), c.lengths()).table(), empty.runningCoordinationTable());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Scattering lengths: " + e.getMessage(), e);
        }
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        Config c = config();
        RdfResult r = runOnTrajectory(inObjects, 0, exec.createSubProgress(0.9),
            (t, p) -> c.rdf().compute(t, c.frames(), p));
        List<String> names = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (int p = 0; p < r.pairs().pairCount(); p++) {
            names.add("g " + r.pairs().name(p));
            ys.add(r.partial(p));
        }
        names.add("g total");
        ys.add(r.total());
        setCurves(new Curves("Pair distribution functions", "r (Å)", "g(r)", r.r(), names, ys));
        return ResultTables.toTables(exec, 0.1, r.rdfTable(c.lengths()),
            r.structureFactors(c.q(), c.lorch(), c.lengths()).table(), r.runningCoordinationTable());
    }
}
