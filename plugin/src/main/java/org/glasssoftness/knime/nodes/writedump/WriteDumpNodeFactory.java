package org.glasssoftness.knime.nodes.writedump;

import org.glasssoftness.knime.common.GlassSoftnessNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Node "Write LAMMPS Dump"; its description is WriteDumpNodeFactory.xml next to this class. */
public final class WriteDumpNodeFactory extends GlassSoftnessNodeFactory<WriteDumpNodeModel> {
    public WriteDumpNodeFactory() {
        super("Write LAMMPS Dump", false);
    }

    @Override
    public WriteDumpNodeModel createNodeModel() {
        return new WriteDumpNodeModel();
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new WriteDumpNodeDialog();
    }
}
