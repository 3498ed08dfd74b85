package org.knime.core.util;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Stand-in of KNIME's FileUtil: local paths, file: URLs and knime:// URLs. In KNIME, knime://knime.workflow/...
 * resolves against the current workflow; the stand-in resolves it against the folder set by the test harness
 * ({@link StandinKnimeUrls}); knime://LOCAL/... against the mount point folder if one was set.
 */
public final class FileUtil {
    private FileUtil() {
    }

    /** The knime protocol handler (KNIME registers one globally; the stand-in attaches it per URL). */
    private static final URLStreamHandler KNIME_HANDLER = new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(final URL u) throws IOException {
            try {
                Path p = resolveToPath(u);
                if (p == null) {
                    throw new IOException("Cannot resolve " + u);
                }
                return p.toUri().toURL().openConnection();
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
    };

    public static URL toURL(final String path) throws MalformedURLException, InvalidPathException {
        if (path.isEmpty()) {
            throw new InvalidPathException("", "Empty path");
        }
        if (path.regionMatches(true, 0, "knime:", 0, 6)) {
            return new URL(null, path.replace(" ", "%20"), KNIME_HANDLER);
        }
        try {
            return new URL(path.replace(" ", "%20"));
        } catch (MalformedURLException ex) {
            return Paths.get(path).toAbsolutePath().toUri().toURL();
        }
    }

    /** The local path of a file: or knime:// URL, or null if the URL is not backed by a local file. */
    public static Path resolveToPath(final URL url) throws IOException, URISyntaxException {
        if ("file".equalsIgnoreCase(url.getProtocol())) {
            return Paths.get(url.toURI());
        }
        if ("knime".equalsIgnoreCase(url.getProtocol())) {
            return StandinKnimeUrls.resolve(url);
        }
        return null;
    }

    public static File getFileFromURL(final URL fileUrl) {
        try {
            Path p = resolveToPath(fileUrl);
            return p == null ? null : p.toFile();
        } catch (IOException | URISyntaxException e) {
            return null;
        }
    }

    public static File createTempFile(final String prefix, final String suffix, final boolean deleteOnExit)
        throws IOException {
        File f = Files.createTempFile(prefix, suffix).toFile();
        if (deleteOnExit) {
            f.deleteOnExit();
        }
        return f;
    }

    public static File createTempFile(final String prefix, final String suffix) throws IOException {
        return createTempFile(prefix, suffix, false);
    }
}
