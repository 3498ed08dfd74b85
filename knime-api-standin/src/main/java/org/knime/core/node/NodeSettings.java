package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;
import org.knime.core.node.config.ConfigWO;
import org.knime.core.node.config.base.ConfigBase;

/** Stand-in of KNIME's node settings tree; reads and writes settings.xml. */
public final class NodeSettings extends Config implements NodeSettingsRO, NodeSettingsWO {
    public NodeSettings(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new NodeSettings(key);
    }

    /** Reads a settings file in KNIME's XML format (e.g. a node's settings.xml). */
    public static NodeSettingsRO loadFromXML(final InputStream in) throws IOException {
        NodeSettings s = new NodeSettings("ignored");
        ConfigBase.loadFromXML(s, in);
        return s;
    }

    @Override
    public void copyTo(final ConfigWO dest) {
        copyEntriesTo((ConfigBase)dest);
    }

    @Override
    public NodeSettingsWO addNodeSettings(final String key) {
        return (NodeSettings)addConfig(key);
    }

    @Override
    public void addNodeSettings(final NodeSettings settings) {
        putConfigBase(settings);
    }

    @Override
    public NodeSettings getNodeSettings(final String key) throws InvalidSettingsException {
        return (NodeSettings)getConfig(key);
    }
}
