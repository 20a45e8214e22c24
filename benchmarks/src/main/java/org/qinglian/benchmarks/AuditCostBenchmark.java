package org.qinglian.benchmarks;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.UnitLevel;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.audit.AuditLogImpl;
import org.qinglian.platform.core.service.UnitServiceImpl;
import org.qinglian.platform.testing.ResourceLocalJpaTemplate;
import org.qinglian.platform.testing.TestClock;
import org.qinglian.platform.testing.TestDatabase;
import org.qinglian.platform.testing.TestSecurityContext;

/**
 * What the audit trail adds to a write: creating a unit through the real unit service on
 * PostgreSQL, once with the real audit log (its row inserted in the same transaction) and once
 * with an audit log that writes nothing. The difference of the two averages is the cost. Connections
 * are pooled as in the portal, so a transaction costs its statements and its commit, not a new
 * PostgreSQL backend.
 * Database: {@code -Dqinglian.test.jdbc.url}, default {@value #DEFAULT_URL}, which it resets: never the
 * tests' qinglian_test, which other builds may be using. Run by benchmarks/run.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class AuditCostBenchmark {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/qinglian_bench_audit";

    static {
        // before TestDatabase reads it (its default is the unit tests' database)
        if (System.getProperty("qinglian.test.jdbc.url") == null) {
            System.setProperty("qinglian.test.jdbc.url", DEFAULT_URL);
        }
    }

    @Param({"audited", "unaudited"})
    public String audit;

    private PooledDataSource pool;
    private EntityManagerFactory emf;
    private UnitServiceImpl units;
    private UnitDto parent;
    private long n;

    @Setup(Level.Trial)
    public void setup() {
        TestDatabase.reset(TestDatabase.PLATFORM, new TestDatabase.Schema("pf_audit_schema_history", "db/audit"));
        pool = new PooledDataSource(TestDatabase.dataSource());
        emf = TestDatabase.entityManagerFactory("qinglian-platform",
                Map.of("hibernate.show_sql", "false", "javax.persistence.nonJtaDataSource", pool));
        TestSecurityContext security = new TestSecurityContext();
        TestClock clock = new TestClock(Instant.parse("2026-11-22T00:00:00Z"));
        AuditLog log = "audited".equals(audit)
                ? new AuditLogImpl(pool, security, clock, null)
                : new AuditLog() {
                    @Override
                    public void record(EntityManager em, AuditEvent event) {
                        // writes nothing: the baseline
                    }

                    @Override
                    public void recordSeparately(AuditEvent event) {
                        // writes nothing: the baseline
                    }
                };
        units = new UnitServiceImpl(new ResourceLocalJpaTemplate(emf), clock, security, log);
        parent = units.create(unit("基准市", UnitLevel.CITY, null));
    }

    @TearDown(Level.Trial)
    public void close() {
        emf.close();
        pool.close();
    }

    private static UnitDto unit(String name, UnitLevel level, UnitDto parent) {
        UnitDto u = new UnitDto();
        u.setName(name);
        u.setKind(UnitKind.SUPERVISED_BODY);
        u.setLevel(level);
        u.setParentId(parent == null ? null : parent.getId());
        return u;
    }

    @Benchmark
    public UnitDto createUnit() {
        return units.create(unit("基准单位" + (n++), UnitLevel.DISTRICT, parent));
    }
}
