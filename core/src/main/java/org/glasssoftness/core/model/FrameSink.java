package org.glasssoftness.core.model;

import java.io.IOException;

/** Receives frames one at a time, in order (e.g. a {@code FrameStore.Writer} streaming them to disk). */
@FunctionalInterface
public interface FrameSink {
    void accept(Frame frame) throws IOException;
}
