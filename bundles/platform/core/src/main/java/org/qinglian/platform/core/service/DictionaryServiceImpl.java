package org.qinglian.platform.core.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.DictionaryDto;
import org.qinglian.platform.api.DictionaryItemDto;
import org.qinglian.platform.api.DictionaryService;
import org.qinglian.platform.api.FieldViolation;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.Validator;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.api.persistence.Records;
import org.qinglian.platform.api.persistence.Transactions;
import org.qinglian.platform.core.entity.DictionaryEntity;
import org.qinglian.platform.core.entity.DictionaryItemEntity;

@Component(service = DictionaryService.class)
public class DictionaryServiceImpl implements DictionaryService {

    @Reference(target = "(osgi.unit.name=qinglian-platform)")
    private JpaTemplate jpa;

    @Reference
    private PlatformClock clock;

    @Reference
    private AuditLog audit;

    public DictionaryServiceImpl() {
    }

    /** For tests: a service over a given template, clock and audit log. */
    public DictionaryServiceImpl(JpaTemplate jpa, PlatformClock clock, AuditLog audit) {
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public List<DictionaryDto> dictionaries() {
        return Transactions.inTransaction(jpa, em -> {
            List<DictionaryDto> result = new ArrayList<>();
            for (DictionaryEntity d : em.createQuery("select d from DictionaryEntity d where d.deletedAt is null"
                    + " order by d.code", DictionaryEntity.class).getResultList()) {
                result.add(Mapping.dictionary(d));
            }
            return result;
        });
    }

    @Override
    public List<DictionaryItemDto> items(String dictionary) {
        return Transactions.inTransaction(jpa, em -> {
            DictionaryEntity d = require(em, dictionary);
            List<DictionaryItemDto> result = new ArrayList<>();
            for (DictionaryItemEntity i : em.createQuery("select i from DictionaryItemEntity i where i.dictionary = :d"
                    + " and i.deletedAt is null order by i.sortOrder, i.code", DictionaryItemEntity.class)
                    .setParameter("d", d).getResultList()) {
                result.add(Mapping.item(i));
            }
            return result;
        });
    }

    @Override
    public boolean isActiveCode(String dictionary, String code) {
        return Transactions.inTransaction(jpa, em -> em.createQuery("select count(i) from DictionaryItemEntity i"
                + " where i.dictionary.code = :d and i.code = :c and i.active = true and i.deletedAt is null", Long.class)
                .setParameter("d", dictionary).setParameter("c", code).getSingleResult() > 0);
    }

    @Override
    public DictionaryItemDto createItem(String dictionary, DictionaryItemDto item) {
        validate(item);
        return Transactions.inTransaction(jpa, em -> {
            DictionaryEntity d = require(em, dictionary);
            DictionaryItemEntity e = new DictionaryItemEntity();
            e.setDictionary(d);
            apply(em, e, item);
            e.created(clock.now());
            em.persist(e);
            em.flush();
            audit.record(em, AuditEvent.of("dictionaryItem.create", "dictionaryItem", e.getPublicId()));
            return Mapping.item(e);
        });
    }

    @Override
    public boolean define(DictionaryDto dictionary, List<DictionaryItemDto> items) {
        new Validator().code("code", dictionary.getCode(), 64).required("nameZh", dictionary.getNameZh())
                .required("nameEn", dictionary.getNameEn()).throwIfInvalid();
        items.forEach(DictionaryServiceImpl::validate);
        return Transactions.inTransaction(jpa, em -> {
            boolean exists = em.createQuery("select count(d) from DictionaryEntity d where d.code = :c", Long.class)
                    .setParameter("c", dictionary.getCode()).getSingleResult() > 0;
            if (exists) {
                return false;
            }
            DictionaryEntity d = new DictionaryEntity();
            d.setCode(dictionary.getCode());
            d.setNameZh(dictionary.getNameZh());
            d.setNameEn(dictionary.getNameEn());
            d.created(clock.now());
            em.persist(d);
            for (DictionaryItemDto item : items) {
                DictionaryItemEntity e = new DictionaryItemEntity();
                e.setDictionary(d);
                apply(em, e, item);
                e.created(clock.now());
                em.persist(e);
            }
            em.flush();
            audit.record(em, AuditEvent.of("dictionary.define", "dictionary", d.getPublicId())
                    .detail(dictionary.getCode()));
            return true;
        });
    }

    @Override
    public DictionaryItemDto updateItem(String dictionary, UUID id, long expectedVersion, DictionaryItemDto item) {
        validate(item);
        return Transactions.inTransaction(jpa, em -> {
            DictionaryEntity d = require(em, dictionary);
            DictionaryItemEntity e = Records.find(em, DictionaryItemEntity.class, id);
            if (e == null || !e.getDictionary().getId().equals(d.getId())) {
                throw new NotFoundException("dictionaryItem", id);
            }
            Records.checkVersion(e, expectedVersion);
            apply(em, e, item);
            e.touched(clock.now());
            em.flush();
            audit.record(em, AuditEvent.of("dictionaryItem.update", "dictionaryItem", e.getPublicId()));
            return Mapping.item(e);
        });
    }

    private static DictionaryEntity require(EntityManager em, String code) {
        List<DictionaryEntity> found = em.createQuery("select d from DictionaryEntity d where d.code = :c"
                + " and d.deletedAt is null", DictionaryEntity.class).setParameter("c", code).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("dictionary", code);
        }
        return found.get(0);
    }

    private static void validate(DictionaryItemDto item) {
        if (item == null) {
            throw new ValidationException("body", "validation.required");
        }
        new Validator()
                .required("code", item.getCode())
                .code("code", item.getCode(), 32)
                .text("labelZh", item.getLabelZh(), 100)
                .text("labelEn", item.getLabelEn(), 200)
                .throwIfInvalid();
    }

    private static void apply(EntityManager em, DictionaryItemEntity e, DictionaryItemDto item) {
        long same = em.createQuery("select count(i) from DictionaryItemEntity i where i.dictionary = :d"
                + " and i.code = :c and i.id <> :self", Long.class)
                .setParameter("d", e.getDictionary()).setParameter("c", item.getCode())
                .setParameter("self", e.getId() == null ? Long.MIN_VALUE : e.getId()).getSingleResult();
        if (same > 0) {
            throw new ProblemException(409, "duplicate", "problem.duplicate",
                    List.of(new FieldViolation("code", "validation.duplicate", item.getCode())));
        }
        e.setCode(item.getCode());
        e.setLabelZh(item.getLabelZh().strip());
        e.setLabelEn(item.getLabelEn().strip());
        e.setSortOrder(item.getSortOrder() == null ? 0 : item.getSortOrder());
        e.setActive(item.getActive() == null || item.getActive());
    }
}
