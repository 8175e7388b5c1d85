package dev.osprey.bench;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Draws {@code ratios.png}: one panel per database, a bar per workload with Osprey's rate over raw
 * JDBC's best, reference lines at 1.0 and at the target 0.95 (0.8 over the rows-into-entities
 * workload). Bars are green at or above the target, amber within 0.15 of it, red below; a whisker
 * spans Osprey's slowest run over JDBC's fastest to the reverse, so that noise shows. Plain
 * {@code java.awt} in headless mode. Stateless.
 */
final class RatioChart {
    private static final int WIDTH = 1500;
    private static final int PANEL = 270;
    private static final int TOP = 70;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int BOTTOM_LABELS = 48;
    private static final Color GREEN = new Color(0x2E9E5B);
    private static final Color AMBER = new Color(0xE0A030);
    private static final Color RED = new Color(0xD0453A);
    private static final Color GRID = new Color(0xE4E4E4);

    private RatioChart() {
    }

    static void write(Report report, Path file) throws IOException {
        List<BenchDatabase> databases = report.databases();
        int panels = Math.max(1, databases.size());
        int height = TOP + panels * (PANEL + BOTTOM_LABELS + 30) + 20;
        var image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
            g.drawString("Osprey / raw JDBC (median rates, same run)", LEFT, 32);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString("target 0.95 (red dashed; 0.8 for rows into entities), parity 1.0 (black). Green: at or "
                    + "above target; amber: within 0.15; red: below. Whiskers: the ratio's range over the runs.",
                    LEFT, 54);
            if (databases.isEmpty()) {
                g.drawString("no database was reachable", LEFT, TOP + 40);
            }
            double max = 1.2;   // one scale for all panels, so that databases compare at a glance
            for (BenchDatabase database : databases) {
                for (Report.Line line : report.lines(database)) {
                    double r = line.ospreyToJdbc();
                    if (!Double.isNaN(r)) {
                        max = Math.max(max, Math.ceil(r * 10) / 10 + 0.1);
                    }
                }
            }
            max = Math.min(max, 2.0);
            int y = TOP;
            for (BenchDatabase database : databases) {
                panel(g, database, report.lines(database), y, max);
                y += PANEL + BOTTOM_LABELS + 30;
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static void panel(Graphics2D g, BenchDatabase database, List<Report.Line> lines, int top, double max) {
        int plotTop = top + 24;
        int plotBottom = top + PANEL;
        int plotLeft = LEFT;
        int plotRight = WIDTH - RIGHT;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        g.drawString(database.label(), plotLeft, top + 14);

        // axis and grid
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (double tick = 0; tick <= max + 1e-9; tick += 0.2) {
            int ty = yOf(tick, max, plotTop, plotBottom);
            g.setColor(GRID);
            g.drawLine(plotLeft, ty, plotRight, ty);
            g.setColor(Color.DARK_GRAY);
            String label = String.format(Locale.ROOT, "%.1f", tick);
            g.drawString(label, plotLeft - 8 - fm.stringWidth(label), ty + 4);
        }
        g.setColor(Color.BLACK);
        g.drawLine(plotLeft, plotTop, plotLeft, plotBottom);
        g.drawLine(plotLeft, plotBottom, plotRight, plotBottom);

        int n = Math.max(1, lines.size());
        double slot = (plotRight - plotLeft) / (double) n;
        int barWidth = (int) (slot * 0.6);
        Stroke solid = g.getStroke();
        Stroke dashed = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
        for (int i = 0; i < lines.size(); i++) {
            Report.Line line = lines.get(i);
            double ratio = line.ospreyToJdbc();
            int cx = (int) (plotLeft + slot * i + slot / 2);
            int x = cx - barWidth / 2;
            double target = line.workload().target();
            if (Double.isNaN(ratio)) {
                g.setColor(Color.GRAY);
                g.drawString("n/a", cx - fm.stringWidth("n/a") / 2, plotBottom - 6);
            } else {
                double shown = Math.min(ratio, max);
                int by = yOf(shown, max, plotTop, plotBottom);
                g.setColor(ratio >= target ? GREEN : ratio >= target - 0.15 ? AMBER : RED);
                g.fillRect(x, by, barWidth, plotBottom - by);
                // whisker: from Osprey's slowest over JDBC's fastest run to Osprey's fastest over JDBC's slowest
                double low = line.osprey().min() / line.jdbc().max();
                double high = Math.min(line.osprey().max() / line.jdbc().min(), max);
                int wLow = yOf(low, max, plotTop, plotBottom);
                int wHigh = yOf(high, max, plotTop, plotBottom);
                g.setColor(new Color(0x555555));
                g.drawLine(cx, wLow, cx, wHigh);
                g.drawLine(cx - 4, wLow, cx + 4, wLow);
                g.drawLine(cx - 4, wHigh, cx + 4, wHigh);
                g.setColor(Color.BLACK);
                String label = String.format(Locale.ROOT, ratio > max ? "%.2f ^" : "%.2f", ratio);
                g.drawString(label, cx + 6, Math.min(by, wHigh) - 4);
            }
            if (target < 0.95) {   // rows into entities: its own target over its bar
                g.setColor(AMBER.darker());
                g.setStroke(dashed);
                int ty = yOf(target, max, plotTop, plotBottom);
                g.drawLine((int) (plotLeft + slot * i + 2), ty, (int) (plotLeft + slot * (i + 1) - 2), ty);
                g.setStroke(solid);
            }
            drawLabel(g, line.workload().key(), cx, plotBottom + 14);
        }
        g.setStroke(dashed);
        g.setColor(RED);
        int y95 = yOf(0.95, max, plotTop, plotBottom);
        g.drawLine(plotLeft, y95, plotRight, y95);
        g.setStroke(new BasicStroke(1.4f));
        g.setColor(Color.BLACK);
        int y100 = yOf(1.0, max, plotTop, plotBottom);
        g.drawLine(plotLeft, y100, plotRight, y100);
        g.setStroke(solid);
    }

    /** A workload name under its bar, slanted so that long names do not collide. */
    private static void drawLabel(Graphics2D g, String text, int cx, int y) {
        AffineTransform saved = g.getTransform();
        g.setColor(Color.DARK_GRAY);
        g.translate(cx - 4, y);
        g.rotate(Math.toRadians(18));
        g.drawString(text, -g.getFontMetrics().stringWidth(text) / 4, 0);
        g.setTransform(saved);
    }

    private static int yOf(double value, double max, int top, int bottom) {
        return (int) Math.round(bottom - (bottom - top) * value / max);
    }
}
