package org.glasssoftness.core.md.opencl;

/** OpenCL cannot be used here (no library, no platform, no matching device, no double support); the message says why. */
public final class OpenClUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OpenClUnavailableException(String message) {
        super(message);
    }
}
