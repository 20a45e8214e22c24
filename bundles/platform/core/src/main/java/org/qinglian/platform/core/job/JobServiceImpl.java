package org.qinglian.platform.core.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;
import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.qinglian.platform.api.ConflictException;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.job.JobContext;
import org.qinglian.platform.api.job.JobService;
import org.qinglian.platform.api.job.JobStatusDto;
import org.qinglian.platform.api.persistence.Transactions;
import org.qinglian.platform.api.spi.ScheduledJob;
import org.qinglian.platform.core.db.Instants;
import org.qinglian.platform.core.db.SchemaMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the registered {@link ScheduledJob}s. Each run holds a PostgreSQL advisory lock named after
 * the job (so one node runs it at a time) and, on every database, a lock of this node; the due
 * time is claimed in {@code pf_job} so that two nodes do not both run the same slot, and each
 * run's idempotency keys are rows of {@code pf_job_key}.
 */
@Component(service = JobService.class)
public class JobServiceImpl implements JobService {

    static final String SUCCESS = "SUCCESS";
    static final String FAILURE = "FAILURE";
    static final String SKIPPED = "SKIPPED";
    private static final Logger LOG = LoggerFactory.getLogger(JobServiceImpl.class);
    private static final long TICK_SECONDS = 30;
    /** Advisory lock keys of jobs live in their own space (the first argument) beside the audit sealer's. */
    private static final int LOCK_SPACE = 0x514a4f42;

    @Reference(target = "(osgi.unit.name=qinglian-platform)")
    private JpaTemplate jpa;

    @Reference(target = "(osgi.jndi.service.name=qinglian-platform)")
    private DataSource dataSource;

    @Reference
    private PlatformClock clock;

    private final Map<String, ScheduledJob> jobs = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService executor;

    public JobServiceImpl() {
    }

    /** For tests: a job service without its own schedule; call {@link #tick()} or {@link #runNow}. */
    public JobServiceImpl(JpaTemplate jpa, DataSource dataSource, PlatformClock clock) {
        this.jpa = jpa;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Activate
    void activate() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "qinglian-jobs");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tickQuietly, 10, TICK_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void bindJob(ScheduledJob job) {
        jobs.put(job.name(), job);
    }

