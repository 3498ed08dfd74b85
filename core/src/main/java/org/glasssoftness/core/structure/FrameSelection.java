package org.glasssoftness.core.structure;

/**
 * Which frames of a trajectory an analysis uses: first .. last inclusive (0-based; last = -1 means the last frame)
 * every {@code stride}-th.
 */
public record FrameSelection(int first, int last, int stride) {
    public FrameSelection {
        if (first < 0) throw new IllegalArgumentException("first frame must be >= 0, got " + first);
        if (last < -1) throw new IllegalArgumentException("last frame must be >= 0 or -1 (= the last), got " + last);
        if (stride < 1) throw new IllegalArgumentException("frame stride must be >= 1, got " + stride);
        if (last >= 0 && last < first) {
            throw new IllegalArgumentException("last frame " + last + " comes before first frame " + first);
        }
    }

    /** Every frame. */
    public static FrameSelection all() { return new FrameSelection(0, -1, 1); }

    /**
     * The selected 0-based frame indices of a trajectory with {@code frameCount} frames.
     *
     * @throws IllegalArgumentException if nothing is selected
     */
    public int[] indices(int frameCount) {
        int end = last < 0 ? frameCount - 1 : Math.min(last, frameCount - 1);
        if (frameCount <= 0 || first > end) {
            throw new IllegalArgumentException("empty frame selection: first=" + first + " last=" + last + " stride="
                    + stride + " of a trajectory with " + frameCount + " frame(s)");
        }
        int n = (end - first) / stride + 1;
        int[] k = new int[n];
        for (int i = 0; i < n; i++) k[i] = first + i * stride;
        return k;
    }
}
