package io.bankcrm.segmentation.api;

import io.bankcrm.segmentation.domain.Decimals;
import io.bankcrm.segmentation.service.ParetoCurve;
import io.bankcrm.segmentation.service.TieringReport.CurvePoint;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The Pareto curve as a standalone SVG chart a person can open in a browser: both axes in percent with ticks and
 * labels, the curve, the line of equal shares, the 80/20 reference point and where this run's top 20% stand.
 */
final class ParetoChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 540;
    private static final int LEFT = 80;
    private static final int RIGHT = 40;
    private static final int TOP = 60;
    private static final int BOTTOM = 80;
    private static final int PLOT_W = WIDTH - LEFT - RIGHT;
    private static final int PLOT_H = HEIGHT - TOP - BOTTOM;

    private ParetoChart() {
    }

    static String svg(ParetoCurve curve) {
        StringBuilder svg = new StringBuilder(8_192);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<title>Pareto curve of tiering run ").append(curve.runId()).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(WIDTH / 2.0, 30, "middle", "16", "Pareto curve: " + curve.segment() + " customers, "
                + curve.asOfMonth() + " (" + Decimals.grouped(curve.customers()) + " customers)"));
        axes(svg);
        svg.append(line(0, 0, 100, 100, "#999999", "4 4")).append('\n');
        StringBuilder points = new StringBuilder();
        for (CurvePoint p : curve.points()) {
            points.append(format(x(p.customerShare()))).append(',').append(format(y(p.profitShare()))).append(' ');
        }
        svg.append("<polyline id=\"curve\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2.5\" points=\"")
                .append(points.toString().trim()).append("\"/>\n");
        // the 80/20 rule: the top 20% of customers bringing 80% of profit
        svg.append(line(20, 0, 20, 80, "#c0392b", "6 3")).append(line(0, 80, 20, 80, "#c0392b", "6 3")).append('\n');
        svg.append("<circle id=\"rule-80-20\" cx=\"").append(format(x(20))).append("\" cy=\"").append(format(y(80)))
                .append("\" r=\"5\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\"/>\n");
        svg.append(text(x(20) + 8, y(80) - 8, "start", "12", "80/20"));
        BigDecimal top = curve.topTwentyPercentProfitShare();
        svg.append("<circle id=\"top-20\" cx=\"").append(format(x(20))).append("\" cy=\"").append(format(y(top)))
                .append("\" r=\"5\" fill=\"#1f5fa8\"/>\n");
        svg.append(text(x(20) + 10, y(top) + 18, "start", "13", "top 20% of customers bring "
                + Decimals.twoDecimals(top) + "% of profit"));
        return svg.append("</svg>\n").toString();
    }

    private static void axes(StringBuilder svg) {
        svg.append("<g id=\"axes\" stroke=\"#333333\" stroke-width=\"1\">\n");
        svg.append(line(0, 0, 100, 0, "#333333", null)).append(line(0, 0, 0, 100, "#333333", null)).append('\n');
        for (int tick = 0; tick <= 100; tick += 10) {
            svg.append(line(tick, 0, tick, 100, "#eeeeee", null)).append(line(0, tick, 100, tick, "#eeeeee", null));
        }
        svg.append("</g>\n");
        for (int tick = 0; tick <= 100; tick += 20) {
            svg.append(text(x(tick), y(0) + 18, "middle", "12", tick + "%"));
            svg.append(text(x(0) - 8, y(tick) + 4, "end", "12", tick + "%"));
        }
        svg.append(text(LEFT + PLOT_W / 2.0, HEIGHT - 30, "middle", "13",
                "Customers, highest contribution first (cumulative %)"));
        svg.append("<text x=\"22\" y=\"").append(format(TOP + PLOT_H / 2.0)).append("\" text-anchor=\"middle\" ")
                .append("font-size=\"13\" transform=\"rotate(-90 22 ").append(format(TOP + PLOT_H / 2.0)).append(")\">")
                .append("Profit (cumulative %)</text>\n");
    }

    private static double x(BigDecimal percent) {
        return x(percent.doubleValue());
    }

    private static double y(BigDecimal percent) {
        return y(percent.doubleValue());
    }

    private static double x(double percent) {
        return LEFT + PLOT_W * percent / 100.0;
    }

    private static double y(double percent) {
        return TOP + PLOT_H * (1 - percent / 100.0);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String dash) {
        return "<line x1=\"" + format(x(x1)) + "\" y1=\"" + format(y(y1)) + "\" x2=\"" + format(x(x2)) + "\" y2=\""
                + format(y(y2)) + "\" stroke=\"" + colour + "\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"")
                + "/>";
    }

    private static String text(double x, double y, String anchor, String size, String content) {
        return "<text x=\"" + format(x) + "\" y=\"" + format(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size
                + "\">" + escape(content) + "</text>\n";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
