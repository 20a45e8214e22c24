package org.qinglian.rectification.core;

import java.nio.file.Path;
import java.util.Map;

import javax.persistence.EntityManagerFactory;

import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.UnitService;
import org.qinglian.platform.api.attachment.AttachmentService;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.api.calendar.WorkingCalendar;
import org.qinglian.platform.api.event.EventOutbox;
import org.qinglian.platform.api.portal.NoticeService;
import org.qinglian.platform.api.portal.TodoService;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.api.security.UserService;
import org.qinglian.platform.api.spi.FindingSink;
import org.qinglian.platform.core.i18n.MessagesImpl;
import org.qinglian.platform.core.service.DictionaryServiceImpl;
import org.qinglian.platform.testing.ModuleMessages;
import org.qinglian.platform.testing.ResourceLocalJpaTemplate;
import org.qinglian.platform.testing.TestDatabase;

/**
 * The rectification ledger as the talks' cooperation tests need it, built as its own tests build
 * it (LedgerTestCase): its service, finding sink and escalation job as plain objects over the
 * given platform services, on its persistence unit over the test database. It lives in the
 * ledger's package (on the talks' test class path only) to set the components' references.
 */
public final class LedgerForTalks implements AutoCloseable {

    /** The escalation job's name in the job service. */
    public static final String ESCALATION_JOB = EscalationJob.NAME;

    private final EntityManagerFactory emf;
    private final RectificationServiceImpl service = new RectificationServiceImpl();
    private final EscalationJob job = new EscalationJob();
    private final RectificationFindingSink sink;

    public LedgerForTalks(PlatformClock clock, SecurityContext security, AuditLog audit, AttachmentService attachments,
            EventOutbox outbox, DictionaryServiceImpl dictionaries, UnitService units, TodoService todos,
            NoticeService notices, UserService users, WorkingCalendar calendar) {
        emf = TestDatabase.entityManagerFactory("qinglian-rectification", Map.of());
        ResourceLocalJpaTemplate jpa = new ResourceLocalJpaTemplate(emf);
        ModuleMessages messages = new ModuleMessages(Path.of("../../rectification/web/src/main/resources/i18n"),
                new MessagesImpl());
        new CategoryDictionary(dictionaries).activate();
        service.jpa = jpa;
        service.clock = clock;
        service.security = security;
        service.policy = p -> security.caller().map(c -> c.getPermissions().contains(p)).orElse(true);
        service.audit = audit;
        service.attachments = attachments;
        service.outbox = outbox;
        service.dictionaries = dictionaries;
        service.units = units;
        service.todos = todos;
        service.messages = messages;
        sink = new RectificationFindingSink(service);
        job.jpa = jpa;
        job.clock = clock;
        job.calendar = calendar;
        job.todos = todos;
        job.notices = notices;
        job.users = users;
        job.outbox = outbox;
        job.messages = messages;
    }

    public RectificationServiceImpl service() {
        return service;
    }

    public FindingSink sink() {
        return sink;
    }

    public EscalationJob job() {
        return job;
    }

    @Override
    public void close() {
        emf.close();
    }
}
