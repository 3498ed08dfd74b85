package org.knime.core.node;

/** Stand-in: a dialog cannot be opened with the given input specs. */
@SuppressWarnings("serial")
public class NotConfigurableException extends Exception {
    public NotConfigurableException(final String message) {
        super(message);
    }

    public NotConfigurableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
