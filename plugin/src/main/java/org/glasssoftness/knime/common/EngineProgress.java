package org.glasssoftness.knime.common;

import org.glasssoftness.core.progress.Progress;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Forwards the engine's progress reports to KNIME's ExecutionMonitor and KNIME's cancel button to the engine. The
 * engine then throws its CancelledException, which {@link GlassSoftnessNodeModel#runEngine} turns into KNIME's
 * CanceledExecutionException.
 */
public final class EngineProgress implements Progress {
    private final ExecutionMonitor m_exec;

    public EngineProgress(final ExecutionMonitor exec) {
        m_exec = exec;
    }

    @Override
    public void report(final double fraction, final String message) {
        m_exec.setProgress(Math.max(0, Math.min(1, fraction)), message);
    }

    @Override
    public boolean isCanceled() {
        try {
            m_exec.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) {
            return true;
        }
    }
}
