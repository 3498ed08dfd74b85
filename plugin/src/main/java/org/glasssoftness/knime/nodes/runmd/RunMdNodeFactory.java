package org.glasssoftness.knime.nodes.runmd;

import org.glasssoftness.knime.common.GlassSoftnessNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Node "Run GPU MD" (OpenCL device or Java backend); its description is RunMdNodeFactory.xml next to this class. */
public final class RunMdNodeFactory extends GlassSoftnessNodeFactory<RunMdNodeModel> {
    public RunMdNodeFactory() {
        super("Run GPU MD", false);
    }

    @Override
    public RunMdNodeModel createNodeModel() {
        return new RunMdNodeModel();
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new RunMdNodeDialog();
    }
}
