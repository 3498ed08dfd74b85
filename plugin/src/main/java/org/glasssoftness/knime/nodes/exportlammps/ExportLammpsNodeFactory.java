package org.glasssoftness.knime.nodes.exportlammps;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Node "Export LAMMPS Input"; its description is ExportLammpsNodeFactory.xml next to this class. */
public final class ExportLammpsNodeFactory extends NodeFactory<ExportLammpsNodeModel> {
    @Override
    public ExportLammpsNodeModel createNodeModel() {
        return new ExportLammpsNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    @SuppressWarnings("removal")
    public NodeView<ExportLammpsNodeModel> createNodeView(final int viewIndex, final ExportLammpsNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("Export LAMMPS Input has no views, asked for view " + viewIndex);
    }

    @Override
    @SuppressWarnings("removal")
    protected boolean hasDialog() {
        return true;
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new ExportLammpsNodeDialog();
    }
}
