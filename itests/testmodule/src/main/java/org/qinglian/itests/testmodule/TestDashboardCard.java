package org.qinglian.itests.testmodule;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.spi.DashboardCard;
import org.qinglian.platform.api.spi.DashboardContribution;
import org.qinglian.platform.api.spi.LocalizedText;

/** A dashboard card with figures and a chart, as a real module contributes one. */
@Component(service = DashboardContribution.class)
public class TestDashboardCard implements DashboardContribution {

    @Override
    public String module() {
        return TestModule.ID;
    }

    @Override
    public String id() {
        return "overview";
    }

    @Override
    public String permission() {
        return "testmod:read";
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public Optional<DashboardCard> card(Caller caller, Locale locale) {
        LocalizedText title = new LocalizedText("测试事项概况", "Test items overview");
        LocalizedText open = new LocalizedText("未完成", "Open");
        LocalizedText overdue = new LocalizedText("已逾期", "Overdue");
        Map<String, Object> chart = Map.of(
                "xAxis", Map.of("type", "category", "data", List.of("1", "2", "3", "4")),
                "yAxis", Map.of("type", "value"),
                "series", List.of(Map.of("type", "bar", "data", List.of(3, 5, 2, 4))));
        return Optional.of(new DashboardCard(title.in(locale), List.of(
                new DashboardCard.Figure(open.in(locale), 8, "warning"),
                new DashboardCard.Figure(overdue.in(locale), 1, "danger")), List.of(), chart, "testmod/items"));
    }
}
