package org.qinglian.platform.core;

import org.qinglian.platform.testing.TestDatabase;

import org.qinglian.platform.testing.TestClock;

import org.qinglian.platform.testing.ResourceLocalJpaTemplate;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.persistence.EntityManagerFactory;

import org.junit.After;
import org.junit.Before;
import org.qinglian.platform.core.service.DictionaryServiceImpl;
import org.qinglian.platform.core.service.PersonServiceImpl;
import org.qinglian.platform.core.service.UnitServiceImpl;
import org.qinglian.platform.testing.RecordingAuditLog;
import org.qinglian.platform.testing.TestSecurityContext;

/**
 * Each test starts on a freshly migrated schema, with a new persistence unit (so no id
 * ranges Hibernate cached for the previous schema are reused) and services built as plain
 * objects over a resource-local JpaTemplate and a fixed clock.
 */
public abstract class DatabaseTestCase {

    /** 2026-03-01T17:30Z: already 2026-03-02 in Shanghai. Microseconds, as PostgreSQL keeps them. */
    protected static final Instant T0 = Instant.parse("2026-03-01T17:30:00.123456Z");

    // JUL loggers are weakly referenced: keep them so the levels stick
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");
    // Hibernate logs every SQL error it sees; the tests provoke some on purpose and assert them
    private static final Logger SQL_ERROR_LOG = Logger.getLogger("org.hibernate.engine.jdbc.spi.SqlExceptionHelper");
    private static final Logger BATCH_LOG = Logger.getLogger("org.hibernate.engine.jdbc.batch.internal.BatchingBatch");

    static {
        HIBERNATE_LOG.setLevel(Level.WARNING);
        FLYWAY_LOG.setLevel(Level.WARNING);
        SQL_ERROR_LOG.setLevel(Level.OFF);
        BATCH_LOG.setLevel(Level.OFF);
    }

    protected TestClock clock;
    protected EntityManagerFactory emf;
    protected ResourceLocalJpaTemplate jpa;
    protected UnitServiceImpl units;
    protected DictionaryServiceImpl dictionaries;
    protected PersonServiceImpl people;
    protected TestSecurityContext security;
    protected RecordingAuditLog audit;

    @Before
    public void freshDatabase() {
        TestDatabase.reset();
        emf = TestDatabase.entityManagerFactory();
        jpa = new ResourceLocalJpaTemplate(emf);
        clock = new TestClock(T0);
        security = new TestSecurityContext();
        audit = new RecordingAuditLog();
        units = new UnitServiceImpl(jpa, clock, security, audit);
        dictionaries = new DictionaryServiceImpl(jpa, clock, audit);
        people = new PersonServiceImpl(jpa, clock, dictionaries, security, audit);
    }

    @After
    public void closePersistenceUnit() {
        if (emf != null) {
            emf.close();
        }
    }
}
