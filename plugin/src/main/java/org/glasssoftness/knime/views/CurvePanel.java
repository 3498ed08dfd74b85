package org.glasssoftness.knime.views;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

import javax.swing.JPanel;

/** A plain line chart of {@link Curves}: axes with min/max labels, one coloured polyline per series, a legend. */
public final class CurvePanel extends JPanel {
    private static final long serialVersionUID = 1L;

    private static final Color[] COLORS = {new Color(46, 139, 87), new Color(50, 90, 200), new Color(200, 50, 50),
        new Color(200, 120, 30), new Color(120, 60, 160), new Color(60, 60, 60)};

    private transient Curves m_curves;

    public CurvePanel() {
        setPreferredSize(new Dimension(560, 380));
        setBackground(Color.WHITE);
    }

    /** Shows these curves (null: an empty panel saying that the node has not run). */
    public void setCurves(final Curves curves) {
        m_curves = curves;
        repaint();
    }

    public Curves curves() {
        return m_curves;
    }

    @Override
    protected void paintComponent(final Graphics g0) {
        super.paintComponent(g0);
        Graphics2D g = (Graphics2D)g0;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int w = Math.max(getWidth(), 200), h = Math.max(getHeight(), 150);
        g.setColor(Color.DARK_GRAY);
        if (m_curves == null || m_curves.x().length == 0) {
            g.drawString("No data: execute the node.", 20, 30);
            return;
        }
        Curves c = m_curves;
        double xmin = Double.POSITIVE_INFINITY, xmax = Double.NEGATIVE_INFINITY;
        double ymin = Double.POSITIVE_INFINITY, ymax = Double.NEGATIVE_INFINITY;
        for (double v : c.x()) {
            xmin = Math.min(xmin, v);
            xmax = Math.max(xmax, v);
        }
        for (double[] y : c.ys()) {
            for (double v : y) {
                ymin = Math.min(ymin, v);
                ymax = Math.max(ymax, v);
            }
        }
        if (!(xmax > xmin)) {
            xmax = xmin + 1;
        }
        if (!(ymax > ymin)) {
            ymax = ymin + 1;
        }
        int left = 70, right = w - 20, top = 40, bottom = h - 50;
        FontMetrics fm = g.getFontMetrics();
        g.setFont(g.getFont().deriveFont(Font.BOLD));
        g.drawString(c.title(), left, 20);
        g.setFont(g.getFont().deriveFont(Font.PLAIN));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, bottom, left, top);
        g.drawString(fmt(xmin), left, bottom + 15);
        g.drawString(fmt(xmax), right - fm.stringWidth(fmt(xmax)), bottom + 15);
        g.drawString(c.xLabel(), (left + right - fm.stringWidth(c.xLabel())) / 2, bottom + 32);
        g.drawString(fmt(ymin), left - 5 - fm.stringWidth(fmt(ymin)), bottom);
        g.drawString(fmt(ymax), left - 5 - fm.stringWidth(fmt(ymax)), top + 10);
        g.drawString(c.yLabel(), 5, top - 8);
        g.setStroke(new BasicStroke(1.8f));
        for (int s = 0; s < c.ys().size(); s++) {
            g.setColor(COLORS[s % COLORS.length]);
            double[] y = c.ys().get(s);
            int px = -1, py = -1;
            for (int i = 0; i < y.length; i++) {
                int qx = left + (int)Math.round((c.x()[i] - xmin) / (xmax - xmin) * (right - left));
                int qy = bottom - (int)Math.round((y[i] - ymin) / (ymax - ymin) * (bottom - top));
                if (i > 0) {
                    g.drawLine(px, py, qx, qy);
                }
                px = qx;
                py = qy;
            }
            g.fillRect(right - 120, top + 4 + 16 * s, 12, 4);
            g.drawString(c.names().get(s), right - 102, top + 10 + 16 * s);
        }
    }

    private static String fmt(final double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
