package org.glasssoftness.core.progress;

/** Thrown by engine work that stopped because the user cancelled it. Nothing partial is returned. */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled by the user");
    }
}
