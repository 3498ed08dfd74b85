package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/** Read-only node settings (stand-in). */
public interface NodeSettingsRO extends ConfigRO {
    NodeSettingsRO getNodeSettings(String key) throws InvalidSettingsException;

    void copyTo(ConfigWO dest);
}
