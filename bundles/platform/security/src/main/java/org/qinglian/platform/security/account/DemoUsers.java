package org.qinglian.platform.security.account;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.demo.DemoData;
import org.qinglian.platform.api.persistence.Transactions;
import org.qinglian.platform.api.spi.DemoDataContributor;
import org.qinglian.platform.security.account.entity.RoleEntity;
import org.qinglian.platform.security.account.entity.UserEntity;

/**
 * The demo city's users: per unit an administrator ({@code <code>-admin}, 单位管理员) and an officer
 * ({@code <code>-officer}, 纪检监察干部), and for commissions a leader ({@code <code>-leader}). All share
 * the demo password {@value #PASSWORD}, hashed once: demo data is for trying the portal out and
 * for load tests, never for production.
 */
@Component(service = DemoDataContributor.class, property = DemoDataContributor.NAME + "=users")
public class DemoUsers implements DemoDataContributor {

    /** The demo users' password. */
    public static final String PASSWORD = "Demo-Pass-2026";

    @Reference(target = "(osgi.unit.name=qinglian-security)")
    private JpaTemplate jpa;

    @Reference
    private PasswordHasher hasher;

    @Reference
    private PlatformClock clock;

    public DemoUsers() {
    }

    /** For tests. */
    public DemoUsers(JpaTemplate jpa, PasswordHasher hasher, PlatformClock clock) {
        this.jpa = jpa;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "users";
    }

    @Override
    public Map<String, Long> contribute(DemoData data) {
        String hash = hasher.hash(PASSWORD);
        List<UnitDto> units = data.units();
        long[] created = {0};
        Transactions.inTransaction(jpa, em -> {
            Map<String, RoleEntity> roles = new HashMap<>();
            for (RoleEntity r : em.createQuery("select r from RoleEntity r where r.builtIn = true", RoleEntity.class)
                    .getResultList()) {
                roles.put(r.getCode(), r);
            }
            for (UnitDto u : units) {
                Long unitId = PlatformRecords.unitId(em, u.getId());
                user(em, u.getCode() + "-admin", u.getName() + "管理员", unitId, roles.get("unit-admin"), hash);
                user(em, u.getCode() + "-officer", u.getName() + "干部", unitId, roles.get("supervisor"), hash);
                created[0] += 2;
                if (u.getKind() == UnitKind.COMMISSION) {
                    user(em, u.getCode() + "-leader", u.getName() + "领导", unitId, roles.get("leader"), hash);
                    created[0]++;
                }
                if (created[0] % 150 < 3) {
                    data.progress("users", created[0], units.size() * 3L);
                }
            }
            return null;
        });
        data.progress("users", created[0], created[0]);
        return Map.of("users", created[0]);
    }

    private void user(javax.persistence.EntityManager em, String username, String displayName, Long unitId,
            RoleEntity role, String hash) {
        UserEntity user = new UserEntity();
        user.setUsername(username);
        user.setDisplayName(displayName.length() > 100 ? displayName.substring(0, 100) : displayName);
        user.setUnitId(unitId);
        user.setPassword(hasher.algorithm(), hash);
        user.setMustChangePassword(false);
        user.getRoles().addAll(Set.of(role));
        user.created(clock.now());
        em.persist(user);
    }
}
