package org.knime.core.node.config;

import org.knime.core.node.config.base.ConfigBaseWO;

/** Write access including sub-configs (stand-in subset). */
public interface ConfigWO extends ConfigBaseWO {
    Config addConfig(String key);
}
