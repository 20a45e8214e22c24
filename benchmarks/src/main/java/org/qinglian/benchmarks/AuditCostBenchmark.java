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
 * with an audit log that writes nothing. The difference of the two averages is the cost.
 * Database: {@code -Dqinglian.test.jdbc.url} (default the tests' qinglian_test, which it resets).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class AuditCostBenchmark {

    @Param({"audited", "unaudited"})
    public String audit;

    private EntityManagerFactory emf;
    private UnitServiceImpl units;
    private UnitDto parent;
    private long n;

    @Setup(Level.Trial)
    public void setup() {
        TestDatabase.reset(TestDatabase.PLATFORM, new TestDatabase.Schema("pf_audit_schema_history", "db/audit"));
        emf = TestDatabase.entityManagerFactory("qinglian-platform", Map.of("hibernate.show_sql", "false"));
        TestSecurityContext security = new TestSecurityContext();
        TestClock clock = new TestClock(Instant.parse("2026-11-22T00:00:00Z"));
        AuditLog log = "audited".equals(audit)
                ? new AuditLogImpl(TestDatabase.dataSource(), security, clock, null)
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
