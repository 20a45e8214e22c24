package org.qinglian.platform.security.account;

import java.util.ArrayList;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.security.web.ProfileCache;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.api.persistence.Transactions;
import org.qinglian.platform.api.spi.PermissionDefinition;
import org.qinglian.platform.api.spi.PortalModule;
import org.qinglian.platform.security.account.entity.RoleEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a module's permissions to the built-in roles its {@link PortalModule} names, the first
 * time the module is seen. Each grant is remembered, so one an administrator takes away stays
 * away when the module is installed again. Permissions outside the module's own namespace
 * ({@code <moduleId>:…}) are refused.
 */
@Component(service = ModuleGrants.class, immediate = true)
public class ModuleGrants {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleGrants.class);

    @Reference(target = "(osgi.unit.name=qinglian-security)")
    private JpaTemplate jpa;

    @Reference
    private PlatformClock clock;

    @Reference
    private AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ProfileCache profiles;

    /** Cached profiles and scopes are read again after a change of users, roles or grants. */
    private <T> T changed(T result) {
        ProfileCache cache = profiles;
        if (cache != null) {
            cache.invalidateAll();
        }
        return result;
    }

    public ModuleGrants() {
    }

    /** For tests: an active component over a given template, clock and audit log. */
    public ModuleGrants(JpaTemplate jpa, PlatformClock clock, AuditLog audit) {
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.active = true;
    }

    /** Modules bound before activation: DS may bind them before the other references are set. */
    private final List<PortalModule> early = new ArrayList<>();
    private boolean active;

    @Activate
    synchronized void activate() {
        active = true;
        early.forEach(this::applyLogged);
        early.clear();
    }

    @Deactivate
    synchronized void deactivate() {
        active = false;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public synchronized void bindModule(PortalModule module) {
        if (active) {
            applyLogged(module);
        } else {
            early.add(module);
        }
    }

    private void applyLogged(PortalModule module) {
        try {
            int granted = apply(module);
            if (granted > 0) {
                LOG.info("Module '{}': {} default grants given to built-in roles", module.id(), granted);
            }
        } catch (RuntimeException e) {
            LOG.error("Module '{}': its default grants could not be applied", module.id(), e);
        }
    }

    public synchronized void unbindModule(PortalModule module) {
        early.remove(module); // grants stay: an uninstalled module's roles come back with it
    }

    /** Applies the module's default grants not applied before; answers how many were given. */
    public int apply(PortalModule module) {
        return changed(Transactions.inTransaction(jpa, em -> {
            int granted = 0;
            for (PermissionDefinition d : module.permissions()) {
                if (!Permissions.isValid(d.permission()) || !d.permission().startsWith(module.id() + ":")) {
                    LOG.error("Module '{}' defines permission '{}' outside its namespace; not granted", module.id(),
                            d.permission());
                    continue;
                }
                for (String roleCode : d.defaultRoles()) {
                    long applied = ((Number) em.createNativeQuery("select count(*) from pf_module_grant"
                            + " where module_id = ?1 and permission = ?2 and role_code = ?3")
                            .setParameter(1, module.id()).setParameter(2, d.permission()).setParameter(3, roleCode)
                            .getSingleResult()).longValue();
                    if (applied > 0) {
                        continue;
                    }
                    List<RoleEntity> roles = em.createQuery("select r from RoleEntity r where r.code = :code"
                            + " and r.builtIn = true and r.deletedAt is null", RoleEntity.class)
                            .setParameter("code", roleCode).getResultList();
                    if (roles.isEmpty()) {
                        LOG.warn("Module '{}' grants '{}' to '{}', which is no built-in role", module.id(),
                                d.permission(), roleCode);
                        continue;
                    }
                    RoleEntity role = roles.get(0);
                    if (role.getPermissions().add(d.permission())) {
                        role.touched(clock.now());
                        granted++;
                        audit.record(em, AuditEvent.of("role.defaultGrant", Accounts.ROLE, role.getPublicId())
                                .actor("system").detail("module=" + module.id() + " permission=" + d.permission()));
                    }
                    em.createNativeQuery("insert into pf_module_grant (module_id, permission, role_code, granted_at)"
                            + " values (?1, ?2, ?3, ?4)").setParameter(1, module.id()).setParameter(2, d.permission())
                            .setParameter(3, roleCode).setParameter(4, java.sql.Timestamp.from(clock.now()))
                            .executeUpdate();
                }
            }
            return granted;
        }));
    }
}
