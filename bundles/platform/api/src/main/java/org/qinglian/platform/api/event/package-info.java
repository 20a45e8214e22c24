/**
 * Events between modules: the topics and payload keys modules publish and react to, and the
 * outbox that hands an event to EventAdmin only after the transaction that caused it committed.
 * A module reacts to a topic named here without depending on the module that publishes it.
 */
@Export
@Version("1.1.0")
package org.qinglian.platform.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
