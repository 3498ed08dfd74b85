package org.glasssoftness.knime.nodes.readdump;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Node "Read LAMMPS Dump"; its description is ReadDumpNodeFactory.xml next to this class. */
public final class ReadDumpNodeFactory extends NodeFactory<ReadDumpNodeModel> {
    @Override
    public ReadDumpNodeModel createNodeModel() {
        return new ReadDumpNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    @SuppressWarnings("removal")
    public NodeView<ReadDumpNodeModel> createNodeView(final int viewIndex, final ReadDumpNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("Read LAMMPS Dump has no views, asked for view " + viewIndex);
    }

    @Override
    @SuppressWarnings("removal")
    protected boolean hasDialog() {
        return true;
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new ReadDumpNodeDialog();
    }
}
