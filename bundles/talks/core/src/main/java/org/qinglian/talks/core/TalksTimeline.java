package org.qinglian.talks.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.spi.TimelineContribution;
import org.qinglian.platform.api.spi.TimelineEntry;
import org.qinglian.talks.api.TalkDto;
import org.qinglian.talks.api.TalkQuery;
import org.qinglian.talks.api.TalkService;
import org.qinglian.talks.api.TalkStatus;

/**
 * The talks a person had (or has planned), for their timeline: the register's own rules decide
 * what the caller sees, so a sensitive talk appears only to those with need-to-know, and an entry
 * says what kind of talk, by whom and in which state, never what was said.
 */
@Component(service = TimelineContribution.class)
public class TalksTimeline implements TimelineContribution {

    /** The most talks of one person a timeline lists. */
    static final int LIMIT = 200;

    @Reference
    private TalkService talks;

    @Reference
    private Messages messages;

    @Reference
    private PlatformClock clock;

    public TalksTimeline() {
    }

    /** For tests. */
    public TalksTimeline(TalkService talks, Messages messages, PlatformClock clock) {
        this.talks = talks;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String module() {
        return TalkService.MODULE;
    }

    @Override
    public String permission() {
        return "talks:read";
    }

    @Override
    public List<TimelineEntry> entries(UUID personId, Locale locale) {
        TalkQuery query = new TalkQuery(null, null, null, null, null, false, null, personId, null, null, null);
        List<TimelineEntry> entries = new ArrayList<>();
        for (TalkDto t : talks.talks(query, PageRequest.of(1, LIMIT, "-heldOn", TalkService.SORTABLE), locale).getItems()) {
            if (t.status() == TalkStatus.CANCELLED) {
                continue;
            }
            java.time.LocalDate date = t.heldOn() != null ? t.heldOn() : t.plannedOn();
            if (date == null) {
                date = t.createdAt().atZone(clock.businessZone()).toLocalDate();
            }
            entries.add(new TimelineEntry(TalkService.MODULE, date, t.kind().name(),
                    messages.get(locale, "talks.kind." + t.kind()), messages.get(locale, "talks.timelineEntry.detail",
                            t.unitName(), messages.get(locale, "talks.status." + t.status())),
                    "talks/talks/" + t.id()));
        }
        return entries;
    }
}
