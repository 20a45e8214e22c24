package org.qinglian.platform.core.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.Validator;
import org.qinglian.platform.api.persistence.Records;
import org.qinglian.platform.api.persistence.Transactions;
import org.qinglian.platform.api.portal.NoticeDraft;
import org.qinglian.platform.api.portal.NoticeDto;
import org.qinglian.platform.api.portal.NoticeService;
import org.qinglian.platform.api.portal.TodoDraft;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.api.persistence.ListQuery;
import org.qinglian.platform.core.entity.NoticeEntity;
import org.qinglian.platform.core.entity.NoticeReadEntity;
import org.qinglian.platform.core.entity.UnitEntity;

/**
 * Notices: one addressed to a user is theirs alone; one addressed to a unit reaches every user
 * whose own unit it is (not the users of supervising units).
 */
@Component(service = NoticeService.class)
public class NoticeServiceImpl implements NoticeService {

    static final String NOTICE = "notice";
    private static final String ADDRESSED = "(n.recipient = :user or (n.recipient is null and n.unit.publicId = :unit))";
    private static final String UNREAD = "not exists (select r.id from NoticeReadEntity r where r.notice = n"
            + " and r.userId = :user)";

    @Reference(target = "(osgi.unit.name=qinglian-platform)")
    private JpaTemplate jpa;

    @Reference
    private PlatformClock clock;

    @Reference
    private SecurityContext security;

    public NoticeServiceImpl() {
    }

    /** For tests. */
    public NoticeServiceImpl(JpaTemplate jpa, PlatformClock clock, SecurityContext security) {
        this.jpa = jpa;
        this.clock = clock;
        this.security = security;
    }

    @Override
    public NoticeDto post(NoticeDraft draft) {
        validate(draft);
        return Transactions.inTransaction(jpa, em -> {
            NoticeEntity n = new NoticeEntity();
            n.setModuleId(draft.module());
            n.setUnit(Records.reference(em, UnitEntity.class, draft.unitId(), "unitId"));
            n.setRecipient(draft.recipient() == null ? null : draft.recipient().toString());
            n.setTitleZh(draft.title().zh());
            n.setTitleEn(draft.title().en());
            n.setBodyZh(draft.body() == null ? null : draft.body().zh());
            n.setBodyEn(draft.body() == null ? null : draft.body().en());
            n.setRoute(draft.route());
            n.setLevel(draft.level() == null ? TodoDraft.Level.INFO : draft.level());
            n.created(clock.now());
            em.persist(n);
            em.flush();
            return dto(n, false, Locale.SIMPLIFIED_CHINESE);
        });
    }

    @Override
    public Page<NoticeDto> mine(boolean unreadOnly, PageRequest page, Locale locale) {
        Recipient me = recipient();
        return Transactions.inTransaction(jpa, em -> {
            ListQuery<NoticeEntity> q = new ListQuery<>(NoticeEntity.class, "n", "")
                    .where(ADDRESSED, "user", me.user()).parameter("unit", me.unit());
            if (unreadOnly) {
                q.where(UNREAD, null, null);
            }
            Page<NoticeEntity> entities = q.page(em, page, n -> n);
            Set<Long> read = read(em, me.user(), entities.getItems());
            List<NoticeDto> items = new ArrayList<>();
            for (NoticeEntity n : entities.getItems()) {
                items.add(dto(n, read.contains(n.getId()), locale));
            }
            return new Page<>(items, entities.getTotal(), entities.getPage(), entities.getSize());
        });
    }

    @Override
    public NoticeDto markRead(UUID id, Locale locale) {
        Recipient me = recipient();
        return Transactions.inTransaction(jpa, em -> {
            List<NoticeEntity> found = em.createQuery("select n from NoticeEntity n where n.publicId = :id"
                    + " and n.deletedAt is null and " + ADDRESSED, NoticeEntity.class)
                    .setParameter("id", id.toString()).setParameter("user", me.user())
                    .setParameter("unit", me.unit()).getResultList();
            if (found.isEmpty()) {
                throw new NotFoundException(NOTICE, id);
            }
            NoticeEntity n = found.get(0);
            if (read(em, me.user(), List.of(n)).isEmpty()) {
                NoticeReadEntity r = new NoticeReadEntity();
                r.setNotice(n);
                r.setUserId(me.user());
                r.setReadAt(clock.now());
                em.persist(r);
            }
            return dto(n, true, locale);
        });
    }

    @Override
    public long unreadCount() {
        Recipient me = recipient();
        return Transactions.inTransaction(jpa, em -> em.createQuery("select count(n) from NoticeEntity n"
                + " where n.deletedAt is null and " + ADDRESSED + " and " + UNREAD, Long.class)
                .setParameter("user", me.user()).setParameter("unit", me.unit()).getSingleResult());
    }

    private static Set<Long> read(EntityManager em, String user, List<NoticeEntity> notices) {
        if (notices.isEmpty()) {
            return Set.of();
        }
        List<Long> ids = new ArrayList<>();
        notices.forEach(n -> ids.add(n.getId()));
        return new HashSet<>(em.createQuery("select r.notice.id from NoticeReadEntity r where r.userId = :user"
                + " and r.notice.id in :ids", Long.class).setParameter("user", user).setParameter("ids", ids)
                .getResultList());
    }

    /** Who asks: a caller-less context (console, job) receives no notices. */
    private Recipient recipient() {
        Caller c = security.caller().orElse(null);
        return c == null ? new Recipient("-", "-")
                : new Recipient(c.getUserId().toString(), c.getUnitId() == null ? "-" : c.getUnitId().toString());
    }

    private record Recipient(String user, String unit) {
    }

    private static void validate(NoticeDraft d) {
        Validator v = new Validator();
        if (d == null) {
            v.required("body", null).throwIfInvalid();
        }
        v.required("module", d.module()).required("unitId", d.unitId()).required("title", d.title())
                .maxLength("module", d.module(), 64).maxLength("route", d.route(), 300);
        if (d.title() != null) {
            v.maxLength("title", d.title().zh(), 300).maxLength("title", d.title().en(), 300);
        }
        if (d.body() != null) {
            v.maxLength("body", d.body().zh(), 4000).maxLength("body", d.body().en(), 4000);
        }
        v.throwIfInvalid();
    }

    static NoticeDto dto(NoticeEntity n, boolean read, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        return new NoticeDto(n.getPublicId(), n.getModuleId(), en ? n.getTitleEn() : n.getTitleZh(),
                en ? n.getBodyEn() : n.getBodyZh(), n.getRoute(), n.getLevel(), n.getCreatedAt(), read,
                n.getUnit().getPublicId());
    }
}
