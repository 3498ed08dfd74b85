package org.glasssoftness.knime.nodes.runmd;

import java.util.Locale;
import java.util.function.LongSupplier;

import org.glasssoftness.core.progress.Progress;

/**
 * Progress of the MD stages with the speed so far: the engine's message ("stage: MD step 640") followed by the
 * simulated time per wall-clock day, e.g. "equilibrate: MD step 640, 12.3 ns/day". The speed counts the steps done
 * since this object was made (start it after minimisation, which has no simulated time).
 */
final class MdSpeedProgress implements Progress {
    private final Progress m_delegate;

    private final LongSupplier m_step;

    private final double m_dtPs;

    private final long m_step0;

    private final long m_t0Nanos;

    /**
     * @param delegate where reports go
     * @param step the current MD step of the state
     * @param dtPs the time step in ps
     */
    MdSpeedProgress(final Progress delegate, final LongSupplier step, final double dtPs) {
        m_delegate = delegate;
        m_step = step;
        m_dtPs = dtPs;
        m_step0 = step.getAsLong();
        m_t0Nanos = System.nanoTime();
    }

    /** Simulated ns per wall-clock day for {@code steps} steps of {@code dtPs} ps in {@code seconds}. */
    static double nsPerDay(final long steps, final double dtPs, final double seconds) {
        return steps * dtPs * 1e-3 / seconds * 86400;
    }

    @Override
    public void report(final double fraction, final String message) {
        long steps = m_step.getAsLong() - m_step0;
        double seconds = (System.nanoTime() - m_t0Nanos) / 1e9;
        String speed = steps > 0 && seconds > 0 ? String.format(Locale.ROOT, ", %.3g ns/day", nsPerDay(steps, m_dtPs, seconds)) : "";
        m_delegate.report(fraction, message + speed);
    }

    @Override
    public boolean isCanceled() {
        return m_delegate.isCanceled();
    }
}
