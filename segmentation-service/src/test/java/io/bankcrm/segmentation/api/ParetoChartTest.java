package io.bankcrm.segmentation.api;

import io.bankcrm.segmentation.domain.Segment;
import io.bankcrm.segmentation.service.ParetoCurve;
import io.bankcrm.segmentation.service.TieringReport.CurvePoint;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Web layer, no container: the SVG chart is well-formed and carries axes, labels, the curve and the 80/20 marks. */
class ParetoChartTest {

    @Test
    void drawsAWellFormedChart() throws Exception {
        ParetoCurve curve = new ParetoCurve(UUID.randomUUID(), Segment.RETAIL, YearMonth.of(2026, 10), 48_210,
                new BigDecimal("1000.00"), new BigDecimal("73.40"), List.of(point("0", "0"), point("20", "73.40"),
                point("50", "95"), point("100", "100")));
        String svg = ParetoChart.svg(curve);
        Document doc = parse(svg);
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertTrue(svg.contains("id=\"axes\""), svg);
        assertTrue(svg.contains("Customers, highest contribution first (cumulative %)"), svg);
        assertTrue(svg.contains("Profit (cumulative %)"), svg);
        assertTrue(svg.contains("id=\"rule-80-20\""), svg);
        assertTrue(svg.contains(">80/20<"), svg);
        assertTrue(svg.contains("top 20% of customers bring 73.40% of profit"), svg);
        assertTrue(svg.contains("48,210 customers"), svg);
        assertTrue(svg.contains("RETAIL customers, 2026-10"), svg);
        assertEquals(4, polyline(doc).length);
    }

    /**
     * Twelve customers: the points are at 8.33%, 16.67%, 25% ... of customers, none at 20%. Every point is drawn
     * at its own share of customers, and the top-20% mark, read off the curve at exactly 20%, lies on the line.
     */
    @Test
    void everyPointIsAtItsRealShareAndTheTopTwentyMarkLiesOnTheCurve() throws Exception {
        String[] profit = {"0", "30.00", "50.00", "60.00", "68.00", "75.00", "81.00", "86.00", "90.00", "93.00",
                "96.00", "98.00", "100.00"};
        List<CurvePoint> points = new java.util.ArrayList<>();
        for (int rank = 0; rank <= 12; rank++) {
            points.add(point(new BigDecimal(rank * 100).divide(new BigDecimal(12), 2, java.math.RoundingMode.HALF_UP)
                    .toPlainString(), profit[rank]));
        }
        ParetoCurve curve = new ParetoCurve(UUID.randomUUID(), Segment.RETAIL, YearMonth.of(2026, 10), 12,
                new BigDecimal("100.00"), new BigDecimal("54.00"), points);
        Document doc = parse(ParetoChart.svg(curve));

        double[][] drawn = polyline(doc);
        assertEquals(13, drawn.length);
        for (int i = 0; i < drawn.length; i++) {
            assertEquals(x(points.get(i).customerShare().doubleValue()), drawn[i][0], 0.05, "point " + i);
            assertEquals(y(points.get(i).profitShare().doubleValue()), drawn[i][1], 0.05, "point " + i);
        }
        Element mark = byId(doc, "top-20");
        double cx = Double.parseDouble(mark.getAttribute("cx"));
        double cy = Double.parseDouble(mark.getAttribute("cy"));
        assertEquals(x(20), cx, 0.05);
        // on the segment from the second customer (16.67%) to the third (25%)
        double t = (cx - drawn[2][0]) / (drawn[3][0] - drawn[2][0]);
        assertEquals(drawn[2][1] + t * (drawn[3][1] - drawn[2][1]), cy, 0.2, "the mark is on the curve");
    }

    private static double[][] polyline(Document doc) {
        String points = doc.getElementsByTagName("polyline").item(0).getAttributes().getNamedItem("points")
                .getNodeValue();
        return Arrays.stream(points.split(" ")).map(p -> Arrays.stream(p.split(",")).mapToDouble(Double::parseDouble)
                .toArray()).toArray(double[][]::new);
    }

    private static Element byId(Document doc, String id) {
        var circles = doc.getElementsByTagName("circle");
        for (int i = 0; i < circles.getLength(); i++) {
            Element e = (Element) circles.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("no circle " + id);
    }

    /** The chart's plot area: 600 px wide from x = 80, 400 px high from y = 60 (100% at the top). */
    private static double x(double percent) {
        return 80 + 600 * percent / 100;
    }

    private static double y(double percent) {
        return 60 + 400 * (1 - percent / 100);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static CurvePoint point(String customers, String profit) {
        return new CurvePoint(new BigDecimal(customers), new BigDecimal(profit));
    }
}
