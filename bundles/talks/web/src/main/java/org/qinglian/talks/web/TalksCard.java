package org.qinglian.talks.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.spi.DashboardCard;
import org.qinglian.platform.api.spi.DashboardContribution;
import org.qinglian.talks.api.CoverageDto;
import org.qinglian.talks.api.CoverageQuery;
import org.qinglian.talks.api.TalkDto;
import org.qinglian.talks.api.TalkQuery;
import org.qinglian.talks.api.TalkService;
import org.qinglian.talks.api.TalkStatus;

/**
 * The dashboard card of talks: the year's coverage of political talks (全覆盖) in the caller's
 * scope as a gauge, overdue follow-ups and proposed talks, and the overdue follow-ups listed.
 */
@Component(service = DashboardContribution.class)
public class TalksCard implements DashboardContribution {

    @Reference
    private TalkService talks;

    @Reference
    private Messages messages;

    @Reference
    private PlatformClock clock;

    @Override
    public String module() {
        return TalkService.MODULE;
    }

    @Override
    public String id() {
        return "coverage";
    }

    @Override
    public String permission() {
        return TalksModule.READ;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<DashboardCard> card(Caller caller, Locale locale) {
        int year = clock.today().getYear();
        CoverageDto coverage = talks.coverage(new CoverageQuery(year, null, false, null));
        Page<TalkDto> overdue = talks.talks(new TalkQuery(null, TalkStatus.FOLLOW_UP_PENDING, null, null, null, false,
                null, null, null, true, null), PageRequest.of(1, 5, "followUpDeadline", TalkService.SORTABLE), locale);
        long proposed = talks.talks(new TalkQuery(null, TalkStatus.PLANNED, null, null, null, false, null, null, null,
                null, true), PageRequest.first(1), locale).getTotal();
        List<DashboardCard.Item> items = new ArrayList<>();
        for (TalkDto t : overdue.getItems()) {
            items.add(new DashboardCard.Item(messages.get(locale, "talks.card.itemText",
                    messages.get(locale, "talks.kind." + t.kind()), t.subjectNames()),
                    messages.get(locale, "talks.card.itemDetail", t.unitName(), String.valueOf(t.followUpDeadline())),
                    "talks/talks/" + t.id()));
        }
        long percent = Math.round(coverage.rate() * 100);
        java.util.Map<String, Object> gauge = java.util.Map.of(
                "series", List.of(java.util.Map.of("type", "gauge", "min", 0, "max", 100,
                        "progress", java.util.Map.of("show", true),
                        "detail", java.util.Map.of("formatter", "{value}%", "fontSize", 18),
                        "data", List.of(java.util.Map.of("value", percent,
                                "name", messages.get(locale, "talks.card.coverage", String.valueOf(year)))))));
        return Optional.of(new DashboardCard(messages.get(locale, "talks.card.title"), List.of(
                new DashboardCard.Figure(messages.get(locale, "talks.card.missing"), coverage.missing(),
                        coverage.missing() > 0 ? "warning" : "success"),
                new DashboardCard.Figure(messages.get(locale, "talks.card.followUpOverdue"), overdue.getTotal(),
                        overdue.getTotal() > 0 ? "danger" : "success"),
                new DashboardCard.Figure(messages.get(locale, "talks.card.proposed"), proposed,
                        proposed > 0 ? "warning" : "neutral")),
                items, gauge, "talks/coverage"));
    }
}
