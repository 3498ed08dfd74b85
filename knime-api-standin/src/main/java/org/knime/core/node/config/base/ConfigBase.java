package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.knime.core.node.InvalidSettingsException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Stand-in of KNIME's settings tree: an ordered map of typed entries and sub-configs, read from and written to
 * KNIME's XML format ({@code <config key=".."><entry key=".." type="xstring" value=".."/>...}, namespace
 * http://www.knime.org/2008/09/XMLConfig). Arrays use KNIME's layout: a sub-config with {@code array-size} and
 * entries {@code 0}, {@code 1}, ...
 */
public abstract class ConfigBase implements ConfigBaseRO, ConfigBaseWO {
    private static final String NS = "http://www.knime.org/2008/09/XMLConfig";

    /** A leaf entry: KNIME type name (xstring, xint, ...) and its text value; null for a null string. */
    private record Entry(String type, String value) { }

    private final String m_key;

    private final Map<String, Object> m_entries = new LinkedHashMap<>();

    protected ConfigBase(final String key) {
        m_key = key;
    }

    /** Creates an empty config of the same kind (NodeSettings gives NodeSettings, ...). */
    public abstract ConfigBase getInstance(String key);

    @Override
    public String getKey() {
        return m_key;
    }

    @Override
    public boolean containsKey(final String key) {
        return m_entries.containsKey(key);
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(m_entries.keySet()));
    }

    /** Adds (or replaces) a sub-config and returns it. */
    public ConfigBase addConfigBase(final String key) {
        ConfigBase c = getInstance(key);
        m_entries.put(key, c);
        return c;
    }

    /** Puts an existing sub-config into this one. */
    protected final void putConfigBase(final ConfigBase c) {
        m_entries.put(c.getKey(), c);
    }

    /** The sub-config with this key. */
    public ConfigBase getConfigBase(final String key) throws InvalidSettingsException {
        Object o = m_entries.get(key);
        if (!(o instanceof ConfigBase)) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" not found.");
        }
        return (ConfigBase)o;
    }

    private void put(final String key, final String type, final String value) {
        m_entries.put(key, new Entry(type, value));
    }

    private Entry entry(final String key, final String type) throws InvalidSettingsException {
        Object o = m_entries.get(key);
        if (o == null) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" not found.");
        }
        if (!(o instanceof Entry) || !((Entry)o).type().equals(type)) {
            throw new InvalidSettingsException("Type mismatch for key \"" + key + "\": expected " + type);
        }
        return (Entry)o;
    }

    @Override
    public void addInt(final String key, final int value) {
        put(key, "xint", Integer.toString(value));
    }

    @Override
    public void addLong(final String key, final long value) {
        put(key, "xlong", Long.toString(value));
    }

    @Override
    public void addDouble(final String key, final double value) {
        put(key, "xdouble", Double.toString(value));
    }

    @Override
    public void addBoolean(final String key, final boolean value) {
        put(key, "xboolean", Boolean.toString(value));
    }

    @Override
    public void addString(final String key, final String value) {
        put(key, "xstring", value);
    }

    @Override
    public void addStringArray(final String key, final String... values) {
        ConfigBase c = addConfigBase(key);
        c.addInt("array-size", values.length);
        for (int i = 0; i < values.length; i++) {
            c.addString(Integer.toString(i), values[i]);
        }
    }

    @Override
    public void addDoubleArray(final String key, final double... values) {
        ConfigBase c = addConfigBase(key);
        c.addInt("array-size", values.length);
        for (int i = 0; i < values.length; i++) {
            c.addDouble(Integer.toString(i), values[i]);
        }
    }

    @Override
    public void addIntArray(final String key, final int... values) {
        ConfigBase c = addConfigBase(key);
        c.addInt("array-size", values.length);
        for (int i = 0; i < values.length; i++) {
            c.addInt(Integer.toString(i), values[i]);
        }
    }

    @Override
    public int getInt(final String key) throws InvalidSettingsException {
        try {
            return Integer.parseInt(entry(key, "xint").value());
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException("Key \"" + key + "\" is not an int", e);
        }
    }

    @Override
    public int getInt(final String key, final int def) {
        try {
            return getInt(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public long getLong(final String key) throws InvalidSettingsException {
        Object o = m_entries.get(key);
        // KNIME reads an xint entry as long as well
        String type = (o instanceof Entry && ((Entry)o).type().equals("xint")) ? "xint" : "xlong";
        try {
            return Long.parseLong(entry(key, type).value());
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException("Key \"" + key + "\" is not a long", e);
        }
    }

    @Override
    public long getLong(final String key, final long def) {
        try {
            return getLong(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public double getDouble(final String key) throws InvalidSettingsException {
        try {
            return Double.parseDouble(entry(key, "xdouble").value());
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException("Key \"" + key + "\" is not a double", e);
        }
    }

    @Override
    public double getDouble(final String key, final double def) {
        try {
            return getDouble(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public boolean getBoolean(final String key) throws InvalidSettingsException {
        return Boolean.parseBoolean(entry(key, "xboolean").value());
    }

    @Override
    public boolean getBoolean(final String key, final boolean def) {
        try {
            return getBoolean(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public String getString(final String key) throws InvalidSettingsException {
        return entry(key, "xstring").value();
    }

    @Override
    public String getString(final String key, final String def) {
        try {
            return getString(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public String[] getStringArray(final String key) throws InvalidSettingsException {
        ConfigBase c = getConfigBase(key);
        String[] r = new String[c.getInt("array-size")];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.getString(Integer.toString(i));
        }
        return r;
    }

    @Override
    public String[] getStringArray(final String key, final String... def) {
        try {
            return getStringArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public double[] getDoubleArray(final String key) throws InvalidSettingsException {
        ConfigBase c = getConfigBase(key);
        double[] r = new double[c.getInt("array-size")];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.getDouble(Integer.toString(i));
        }
        return r;
    }

    @Override
    public double[] getDoubleArray(final String key, final double... def) {
        try {
            return getDoubleArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public int[] getIntArray(final String key) throws InvalidSettingsException {
        ConfigBase c = getConfigBase(key);
        int[] r = new int[c.getInt("array-size")];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.getInt(Integer.toString(i));
        }
        return r;
    }

    @Override
    public int[] getIntArray(final String key, final int... def) {
        try {
            return getIntArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    /** Copies every entry and sub-config of this config into {@code dest} (deep copy). */
    protected final void copyEntriesTo(final ConfigBase dest) {
        for (Map.Entry<String, Object> e : m_entries.entrySet()) {
            if (e.getValue() instanceof ConfigBase) {
                ((ConfigBase)e.getValue()).copyEntriesTo(dest.addConfigBase(e.getKey()));
            } else {
                dest.m_entries.put(e.getKey(), e.getValue());
            }
        }
    }

    /** Writes this config in KNIME's XML settings format; the stream is closed afterwards (as in KNIME). */
    public void saveToXML(final OutputStream os) throws IOException {
        try (Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            w.write("<config xmlns=\"" + NS + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"" + NS + " http://www.knime.org/XMLConfig_2008_09.xsd\" key=\""
                + esc(m_key) + "\">\n");
            writeBody(w, "    ");
            w.write("</config>\n");
        }
    }

    private void writeBody(final Writer w, final String indent) throws IOException {
        for (Map.Entry<String, Object> e : m_entries.entrySet()) {
            if (e.getValue() instanceof ConfigBase) {
                ConfigBase c = (ConfigBase)e.getValue();
                if (c.m_entries.isEmpty()) {
                    w.write(indent + "<config key=\"" + esc(e.getKey()) + "\"/>\n");
                } else {
                    w.write(indent + "<config key=\"" + esc(e.getKey()) + "\">\n");
                    c.writeBody(w, indent + "    ");
                    w.write(indent + "</config>\n");
                }
            } else {
                Entry en = (Entry)e.getValue();
                w.write(indent + "<entry key=\"" + esc(e.getKey()) + "\" type=\"" + en.type() + "\""
                    + (en.value() == null ? " isnull=\"true\" value=\"\"" : " value=\"" + esc(en.value()) + "\"")
                    + "/>\n");
            }
        }
    }

    private static String esc(final String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '"': sb.append("&quot;"); break;
                case '\n': sb.append("%%00010"); break; // KNIME's escape of line breaks in values
                case '\r': sb.append("%%00013"); break;
                default: sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String unesc(final String s) {
        return s.replace("%%00010", "\n").replace("%%00013", "\r");
    }

    /** Reads KNIME's XML settings format into {@code target} (whose key is replaced by the file's root key). */
    protected static void loadFromXML(final ConfigBase target, final InputStream in) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            doc = f.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IOException("Not a KNIME settings XML file: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!"config".equals(root.getLocalName())) {
            throw new IOException("Root element of a KNIME settings file must be <config>, found <"
                + root.getLocalName() + ">");
        }
        target.readChildren(root);
    }

    private void readChildren(final Element el) throws IOException {
        NodeList children = el.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (!(n instanceof Element)) {
                continue;
            }
            Element c = (Element)n;
            String key = c.getAttribute("key");
            if ("config".equals(c.getLocalName())) {
                addConfigBase(key).readChildren(c);
            } else if ("entry".equals(c.getLocalName())) {
                boolean isNull = "true".equals(c.getAttribute("isnull"));
                put(key, c.getAttribute("type"), isNull ? null : unesc(c.getAttribute("value")));
            } else {
                throw new IOException("Unexpected element <" + c.getLocalName() + "> in KNIME settings");
            }
        }
    }

    @Override
    public String toString() {
        return m_key + m_entries.keySet();
    }
}
