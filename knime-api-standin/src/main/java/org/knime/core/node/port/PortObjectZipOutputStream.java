package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

/** Stand-in: the zip stream a serializer writes to or reads from (created by KNIME, see PortUtil). */
public class PortObjectZipOutputStream extends ZipOutputStream {
    PortObjectZipOutputStream(final OutputStream stream) {
        super(stream);
    }
}
