package org.glasssoftness.knime.nodes.exportlammps;

import org.glasssoftness.knime.common.GlassSoftnessNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Node "Export LAMMPS Input"; its description is ExportLammpsNodeFactory.xml next to this class. */
public final class ExportLammpsNodeFactory extends GlassSoftnessNodeFactory<ExportLammpsNodeModel> {
    public ExportLammpsNodeFactory() {
        super("Export LAMMPS Input", false);
    }

    @Override
    public ExportLammpsNodeModel createNodeModel() {
        return new ExportLammpsNodeModel();
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new ExportLammpsNodeDialog();
    }
}
