package org.knime.core.node;

/** Stand-in: receives a node's progress and carries its cancel request. */
public interface NodeProgressMonitor {
    void checkCanceled() throws CanceledExecutionException;

    void setProgress(double progress);

    Double getProgress();

    void setProgress(double progress, String message);

    void setMessage(String message);

    void setProgress(String message);

    String getMessage();

    void setExecuteCanceled();

    void reset();
}
