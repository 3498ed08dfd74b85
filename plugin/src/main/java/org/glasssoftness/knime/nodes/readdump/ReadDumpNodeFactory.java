package org.glasssoftness.knime.nodes.readdump;

import org.glasssoftness.knime.common.GlassSoftnessNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Node "Read LAMMPS Dump"; its description is ReadDumpNodeFactory.xml next to this class. */
public final class ReadDumpNodeFactory extends GlassSoftnessNodeFactory<ReadDumpNodeModel> {
    public ReadDumpNodeFactory() {
        super("Read LAMMPS Dump", false);
    }

    @Override
    public ReadDumpNodeModel createNodeModel() {
        return new ReadDumpNodeModel();
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new ReadDumpNodeDialog();
    }
}
