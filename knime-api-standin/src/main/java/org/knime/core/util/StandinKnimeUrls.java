package org.knime.core.util;

import java.io.IOException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * NOT PART OF KNIME. Where the stand-in resolves knime:// URLs: knime.workflow to the workflow folder the test
 * harness is running, LOCAL to a mount point folder. Plugin main code must never use it.
 */
public final class StandinKnimeUrls {
    private static volatile Path workflowDir;

    private static volatile Path localMountDir;

    private StandinKnimeUrls() {
    }

    public static void setWorkflowDir(final Path dir) {
        workflowDir = dir;
    }

    public static void setLocalMountDir(final Path dir) {
        localMountDir = dir;
    }

    static Path resolve(final URL url) throws IOException {
        String host = url.getHost();
        String path = URLDecoder.decode(url.getPath(), StandardCharsets.UTF_8);
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        Path base;
        if ("knime.workflow".equals(host)) {
            base = workflowDir;
        } else if ("knime.workflow.data".equals(host)) {
            base = workflowDir == null ? null : workflowDir.resolve("data");
        } else if ("LOCAL".equals(host)) {
            base = localMountDir;
        } else {
            throw new IOException("Unknown knime:// host \"" + host + "\" in " + url);
        }
        if (base == null) {
            throw new IOException("No " + host + " folder known to resolve " + url
                + " (the node is not running inside a workflow)");
        }
        return base.resolve(path).normalize();
    }
}
