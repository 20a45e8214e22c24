package org.qinglian.talks.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.qinglian.platform.api.persistence.Roster;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.security.SensitiveReach;
import org.qinglian.platform.api.security.Sensitivity;
import org.qinglian.talks.api.CoverageDto;
import org.qinglian.talks.api.CoveragePersonDto;
import org.qinglian.talks.api.CoverageQuery;
import org.qinglian.talks.api.SubjectRole;
import org.qinglian.talks.api.TalkKind;
import org.qinglian.talks.api.TalkStatus;
import org.qinglian.talks.core.entity.TalkPersonEmbeddable.Part;

/**
 * The annual coverage of political talks (全覆盖): every top leader and leadership member of the
 * units in question, and whether a political talk with them was held that year by a unit in the
 * caller's scope. The figures count sensitive talks too; a sensitive talk is linked only for the
 * callers who may read it.
 */
final class Coverage {

    /** A leader's first political talk of the year. */
    record Hit(LocalDate date, UUID talkId, Sensitivity sensitivity, String unitId) {
    }

    private final int year;
    private final List<Roster.Person> leaders;
    private final Map<String, Hit> hits;
    /** Who may read each sensitive talk hit besides the leaders: its conductors, recorder and handlers. */
    private final Map<UUID, List<UUID>> handlers;
    private final SensitiveReach reach;

    private Coverage(int year, List<Roster.Person> leaders, Map<String, Hit> hits, Map<UUID, List<UUID>> handlers,
            SensitiveReach reach) {
        this.year = year;
        this.leaders = leaders;
        this.hits = hits;
        this.handlers = handlers;
        this.reach = reach;
    }

    static Coverage of(EntityManager em, TalkServiceImpl service, CoverageQuery q) {
        Scope scope = service.security.scope();
        List<String> units;
        if (q.unitId() != null) {
            units = service.unitIds(q.unitId(), q.subordinates()).stream()
                    .filter(u -> !"-".equals(u) && scope.includes(UUID.fromString(u))).collect(Collectors.toList());
        } else if (scope.isUnrestricted()) {
            @SuppressWarnings("unchecked")
            List<String> all = em.createNativeQuery("select public_id from pf_unit where deleted_at is null")
                    .getResultList();
            units = all;
        } else {
            units = TalkServiceImpl.ids(scope.units());
        }
        List<Roster.Person> leaders = Roster.leadership(em, units);
        Map<String, Hit> hits = politicalTalks(em, q.year(), leaders, scope, true);
        return new Coverage(q.year(), leaders, hits, handlers(em, hits.values()), service.security.sensitiveReach());
    }

    /** The people named on the sensitive talks hit other than those talked to, by talk. */
    private static Map<UUID, List<UUID>> handlers(EntityManager em, java.util.Collection<Hit> hits) {
        List<String> ids = hits.stream().filter(h -> h.sensitivity() == Sensitivity.SENSITIVE)
                .map(h -> h.talkId().toString()).distinct().collect(Collectors.toList());
        Map<UUID, List<UUID>> handlers = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            em.createQuery("select t.publicId, p.personId from TalkEntity t join t.people p where t.publicId in :ids"
                    + " and p.part <> :subject", Object[].class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .setParameter("subject", Part.SUBJECT).getResultList()
                    .forEach(r -> handlers.computeIfAbsent(UUID.fromString((String) r[0]), k -> new ArrayList<>())
                            .add(UUID.fromString((String) r[1])));
        }
        return handlers;
    }

    /**
     * The first political talk of the year with each of the people, of units in scope: held ones
     * only, or (for planning) planned ones too.
     */
    static Map<String, Hit> politicalTalks(EntityManager em, int year, List<Roster.Person> people, Scope scope,
            boolean heldOnly) {
        Set<TalkStatus> statuses = EnumSet.copyOf(Workflow.TOOK_PLACE);
        if (!heldOnly) {
            statuses.add(TalkStatus.PLANNED);
        }
        List<String> ids = people.stream().map(Roster.Person::id).collect(Collectors.toList());
        Map<String, Hit> hits = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            String inScope = scope.isUnrestricted() ? "" : " and t.unitId in :scopeUnits";
            var query = em.createQuery("select p.personId, t.publicId, coalesce(t.heldOn, t.plannedOn), t.sensitivity,"
                    + " t.unitId from TalkEntity t join t.people p where t.deletedAt is null and t.kind = :political"
                    + " and p.part = :subject and p.personId in :ids and t.status in :statuses and t.year = :year"
                    + inScope + " order by coalesce(t.heldOn, t.plannedOn), t.id", Object[].class)
                    .setParameter("political", TalkKind.POLITICAL).setParameter("subject", Part.SUBJECT)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .setParameter("statuses", statuses).setParameter("year", year);
            if (!scope.isUnrestricted()) {
                query.setParameter("scopeUnits", scope.units().isEmpty() ? List.of("-") : TalkServiceImpl.ids(scope.units()));
            }
            for (Object[] r : query.getResultList()) {
                hits.putIfAbsent((String) r[0], new Hit((LocalDate) r[2], UUID.fromString((String) r[1]),
                        (Sensitivity) r[3], (String) r[4]));
            }
        }
        return hits;
    }

    CoverageDto figures() {
        Map<String, long[]> byUnit = new LinkedHashMap<>();
        Map<String, String> unitNames = new HashMap<>();
        for (Roster.Person p : leaders) {
            long[] c = byUnit.computeIfAbsent(p.unitId(), k -> new long[2]);
            unitNames.put(p.unitId(), p.unitName());
            c[0]++;
            if (hits.containsKey(p.id())) {
                c[1]++;
            }
        }
        List<CoverageDto.UnitCoverage> units = new ArrayList<>();
        byUnit.forEach((unit, c) -> units.add(new CoverageDto.UnitCoverage(UUID.fromString(unit), unitNames.get(unit),
                c[0], c[1], c[0] - c[1], rate(c[1], c[0]))));
        long total = leaders.size();
        long covered = leaders.stream().filter(p -> hits.containsKey(p.id())).count();
        return new CoverageDto(year, total, covered, total - covered, rate(covered, total), units);
    }

    /** The leaders in unit and name order, only the missing (true), only the covered (false) or all (null). */
    List<CoveragePersonDto> people(Boolean missing) {
        List<CoveragePersonDto> list = new ArrayList<>();
        for (Roster.Person p : leaders) {
            Hit hit = hits.get(p.id());
            if (missing != null && missing == (hit != null)) {
                continue;
            }
            UUID talk = hit == null || hit.sensitivity() == Sensitivity.SENSITIVE && !reach.reaches(
                    UUID.fromString(hit.unitId()), handlers.getOrDefault(hit.talkId(), List.of())) ? null : hit.talkId();
            list.add(new CoveragePersonDto(UUID.fromString(p.id()), p.name(), UUID.fromString(p.unitId()), p.unitName(),
                    p.topLeader() ? SubjectRole.TOP_LEADER : SubjectRole.LEADERSHIP_MEMBER, hit != null,
                    hit == null ? null : hit.date(), talk));
        }
        return list;
    }

    int year() {
        return year;
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
