package org.qinglian.platform.core.service;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

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
import org.qinglian.platform.api.portal.TodoDraft;
import org.qinglian.platform.api.portal.TodoDto;
import org.qinglian.platform.api.portal.TodoService;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.api.persistence.ListQuery;
import org.qinglian.platform.core.entity.TodoEntity;
import org.qinglian.platform.core.entity.UnitEntity;

/** To-dos: each visible to its assignee only. */
@Component(service = TodoService.class)
public class TodoServiceImpl implements TodoService {

    static final String TODO = "todo";

    @Reference(target = "(osgi.unit.name=qinglian-platform)")
    private JpaTemplate jpa;

    @Reference
    private PlatformClock clock;

    @Reference
    private SecurityContext security;

    public TodoServiceImpl() {
    }

    /** For tests. */
    public TodoServiceImpl(JpaTemplate jpa, PlatformClock clock, SecurityContext security) {
        this.jpa = jpa;
        this.clock = clock;
        this.security = security;
    }

    @Override
    public TodoDto raise(TodoDraft draft) {
        validate(draft);
        return Transactions.inTransaction(jpa, em -> {
            List<TodoEntity> open = em.createQuery("select t from TodoEntity t where t.assignee = :assignee"
                    + " and t.moduleId = :module and t.sourceKey = :key and t.doneAt is null and t.deletedAt is null",
                    TodoEntity.class).setParameter("assignee", draft.assignee().toString())
                    .setParameter("module", draft.module()).setParameter("key", draft.sourceKey()).getResultList();
            TodoEntity t = open.isEmpty() ? new TodoEntity() : open.get(0);
            t.setModuleId(draft.module());
            t.setSourceKey(draft.sourceKey());
            t.setAssignee(draft.assignee().toString());
            t.setUnit(draft.unitId() == null ? null : Records.reference(em, UnitEntity.class, draft.unitId(), "unitId"));
            t.setTitleZh(draft.title().zh());
            t.setTitleEn(draft.title().en());
            t.setRoute(draft.route());
            t.setLevel(draft.level() == null ? TodoDraft.Level.INFO : draft.level());
            t.setDueAt(draft.dueAt());
            if (open.isEmpty()) {
                t.created(clock.now());
                em.persist(t);
            } else {
                t.touched(clock.now());
            }
            em.flush();
            return dto(t, Locale.SIMPLIFIED_CHINESE);
        });
    }

    @Override
    public int resolve(String module, String sourceKey) {
        return Transactions.inTransaction(jpa, em -> {
            List<TodoEntity> open = em.createQuery("select t from TodoEntity t where t.moduleId = :module"
                    + " and t.sourceKey = :key and t.doneAt is null and t.deletedAt is null", TodoEntity.class)
                    .setParameter("module", module).setParameter("key", sourceKey).getResultList();
            open.forEach(t -> {
                t.setDoneAt(clock.now());
                t.touched(clock.now());
            });
            return open.size();
        });
    }

    @Override
    public Page<TodoDto> mine(boolean done, PageRequest page, Locale locale) {
        String assignee = assignee();
        return Transactions.inTransaction(jpa, em -> {
            ListQuery<TodoEntity> q = new ListQuery<>(TodoEntity.class, "t", "left join fetch t.unit")
                    .where("t.assignee = :assignee", "assignee", assignee)
                    .where(done ? "t.doneAt is not null" : "t.doneAt is null", null, null);
            return q.page(em, page, t -> dto(t, locale));
        });
    }

    @Override
    public TodoDto complete(UUID id, Locale locale) {
        String assignee = assignee();
        return Transactions.inTransaction(jpa, em -> {
            TodoEntity t = Records.find(em, TodoEntity.class, id);
            if (t == null || !t.getAssignee().equals(assignee)) {
                throw new NotFoundException(TODO, id);
            }
            if (t.getDoneAt() == null) {
                t.setDoneAt(clock.now());
                t.touched(clock.now());
            }
            return dto(t, locale);
        });
    }

    @Override
    public long openCount() {
        String assignee = assignee();
        return Transactions.inTransaction(jpa, em -> em.createQuery("select count(t) from TodoEntity t"
                + " where t.assignee = :assignee and t.doneAt is null and t.deletedAt is null", Long.class)
                .setParameter("assignee", assignee).getSingleResult());
    }

    /** The signed-in caller's user id; a caller-less context (console, job) has no to-dos. */
    private String assignee() {
        return security.caller().map(Caller::getUserId).map(UUID::toString).orElse("-");
    }

    private static void validate(TodoDraft d) {
        Validator v = new Validator();
        if (d == null) {
            v.required("body", null).throwIfInvalid();
        }
        v.required("module", d.module()).required("sourceKey", d.sourceKey()).required("assignee", d.assignee())
                .required("title", d.title())
                .maxLength("module", d.module(), 64).maxLength("sourceKey", d.sourceKey(), 200)
                .maxLength("route", d.route(), 300);
        if (d.title() != null) {
            v.maxLength("title", d.title().zh(), 300).maxLength("title", d.title().en(), 300);
        }
        v.throwIfInvalid();
    }

    static TodoDto dto(TodoEntity t, Locale locale) {
        return new TodoDto(t.getPublicId(), t.getModuleId(), "en".equals(locale.getLanguage()) ? t.getTitleEn()
                : t.getTitleZh(), t.getRoute(), t.getLevel(), t.getDueAt(), t.getCreatedAt(), t.getDoneAt(),
                t.getUnit() == null ? null : t.getUnit().getPublicId());
    }
}
