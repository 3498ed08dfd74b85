package org.knime.core.node;

/** Stand-in: keeps the last progress and message; {@link #setExecuteCanceled()} makes checkCanceled throw. */
public class DefaultNodeProgressMonitor implements NodeProgressMonitor {
    private volatile boolean m_canceled;

    private Double m_progress;

    private String m_message;

    public DefaultNodeProgressMonitor() {
    }

    @Override
    public synchronized void reset() {
        m_canceled = false;
        m_progress = null;
        m_message = null;
    }

    @Override
    public void checkCanceled() throws CanceledExecutionException {
        if (m_canceled) {
            throw new CanceledExecutionException();
        }
    }

    @Override
    public void setExecuteCanceled() {
        m_canceled = true;
    }

    @Override
    public synchronized void setProgress(final double progress, final String message) {
        m_progress = progress;
        m_message = message;
    }

    @Override
    public synchronized void setProgress(final double progress) {
        m_progress = progress;
    }

    @Override
    public synchronized void setMessage(final String message) {
        m_message = message;
    }

    @Override
    public synchronized void setProgress(final String message) {
        m_message = message;
    }

    @Override
    public synchronized Double getProgress() {
        return m_progress;
    }

    @Override
    public synchronized String getMessage() {
        return m_message;
    }
}
