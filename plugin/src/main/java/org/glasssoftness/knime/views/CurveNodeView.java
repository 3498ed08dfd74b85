package org.glasssoftness.knime.views;

import java.util.function.Function;

import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/** A node view showing the curves its model kept from the last execution (see {@link Curves}). */
public final class CurveNodeView<T extends NodeModel> extends NodeView<T> {
    private final CurvePanel m_panel = new CurvePanel();

    private final Function<T, Curves> m_curves;

    public CurveNodeView(final T model, final Function<T, Curves> curves) {
        super(model);
        m_curves = curves;
        setComponent(m_panel);
    }

    @Override
    protected void modelChanged() {
        m_panel.setCurves(m_curves.apply(getNodeModel()));
    }

    @Override
    protected void onOpen() {
        modelChanged();
    }

    @Override
    protected void onClose() {
        // nothing held
    }
}
