package org.glasssoftness.knime.common;

import org.glasssoftness.knime.views.CurveNodeView;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/**
 * Base of the Glass Softness node factories: every node has a dialog, and either no view or one curve view showing
 * {@link GlassSoftnessNodeModel#curves()}. A node's factory gives its name and whether it has the view, and creates
 * its model and dialog.
 */
public abstract class GlassSoftnessNodeFactory<T extends GlassSoftnessNodeModel> extends NodeFactory<T> {
    private final String m_nodeName;

    private final boolean m_curveView;

    /**
     * @param nodeName the node's name, for messages
     * @param curveView whether the node has the curve view
     */
    protected GlassSoftnessNodeFactory(final String nodeName, final boolean curveView) {
        m_nodeName = nodeName;
        m_curveView = curveView;
    }

    @Override
    protected final int getNrNodeViews() {
        return m_curveView ? 1 : 0;
    }

    @Override
    @SuppressWarnings("removal")
    public final NodeView<T> createNodeView(final int viewIndex, final T nodeModel) {
        if (!m_curveView || viewIndex != 0) {
            throw new IndexOutOfBoundsException(m_nodeName + " has " + getNrNodeViews() + " view(s), asked for view "
                + viewIndex);
        }
        return new CurveNodeView<>(nodeModel, GlassSoftnessNodeModel::curves);
    }

    @Override
    @SuppressWarnings("removal")
    protected final boolean hasDialog() {
        return true;
    }
}
