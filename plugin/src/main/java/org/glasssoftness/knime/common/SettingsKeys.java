package org.glasssoftness.knime.common;

/**
 * Keys of node settings. They are also the long option names of the CLI subcommands (without "--"), so a node's
 * settings.xml and a command line name every parameter the same way.
 */
public final class SettingsKeys {
    /** File a node reads: a local path or a URL (file:, knime://). */
    public static final String INPUT = "input";

    /** File a node writes: a local path or a URL (file:, knime://). */
    public static final String OUTPUT = "output";

    /** LAMMPS type to element map, e.g. "1=Li,2=B,3=O,4=P". */
    public static final String TYPE_MAP = "type-map";

    /** First frame to read (0-based). */
    public static final String FIRST_FRAME = "first-frame";

    /** Last frame to read (0-based, inclusive; -1 = last frame of the file). */
    public static final String LAST_FRAME = "last-frame";

    /** Read every n-th frame. */
    public static final String STRIDE = "stride";

    /** Whether an existing output file may be replaced. */
    public static final String OVERWRITE = "overwrite";

    private SettingsKeys() {
    }
}
