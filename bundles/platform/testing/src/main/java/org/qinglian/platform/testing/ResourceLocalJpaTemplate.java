package org.qinglian.platform.testing;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * Aries' JpaTemplate outside OSGi: each call is one resource-local transaction on a new
 * EntityManager, committed when the work returns and rolled back when it throws; the failure
 * is rethrown unchanged. Calls do not nest (the services never nest them).
 */
public final class ResourceLocalJpaTemplate implements JpaTemplate {

    /** The entity manager of this template's transaction on this thread: another template (another persistence unit) may nest. */
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    private final EntityManagerFactory emf;

    public ResourceLocalJpaTemplate(EntityManagerFactory emf) {
        this.emf = emf;
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        if (current.get() != null) {
            throw new IllegalStateException("nested JpaTemplate calls are not supported by this test template");
        }
        EntityManager em = emf.createEntityManager();
        current.set(em);
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            R result = code.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            rollback(tx, e);
            throw e;
        } finally {
            current.remove();
            em.close();
        }
    }

    private static void rollback(EntityTransaction tx, Throwable cause) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }
}
