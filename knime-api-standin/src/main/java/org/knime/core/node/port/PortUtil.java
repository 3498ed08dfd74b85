package org.knime.core.node.port;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;

/** Stand-in: writes and reads port objects as KNIME does (serializers from the port type registry). */
public final class PortUtil {
    private PortUtil() {
    }

    @SuppressWarnings("unchecked")
    public static <T extends PortObjectSpec> PortObjectSpecSerializer<T> getPortObjectSpecSerializer(final Class<T> c) {
        return (PortObjectSpecSerializer<T>)PortTypeRegistry.getInstance().getSpecSerializer(c)
            .orElseThrow(() -> new RuntimeException("No serializer for spec class \"" + c.getName() + "\""));
    }

    @SuppressWarnings("unchecked")
    public static <T extends PortObject> PortObjectSerializer<T> getPortObjectSerializer(final Class<T> cl) {
        return (PortObjectSerializer<T>)PortTypeRegistry.getInstance().getObjectSerializer(cl)
            .orElseThrow(() -> new RuntimeException("No serializer for object class \"" + cl.getName() + "\""));
    }

    public static PortObjectSpecZipOutputStream getPortObjectSpecZipOutputStream(final OutputStream in)
        throws IOException {
        PortObjectSpecZipOutputStream zipOut = new PortObjectSpecZipOutputStream(in);
        zipOut.putNextEntry(new ZipEntry("portSpec.file"));
        return zipOut;
    }

    public static PortObjectZipOutputStream getPortObjectZipOutputStream(final OutputStream in) throws IOException {
        PortObjectZipOutputStream zipOut = new PortObjectZipOutputStream(in);
        zipOut.putNextEntry(new ZipEntry("portObject.file"));
        return zipOut;
    }

    public static PortObjectSpecZipInputStream getPortObjectSpecZipInputStream(final InputStream in)
        throws IOException {
        PortObjectSpecZipInputStream zipIn = new PortObjectSpecZipInputStream(in);
        ZipEntry entry = zipIn.getNextEntry();
        if (entry == null || !"portSpec.file".equals(entry.getName())) {
            throw new IOException("Expected zip entry 'portSpec.file', got '" + entry + "'");
        }
        return zipIn;
    }

    public static PortObjectZipInputStream getPortObjectZipInputStream(final InputStream in) throws IOException {
        PortObjectZipInputStream zipIn = new PortObjectZipInputStream(in);
        ZipEntry entry = zipIn.getNextEntry();
        if (entry == null || !"portObject.file".equals(entry.getName())) {
            throw new IOException("Expected zip entry 'portObject.file', got '" + entry + "'");
        }
        return zipIn;
    }

    /** Writes spec and object (content.xml, objectSpec.file, object.file), as KNIME's PortUtil does. */
    public static void writeObjectToStream(final PortObject po, final OutputStream output, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        ZipOutputStream zipOut = new ZipOutputStream(output);
        PortObjectSpec spec = po.getSpec();
        zipOut.putNextEntry(new ZipEntry("content.xml"));
        ModelContent toc = new ModelContent("content");
        toc.addInt("version", 1);
        toc.addString("port_spec_class", spec.getClass().getName());
        toc.addString("port_object_class", po.getClass().getName());
        toc.saveToXML(new NonClosingOut(zipOut));
        zipOut.putNextEntry(new ZipEntry("objectSpec.file"));
        try (PortObjectSpecZipOutputStream specOut = getPortObjectSpecZipOutputStream(new NonClosingOut(zipOut))) {
            PortTypeRegistry.getInstance().getSpecSerializer(spec.getClass()).orElseThrow(
                () -> new IOException("No serializer for spec " + spec.getClass().getName())).savePortObjectSpec(spec, specOut);
        }
        zipOut.putNextEntry(new ZipEntry("object.file"));
        try (PortObjectZipOutputStream objOut = getPortObjectZipOutputStream(new NonClosingOut(zipOut))) {
            PortTypeRegistry.getInstance().getObjectSerializer(po.getClass()).orElseThrow(
                () -> new IOException("No serializer for " + po.getClass().getName())).savePortObject(po, objOut, exec);
        }
        zipOut.finish();
        output.flush();
    }

    /** Reads what {@link #writeObjectToStream} wrote. */
    public static PortObject readObjectFromStream(final InputStream input, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        try (ZipInputStream in = new ZipInputStream(input)) {
            ZipEntry entry = in.getNextEntry();
            if (entry == null || !"content.xml".equals(entry.getName())) {
                throw new IOException("Invalid stream, expected zip entry \"content.xml\", got \"" + entry + "\"");
            }
            ModelContentRO toc = ModelContent.loadFromXML(new NonClosingIn(in));
            String specClassName;
            String objClassName;
            try {
                specClassName = toc.getString("port_spec_class");
                objClassName = toc.getString("port_object_class");
            } catch (InvalidSettingsException e) {
                throw new IOException("Can't parse content file", e);
            }
            Class<? extends PortObject> objClass = classFor(objClassName, PortObject.class);
            PortTypeRegistry.getInstance().getPortType(objClass);
            Class<? extends PortObjectSpec> specClass = classFor(specClassName, PortObjectSpec.class);
            entry = in.getNextEntry();
            if (entry == null || !"objectSpec.file".equals(entry.getName())) {
                throw new IOException("Expected zip entry \"objectSpec.file\", got \"" + entry + "\"");
            }
            PortObjectSpec spec;
            try (PortObjectSpecZipInputStream specIn = getPortObjectSpecZipInputStream(new NonClosingIn(in))) {
                spec = getPortObjectSpecSerializer(specClass).loadPortObjectSpec(specIn);
            }
            entry = in.getNextEntry();
            if (entry == null || !"object.file".equals(entry.getName())) {
                throw new IOException("Expected zip entry \"object.file\", got \"" + entry + "\"");
            }
            try (PortObjectZipInputStream objIn = getPortObjectZipInputStream(new NonClosingIn(in))) {
                return getPortObjectSerializer(objClass).loadPortObject(objIn, spec, exec);
            }
        }
    }

    private static <T> Class<? extends T> classFor(final String name, final Class<T> base) throws IOException {
        try {
            return Class.forName(name).asSubclass(base);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("Unknown class " + name, e);
        }
    }

    /** Keeps the outer zip stream open when an inner writer closes. */
    private static final class NonClosingOut extends FilterOutputStream {
        NonClosingOut(final OutputStream out) {
            super(out);
        }

        @Override
        public void write(final byte[] b, final int off, final int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Keeps the outer zip stream open when an inner reader closes. */
    private static final class NonClosingIn extends FilterInputStream {
        NonClosingIn(final InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
