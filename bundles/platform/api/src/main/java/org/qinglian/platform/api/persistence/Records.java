package org.qinglian.platform.api.persistence;

import java.util.List;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.StaleVersionException;
import org.qinglian.platform.api.ValidationException;

/** Look-ups of live records by public id, shared by the platform's and the modules' services. */
public final class Records {

    private Records() {
    }

    /** The live record with this public id, or null. */
    public static <E extends RecordBase> E find(EntityManager em, Class<E> type, UUID id) {
        if (id == null) {
            return null;
        }
        List<E> found = em.createQuery("select e from " + type.getSimpleName()
                + " e where e.publicId = :id and e.deletedAt is null", type)
                .setParameter("id", id.toString()).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The live record with this public id; 404 if there is none. */
    public static <E extends RecordBase> E require(EntityManager em, Class<E> type, UUID id, String kind) {
        E e = find(em, type, id);
        if (e == null) {
            throw new NotFoundException(kind, id);
        }
        return e;
    }

    /** The live record a request refers to in a field; 400 naming the field if there is none. */
    public static <E extends RecordBase> E reference(EntityManager em, Class<E> type, UUID id, String field) {
        E e = find(em, type, id);
        if (e == null) {
            throw new ValidationException(field, "validation.unknownReference", String.valueOf(id));
        }
        return e;
    }

    /** Refuses an edit of a version that is no longer current. */
    public static void checkVersion(RecordBase record, long expected) {
        if (record.getVersion() != expected) {
            throw new StaleVersionException(expected, record.getVersion());
        }
    }

    /** Whether a live record other than {@code self} has this value in a unique property. */
    public static boolean taken(EntityManager em, Class<?> type, String property, String value, Long self) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return em.createQuery("select count(e) from " + type.getSimpleName() + " e where e." + property
                + " = :v and e.deletedAt is null and e.id <> :self", Long.class)
                .setParameter("v", value).setParameter("self", self == null ? Long.MIN_VALUE : self)
                .getSingleResult() > 0;
    }
}
