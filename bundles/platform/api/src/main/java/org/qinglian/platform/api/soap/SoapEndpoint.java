package org.qinglian.platform.api.soap;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marker service interface of a JAX-WS implementation (a class annotated with
 * {@code @WebService}). Register it with {@code service = SoapEndpoint.class} and the
 * properties {@value #NAME} and {@code qinglian.module}; the platform publishes it at
 * {@code /services/<name>} and checks the {@code RequiresPermission} of each operation.
 */
@ConsumerType
public interface SoapEndpoint {

    /** Service property: the endpoint's name, the last segment of its address. */
    String NAME = "qinglian.soap.name";

    /** Service property naming the module the endpoint belongs to. */
    String MODULE = "qinglian.module";
}
