package io.bankcrm.segmentation.api;

import io.bankcrm.segmentation.domain.Segment;
import io.bankcrm.segmentation.service.ParetoCurve;
import io.bankcrm.segmentation.service.TieringReport.CurvePoint;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Web layer, no container: the SVG chart is well-formed and carries axes, labels, the curve and the 80/20 marks. */
class ParetoChartTest {

    @Test
    void drawsAWellFormedChart() throws Exception {
        ParetoCurve curve = new ParetoCurve(UUID.randomUUID(), Segment.RETAIL, YearMonth.of(2026, 10), 48_210, new BigDecimal("1000.00"),
                new BigDecimal("73.40"), List.of(point("0", "0"), point("20", "73.40"), point("50", "95"),
                point("100", "100")));
        String svg = ParetoChart.svg(curve);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertTrue(svg.contains("id=\"axes\""), svg);
        assertTrue(svg.contains("Customers, highest contribution first (cumulative %)"), svg);
        assertTrue(svg.contains("Profit (cumulative %)"), svg);
        assertTrue(svg.contains("id=\"rule-80-20\""), svg);
        assertTrue(svg.contains(">80/20<"), svg);
        assertTrue(svg.contains("top 20% of customers bring 73.40% of profit"), svg);
        assertTrue(svg.contains("48,210 customers"), svg);
        String points = doc.getElementsByTagName("polyline").item(0).getAttributes().getNamedItem("points")
                .getNodeValue();
        assertEquals(4, points.split(" ").length);
    }

    private static CurvePoint point(String customers, String profit) {
        return new CurvePoint(new BigDecimal(customers), new BigDecimal(profit));
    }
}
