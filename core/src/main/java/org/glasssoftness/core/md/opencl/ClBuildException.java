package org.glasssoftness.core.md.opencl;

/** An OpenCL program did not compile on the device; the message carries the device's build log. */
public final class ClBuildException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClBuildException(String message) {
        super(message);
    }
}
