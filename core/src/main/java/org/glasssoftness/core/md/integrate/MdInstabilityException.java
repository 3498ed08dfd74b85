package org.glasssoftness.core.md.integrate;

/** The run became unstable (non-finite forces, overlapping atoms, exploding temperature); the message names the step. */
public final class MdInstabilityException extends RuntimeException {
    public MdInstabilityException(String message) {
        super(message);
    }
}
