package org.qinglian.platform.api.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

/**
 * The platform's units and people as modules refer to them (by public id, with foreign keys to
 * {@code pf_unit} and {@code pf_person}): names read in one query per page, not once per row, in
 * any module's transaction.
 */
public final class Roster {

    private Roster() {
    }

    /** Names of live and deleted units by public id; ids that name no unit are left out. */
    public static Map<String, String> units(EntityManager em, Collection<String> ids) {
        return names(em, "pf_unit", ids);
    }

    /** Names of people of the roster by public id; ids that name no person are left out. */
    public static Map<String, String> people(EntityManager em, Collection<String> ids) {
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

    /**
     * A person of the roster with the unit they belong to and their flags.
     *
     * @param id the person's public id
     * @param unitId the public id of their unit
     */
    public record Person(String id, String name, String unitId, String unitName, boolean topLeader,
            boolean leadershipMember, boolean youngCadre, boolean inspectionCadre) {
    }

    private static final String PERSON_COLUMNS = "select p.public_id as person_id, p.name as person_name,"
            + " u.public_id as unit_id, u.name as unit_name, p.top_leader, p.leadership_member, p.young_cadre,"
            + " p.inspection_cadre from pf_person p join pf_unit u on u.id = p.unit_id";

    /** Live people of the roster by public id, with their units and flags; unknown ids are left out. */
    public static Map<String, Person> persons(EntityManager em, Collection<String> ids) {
        List<String> wanted = ids.stream().filter(Objects::nonNull).distinct().collect(Collectors.toList());
        Map<String, Person> found = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += 500) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(PERSON_COLUMNS + " where p.deleted_at is null and p.public_id in (:ids)")
                    .setParameter("ids", wanted.subList(from, Math.min(wanted.size(), from + 500))).getResultList();
            rows.forEach(r -> found.put((String) r[0], person(r)));
        }
        return found;
    }

    /**
     * The live top leaders (一把手) and leadership members (班子成员) of the units, ordered by unit
     * and name: the people an annual round of political talks must reach.
     */
    public static List<Person> leadership(EntityManager em, Collection<String> unitIds) {
        List<String> wanted = unitIds.stream().filter(Objects::nonNull).distinct().collect(Collectors.toList());
        List<Person> found = new java.util.ArrayList<>();
        for (int from = 0; from < wanted.size(); from += 500) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(PERSON_COLUMNS + " where p.deleted_at is null and u.deleted_at is null"
                    + " and (p.top_leader = true or p.leadership_member = true) and u.public_id in (:ids)"
                    + " order by u.name, p.top_leader desc, p.name, p.id")
                    .setParameter("ids", wanted.subList(from, Math.min(wanted.size(), from + 500))).getResultList();
            rows.forEach(r -> found.add(person(r)));
        }
        return found;
    }

    private static Person person(Object[] r) {
        return new Person((String) r[0], (String) r[1], (String) r[2], (String) r[3], flag(r[4]), flag(r[5]), flag(r[6]),
                flag(r[7]));
    }

    private static boolean flag(Object value) {
        return value instanceof Boolean ? (Boolean) value : value instanceof Number && ((Number) value).intValue() != 0;
    }

    /** A unit a request names in a field: it must exist and be in the caller's scope; else 400 naming the field. */
    public static void requireUnit(EntityManager em, org.qinglian.platform.api.security.Scope scope, java.util.UUID unit,
            String field) {
        if (unit == null || !scope.includes(unit) || units(em, List.of(unit.toString())).isEmpty()) {
            throw new org.qinglian.platform.api.ValidationException(field, "validation.unknownReference",
                    String.valueOf(unit));
        }
    }

    /** A person of the roster a request names in a field: it must exist; else 400 naming the field. */
    public static void requirePerson(EntityManager em, java.util.UUID person, String field) {
        if (person == null || people(em, List.of(person.toString())).isEmpty()) {
            throw new org.qinglian.platform.api.ValidationException(field, "validation.unknownReference",
                    String.valueOf(person));
        }
    }

    /** The unit's top leaders (一把手) in the roster, by public id. */
    public static List<String> topLeaders(EntityManager em, String unitId) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("select p.public_id from pf_person p join pf_unit u on u.id = p.unit_id"
                + " where u.public_id = ?1 and p.top_leader = true and p.deleted_at is null")
                .setParameter(1, unitId).getResultList();
        return ids;
    }

    /** Live units by exact name: name to the public ids that bear it. */
    public static Map<String, List<String>> unitsByName(EntityManager em, Collection<String> names) {
        return byName(em, "select public_id, name from pf_unit where deleted_at is null and name in (:names)", names);
    }

    /** Live people by exact name, as "unit public id/person public id" pairs per name. */
    public static Map<String, List<String>> peopleByName(EntityManager em, Collection<String> names) {
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
