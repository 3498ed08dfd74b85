package org.knime.core.node;

/** Stand-in: thrown when the user cancelled a node's execution. */
@SuppressWarnings("serial")
public class CanceledExecutionException extends Exception {
    public CanceledExecutionException() {
        super("Execution canceled");
    }

    public CanceledExecutionException(final String s) {
        super(s);
    }
}
