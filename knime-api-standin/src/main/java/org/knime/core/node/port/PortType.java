package org.knime.core.node.port;

import java.util.Objects;

/** Stand-in: the type of a node port (object class, optional or not, name and colour from plugin.xml). */
public final class PortType {
    public static final int DEFAULT_COLOR = 0xff9b9b9b;

    private final Class<? extends PortObject> m_objectClass;

    private final Class<? extends PortObjectSpec> m_specClass;

    private final boolean m_isOptional;

    private final String m_name;

    private final int m_color;

    private final boolean m_isHidden;

    PortType(final Class<? extends PortObject> objectClass, final Class<? extends PortObjectSpec> specClass,
        final boolean isOptional, final String name, final int color, final boolean isHidden) {
        m_objectClass = objectClass;
        m_specClass = specClass;
        m_isOptional = isOptional;
        m_name = name != null ? name : objectClass.getSimpleName();
        m_color = color;
        m_isHidden = isHidden;
    }

    public String getName() {
        return m_name;
    }

    public int getColor() {
        return m_color;
    }

    public Class<? extends PortObjectSpec> getPortObjectSpecClass() {
        return m_specClass;
    }

    public Class<? extends PortObject> getPortObjectClass() {
        return m_objectClass;
    }

    public boolean isOptional() {
        return m_isOptional;
    }

    public boolean isHidden() {
        return m_isHidden;
    }

    public boolean isSuperTypeOf(final PortType subType) {
        return m_objectClass.isAssignableFrom(subType.m_objectClass);
    }

    public boolean acceptsPortObjectSpec(final PortObjectSpec spec) {
        return spec == null || m_specClass.isInstance(spec);
    }

    public boolean acceptsPortObjectClass(final Class<? extends PortObject> portObjectClass) {
        return m_objectClass.isAssignableFrom(portObjectClass);
    }

    public boolean acceptsPortObject(final PortObject obj) {
        return obj == null || m_objectClass.isInstance(obj);
    }

    @Override
    public String toString() {
        return m_name + (m_isOptional ? " (optional)" : "");
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_objectClass, m_isOptional);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof PortType && ((PortType)obj).m_objectClass == m_objectClass
            && ((PortType)obj).m_isOptional == m_isOptional;
    }
}
