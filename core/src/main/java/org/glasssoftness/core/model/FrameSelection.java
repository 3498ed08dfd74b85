package org.glasssoftness.core.model;

/**
 * Which frames of a trajectory are used: first .. last inclusive (0-based; last = -1 means the last frame) every
 * {@code stride}-th. The one frame-range type of the engine: the dump reader, the structure, dynamics and softness
 * analyses all select frames through it.
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

    /** True if frame {@code k} (0-based) is selected, whatever the trajectory's length. */
    public boolean selects(int k) {
        return k >= first && (last < 0 || k <= last) && (k - first) % stride == 0;
    }

    /**
     * The selected 0-based frame indices of a trajectory with {@code frameCount} frames; a last frame beyond the
     * trajectory stops at its end.
     *
     * @throws IllegalArgumentException if nothing is selected
     */
    public int[] indices(int frameCount) {
        int end = last < 0 ? frameCount - 1 : Math.min(last, frameCount - 1);
        if (frameCount <= 0 || first > end) {
            throw new IllegalArgumentException("empty frame selection: first=" + first + " last=" + last + " stride="
                    + stride + " of a trajectory with " + frameCount + " frame(s)");
        }
        return step(end);
    }

    /**
     * The selected frame indices, where first and last must both lie inside the trajectory's {@code frameCount}
     * frames (for analyses whose frames are a physical range, e.g. a deformation run).
     *
     * @throws IllegalArgumentException if the trajectory is empty or first or last lies outside it
     */
    public int[] indicesWithin(int frameCount) {
        if (frameCount <= 0) throw new IllegalArgumentException("the trajectory has no frames");
        int end = last < 0 ? frameCount - 1 : last;
        if (first >= frameCount) {
            throw new IllegalArgumentException("first frame " + first + " is outside the trajectory's frames 0.."
                    + (frameCount - 1));
        }
        if (end >= frameCount) {
            throw new IllegalArgumentException("last frame " + last + " must lie in " + first + ".." + (frameCount - 1));
        }
        return step(end);
    }

    private int[] step(int end) {
        int n = (end - first) / stride + 1;
        int[] k = new int[n];
        for (int i = 0; i < n; i++) k[i] = first + i * stride;
        return k;
    }
}
