package org.qinglian.platform.security.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.security.ScopeKind;
import org.qinglian.platform.security.account.entity.RoleEntity;
import org.qinglian.platform.security.account.entity.UserEntity;

/** Look-ups and changes of accounts shared by the services of this package, inside their transactions. */
final class Accounts {

    static final String USER = "user";
    static final String ROLE = "role";
    static final String TOKEN = "apiToken";

    private Accounts() {
    }

    /** The live user with this public id, or null. */
    static UserEntity findUser(EntityManager em, UUID id) {
        if (id == null) {
            return null;
        }
        List<UserEntity> found = em.createQuery("select u from UserEntity u where u.publicId = :id"
                + " and u.deletedAt is null", UserEntity.class).setParameter("id", id.toString()).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The live user with this public id; 404 if there is none. */
    static UserEntity requireUser(EntityManager em, UUID id) {
        UserEntity u = findUser(em, id);
        if (u == null) {
            throw new NotFoundException(USER, id);
        }
        return u;
    }

    /** The live user with this user name, compared regardless of case, or null. */
    static UserEntity findByUsername(EntityManager em, String username) {
        List<UserEntity> found = em.createQuery("select u from UserEntity u where lower(u.username) = :name"
                + " and u.deletedAt is null", UserEntity.class)
                .setParameter("name", username.toLowerCase(Locale.ROOT)).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** Whether a user other than {@code self}, live or deleted, has this user name regardless of case. */
    static boolean usernameTaken(EntityManager em, String username, Long self) {
        return em.createQuery("select count(u) from UserEntity u where lower(u.username) = :name and u.id <> :self",
                Long.class).setParameter("name", username.toLowerCase(Locale.ROOT))
                .setParameter("self", self == null ? Long.MIN_VALUE : self).getSingleResult() > 0;
    }

    /** The live roles with these codes. */
    static List<RoleEntity> rolesByCode(EntityManager em, Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select distinct r from RoleEntity r left join fetch r.permissions"
                + " where r.code in :codes and r.deletedAt is null", RoleEntity.class)
                .setParameter("codes", codes).getResultList();
    }

    /** The widest scope of the roles, or null if there are none. */
    static ScopeKind widest(Collection<RoleEntity> roles) {
        ScopeKind widest = null;
        for (RoleEntity r : roles) {
            if (!r.isDeleted() && (widest == null || r.getScopeKind().ordinal() > widest.ordinal())) {
                widest = r.getScopeKind();
            }
        }
        return widest;
    }

    /** Whether the scope kind is no wider than the limit (a null limit allows nothing). */
    static boolean noWider(ScopeKind kind, ScopeKind limit) {
        return limit != null && kind != null && kind.ordinal() <= limit.ordinal();
    }

    /** Revokes every open session of the user; answers how many. */
    static int endSessions(EntityManager em, UserEntity user, Instant now) {
        return em.createQuery("update SessionEntity s set s.revokedAt = :now where s.user = :u and s.revokedAt is null")
                .setParameter("now", now).setParameter("u", user).executeUpdate();
    }

    /** Lifts every lock of the user: the account-wide one and those of each client address. */
    static void unlock(EntityManager em, UserEntity user) {
        user.setLockedUntil(null);
        user.setFailedCount(0);
        em.createQuery("delete from LoginFailureEntity f where f.key.userId = :u").setParameter("u", user.getId())
                .executeUpdate();
    }

    /** Codes of live roles, sorted. */
    static Set<String> codes(Collection<RoleEntity> roles) {
        Set<String> codes = new java.util.TreeSet<>();
        for (RoleEntity r : roles) {
            if (!r.isDeleted()) {
                codes.add(r.getCode());
            }
        }
        return codes;
    }
}
