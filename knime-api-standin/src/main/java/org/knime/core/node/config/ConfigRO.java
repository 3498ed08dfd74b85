package org.knime.core.node.config;

import java.util.Iterator;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBaseRO;

/** Read access including sub-configs (stand-in subset; the real one also extends TreeNode). */
public interface ConfigRO extends ConfigBaseRO, Iterable<String> {
    Config getConfig(String key) throws InvalidSettingsException;

    @Override
    Iterator<String> iterator();
}
