package org.glasssoftness.knime.nodes.writedump;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Node "Write LAMMPS Dump"; its description is WriteDumpNodeFactory.xml next to this class. */
public final class WriteDumpNodeFactory extends NodeFactory<WriteDumpNodeModel> {
    @Override
    public WriteDumpNodeModel createNodeModel() {
        return new WriteDumpNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    @SuppressWarnings("removal")
    public NodeView<WriteDumpNodeModel> createNodeView(final int viewIndex, final WriteDumpNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("Write LAMMPS Dump has no views, asked for view " + viewIndex);
    }

    @Override
    @SuppressWarnings("removal")
    protected boolean hasDialog() {
        return true;
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new WriteDumpNodeDialog();
    }
}
