package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.internal.SerializerMethodLoader.Serializer;

/** Stand-in: what is known about a port's content before execution. */
public interface PortObjectSpec {
    /** Saves and loads a spec to and from a zip stream; registered with the port type (plugin.xml). */
    abstract static class PortObjectSpecSerializer<T extends PortObjectSpec> implements Serializer<T> {
        public abstract void savePortObjectSpec(final T portObjectSpec, final PortObjectSpecZipOutputStream out)
            throws IOException;

        public abstract T loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException;
    }

    public JComponent[] getViews();
}
