package org.knime.core.node.port;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Stand-in of KNIME's port type registry. Like KNIME it learns custom port types from the extension point
 * {@code org.knime.core.PortType}: it reads every {@code plugin.xml} on the class path, so a test fails if the
 * plugin's registration names a wrong class.
 */
public final class PortTypeRegistry {
    private static final String EXT_POINT_ID = "org.knime.core.PortType";

    private static final PortTypeRegistry INSTANCE = new PortTypeRegistry();

    private final Map<Class<? extends PortObject>, PortType> m_types = new HashMap<>();

    private final Map<Class<? extends PortObject>, PortType> m_optionalTypes = new HashMap<>();

    private final Map<String, Element> m_declarations = new HashMap<>();

    private final Map<Class<?>, PortObjectSerializer<?>> m_objectSerializers = new HashMap<>();

    private final Map<Class<?>, PortObjectSpecSerializer<?>> m_specSerializers = new HashMap<>();

    private final Map<String, Class<? extends PortObject>> m_objectClasses = new HashMap<>();

    private final Map<String, Class<? extends PortObjectSpec>> m_specClasses = new HashMap<>();

    public static PortTypeRegistry getInstance() {
        return INSTANCE;
    }

    private PortTypeRegistry() {
        register(PortObject.class, PortObjectSpec.class, "Generic Port", PortType.DEFAULT_COLOR, false);
        register(BufferedDataTable.class, DataTableSpec.class, "Table", 0, false);
        try {
            Enumeration<URL> urls = PortTypeRegistry.class.getClassLoader().getResources("plugin.xml");
            while (urls.hasMoreElements()) {
                readPluginXml(urls.nextElement());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read plugin.xml files: " + e.getMessage(), e);
        }
    }

    private void readPluginXml(final URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            org.w3c.dom.Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            NodeList exts = doc.getElementsByTagName("extension");
            for (int i = 0; i < exts.getLength(); i++) {
                Element ext = (Element)exts.item(i);
                if (!EXT_POINT_ID.equals(ext.getAttribute("point"))) {
                    continue;
                }
                NodeList pts = ext.getElementsByTagName("portType");
                for (int j = 0; j < pts.getLength(); j++) {
                    Element pt = (Element)pts.item(j);
                    m_declarations.put(pt.getAttribute("objectClass"), pt);
                }
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Invalid " + url + ": " + e.getMessage(), e);
        }
    }

    private void register(final Class<? extends PortObject> objectClass,
        final Class<? extends PortObjectSpec> specClass, final String name, final int color, final boolean hidden) {
        m_types.put(objectClass, new PortType(objectClass, specClass, false, name, color, hidden));
        m_optionalTypes.put(objectClass, new PortType(objectClass, specClass, true, name, color, hidden));
        m_objectClasses.put(objectClass.getName(), objectClass);
        m_specClasses.put(specClass.getName(), specClass);
    }

    /** Registers the declaration of this class from plugin.xml, instantiating its serializers as KNIME does. */
    private void registerDeclared(final Class<? extends PortObject> portClass) {
        Element pt = m_declarations.get(portClass.getName());
        if (pt == null) {
            return;
        }
        try {
            ClassLoader cl = portClass.getClassLoader();
            Class<? extends PortObjectSpec> specClass =
                Class.forName(pt.getAttribute("specClass"), true, cl).asSubclass(PortObjectSpec.class);
            PortObjectSerializer<?> objSer = (PortObjectSerializer<?>)Class
                .forName(pt.getAttribute("objectSerializer"), true, cl).getDeclaredConstructor().newInstance();
            PortObjectSpecSerializer<?> specSer = (PortObjectSpecSerializer<?>)Class
                .forName(pt.getAttribute("specSerializer"), true, cl).getDeclaredConstructor().newInstance();
            String color = pt.getAttribute("color");
            int rgb = color.isEmpty() ? PortType.DEFAULT_COLOR : 0xff000000 | Integer.parseInt(color.substring(1), 16);
            register(portClass, specClass, pt.getAttribute("name"), rgb, Boolean.parseBoolean(pt.getAttribute("hidden")));
            m_objectSerializers.put(portClass, objSer);
            m_specSerializers.put(specClass, specSer);
        } catch (ReflectiveOperationException | ClassCastException | NumberFormatException e) {
            throw new IllegalStateException("Invalid port type declaration for " + portClass.getName()
                + " at extension point " + EXT_POINT_ID + ": " + e, e);
        }
    }

    public synchronized PortType getPortType(final Class<? extends PortObject> portClass) {
        return getPortType(portClass, false);
    }

    public synchronized PortType getPortType(final Class<? extends PortObject> portClass, final boolean isOptional) {
        if (!m_types.containsKey(portClass)) {
            registerDeclared(portClass);
        }
        if (!m_types.containsKey(portClass)) {
            // KNIME falls back to a compatible (super) type; the stand-in uses the generic one
            PortType generic = (isOptional ? m_optionalTypes : m_types).get(PortObject.class);
            return new PortType(portClass, generic.getPortObjectSpecClass(), isOptional, portClass.getSimpleName(),
                PortType.DEFAULT_COLOR, true);
        }
        return (isOptional ? m_optionalTypes : m_types).get(portClass);
    }

    public Optional<Class<? extends PortObject>> getObjectClass(final String className) {
        return Optional.ofNullable(m_objectClasses.get(className));
    }

    public Optional<Class<? extends PortObjectSpec>> getSpecClass(final String className) {
        return Optional.ofNullable(m_specClasses.get(className));
    }

    @SuppressWarnings("unchecked")
    public synchronized Optional<PortObjectSerializer<PortObject>>
        getObjectSerializer(final Class<? extends PortObject> objectClass) {
        getPortType(objectClass);
        return Optional.ofNullable((PortObjectSerializer<PortObject>)m_objectSerializers.get(objectClass));
    }

    @SuppressWarnings("unchecked")
    public synchronized Optional<PortObjectSpecSerializer<PortObjectSpec>>
        getSpecSerializer(final Class<? extends PortObjectSpec> specClass) {
        return Optional.ofNullable((PortObjectSpecSerializer<PortObjectSpec>)m_specSerializers.get(specClass));
    }
}
