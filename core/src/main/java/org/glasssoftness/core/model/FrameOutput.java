package org.glasssoftness.core.model;

import java.io.IOException;
import org.glasssoftness.core.progress.Progress;

/**
 * A file written one frame at a time that appears only when complete: {@link #accept} each frame, then
 * {@link #close} publishes it, while {@link #abort} discards it and leaves the target as it was. Deliberately not
 * AutoCloseable: a try-with-resources would publish a half-written file after an exception.
 */
public interface FrameOutput extends FrameSink {
    /** Finishes the file and puts it in place. */
    void close() throws IOException;

    /** Discards everything written; safe to call more than once, or after close. */
    void abort() throws IOException;

    /**
     * Streams every frame of t into out (one frame in memory at a time) with progress and cancel, then closes it; on
     * any failure or cancel out is aborted, so nothing half-written is left.
     */
    static void writeAll(Trajectory t, FrameOutput out, Progress progress) throws IOException {
        try {
            int nf = t.frameCount();
            for (int k = 0; k < nf; k++) {
                progress.checkCanceled();
                out.accept(t.frame(k));
                progress.report((k + 1) / (double) nf, "writing frame " + (k + 1) + " of " + nf);
            }
            out.close();
        } catch (IOException | RuntimeException | Error e) {
            out.abort();
            throw e;
        }
    }
}
