package org.qinglian.platform.core.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.api.persistence.Records;
import org.qinglian.platform.api.persistence.Transactions;
import org.qinglian.platform.api.portal.ModuleActivationDto;
import org.qinglian.platform.api.portal.ModuleService;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.api.spi.PortalModule;
import org.qinglian.platform.core.entity.ModuleActivationEntity;
import org.qinglian.platform.core.entity.UnitEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the installed {@link PortalModule}s and resolves their activation per unit from an
 * in-memory snapshot of the unit tree and the units' own settings, reloaded after every change
 * made here and whenever it is older than {@link #MAX_AGE_MILLIS} (changes made on another node
 * or to the tree).
 */
@Component(service = ModuleService.class)
public class ModuleServiceImpl implements ModuleService {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleServiceImpl.class);
    static final String MODULE = "module";
    /** How old a snapshot may be before the next question reloads it. */
    static final long MAX_AGE_MILLIS = 3000;
    /** Deeper than any real tree: a guard against a cycle in a snapshot taken mid-change. */
    private static final int MAX_DEPTH = 64;

    @Reference(target = "(osgi.unit.name=qinglian-platform)")
    private JpaTemplate jpa;

    @Reference
    private PlatformClock clock;

    @Reference
    private SecurityContext security;

    @Reference
    private AuditLog audit;

    private final Map<String, PortalModule> modules = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;

    public ModuleServiceImpl() {
    }

    /** For tests: a service over a given template, clock, security context and audit log. */
    public ModuleServiceImpl(JpaTemplate jpa, PlatformClock clock, SecurityContext security, AuditLog audit) {
        this.jpa = jpa;
        this.clock = clock;
        this.security = security;
        this.audit = audit;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void bindModule(PortalModule module) {
        PortalModule previous = modules.putIfAbsent(module.id(), module);
        if (previous != null && previous != module) {
            LOG.error("Ignored a second module with id '{}' ({}): one is installed already", module.id(),
                    module.getClass().getName());
            return;
        }
        LOG.info("Module '{}' installed", module.id());
    }

    public void unbindModule(PortalModule module) {
        if (modules.remove(module.id(), module)) {
            LOG.info("Module '{}' removed", module.id());
        }
    }

    @Override
    public List<PortalModule> installed() {
        List<PortalModule> list = new ArrayList<>(modules.values());
        list.sort(Comparator.comparingInt(PortalModule::order).thenComparing(PortalModule::id));
        return list;
    }

    @Override
    public Optional<PortalModule> module(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(modules.get(id));
    }

    @Override
    public boolean isActive(String moduleId, UUID unitId) {
        if (!modules.containsKey(moduleId)) {
            return false;
        }
        if (unitId == null) {
            return true;
        }
        return knowing(unitId).resolve(moduleId, unitId).active();
    }

    @Override
    public List<ModuleActivationDto> activations(UUID unitId) {
        Transactions.inTransaction(jpa, em -> visible(em, unitId));
        Snapshot s = knowing(unitId);
        List<ModuleActivationDto> result = new ArrayList<>();
        for (PortalModule m : installed()) {
            result.add(s.resolve(m.id(), unitId));
        }
        return result;
    }

    @Override
    public ModuleActivationDto setActive(UUID unitId, String moduleId, Boolean active) {
        if (!modules.containsKey(moduleId)) {
            throw new NotFoundException(MODULE, moduleId);
        }
        Transactions.inTransaction(jpa, em -> {
            UnitEntity unit = visible(em, unitId);
            List<ModuleActivationEntity> own = em.createQuery("select a from ModuleActivationEntity a"
                    + " where a.unit = :unit and a.moduleId = :module", ModuleActivationEntity.class)
                    .setParameter("unit", unit).setParameter("module", moduleId).getResultList();
            String actor = security.caller().map(c -> c.getUsername()).orElse(null);
            if (active == null) {
                own.forEach(em::remove);
            } else {
                ModuleActivationEntity a = own.isEmpty() ? new ModuleActivationEntity() : own.get(0);
                a.setUnit(unit);
                a.setModuleId(moduleId);
                a.setActive(active);
                a.setUpdatedBy(actor);
                a.setUpdatedAt(clock.now());
                if (own.isEmpty()) {
                    em.persist(a);
                }
            }
            em.flush();
            audit.record(em, AuditEvent.of(active == null ? "module.inherit" : active ? "module.activate"
                    : "module.deactivate", "unit", unitId).detail("module=" + moduleId));
            return null;
        });
        snapshot = null;
        return current().resolve(moduleId, unitId);
    }

    /** The live unit if it is in the caller's scope; 404 otherwise. */
    private UnitEntity visible(EntityManager em, UUID unitId) {
        UnitEntity unit = Records.require(em, UnitEntity.class, unitId, UnitServiceImpl.UNIT);
        if (!security.scope().includes(unit.getPublicId())) {
            throw new NotFoundException(UnitServiceImpl.UNIT, unitId);
        }
        return unit;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.age() > MAX_AGE_MILLIS) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    /** The current snapshot, reloaded if it does not know the unit (a unit younger than it). */
    private Snapshot knowing(UUID unitId) {
        Snapshot s = current();
        if (!s.parents().containsKey(unitId)) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    private Snapshot load() {
        return Transactions.inTransaction(jpa, em -> {
            Map<UUID, UUID> parents = new HashMap<>();
            for (Object[] row : em.createQuery("select u.publicId, p.publicId from UnitEntity u left join u.parent p"
                    + " where u.deletedAt is null", Object[].class).getResultList()) {
                parents.put(UUID.fromString(row[0].toString()), row[1] == null ? null : UUID.fromString(row[1].toString()));
            }
            Map<UUID, Map<String, Boolean>> settings = new HashMap<>();
            for (Object[] row : em.createQuery("select a.unit.publicId, a.moduleId, a.active from ModuleActivationEntity a",
                    Object[].class).getResultList()) {
                settings.computeIfAbsent(UUID.fromString(row[0].toString()), k -> new HashMap<>())
                        .put((String) row[1], (Boolean) row[2]);
            }
            return new Snapshot(parents, settings, System.nanoTime());
        });
    }

    /** The unit tree and the units' own settings at one moment. */
    record Snapshot(Map<UUID, UUID> parents, Map<UUID, Map<String, Boolean>> settings, long takenNanos) {

        long age() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - takenNanos);
        }

        /** The unit's own setting, else the nearest ancestor's, else active. */
        ModuleActivationDto resolve(String moduleId, UUID unitId) {
            UUID at = unitId;
            for (int depth = 0; at != null && depth < MAX_DEPTH; depth++) {
                Boolean own = settings.getOrDefault(at, Map.of()).get(moduleId);
                if (own != null) {
                    return new ModuleActivationDto(moduleId, unitId, own, at.equals(unitId),
                            at.equals(unitId) ? null : at);
                }
                at = parents.get(at);
            }
            return new ModuleActivationDto(moduleId, unitId, true, false, null);
        }
    }
}
