package org.glasssoftness.core.model;

import java.util.List;

/** Frames held in memory. */
final class InMemoryTrajectory implements Trajectory {
    private final List<Frame> frames;
    private final TrajectoryInfo info;

    InMemoryTrajectory(List<Frame> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a trajectory needs at least one frame");
        }
        this.frames = List.copyOf(frames);
        this.info = TrajectoryInfo.of(this.frames.get(0), this.frames.size());
    }

    @Override
    public int frameCount() { return frames.size(); }

    @Override
    public Frame frame(int k) { return frames.get(k); }

    @Override
    public TrajectoryInfo info() { return info; }
}
