package org.knime.core.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The stand-in reads and writes KNIME's settings XML and behaves like KNIME's settings models. */
class StandinSettingsTest {
    /** A fragment in the exact form KNIME 5.3 writes (taken from the layout of a node's settings.xml). */
    private static final String KNIME_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<config xmlns=\"http://www.knime.org/2008/09/XMLConfig\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xsi:schemaLocation=\"http://www.knime.org/2008/09/XMLConfig http://www.knime.org/XMLConfig_2008_09.xsd\""
        + " key=\"settings.xml\">\n"
        + "    <entry key=\"node_file\" type=\"xstring\" value=\"settings.xml\"/>\n"
        + "    <config key=\"flow_stack\"/>\n"
        + "    <config key=\"model\">\n"
        + "        <entry key=\"name\" type=\"xstring\" value=\"a &amp; b &lt;c&gt;\"/>\n"
        + "        <entry key=\"count\" type=\"xint\" value=\"-7\"/>\n"
        + "        <entry key=\"big\" type=\"xlong\" value=\"12345678901\"/>\n"
        + "        <entry key=\"x\" type=\"xdouble\" value=\"0.1\"/>\n"
        + "        <entry key=\"on\" type=\"xboolean\" value=\"true\"/>\n"
        + "        <entry key=\"none\" type=\"xstring\" isnull=\"true\" value=\"\"/>\n"
        + "        <config key=\"names\">\n"
        + "            <entry key=\"array-size\" type=\"xint\" value=\"2\"/>\n"
        + "            <entry key=\"0\" type=\"xstring\" value=\"Li\"/>\n"
        + "            <entry key=\"1\" type=\"xstring\" value=\"O\"/>\n"
        + "        </config>\n"
        + "    </config>\n"
        + "    <entry key=\"customDescription\" type=\"xstring\" isnull=\"true\" value=\"\"/>\n"
        + "</config>\n";

    private static NodeSettingsRO read(final String xml) throws Exception {
        return NodeSettings.loadFromXML(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String write(final NodeSettings s) throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        s.saveToXML(bos);
        return bos.toString(StandardCharsets.UTF_8);
    }

    @Test
    void readsKnimeSettingsXml() throws Exception {
        NodeSettingsRO root = read(KNIME_XML);
        assertEquals("settings.xml", root.getString("node_file"));
        NodeSettingsRO m = root.getNodeSettings("model");
        assertEquals("a & b <c>", m.getString("name"));
        assertEquals(-7, m.getInt("count"));
        assertEquals(12345678901L, m.getLong("big"));
        assertEquals(-7L, m.getLong("count"));
        assertEquals(0.1, m.getDouble("x"));
        assertTrue(m.getBoolean("on"));
        assertNull(m.getString("none"));
        assertArrayEquals(new String[]{"Li", "O"}, m.getStringArray("names"));
        assertThrows(InvalidSettingsException.class, () -> m.getInt("name"));
        assertThrows(InvalidSettingsException.class, () -> m.getString("missing"));
        assertEquals(5, m.getInt("missing", 5));
    }

    @Test
    void writesWhatItReadsInTheSameForm() throws Exception {
        NodeSettings copy = new NodeSettings("settings.xml");
        ((NodeSettings)read(KNIME_XML)).copyTo(copy);
        assertEquals(KNIME_XML, write(copy));
    }

    @Test
    void settingsModelsWriteInternalsAndCheckBounds() throws Exception {
        NodeSettings s = new NodeSettings("model");
        new SettingsModelString("file", "a.dump").saveSettingsTo(s);
        new SettingsModelIntegerBounded("stride", 3, 1, 10).saveSettingsTo(s);
        assertEquals("SMID_string", s.getConfig("file_Internals").getString("SettingsModelID"));
        assertTrue(s.getConfig("stride_Internals").getBoolean("EnabledStatus"));
        assertEquals(3, s.getInt("stride"));
        SettingsModelIntegerBounded stride = new SettingsModelIntegerBounded("stride", 1, 1, 2);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> stride.validateSettings(s));
        assertEquals("Value (=3.0) must be within the range [1...2].", e.getMessage()); // int bounds, double value: as KNIME
        SettingsModelDoubleBounded cutoff = new SettingsModelDoubleBounded("cutoff", 1, 0, 10);
        s.addDouble("cutoff", 12.5);
        e = assertThrows(InvalidSettingsException.class, () -> cutoff.loadSettingsFrom(s));
        assertEquals("value (=12.5) must be within the range [0.0...10.0].", e.getMessage());
        SettingsModelString file = new SettingsModelString("file", "");
        file.loadSettingsFrom(s);
        assertEquals("a.dump", file.getStringValue());
    }
}
