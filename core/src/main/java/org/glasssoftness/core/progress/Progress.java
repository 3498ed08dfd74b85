package org.glasssoftness.core.progress;

/**
 * Progress reporting and cancellation for long engine work, independent of KNIME: the node adapter forwards to
 * KNIME's ExecutionMonitor, the CLI prints to the terminal. Engine loops call {@link #checkCanceled()} at least once
 * per frame (or per block of work) and report a fraction in [0, 1].
 */
public interface Progress {
    /** Reports the fraction done and what is happening now. */
    void report(double fraction, String message);

    /** True once the user asked to stop. */
    boolean isCanceled();

    /** Throws {@link CancelledException} if the user asked to stop. */
    default void checkCanceled() {
        if (isCanceled()) throw new CancelledException();
    }

    /**
     * Progress of a part of the work mapped onto [from, to] of {@code parent} (fractions clamped to [0, 1]), messages
     * prefixed with {@code prefix}; cancelled when the parent is.
     */
    static Progress range(Progress parent, double from, double to, String prefix) {
        return new Progress() {
            @Override
            public void report(double fraction, String message) {
                parent.report(from + (to - from) * Math.max(0, Math.min(1, fraction)), prefix + message);
            }

            @Override
            public boolean isCanceled() { return parent.isCanceled(); }
        };
    }

    /** A progress sink that ignores reports and is never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void report(double fraction, String message) {
        }

        @Override
        public boolean isCanceled() {
            return false;
        }
    };
}
