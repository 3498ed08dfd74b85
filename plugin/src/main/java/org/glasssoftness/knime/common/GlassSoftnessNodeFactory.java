package org.glasssoftness.knime.common;

import org.glasssoftness.knime.views.CurveNodeView;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/**
 * Base of the Glass Softness node factories: every node has a dialog, and no view or curve views, view k showing
 * {@link GlassSoftnessNodeModel#curves(int) curves(k)}. A node's factory gives its name and how many views it has, and
 * creates its model and dialog.
 */
public abstract class GlassSoftnessNodeFactory<T extends GlassSoftnessNodeModel> extends NodeFactory<T> {
    private final String m_nodeName;

    private final int m_curveViews;

    /**
     * @param nodeName the node's name, for messages
     * @param curveView whether the node has the curve view
     */
    protected GlassSoftnessNodeFactory(final String nodeName, final boolean curveView) {
        this(nodeName, curveView ? 1 : 0);
    }

    /**
     * A node with several curve views: view k shows {@link GlassSoftnessNodeModel#curves(int) curves(k)}.
     *
     * @param nodeName the node's name, for messages
     * @param curveViews how many curve views the node has
     */
    protected GlassSoftnessNodeFactory(final String nodeName, final int curveViews) {
        if (curveViews < 0) {
            throw new IllegalArgumentException(nodeName + ": negative view count " + curveViews);
        }
        m_nodeName = nodeName;
        m_curveViews = curveViews;
    }

    @Override
    protected final int getNrNodeViews() {
        return m_curveViews;
    }

    @Override
    @SuppressWarnings("removal")
    public final NodeView<T> createNodeView(final int viewIndex, final T nodeModel) {
        if (viewIndex < 0 || viewIndex >= m_curveViews) {
            throw new IndexOutOfBoundsException(m_nodeName + " has " + getNrNodeViews() + " view(s), asked for view "
                + viewIndex);
        }
        return new CurveNodeView<>(nodeModel, m -> m.curves(viewIndex));
    }

    @Override
    @SuppressWarnings("removal")
    protected final boolean hasDialog() {
        return true;
    }
}
