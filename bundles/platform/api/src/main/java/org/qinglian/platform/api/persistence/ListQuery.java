package org.qinglian.platform.api.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.security.SensitiveReach;
import org.qinglian.platform.api.security.Sensitivity;

/**
 * A paged, filtered, sorted JPQL list over one entity alias: filters are added as conditions
 * with named parameters, sort fields (already whitelisted by {@link PageRequest}) become
 * properties of the alias, and the id breaks ties so pages are stable.
 */
public final class ListQuery<E> {

    private final Class<E> type;
    private final String alias;
    private final String fetch;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /**
     * @param fetch joins fetched for the items (not for the count), e.g. {@code left join fetch u.parent}
     */
    public ListQuery(Class<E> type, String alias, String fetch) {
        this.type = type;
        this.alias = alias;
        this.fetch = fetch;
        conditions.add(alias + ".deletedAt is null");
    }

    public ListQuery<E> where(String condition, String parameter, Object value) {
        conditions.add(condition);
        if (parameter != null) {
            parameters.put(parameter, value);
        }
        return this;
    }

    /** Binds a parameter that a condition added with {@link #where} uses besides its own. */
    public ListQuery<E> parameter(String parameter, Object value) {
        parameters.put(parameter, value);
        return this;
    }

    /**
     * Keeps only records owned by units in the scope: {@code unitIdPath} is the JPQL path of the
     * owning unit's public id, e.g. {@code u.publicId} or {@code p.unit.publicId}.
     */
    public ListQuery<E> inScope(String unitIdPath, Scope scope) {
        if (scope.isUnrestricted()) {
            return this;
        }
        if (scope.units().isEmpty()) {
            return where("1 = 0", null, null);
        }
        List<String> ids = new ArrayList<>();
        scope.units().forEach(u -> ids.add(u.toString()));
        return where(unitIdPath + " in :scopeUnits", "scopeUnits", ids);
    }

    /**
     * Keeps sensitive records only where the caller has need-to-know (the list form of
     * {@code SecurityContext.mayReadSensitive}); other records pass. Apply it with {@link #inScope}.
     *
     * @param sensitivityPath the JPQL path of the record's {@link Sensitivity}, e.g. {@code t.sensitivity}
     * @param unitIdPath the JPQL path of the owning unit's public id
     * @param handlerCondition a JPQL condition that holds when the person bound to {@code :ntkPerson}
     *        (a public id) is a handler of the record
     * @param reach the caller's need-to-know, from {@code SecurityContext.sensitiveReach()}
     */
    public ListQuery<E> needToKnow(String sensitivityPath, String unitIdPath, String handlerCondition,
            SensitiveReach reach) {
        if (reach.everything()) {
            return this;
        }
        List<String> ors = new ArrayList<>();
        ors.add(sensitivityPath + " <> :ntkSensitive");
        parameters.put("ntkSensitive", Sensitivity.SENSITIVE);
        if (!reach.leaderUnits().isEmpty()) {
            List<String> ids = new ArrayList<>();
            reach.leaderUnits().forEach(u -> ids.add(u.toString()));
            ors.add(unitIdPath + " in :ntkUnits");
            parameters.put("ntkUnits", ids);
        }
        if (reach.personId() != null) {
            ors.add(handlerCondition);
            parameters.put("ntkPerson", reach.personId().toString());
        }
        return where("(" + String.join(" or ", ors) + ")", null, null);
    }

    /** Adds a case-insensitive "contains" condition over one or more properties. */
    public ListQuery<E> contains(String parameter, String text, String... properties) {
        List<String> ors = new ArrayList<>();
        for (String property : properties) {
            ors.add("lower(" + alias + "." + property + ") like :" + parameter + " escape '\\'");
        }
        return where("(" + String.join(" or ", ors) + ")", parameter, likePattern(text));
    }

    public static String likePattern(String text) {
        String escaped = text.trim().toLowerCase(Locale.ROOT).replace("\0", "")
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /**
     * An aggregate over the selected records: {@code select <select> from <Entity> <alias> where …
     * <tail>}, e.g. select {@code p.category, count(p)} and tail {@code group by p.category}.
     */
    public <T> List<T> aggregate(EntityManager em, String select, String tail, Class<T> type) {
        String jpql = "select " + select + " from " + type(this.type) + " " + alias + " where "
                + String.join(" and ", conditions) + " " + tail;
        TypedQuery<T> query = bind(em.createQuery(jpql, type), jpql);
        return query.getResultList();
    }

    /** Every selected record with the fetch joins, in the order given (a JPQL order by list). */
    public List<E> all(EntityManager em, String orderBy) {
        String jpql = "select " + alias + " from " + type(type) + " " + alias + " " + fetch + " where "
                + String.join(" and ", conditions) + " order by " + orderBy;
        TypedQuery<E> query = bind(em.createQuery(jpql, type), jpql);
        return query.getResultList();
    }

    /** Binds the parameters the query names (a parameter bound for another query of this list is left out). */
    private <Q extends javax.persistence.Query> Q bind(Q query, String jpql) {
        parameters.forEach((name, value) -> {
            if (java.util.regex.Pattern.compile(":" + name + "\\b").matcher(jpql).find()) {
                query.setParameter(name, value);
            }
        });
        return query;
    }

    private static String type(Class<?> type) {
        return type.getSimpleName();
    }

    public <D> Page<D> page(EntityManager em, PageRequest page, java.util.function.Function<E, D> mapper) {
        String where = " where " + String.join(" and ", conditions);
        String countJpql = "select count(" + alias + ") from " + type.getSimpleName() + " " + alias + where;
        TypedQuery<Long> count = bind(em.createQuery(countJpql, Long.class), countJpql);
        long total = count.getSingleResult();
        List<D> items = new ArrayList<>();
        if (total > page.getOffset()) {
            StringBuilder order = new StringBuilder(" order by ");
            for (PageRequest.SortOrder s : page.getSort()) {
                order.append(alias).append('.').append(s.getField()).append(s.isAscending() ? " asc, " : " desc, ");
            }
            order.append(alias).append(".id asc");
            String jpql = "select " + alias + " from " + type.getSimpleName() + " " + alias + " " + fetch + where + order;
            TypedQuery<E> query = bind(em.createQuery(jpql, type), jpql);
            query.setFirstResult(page.getOffset()).setMaxResults(page.getSize());
            for (E e : query.getResultList()) {
                items.add(mapper.apply(e));
            }
        }
        return new Page<>(items, total, page.getPage(), page.getSize());
    }
}
