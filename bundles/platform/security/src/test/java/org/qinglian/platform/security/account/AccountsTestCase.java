package org.qinglian.platform.security.account;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.persistence.EntityManagerFactory;

import org.junit.After;
import org.junit.Before;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.security.UserDto;
import org.qinglian.platform.testing.RecordingAuditLog;
import org.qinglian.platform.testing.ResourceLocalJpaTemplate;
import org.qinglian.platform.testing.TestClock;
import org.qinglian.platform.testing.TestDatabase;
import org.qinglian.platform.testing.TestSecurityContext;

/**
 * Each test starts on a freshly migrated schema (the platform's and this bundle's real
 * migrations on PostgreSQL, see {@link #SECURITY}) with a small unit tree, a new persistence unit 'qinglian-security',
 * and the services built as plain objects over a resource-local template, a fixed clock, a
 * recording audit log and a settable security context (starting as the console: no caller,
 * unrestricted). Passwords are hashed with the production Argon2id parameters.
 */
public abstract class AccountsTestCase {

    /** This bundle's migrations, applied after the platform's as the platform's migrator applies them in Karaf. */
    static final TestDatabase.Schema SECURITY = new TestDatabase.Schema(SecuritySchema.HISTORY_TABLE,
            SecuritySchema.LOCATION);

    /** Microseconds, as PostgreSQL keeps them. */
    protected static final Instant T0 = Instant.parse("2026-03-01T01:00:00.123456Z");

    /** The unit tree: the city commission, above two districts; a township below the first district. */
    static final UUID CITY = UUID.fromString("00000000-0000-4000-8000-00000000c171");
    static final UUID DISTRICT = UUID.fromString("00000000-0000-4000-8000-0000000d1571");
    static final UUID TOWNSHIP = UUID.fromString("00000000-0000-4000-8000-0000000705a1");
    static final UUID OTHER_DISTRICT = UUID.fromString("00000000-0000-4000-8000-0000000d1572");
    /** A person of the district's roster. */
    static final UUID PERSON = UUID.fromString("00000000-0000-4000-8000-00000000fe45");

    /** What a unit admin of the district sees: the district and the township it supervises. */
    static final Scope DISTRICT_SCOPE = Scope.of(Set.of(DISTRICT, TOWNSHIP));

    static final String PASSWORD = "correct horse 1";

    /** One hasher for all tests, with the production parameters. */
    static final PasswordHasher HASHER = new PasswordHasher(2);

    // JUL loggers are weakly referenced: keep them so the levels stick
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");
    private static final Logger SQL_ERROR_LOG = Logger.getLogger("org.hibernate.engine.jdbc.spi.SqlExceptionHelper");

    static {
        HIBERNATE_LOG.setLevel(Level.WARNING);
        FLYWAY_LOG.setLevel(Level.WARNING);
        SQL_ERROR_LOG.setLevel(Level.OFF);
    }

    protected TestClock clock;
    protected EntityManagerFactory emf;
    protected ResourceLocalJpaTemplate jpa;
    protected RecordingAuditLog audit;
    protected TestSecurityContext security;
    protected AccountServiceImpl accounts;
    protected UserServiceImpl users;
    protected RoleServiceImpl roles;

    @Before
    public void freshDatabase() {
        TestDatabase.reset(TestDatabase.PLATFORM, SECURITY);
        unit(1001, CITY, "市纪委监委", "COMMISSION", "CITY", null);
        unit(1002, DISTRICT, "区纪委监委", "COMMISSION", "DISTRICT", 1001L);
        unit(1003, TOWNSHIP, "镇政府", "SUPERVISED_BODY", "TOWNSHIP", 1002L);
        unit(1004, OTHER_DISTRICT, "另一区纪委监委", "COMMISSION", "DISTRICT", 1001L);
        TestDatabase.update("insert into pf_person (id, public_id, name, unit_id, version, created_at, updated_at)"
                + " values (2001, ?, '张三', 1002, 0, now(), now())", PERSON.toString());
        emf = TestDatabase.entityManagerFactory("qinglian-security", Map.of());
        jpa = new ResourceLocalJpaTemplate(emf);
        clock = new TestClock(T0);
        audit = new RecordingAuditLog();
        security = new TestSecurityContext();
        accounts = new AccountServiceImpl(jpa, clock, HASHER, audit, security, 30, 12);
        users = new UserServiceImpl(jpa, clock, HASHER, audit, security);
        roles = new RoleServiceImpl(jpa, clock, audit, security);
    }

    @After
    public void closePersistenceUnit() {
        if (emf != null) {
            emf.close();
        }
    }

    private static void unit(long id, UUID publicId, String name, String kind, String level, Long parent) {
        TestDatabase.update("insert into pf_unit (id, public_id, name, kind, level, parent_id, sort_order, version,"
                + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, 0, 0, now(), now())", id, publicId.toString(),
                name, kind, level, parent);
    }

    /** Creates a user as the console would (no caller, unrestricted), leaving the context as it was. */
    UUID user(String username, String password, UUID unit, String... roleCodes) {
        Caller caller = security.caller().orElse(null);
        Scope scope = security.scope();
        security.system();
        try {
            UserDto u = new UserDto();
            u.setUsername(username);
            u.setDisplayName(username);
            u.setUnitId(unit);
            u.setPassword(password);
            u.setRoles(Set.of(roleCodes));
            return users.create(u).getId();
        } finally {
            security.as(caller, scope);
        }
    }

    /** Makes the user the caller, with the given scope, as the web layer would from their profile. */
    Caller signIn(UUID userId, Scope scope) {
        CallerProfile p = accounts.profile(userId);
        Caller caller = new Caller(p.userId(), p.username(), p.unitId(), p.personId(), p.roles(), p.permissions(),
                false);
        security.as(caller, scope);
        return caller;
    }

    static UserDto dto(String username, UUID unit, String... roleCodes) {
        UserDto u = new UserDto();
        u.setUsername(username);
        u.setUnitId(unit);
        u.setPassword(PASSWORD);
        u.setRoles(Set.of(roleCodes));
        return u;
    }
}
