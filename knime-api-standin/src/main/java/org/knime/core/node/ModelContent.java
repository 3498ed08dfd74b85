package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;
import org.knime.core.node.config.base.ConfigBase;

/** Stand-in of KNIME's model content: a config tree used to save port objects and specs. */
public final class ModelContent extends Config implements ModelContentRO, ModelContentWO {
    public ModelContent(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new ModelContent(key);
    }

    /** Reads model content in KNIME's XML format. */
    public static synchronized ModelContentRO loadFromXML(final InputStream in) throws IOException {
        ModelContent m = new ModelContent("ignored");
        ConfigBase.loadFromXML(m, in);
        return m;
    }

    @Override
    public void addModelContent(final ModelContent modelContent) {
        putConfigBase(modelContent);
    }

    @Override
    public ModelContentWO addModelContent(final String key) {
        return (ModelContent)addConfig(key);
    }

    @Override
    public ModelContent getModelContent(final String key) throws InvalidSettingsException {
        return (ModelContent)getConfig(key);
    }
}
