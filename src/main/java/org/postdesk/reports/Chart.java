package org.postdesk.reports;

import java.util.Map;

/** One chart of the HTML report: an Apache ECharts option tree (maps, lists, numbers, strings), drawn as SVG. */
public record Chart(String title, Map<String, Object> option) {
    public Chart {
        option = Map.copyOf(option);
    }
}
