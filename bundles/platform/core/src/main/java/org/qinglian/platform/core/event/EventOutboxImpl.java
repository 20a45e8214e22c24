package org.qinglian.platform.core.event;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.persistence.EntityManager;
import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.TransactionSynchronizationRegistry;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.event.EventKeys;
import org.qinglian.platform.api.event.EventOutbox;
import org.qinglian.platform.api.event.Topics;
import org.qinglian.platform.api.persistence.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox: events are rows of {@code pf_outbox} written in the publishing transaction; once it
 * committed they are claimed (one claim per row, whatever the node) and posted to EventAdmin.
 * Dispatch follows each commit at once and, for what a crash left behind, every few seconds.
 */
@Component(service = EventOutbox.class)
public class EventOutboxImpl implements EventOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(EventOutboxImpl.class);
    private static final int BATCH = 100;
    private static final long POLL_SECONDS = 5;

    @Reference(target = "(osgi.unit.name=qinglian-platform)")
    private JpaTemplate jpa;

    @Reference
    private PlatformClock clock;

    @Reference
    private EventAdmin events;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TransactionSynchronizationRegistry synchronizations;

    private ScheduledExecutorService executor;
    private final AtomicBoolean queued = new AtomicBoolean();

    public EventOutboxImpl() {
    }

    /** For tests: an outbox without a scheduler; call {@link #dispatch()}. */
    public EventOutboxImpl(JpaTemplate jpa, PlatformClock clock, EventAdmin events) {
        this.jpa = jpa;
        this.clock = clock;
        this.events = events;
    }

    @Activate
    void activate() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "qinglian-outbox");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::dispatchQuietly, POLL_SECONDS, POLL_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public void publish(EntityManager em, String topic, Map<String, String> payload) {
        Objects.requireNonNull(topic, "topic");
        if (!topic.startsWith(Topics.PREFIX)) {
            throw new IllegalArgumentException("not a portal topic: " + topic);
        }
        em.createNativeQuery("insert into pf_outbox (topic, payload, created_at) values (?1, ?2, ?3)")
                .setParameter(1, topic).setParameter(2, encode(payload))
                .setParameter(3, Timestamp.from(clock.now())).executeUpdate();
        TransactionSynchronizationRegistry registry = synchronizations;
        if (registry != null && executor != null && registry.getTransactionKey() != null) {
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        soon();
                    }
                }
            });
        }
    }

    private void soon() {
        if (queued.compareAndSet(false, true)) {
            executor.execute(() -> {
                queued.set(false);
                dispatchQuietly();
            });
        }
    }

    private void dispatchQuietly() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            LOG.warn("Outbox dispatch failed, retried in {} s: {}", POLL_SECONDS, e.getMessage());
        }
    }

    /** Claims and posts the committed, unpublished events; answers how many it posted. */
    public int dispatch() {
        int posted = 0;
        while (true) {
            List<Object[]> claimed = Transactions.inTransaction(jpa, this::claim);
            for (Object[] row : claimed) {
                Map<String, Object> properties = new HashMap<>(decode((String) row[2]));
                properties.put(EventKeys.EVENT_ID, String.valueOf(row[0]));
                events.postEvent(new Event((String) row[1], properties));
                posted++;
            }
            if (claimed.size() < BATCH) {
                return posted;
            }
        }
    }

    private List<Object[]> claim(EntityManager em) {
        @SuppressWarnings("unchecked")
        List<Object[]> pending = em.createNativeQuery("select id, topic, payload from pf_outbox"
                + " where published_at is null order by id").setMaxResults(BATCH).getResultList();
        Timestamp now = Timestamp.from(clock.now());
        pending.removeIf(row -> em.createNativeQuery("update pf_outbox set published_at = ?1"
                + " where id = ?2 and published_at is null").setParameter(1, now)
                .setParameter(2, ((Number) row[0]).longValue()).executeUpdate() != 1);
        return pending;
    }

    static String encode(Map<String, String> payload) {
        Properties p = new Properties();
        payload.forEach((k, v) -> {
            if (v != null) {
                p.setProperty(k, v);
            }
        });
        StringWriter out = new StringWriter();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // the first line is the date Properties writes: not part of the payload
        String text = out.toString();
        return text.substring(text.indexOf('\n') + 1);
    }

    static Map<String, String> decode(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> map = new HashMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        return map;
    }
}
