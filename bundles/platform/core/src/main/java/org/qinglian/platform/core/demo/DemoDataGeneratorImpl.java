package org.qinglian.platform.core.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.qinglian.platform.api.ConflictException;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.UnitLevel;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.api.demo.DemoData;
import org.qinglian.platform.api.demo.DemoDataGenerator;
import org.qinglian.platform.api.demo.DemoScale;
import org.qinglian.platform.api.demo.DemoSummary;
import org.qinglian.platform.api.persistence.Transactions;
import org.qinglian.platform.api.spi.DemoDataContributor;
import org.qinglian.platform.core.entity.PersonEntity;
import org.qinglian.platform.core.entity.PositionEmbeddable;
import org.qinglian.platform.core.entity.SupervisionEntity;
import org.qinglian.platform.core.entity.UnitEntity;
import org.qinglian.platform.core.service.Mapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo city 清源市, written through JPA in batches (sequence ids, JDBC batching, one
 * transaction per {@value #BATCH} people), then handed to the contributors.
 */
@Component(service = DemoDataGenerator.class)
public class DemoDataGeneratorImpl implements DemoDataGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataGeneratorImpl.class);
    static final int BATCH = 1000;
    /** The row of pf_demo_run that records the city itself. */
    static final String PLATFORM_RUN = "platform";
    static final int TOWNSHIPS = 150;
    static final int GROUPS = 10;
    private static final LocalDate SINCE = LocalDate.of(2024, 1, 1);

    @Reference(target = "(osgi.unit.name=qinglian-platform)")
    private JpaTemplate jpa;

    @Reference
    private PlatformClock clock;

    @Reference
    private AuditLog audit;

    private final List<DemoDataContributor> contributors = new CopyOnWriteArrayList<>();
    private volatile boolean active;

    public DemoDataGeneratorImpl() {
    }

    /** For tests. */
    public DemoDataGeneratorImpl(JpaTemplate jpa, PlatformClock clock, AuditLog audit) {
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
    }

    public void addContributor(DemoDataContributor contributor) {
        contributors.add(contributor);
    }

    @Activate
    void activate() {
        active = true;
    }

    @Deactivate
    void deactivate() {
        active = false;
    }

    /**
     * A contributor that arrives when the database already holds the demo city (a module installed
     * later into a demo portal) adds its records to it, once, in the background.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindContributor(DemoDataContributor contributor) {
        contributors.add(contributor);
        if (active && jpa != null) {
            Thread t = new Thread(() -> {
                try {
                    topUp(contributor);
                } catch (RuntimeException e) {
                    LOG.error("Demo data of {} failed", contributor.name(), e);
                }
            }, "qinglian-demo-" + contributor.name());
            t.setDaemon(true);
            t.start();
        }
    }

    void unbindContributor(DemoDataContributor contributor) {
        contributors.remove(contributor);
    }

    /**
     * Adds a contributor's records to the demo city already in the database, unless it did before
     * or there is no demo city; answers what it made (empty when nothing was done).
     */
    public Map<String, Long> topUp(DemoDataContributor contributor) {
        Object[] run = Transactions.inTransaction(jpa, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select scale, seed from pf_demo_run where contributor = ?1")
                    .setParameter(1, PLATFORM_RUN).getResultList();
            long done = ((Number) em.createNativeQuery("select count(*) from pf_demo_run where contributor = ?1")
                    .setParameter(1, contributor.name()).getSingleResult()).longValue();
            return rows.isEmpty() || done > 0 ? null : rows.get(0);
        });
        if (run == null) {
            return Map.of();
        }
        DemoScale scale = DemoScale.valueOf((String) run[0]);
        long seed = ((Number) run[1]).longValue();
        Data data = Transactions.inTransaction(jpa, em -> existing(em, scale, seed));
        long t0 = System.nanoTime();
        Map<String, Long> counts = contributor.contribute(data);
        recordRun(contributor.name(), scale, seed);
        LOG.info("Demo data of {} added to the demo city in {} ms: {}", contributor.name(),
                (System.nanoTime() - t0) / 1_000_000, counts);
        return counts;
    }

    /** The demo city as it is in the database, for a contributor that comes later. */
    private Data existing(EntityManager em, DemoScale scale, long seed) {
        List<UnitDto> units = new ArrayList<>();
        em.createQuery("select u from UnitEntity u left join fetch u.parent where u.deletedAt is null order by u.id",
                UnitEntity.class).getResultList().forEach(u -> units.add(Mapping.unit(u)));
        Map<UUID, List<UUID>> people = new HashMap<>();
        em.createQuery("select p.publicId, u.publicId from PersonEntity p join p.unit u where p.deletedAt is null"
                + " order by p.id", Object[].class).getResultList().forEach(r -> people.computeIfAbsent(
                        UUID.fromString((String) r[1]), k -> new ArrayList<>()).add(UUID.fromString((String) r[0])));
        return new Data(scale, seed, units, people, (step, done, total) -> LOG.info("Demo data: {} {}/{}", step, done,
                total));
    }

    private void recordRun(String contributor, DemoScale scale, long seed) {
        Transactions.inTransaction(jpa, em -> em.createNativeQuery("insert into pf_demo_run (contributor, scale, seed,"
                + " ran_at) values (?1, ?2, ?3, ?4)").setParameter(1, contributor).setParameter(2, scale.name())
                .setParameter(3, seed).setParameter(4, java.sql.Timestamp.from(clock.now())).executeUpdate());
    }

    @Override
    public DemoSummary generate(DemoScale scale, long seed, Progress progress) {
        long t0 = System.nanoTime();
        Generated city = Transactions.inTransaction(jpa, em -> units(em, seed));
        progress.step("units", city.units.size(), city.units.size());
        Map<UUID, List<UUID>> people = people(city, scale, seed, progress);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("units", (long) city.units.size());
        counts.put("supervisions", (long) city.supervisions);
        counts.put("people", people.values().stream().mapToLong(List::size).sum());
        Data data = new Data(scale, seed, city.units, people, progress);
        recordRun(PLATFORM_RUN, scale, seed);
        List<DemoDataContributor> ordered = new ArrayList<>(contributors);
        ordered.sort(Comparator.comparing(DemoDataContributor::name));
        for (DemoDataContributor c : ordered) {
            LOG.info("Demo data: {}", c.name());
            c.contribute(data).forEach((k, v) -> counts.merge(k, v, Long::sum));
            recordRun(c.name(), scale, seed);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        audit.recordSeparately(AuditEvent.of("demo.generate", "demo", scale.name())
                .detail("seed=" + seed + " " + counts));
        LOG.info("Demo data {} (seed {}) in {} ms: {}", scale, seed, millis, counts);
        return new DemoSummary(counts, millis);
    }

    /** The generated tree, parents before children. */
    private record Generated(List<UnitDto> units, Map<UUID, Long> ids, int supervisions) {
    }

    private Generated units(EntityManager em, long seed) {
        if (em.createQuery("select count(u) from UnitEntity u where u.deletedAt is null", Long.class)
                .getSingleResult() > 0) {
            throw new ConflictException("problem.demoNotEmpty");
        }
        Random random = new Random(seed);
        List<UnitEntity> all = new ArrayList<>();
        UnitEntity city = unit(em, all, DemoNames.CITY + "纪委监委", "city", UnitKind.COMMISSION, UnitLevel.CITY, null);
        List<UnitEntity> districts = new ArrayList<>();
        for (int d = 0; d < DemoNames.DISTRICTS.size(); d++) {
            districts.add(unit(em, all, DemoNames.DISTRICTS.get(d) + "纪委监委", String.format("d%02d", d + 1),
                    UnitKind.COMMISSION, UnitLevel.DISTRICT, city));
        }
        Set<String> townshipNames = new HashSet<>();
        for (int t = 0; t < TOWNSHIPS; t++) {
            UnitEntity district = districts.get(t % districts.size());
            String name;
            do {
                // names are unique in a city, as imports that name units rely on
                name = DemoNames.DISTRICTS.get(t % districts.size()) + DemoNames.township(random, t) + "纪工委";
            } while (!townshipNames.add(name));
            unit(em, all, name,
                    String.format("%s-t%02d", district.getCode(), t / districts.size() + 1), UnitKind.COMMISSION,
                    UnitLevel.TOWNSHIP, district);
        }
        List<UnitEntity> cityOrgans = new ArrayList<>();
        for (int o = 0; o < DemoNames.DEPARTMENTS.size(); o++) {
            cityOrgans.add(unit(em, all, DemoNames.CITY + DemoNames.DEPARTMENTS.get(o) + "机关纪委",
                    String.format("org%02d", o + 1), UnitKind.ORGAN_COMMITTEE, UnitLevel.CITY, city));
        }
        for (int o = 0; o < DemoNames.DEPARTMENTS.size(); o++) {
            UnitEntity district = districts.get(o % districts.size());
            unit(em, all, DemoNames.DISTRICTS.get(o % districts.size()) + DemoNames.DEPARTMENTS.get(o) + "机关纪委",
                    String.format("%s-org%02d", district.getCode(), o + 1), UnitKind.ORGAN_COMMITTEE,
                    UnitLevel.DISTRICT, district);
        }
        int supervisions = 0;
        for (int g = 0; g < GROUPS; g++) {
            UnitEntity group = unit(em, all, DemoNames.CITY + "纪委监委派驻第" + (g + 1) + "纪检监察组",
                    String.format("grp%02d", g + 1), UnitKind.DISPATCHED_GROUP, UnitLevel.CITY, city);
            for (int o = g; o < cityOrgans.size(); o += GROUPS) {
                SupervisionEntity s = new SupervisionEntity();
                s.setSupervisor(group);
                s.setSupervised(cityOrgans.get(o));
                s.setValidFrom(SINCE);
                s.created(clock.now());
                em.persist(s);
                supervisions++;
            }
        }
        em.flush();
        List<UnitDto> dtos = new ArrayList<>();
        Map<UUID, Long> ids = new HashMap<>();
        for (UnitEntity u : all) {
            dtos.add(Mapping.unit(u));
            ids.put(u.getPublicId(), u.getId());
        }
        return new Generated(dtos, ids, supervisions);
    }

    private UnitEntity unit(EntityManager em, List<UnitEntity> all, String name, String code, UnitKind kind,
            UnitLevel level, UnitEntity parent) {
        UnitEntity u = new UnitEntity();
        u.setName(name);
        u.setCode(code);
        u.setKind(kind);
        u.setLevel(level);
        u.setParent(parent);
        u.setSortOrder(all.size());
        u.created(clock.now());
        em.persist(u);
        all.add(u);
        return u;
    }

    /** How many people a unit gets, relative to a township's 8. */
    private static int weight(UnitDto u) {
        if (u.getKind() == UnitKind.COMMISSION) {
            return u.getLevel() == UnitLevel.CITY ? 60 : u.getLevel() == UnitLevel.DISTRICT ? 30 : 8;
        }
        return u.getKind() == UnitKind.ORGAN_COMMITTEE ? (u.getLevel() == UnitLevel.CITY ? 12 : 6) : 5;
    }

    private Map<UUID, List<UUID>> people(Generated city, DemoScale scale, long seed, Progress progress) {
        int totalWeight = city.units.stream().mapToInt(DemoDataGeneratorImpl::weight).sum();
        List<UnitDto> owners = new ArrayList<>();
        for (UnitDto u : city.units) {
            int n = Math.max(4, (int) Math.round((double) scale.people() * weight(u) / totalWeight));
            for (int i = 0; i < n; i++) {
                owners.add(u);
            }
        }
        Random random = new Random(seed * 31 + 7);
        Map<UUID, List<UUID>> result = new LinkedHashMap<>();
        for (int from = 0; from < owners.size(); from += BATCH) {
            int start = from;
            int end = Math.min(owners.size(), from + BATCH);
            Transactions.inTransaction(jpa, em -> {
                for (int i = start; i < end; i++) {
                    UnitDto u = owners.get(i);
                    List<UUID> ofUnit = result.computeIfAbsent(u.getId(), k -> new ArrayList<>());
                    PersonEntity p = person(em, random, u, city.ids.get(u.getId()), ofUnit.size());
                    em.persist(p);
                    ofUnit.add(p.getPublicId());
                }
                em.flush();
                em.clear();
                return null;
            });
            progress.step("people", end, owners.size());
        }
        return result;
    }

    private PersonEntity person(EntityManager em, Random random, UnitDto unit, Long unitId, int index) {
        PersonEntity p = new PersonEntity();
        p.setName(DemoNames.person(random));
        p.setGender(random.nextInt(100) < 62 ? "male" : "female");
        int year = 1965 + random.nextInt(36);
        p.setBirthDate(LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)));
        UnitEntity owner = em.getReference(UnitEntity.class, unitId);
        p.setUnit(owner);
        boolean top = index == 0;
        boolean leader = index < 4;
        p.setTopLeader(top);
        p.setLeadershipMember(leader);
        p.setYoungCadre(year >= 1991);
        p.setInspectionCadre(random.nextInt(100) < 3);
        p.setRank(rank(unit.getLevel(), top, leader, random));
        PositionEmbeddable position = new PositionEmbeddable();
        position.setTitle(top ? DemoNames.LEADER_TITLES.get(0)
                : leader ? DemoNames.pick(random, DemoNames.LEADER_TITLES.subList(1, 4))
                : DemoNames.pick(random, DemoNames.STAFF_TITLES));
        position.setUnit(owner);
        position.setStartDate(LocalDate.of(2015 + random.nextInt(11), 1 + random.nextInt(12), 1));
        p.getPositions().add(position);
        p.created(clock.now());
        return p;
    }

    private static String rank(UnitLevel level, boolean top, boolean leader, Random random) {
        if (top) {
            return level == UnitLevel.CITY ? "bureau-deputy" : level == UnitLevel.DISTRICT ? "division-chief" : "section-chief";
        }
        if (leader) {
            return level == UnitLevel.CITY ? "division-chief" : level == UnitLevel.DISTRICT ? "division-deputy" : "section-deputy";
        }
        return random.nextInt(100) < 30 ? "section-deputy" : random.nextInt(100) < 50 ? "section-chief" : "staff";
    }

    /** What the contributors receive. */
    private record Data(DemoScale scale, long seed, List<UnitDto> units, Map<UUID, List<UUID>> peopleByUnit,
            Progress listener) implements DemoData {

        @Override
        public Random random(String purpose) {
            return new Random(seed * 1_000_003L + purpose.hashCode());
        }

        @Override
        public List<UUID> people(UUID unitId) {
            return peopleByUnit.getOrDefault(unitId, List.of());
        }

        @Override
        public void progress(String step, long done, long total) {
            listener.step(step, done, total);
        }
    }
}