    public void unbindJob(ScheduledJob job) {
        jobs.remove(job.name(), job);
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("Scheduling jobs failed: {}", e.getMessage());
        }
    }

    /** Runs the jobs that are due. */
    public void tick() {
        for (ScheduledJob job : List.copyOf(jobs.values())) {
            Instant now = clock.now();
            Instant due = Transactions.inTransaction(jpa, em -> dueTime(em, job, now));
            if (!due.isAfter(now)) {
                Instant next = job.schedule().next(now, clock.businessZone()).truncatedTo(ChronoUnit.MICROS);
                boolean claimed = Transactions.inTransaction(jpa, em -> em.createNativeQuery("update pf_job"
                        + " set next_run_at = ?1 where name = ?2 and next_run_at = ?3")
                        .setParameter(1, Timestamp.from(next)).setParameter(2, job.name())
                        .setParameter(3, Timestamp.from(due)).executeUpdate() == 1);
                if (claimed) {
                    run(job);
                }
            }
        }
    }

    /** The job's next due time, registering the job on first sight. */
    private Instant dueTime(EntityManager em, ScheduledJob job, Instant now) {
        List<?> found = em.createNativeQuery("select next_run_at from pf_job where name = ?1")
                .setParameter(1, job.name()).getResultList();
        if (!found.isEmpty()) {
            return Instants.of(found.get(0));
        }
        Instant first = job.schedule().next(now, clock.businessZone()).truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("insert into pf_job (name, module_id, next_run_at) values (?1, ?2, ?3)")
                .setParameter(1, job.name()).setParameter(2, job.module()).setParameter(3, Timestamp.from(first))
                .executeUpdate();
        return first;
    }

    @Override
    public JobStatusDto runNow(String name) {
        ScheduledJob job = jobs.get(name);
        if (job == null) {
            throw new NotFoundException("scheduledJob", name);
        }
        Transactions.inTransaction(jpa, em -> dueTime(em, job, clock.now()));
        run(job);
        return status(job);
    }

    @Override
    public List<JobStatusDto> jobs() {
        List<JobStatusDto> list = new ArrayList<>();
        jobs.values().stream().sorted(Comparator.comparing(ScheduledJob::name)).forEach(j -> list.add(status(j)));
        return list;
    }

    private JobStatusDto status(ScheduledJob job) {
        return Transactions.inTransaction(jpa, em -> {
            List<?> rows = em.createNativeQuery("select next_run_at, last_started_at, last_finished_at, last_outcome,"
                    + " last_message from pf_job where name = ?1").setParameter(1, job.name()).getResultList();
            Object[] r = rows.isEmpty() ? new Object[5] : (Object[]) rows.get(0);
            return new JobStatusDto(job.name(), job.module(), job.schedule().toString(), Instants.of(r[0]),
                    Instants.of(r[1]), Instants.of(r[2]), (String) r[3], (String) r[4], running.contains(job.name()));
        });
    }

    /** One run under the locks; the outcome is recorded, a failure is logged and not thrown. */
    void run(ScheduledJob job) {
        if (!running.add(job.name())) {
            record(job, clock.now(), SKIPPED, "already running on this node");
            return;
        }
        try (Connection lockConnection = dataSource.getConnection()) {
            boolean advisory = "postgresql".equals(SchemaMigrations.vendor(lockConnection));
            if (advisory && !advisoryLock(lockConnection, "pg_try_advisory_lock", job.name())) {
                record(job, clock.now(), SKIPPED, "running on another node");
                return;
            }
            Instant started = clock.now();
            Transactions.inTransaction(jpa, em -> em.createNativeQuery("update pf_job set last_started_at = ?1"
                    + " where name = ?2").setParameter(1, Timestamp.from(started)).setParameter(2, job.name())
                    .executeUpdate());
            try {
                job.run(new Context(job.name(), started));
                record(job, started, SUCCESS, null);
                LOG.info("Job {} done in {} ms", job.name(), clock.now().toEpochMilli() - started.toEpochMilli());
            } catch (Exception e) {
                LOG.error("Job {} failed", job.name(), e);
                record(job, started, FAILURE, String.valueOf(e.getMessage()));
            } finally {
                if (advisory) {
                    advisoryLock(lockConnection, "pg_advisory_unlock", job.name());
                }
            }
        } catch (SQLException e) {
            LOG.error("Job {} could not take its lock: {}", job.name(), e.getMessage());
        } finally {
            running.remove(job.name());
        }
    }

    private void record(ScheduledJob job, Instant started, String outcome, String message) {
        Transactions.inTransaction(jpa, em -> em.createNativeQuery("update pf_job set last_finished_at = ?1,"
                + " last_outcome = ?2, last_message = ?3 where name = ?4").setParameter(1, Timestamp.from(clock.now()))
                .setParameter(2, outcome).setParameter(3, message == null ? null
                        : message.substring(0, Math.min(500, message.length())))
                .setParameter(4, job.name()).executeUpdate());
    }

    private static boolean advisoryLock(Connection c, String function, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + function + "(?, ?)")) {
            s.setInt(1, LOCK_SPACE);
            s.setInt(2, name.hashCode());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** A run's context: its idempotency keys are rows of pf_job_key. */
    private final class Context implements JobContext {

        private final String job;
        private final Instant started;

        Context(String job, Instant started) {
            this.job = job;
            this.started = started;
        }

        @Override
        public Instant startedAt() {
            return started;
        }

        @Override
        public boolean once(String key) {
            String k = key.length() > 200 ? key.substring(0, 200) : key;
            try {
                return claimKey(k);
            } catch (ConflictException e) {
                return false; // claimed at the same moment by another run
            }
        }

        private boolean claimKey(String k) {
            return Transactions.inTransaction(jpa, em -> {
                Number seen = (Number) em.createNativeQuery("select count(*) from pf_job_key where job = ?1"
                        + " and job_key = ?2").setParameter(1, job).setParameter(2, k).getSingleResult();
                if (seen.longValue() > 0) {
                    return false;
                }
                em.createNativeQuery("insert into pf_job_key (job, job_key, claimed_at) values (?1, ?2, ?3)")
                        .setParameter(1, job).setParameter(2, k).setParameter(3, Timestamp.from(clock.now()))
                        .executeUpdate();
                return true;
            });
        }

        @Override
        public void progress(long done, long total) {
            LOG.debug("Job {}: {} of {}", job, done, total);
        }
    }
}
