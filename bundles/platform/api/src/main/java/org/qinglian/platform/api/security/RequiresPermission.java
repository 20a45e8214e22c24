package org.qinglian.platform.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission an operation needs, as {@code <module>:<action>} (for example
 * {@code platform:units-read}). Put on a resource method, or on the class for all of its
 * methods; the method wins. An operation with neither this nor {@link PublicAccess} is denied.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresPermission {

    /** The permission string, {@code <module>:<action>}. */
    String value();
}
