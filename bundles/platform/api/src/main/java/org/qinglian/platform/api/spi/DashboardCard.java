package org.qinglian.platform.api.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A card of the dashboard home: a few figures, a short list, or a chart.
 *
 * @param title the card's title, in the caller's language
 * @param figures key figures, shown large (may be empty)
 * @param items list rows, shown below the figures (may be empty)
 * @param chart an ECharts option object, or null; plain maps, lists, strings and numbers only
 * @param route the portal route the card opens, or null
 */
public record DashboardCard(String title, List<Figure> figures, List<Item> items, Map<String, Object> chart,
        String route) {

    public DashboardCard {
        Objects.requireNonNull(title, "title");
        figures = figures == null ? List.of() : List.copyOf(figures);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * A key figure.
     *
     * @param label what is counted
     * @param value the count or amount
     * @param level {@code neutral}, {@code success}, {@code warning} or {@code danger}
     */
    public record Figure(String label, long value, String level) {
    }

    /**
     * A row of a card's list.
     *
     * @param text the row
     * @param detail a second, smaller line, or null
     * @param route the route it opens, or null
     */
    public record Item(String text, String detail, String route) {
    }
}
