package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;

/** Read-only model content (stand-in). */
public interface ModelContentRO extends ConfigRO {
    ModelContentRO getModelContent(String key) throws InvalidSettingsException;
}
