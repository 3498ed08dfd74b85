package org.knime.core.node.config;

import java.util.Iterator;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBase;

/** Stand-in of KNIME's Config: a ConfigBase whose sub-configs are Configs. */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {
    protected Config(final String key) {
        super(key);
    }

    @Override
    public abstract Config getInstance(String key);

    @Override
    public final Config addConfig(final String key) {
        return (Config)addConfigBase(key);
    }

    @Override
    public final Config getConfig(final String key) throws InvalidSettingsException {
        return (Config)getConfigBase(key);
    }

    @Override
    public Iterator<String> iterator() {
        return keySet().iterator();
    }
}
