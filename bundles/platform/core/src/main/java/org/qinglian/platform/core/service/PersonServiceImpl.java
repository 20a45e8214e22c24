package org.qinglian.platform.core.service;

import java.util.List;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.DictionaryService;
import org.qinglian.platform.api.FieldViolation;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.PersonDto;
import org.qinglian.platform.api.PersonQuery;
import org.qinglian.platform.api.PersonService;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.PositionDto;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.Validator;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.api.persistence.ListQuery;
import org.qinglian.platform.api.persistence.Records;
import org.qinglian.platform.api.persistence.Transactions;
import org.qinglian.platform.core.entity.PersonEntity;
import org.qinglian.platform.core.entity.PositionEmbeddable;
import org.qinglian.platform.core.entity.UnitEntity;

@Component(service = PersonService.class)
public class PersonServiceImpl implements PersonService {

    static final String PERSON = "person";
    static final int MAX_POSITIONS = 50;

    @Reference(target = "(osgi.unit.name=qinglian-platform)")
    private JpaTemplate jpa;

    @Reference
    private PlatformClock clock;

    @Reference
    private DictionaryService dictionaries;

    @Reference
    private SecurityContext security;

    @Reference
    private AuditLog audit;

    public PersonServiceImpl() {
    }

    /** For tests: a service over a given template, clock, dictionaries, security context and audit log. */
    public PersonServiceImpl(JpaTemplate jpa, PlatformClock clock, DictionaryService dictionaries,
            SecurityContext security, AuditLog audit) {
        this.jpa = jpa;
        this.clock = clock;
        this.dictionaries = dictionaries;
        this.security = security;
        this.audit = audit;
    }

    /** The live person with this id if their unit is in the caller's scope; 404 otherwise. */
    private PersonEntity visible(EntityManager em, UUID id) {
        PersonEntity e = Records.require(em, PersonEntity.class, id, PERSON);
        if (!security.scope().includes(e.getUnit().getPublicId())) {
            throw new NotFoundException(PERSON, id);
        }
        return e;
    }

    private UnitEntity unit(EntityManager em, UUID id, String field) {
        UnitEntity unit = Records.reference(em, UnitEntity.class, id, field);
        if (!security.scope().includes(unit.getPublicId())) {
            throw new ValidationException(field, "validation.unknownReference", String.valueOf(id));
        }
        return unit;
    }

    @Override
    public Page<PersonDto> list(PersonQuery query, PageRequest page) {
        return Transactions.inTransaction(jpa, em -> {
            ListQuery<PersonEntity> q = new ListQuery<>(PersonEntity.class, "p", "join fetch p.unit")
                    .inScope("p.unit.publicId", security.scope());
            if (query.getUnitId() != null) {
                q.where("p.unit.publicId = :unit", "unit", query.getUnitId().toString());
            }
            if (query.getName() != null && !query.getName().isBlank()) {
                q.contains("name", query.getName(), "name");
            }
            flag(q, "topLeader", query.getTopLeader());
            flag(q, "leadershipMember", query.getLeadershipMember());
            flag(q, "youngCadre", query.getYoungCadre());
            flag(q, "inspectionCadre", query.getInspectionCadre());
            return q.page(em, page, Mapping::person);
        });
    }

    private static void flag(ListQuery<PersonEntity> q, String property, Boolean value) {
        if (value != null) {
            q.where("p." + property + " = :" + property, property, value);
        }
    }

    @Override
    public PersonDto get(UUID id) {
        return Transactions.inTransaction(jpa, em -> Mapping.person(visible(em, id)));
    }

    @Override
    public PersonDto create(PersonDto person) {
        validate(person, null);
        return Transactions.inTransaction(jpa, em -> {
            PersonEntity e = new PersonEntity();
            apply(em, e, person);
            e.created(clock.now());
            em.persist(e);
            em.flush();
            audit.record(em, AuditEvent.of("person.create", PERSON, e.getPublicId()));
            return Mapping.person(e);
        });
    }

