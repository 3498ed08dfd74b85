package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/** Stand-in: the zip stream a serializer writes to or reads from (created by KNIME, see PortUtil). */
public class PortObjectZipInputStream extends ZipInputStream {
    PortObjectZipInputStream(final InputStream stream) {
        super(stream);
    }
}
