package org.qinglian.rectification.core;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

/**
 * Names of the platform's units and people the ledger refers to, read in one query per page from
 * the platform's tables (which the module's foreign keys reference), not once per row.
 */
final class Names {

    private Names() {
    }

    static Map<String, String> units(EntityManager em, Collection<String> ids) {
        return names(em, "pf_unit", ids);
    }

    static Map<String, String> people(EntityManager em, Collection<String> ids) {
        return names(em, "pf_person", ids);
    }

    private static Map<String, String> names(EntityManager em, String table, Collection<String> ids) {
        List<String> wanted = ids.stream().filter(Objects::nonNull).distinct().collect(Collectors.toList());
        Map<String, String> names = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += 500) {
            List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + 500));
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select public_id, name from " + table
                    + " where public_id in (:ids)").setParameter("ids", chunk).getResultList();
            rows.forEach(r -> names.put((String) r[0], (String) r[1]));
        }
        return names;
    }

    /** The unit's top leaders (一把手) in the roster, by public id. */
    static List<String> topLeaders(EntityManager em, String unitId) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("select p.public_id from pf_person p join pf_unit u on u.id = p.unit_id"
                + " where u.public_id = ?1 and p.top_leader = true and p.deleted_at is null")
                .setParameter(1, unitId).getResultList();
        return ids;
    }

    /** Live units by exact name: name to the public ids that bear it. */
    static Map<String, List<String>> unitsByName(EntityManager em, Collection<String> names) {
        return byName(em, "select public_id, name from pf_unit where deleted_at is null and name in (:names)", names);
    }

    /** Live people by exact name, as "unit public id/person public id" pairs per name. */
    static Map<String, List<String>> peopleByName(EntityManager em, Collection<String> names) {
        return byName(em, "select u.public_id || '/' || p.public_id, p.name from pf_person p join pf_unit u"
                + " on u.id = p.unit_id where p.deleted_at is null and p.name in (:names)", names);
    }

    private static Map<String, List<String>> byName(EntityManager em, String sql, Collection<String> names) {
        List<String> wanted = names.stream().filter(Objects::nonNull).distinct().collect(Collectors.toList());
        Map<String, List<String>> found = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += 500) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(sql).setParameter("names",
                    wanted.subList(from, Math.min(wanted.size(), from + 500))).getResultList();
            rows.forEach(r -> found.computeIfAbsent((String) r[1], k -> new java.util.ArrayList<>()).add((String) r[0]));
        }
        return found;
    }
}
