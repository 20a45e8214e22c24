package org.qinglian.platform.api.event;

import java.util.Map;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes events after commit: the event is written in the caller's transaction and posted to
 * EventAdmin once that transaction has committed (and never if it rolled back).
 */
@ProviderType
public interface EventOutbox {

    /**
     * Queues an event in the caller's transaction.
     *
     * @param topic one of {@link Topics}
     * @param payload keys of {@link EventKeys} to text values
     */
    void publish(EntityManager em, String topic, Map<String, String> payload);
}
