package org.knime.core.node.defaultnodesettings;

/** Stand-in: base of numeric settings (used by DialogComponentNumber). */
public abstract class SettingsModelNumber extends SettingsModel {
    abstract String getNumberValueStr();
}
