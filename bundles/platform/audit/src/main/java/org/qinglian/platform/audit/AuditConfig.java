package org.qinglian.platform.audit;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration {@value AuditTrailImpl#PID}: read by the audit trail (key and head file) and by
 * the sealer (interval). {@code ${name}} in a value is replaced by the system property of that
 * name, so the defaults work without a .cfg file too.
 */
@ObjectClassDefinition(name = "Qinglian audit trail",
        description = "The key that seals the audit trail, where the newest sealed entry is exported, how often to seal")
public @interface AuditConfig {

    @AttributeDefinition(description = "File holding the HMAC key (base64, at least 32 bytes), created with mode 600"
            + " at first start if missing; every node of a cluster needs the same key")
    String keyFile() default "${karaf.etc}/qinglian-audit.key";

    @AttributeDefinition(description = "File the newest sealed entry (sequence and hash) is written to after each seal")
    String headFile() default "${karaf.data}/qinglian/audit-head";

    @AttributeDefinition(description = "Seconds between two seals of committed entries (at least 1)", min = "1")
    long sealIntervalSeconds() default 5;
}
