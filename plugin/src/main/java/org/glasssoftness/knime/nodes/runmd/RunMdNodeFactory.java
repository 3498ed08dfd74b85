package org.glasssoftness.knime.nodes.runmd;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Node "Run GPU MD" (Java backend for now); its description is RunMdNodeFactory.xml next to this class. */
public final class RunMdNodeFactory extends NodeFactory<RunMdNodeModel> {
    @Override
    public RunMdNodeModel createNodeModel() {
        return new RunMdNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    @SuppressWarnings("removal")
    public NodeView<RunMdNodeModel> createNodeView(final int viewIndex, final RunMdNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("Run GPU MD has no views, asked for view " + viewIndex);
    }

    @Override
    @SuppressWarnings("removal")
    protected boolean hasDialog() {
        return true;
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new RunMdNodeDialog();
    }
}