    @Override
    public PersonDto update(UUID id, long expectedVersion, PersonDto person) {
        validate(person, get(id));
        return Transactions.inTransaction(jpa, em -> {
            PersonEntity e = visible(em, id);
            Records.checkVersion(e, expectedVersion);
            apply(em, e, person);
            e.touched(clock.now());
            em.flush();
            audit.record(em, AuditEvent.of("person.update", PERSON, e.getPublicId()));
            return Mapping.person(e);
        });
    }

    @Override
    public void delete(UUID id, long expectedVersion) {
        Transactions.inTransaction(jpa, em -> {
            PersonEntity e = visible(em, id);
            Records.checkVersion(e, expectedVersion);
            e.deleted(clock.now());
            audit.record(em, AuditEvent.of("person.delete", PERSON, e.getPublicId()));
            return null;
        });
    }

    /**
     * @param existing the person as stored, for an update: codes it already holds stay valid even
     *        after they were deactivated; only codes chosen anew must be active
     */
    private void validate(PersonDto person, PersonDto existing) {
        if (person == null) {
            throw new ValidationException("body", "validation.required");
        }
        Validator v = new Validator()
                .text("name", person.getName(), 50)
                .maxLength("externalId", person.getExternalId(), 64)
                .required("unitId", person.getUnitId());
        if (chosenAnew(person.getGender(), existing == null ? null : existing.getGender())
                && !dictionaries.isActiveCode("gender", person.getGender())) {
            v.reject("gender", "validation.unknownCode", person.getGender());
        }
        if (chosenAnew(person.getRank(), existing == null ? null : existing.getRank())
                && !dictionaries.isActiveCode("rank", person.getRank())) {
            v.reject("rank", "validation.unknownCode", person.getRank());
        }
        if (person.getBirthDate() != null && person.getBirthDate().isAfter(clock.today())) {
            v.reject("birthDate", "validation.inFuture");
        }
        List<PositionDto> positions = person.getPositions() == null ? List.of() : person.getPositions();
        if (positions.size() > MAX_POSITIONS) {
            v.reject("positions", "validation.tooMany", MAX_POSITIONS);
        }
        for (int i = 0; i < positions.size(); i++) {
            PositionDto p = positions.get(i);
            String field = "positions[" + i + "]";
            if (p == null) {
                v.reject(field, "validation.required");
                continue;
            }
            v.text(field + ".title", p.getTitle(), 100).required(field + ".startDate", p.getStartDate());
            if (p.getStartDate() != null && p.getEndDate() != null && p.getEndDate().isBefore(p.getStartDate())) {
                v.reject(field + ".endDate", "validation.endBeforeStart");
            }
        }
        v.throwIfInvalid();
    }

    private static boolean chosenAnew(String code, String held) {
        return code != null && !code.equals(held);
    }

    private void apply(EntityManager em, PersonEntity e, PersonDto person) {
        UnitEntity unit = unit(em, person.getUnitId(), "unitId");
        if (Records.taken(em, PersonEntity.class, "externalId", person.getExternalId(), e.getId())) {
            throw new ProblemException(409, "duplicate", "problem.duplicate",
                    List.of(new FieldViolation("externalId", "validation.duplicate", person.getExternalId())));
        }
        e.setName(person.getName().strip());
        e.setExternalId(UnitServiceImpl.blankToNull(person.getExternalId()));
        e.setGender(person.getGender());
        e.setBirthDate(person.getBirthDate());
        e.setUnit(unit);
        e.setRank(person.getRank());
        e.setTopLeader(person.isTopLeader());
        e.setLeadershipMember(person.isLeadershipMember());
        e.setYoungCadre(person.isYoungCadre());
        e.setInspectionCadre(person.isInspectionCadre());
        e.getPositions().clear();
        List<PositionDto> positions = person.getPositions() == null ? List.of() : person.getPositions();
        for (int i = 0; i < positions.size(); i++) {
            PositionDto p = positions.get(i);
            PositionEmbeddable pe = new PositionEmbeddable();
            pe.setTitle(p.getTitle().strip());
            pe.setUnit(p.getUnitId() == null ? null : unit(em, p.getUnitId(), "positions[" + i + "].unitId"));
            pe.setStartDate(p.getStartDate());
            pe.setEndDate(p.getEndDate());
            e.getPositions().add(pe);
        }
    }
}
