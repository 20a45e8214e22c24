package org.qinglian.platform.security.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManager;

/**
 * The platform's units and people as this bundle sees them: ids only, translated between the
 * internal keys the security tables reference and the public ids of the API, by plain SQL on the
 * platform's tables (their entities belong to the platform's persistence unit).
 */
final class PlatformRecords {

    private static final int CHUNK = 1000;

    private PlatformRecords() {
    }

    /** The internal id of a live unit, or null if there is none. */
    static Long unitId(EntityManager em, UUID publicId) {
        return liveId(em, "pf_unit", publicId);
    }

    /** The internal id of a live person, or null if there is none. */
    static Long personId(EntityManager em, UUID publicId) {
        return liveId(em, "pf_person", publicId);
    }

    /** The internal ids of the units with these public ids (deleted ones included). */
    static Set<Long> unitIds(EntityManager em, Collection<UUID> publicIds) {
        Set<Long> ids = new HashSet<>();
        List<String> all = new ArrayList<>();
        publicIds.forEach(id -> all.add(id.toString()));
        for (int i = 0; i < all.size(); i += CHUNK) {
            for (Object id : em.createNativeQuery("select id from pf_unit where public_id in (:ids)")
                    .setParameter("ids", all.subList(i, Math.min(all.size(), i + CHUNK))).getResultList()) {
                ids.add(((Number) id).longValue());
            }
        }
        return ids;
    }

    /** The public ids of units by internal id (deleted ones included). */
    static Map<Long, UUID> unitPublicIds(EntityManager em, Collection<Long> ids) {
        return publicIds(em, "pf_unit", ids);
    }

    /** The public ids of people by internal id (deleted ones included). */
    static Map<Long, UUID> personPublicIds(EntityManager em, Collection<Long> ids) {
        return publicIds(em, "pf_person", ids);
    }

    /** The public id of a unit, or null for no unit. */
    static UUID unitPublicId(EntityManager em, Long id) {
        return id == null ? null : unitPublicIds(em, List.of(id)).get(id);
    }

    private static Long liveId(EntityManager em, String table, UUID publicId) {
        if (publicId == null) {
            return null;
        }
        List<?> found = em.createNativeQuery("select id from " + table + " where public_id = :id and deleted_at is null")
                .setParameter("id", publicId.toString()).getResultList();
        return found.isEmpty() ? null : ((Number) found.get(0)).longValue();
    }

    private static Map<Long, UUID> publicIds(EntityManager em, String table, Collection<Long> ids) {
        Map<Long, UUID> result = new HashMap<>();
        List<Long> all = new ArrayList<>(new HashSet<>(ids));
        all.remove(null);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<?> rows = em.createNativeQuery("select id, public_id from " + table + " where id in (:ids)")
                    .setParameter("ids", all.subList(i, Math.min(all.size(), i + CHUNK))).getResultList();
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                result.put(((Number) columns[0]).longValue(), UUID.fromString((String) columns[1]));
            }
        }
        return result;
    }
}
