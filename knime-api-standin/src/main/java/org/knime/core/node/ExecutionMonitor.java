package org.knime.core.node;

import java.util.function.Supplier;

/** Stand-in: progress and cancel for a node's execution; sub-monitors map progress into a sub-range. */
public class ExecutionMonitor {
    private final NodeProgressMonitor m_progress;

    private final double m_offset;

    private final double m_scale;

    public ExecutionMonitor() {
        this(new DefaultNodeProgressMonitor());
    }

    public ExecutionMonitor(final NodeProgressMonitor progress) {
        this(progress, 0, 1);
    }

    ExecutionMonitor(final NodeProgressMonitor progress, final double offset, final double scale) {
        m_progress = progress;
        m_offset = offset;
        m_scale = scale;
    }

    public final NodeProgressMonitor getProgressMonitor() {
        return m_progress;
    }

    public void checkCanceled() throws CanceledExecutionException {
        m_progress.checkCanceled();
    }

    public void setProgress(final double progress) {
        m_progress.setProgress(m_offset + m_scale * progress);
    }

    public void setProgress(final double progress, final String message) {
        m_progress.setProgress(m_offset + m_scale * progress, message);
    }

    public void setProgress(final double progress, final Supplier<String> messageSupplier) {
        setProgress(progress, messageSupplier.get());
    }

    public void setMessage(final String message) {
        m_progress.setMessage(message);
    }

    public void setProgress(final String message) {
        m_progress.setProgress(message);
    }

    /** Progress of the sub-monitor from 0 to 1 covers the next {@code maxProg} of this one. */
    public ExecutionMonitor createSubProgress(final double maxProg) {
        double start = currentFraction();
        return new ExecutionMonitor(m_progress, start, m_scale * maxProg);
    }

    double currentFraction() {
        Double p = m_progress.getProgress();
        return p == null ? m_offset : p;
    }

    double scale() {
        return m_scale;
    }
}
