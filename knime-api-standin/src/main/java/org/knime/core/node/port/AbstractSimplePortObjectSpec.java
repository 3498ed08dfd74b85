package org.knime.core.node.port;

import java.io.FilterInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/** Stand-in: a spec that saves itself into a ModelContent (zip entry content.xml, as in KNIME). */
public abstract class AbstractSimplePortObjectSpec implements PortObjectSpec {
    public AbstractSimplePortObjectSpec() {
    }

    protected abstract void save(final ModelContentWO model);

    protected abstract void load(final ModelContentRO model) throws InvalidSettingsException;

    /** Serializer writing class name and the spec's model content; needs a public no-arg spec constructor. */
    public abstract static class AbstractSimplePortObjectSpecSerializer<T extends AbstractSimplePortObjectSpec>
        extends PortObjectSpecSerializer<T> {
        @SuppressWarnings("unchecked")
        @Override
        public T loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException {
            ZipEntry entry = in.getNextEntry();
            if (entry == null || !"content.xml".equals(entry.getName())) {
                throw new IOException("Expected zip entry content.xml, got " + entry);
            }
            ModelContentRO model = ModelContent.loadFromXML(new FilterInputStream(in) {
                @Override
                public void close() {
                }
            });
            try {
                String className = model.getString("class_name");
                Class<? extends AbstractSimplePortObjectSpec> cl =
                    Class.forName(className).asSubclass(AbstractSimplePortObjectSpec.class);
                AbstractSimplePortObjectSpec result = cl.getDeclaredConstructor().newInstance();
                result.load(model.getModelContent("model"));
                return (T)result;
            } catch (InvalidSettingsException e) {
                throw new IOException("Unable to load spec: " + e.getMessage(), e);
            } catch (ReflectiveOperationException e) {
                throw new RuntimeException("Failed to instantiate spec (no-arg constructor): " + e.getMessage(), e);
            }
        }

        @Override
        public void savePortObjectSpec(final T portObject, final PortObjectSpecZipOutputStream out)
            throws IOException {
            ModelContent model = new ModelContent("model.xml");
            model.addInt("version", 1);
            model.addString("class_name", portObject.getClass().getName());
            portObject.save(model.addModelContent("model"));
            out.putNextEntry(new ZipEntry("content.xml"));
            model.saveToXML(out);
        }
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public boolean equals(final Object ospec) {
        if (ospec == null || ospec.getClass() != getClass()) {
            return false;
        }
        ModelContent a = new ModelContent("a");
        ModelContent b = new ModelContent("a");
        save(a);
        ((AbstractSimplePortObjectSpec)ospec).save(b);
        return a.toString().equals(b.toString()) && xml(a).equals(xml(b));
    }

    private static String xml(final ModelContent m) {
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        try {
            m.saveToXML(bos);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bos.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public int hashCode() {
        ModelContent a = new ModelContent("a");
        save(a);
        return xml(a).hashCode();
    }
}
