package org.qinglian.rectification.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.spi.DashboardCard;
import org.qinglian.platform.api.spi.DashboardContribution;
import org.qinglian.rectification.api.ProblemDto;
import org.qinglian.rectification.api.ProblemQuery;
import org.qinglian.rectification.api.ProblemStatus;
import org.qinglian.rectification.api.RectificationService;

/** The dashboard card of the ledger: overdue problems in the caller's scope first, then what waits for closure. */
@Component(service = DashboardContribution.class)
public class LedgerCard implements DashboardContribution {

    @Reference
    private RectificationService ledger;

    @Reference
    private Messages messages;

    @Override
    public String module() {
        return RectificationService.MODULE;
    }

    @Override
    public String id() {
        return "ledger";
    }

    @Override
    public String permission() {
        return RectificationModule.READ;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<DashboardCard> card(Caller caller, Locale locale) {
        PageRequest five = PageRequest.of(1, 5, "deadline", RectificationService.PROBLEM_SORTABLE);
        Page<ProblemDto> overdue = ledger.problems(new ProblemQuery(null, false, null, null, true, null, null), five,
                locale);
        long requested = ledger.problems(new ProblemQuery(null, false, null, ProblemStatus.CLOSURE_REQUESTED, null,
                null, null), PageRequest.first(1), locale).getTotal();
        long running = ledger.problems(new ProblemQuery(null, false, null, ProblemStatus.IN_PROGRESS, null, null, null),
                PageRequest.first(1), locale).getTotal();
        List<DashboardCard.Item> items = new ArrayList<>();
        for (ProblemDto p : overdue.getItems()) {
            items.add(new DashboardCard.Item(p.description().length() > 40 ? p.description().substring(0, 39) + "…"
                    : p.description(), messages.get(locale, "rectification.card.itemDetail", p.unitName(),
                            String.valueOf(p.deadline())), "rectification/problems/" + p.id()));
        }
        return Optional.of(new DashboardCard(messages.get(locale, "rectification.card.title"), List.of(
                new DashboardCard.Figure(messages.get(locale, "rectification.card.overdue"), overdue.getTotal(),
                        overdue.getTotal() > 0 ? "danger" : "success"),
                new DashboardCard.Figure(messages.get(locale, "rectification.card.closureRequested"), requested,
                        requested > 0 ? "warning" : "neutral"),
                new DashboardCard.Figure(messages.get(locale, "rectification.card.inProgress"), running, "neutral")),
                items, null, "rectification/ledger?overdue=true"));
    }
}
