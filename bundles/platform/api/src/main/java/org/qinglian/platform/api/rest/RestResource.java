package org.qinglian.platform.api.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marker service interface of a JAX-RS root resource. A module registers its resources as
 * Declarative Services components with {@code service = RestResource.class} and the
 * {@value #MODULE} property; the platform publishes one CXF server per module, at
 * {@code /api/v1} for the platform itself and {@code /api/v1/<module>} for the others.
 */
@ConsumerType
public interface RestResource {

    /** Service property naming the module a resource belongs to, e.g. {@code talks}. */
    String MODULE = "qinglian.module";

    /** The module id of the platform's own resources. */
    String PLATFORM = "platform";
}
