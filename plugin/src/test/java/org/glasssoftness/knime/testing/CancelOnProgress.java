package org.glasssoftness.knime.testing;

import org.knime.core.node.DefaultNodeProgressMonitor;

/** A progress monitor whose user presses "cancel" as soon as the node reports any progress. */
public final class CancelOnProgress extends DefaultNodeProgressMonitor {
    @Override
    public synchronized void setProgress(final double progress, final String message) {
        super.setProgress(progress, message);
        setExecuteCanceled();
    }

    @Override
    public synchronized void setProgress(final double progress) {
        super.setProgress(progress);
        setExecuteCanceled();
    }
}
