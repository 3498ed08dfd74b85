package org.knime.core.node.config.base;

/** Write access to a settings tree (stand-in subset of KNIME's interface). */
public interface ConfigBaseWO {
    String getKey();

    void addInt(String key, int value);

    void addLong(String key, long value);

    void addDouble(String key, double value);

    void addBoolean(String key, boolean value);

    void addString(String key, String value);

    void addStringArray(String key, String... values);

    void addDoubleArray(String key, double... values);

    void addIntArray(String key, int... values);
}
