package org.qinglian.platform.security.account;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The security bundle's configuration, PID {@value #PID} ({@code etc/org.qinglian.platform.security.cfg}).
 * Read by the account service (session timeouts), the password hasher (concurrency) and the
 * request filter of the web layer (trusted proxies).
 */
@ObjectClassDefinition(name = "Qinglian security",
        description = "Session timeouts, password hashing and the reverse proxies trusted for client addresses")
public @interface SecurityConfig {

    /** The configuration PID every component of this bundle reads. */
    String PID = "org.qinglian.platform.security";

    @AttributeDefinition(name = "Idle timeout (minutes)", min = "1",
            description = "A session unused for this long ends")
    int idleMinutes() default 30;

    @AttributeDefinition(name = "Absolute timeout (hours)", min = "1",
            description = "A session ends this long after sign-in, however active")
    int absoluteHours() default 12;

    @AttributeDefinition(name = "Concurrent password hashing", min = "1",
            description = "How many Argon2id computations (46 MiB each) may run at once; the others wait")
    int hashConcurrency() default 2;

    @AttributeDefinition(name = "Trusted proxies", required = false,
            description = "Addresses of reverse proxies whose X-Forwarded-For is believed; empty: none")
    String[] trustedProxies() default {};
}
